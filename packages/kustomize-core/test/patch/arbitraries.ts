import fc from 'fast-check';
import type { YamlMap, YamlValue } from '@kustomate/resource';

/** Options for the Deployment generator. */
export interface DeploymentShape {
  /** Merge-key lists hold unique, complete keys; no null or `{}` list elements. */
  wellFormed: boolean;
  /** Allow `null` field values. */
  nulls: boolean;
}

const word = fc.constantFrom('a', 'b', 'c', 'x');
const scalar: fc.Arbitrary<YamlValue> = fc.oneof(
  word,
  fc.integer({ min: 0, max: 3 }),
  fc.boolean(),
);

function optional(entries: Record<string, fc.Arbitrary<YamlValue>>): fc.Arbitrary<YamlMap> {
  return fc.record(entries, { requiredKeys: [] }) as fc.Arbitrary<YamlMap>;
}

function withNulls(arb: fc.Arbitrary<YamlValue>, nulls: boolean): fc.Arbitrary<YamlValue> {
  return nulls
    ? fc.oneof({ weight: 5, arbitrary: arb }, { weight: 1, arbitrary: fc.constant(null) })
    : arb;
}

function keyedList(
  element: fc.Arbitrary<YamlMap>,
  keyOf: (e: YamlMap) => string,
  shape: DeploymentShape,
): fc.Arbitrary<YamlValue[]> {
  if (shape.wellFormed) return fc.uniqueArray(element, { maxLength: 4, selector: keyOf });
  return fc.array(
    fc.oneof({ weight: 8, arbitrary: element }, { weight: 1, arbitrary: fc.constant({}) }),
    {
      maxLength: 4,
    },
  );
}

/** Random Deployments touching maps, scalars, merge-keyed, multi-key, primitive and plain lists. */
export function deploymentArb(shape: DeploymentShape): fc.Arbitrary<YamlMap> {
  const n = (arb: fc.Arbitrary<YamlValue>) => withNulls(arb, shape.nulls);
  const labels = fc.dictionary(word, n(word), { maxKeys: 3 });
  const port = shape.wellFormed
    ? fc.record({
        containerPort: fc.constantFrom(80, 443),
        protocol: fc.constantFrom('TCP', 'UDP'),
        name: word,
      })
    : optional({
        containerPort: fc.constantFrom(80, 443),
        protocol: fc.constantFrom('TCP', 'UDP'),
        name: word,
      });
  const env = shape.wellFormed
    ? fc.record({ name: fc.constantFrom('E1', 'E2', 'E3'), value: n(word) })
    : optional({ name: fc.constantFrom('E1', 'E2', 'E3'), value: n(word) });
  const container = shape.wellFormed
    ? fc.record(
        {
          name: fc.constantFrom('a', 'b', 'c'),
          image: n(word),
          args: fc.array(word, { maxLength: 3 }),
          env: keyedList(env, (e) => String(e.name), shape),
          ports: keyedList(port, (p) => `${String(p.containerPort)}/${String(p.protocol)}`, shape),
        },
        { requiredKeys: ['name'] },
      )
    : optional({
        name: fc.constantFrom('a', 'b', 'c'),
        image: n(word),
        args: fc.array(word, { maxLength: 3 }),
        env: keyedList(env, (e) => String(e.name), shape),
        ports: keyedList(port, (p) => String(p.containerPort), shape),
      });
  const finalizers = shape.wellFormed
    ? fc.uniqueArray(word, { maxLength: 3 })
    : fc.array(fc.oneof(word, fc.constant('x')), { maxLength: 3 });
  const podSpec = optional({
    containers: keyedList(container as fc.Arbitrary<YamlMap>, (c) => String(c.name), shape),
    tolerations: fc.array(fc.record({ key: word }), { maxLength: 2 }),
    nodeSelector: labels,
    hostname: n(scalar),
  });
  return fc
    .record({
      metadata: optional({ labels, finalizers, annotations: labels }),
      spec: optional({
        replicas: n(fc.integer({ min: 0, max: 3 })),
        template: optional({ spec: podSpec }),
      }),
    })
    .map(({ metadata, spec }) => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { ...(metadata as YamlMap), name: 'web' },
      spec,
    }));
}

/** True when a value holds no list anywhere. */
export function hasNoList(value: YamlValue): boolean {
  if (Array.isArray(value)) return false;
  if (value !== null && typeof value === 'object') return Object.values(value).every(hasNoList);
  return true;
}
