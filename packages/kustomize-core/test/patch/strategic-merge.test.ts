import { cloneYaml, type YamlMap } from '@kustomate/resource';
import { describe, expect, it } from 'vitest';
import { KustomizeError } from '../../src/errors.js';
import { applyStrategicMerge } from '../../src/patch/index.js';
import { builtinSchema } from '../../src/schema/schema-info.js';
import { SMP_ORACLE_CASES } from './fixtures/smp-oracle-cases.js';

/** Applies a patch the way kustomize's `Resource.ApplySmPatch` does (kind/name/namespace kept). */
function smp(target: YamlMap, patch: YamlMap): YamlMap | null {
  const res = cloneYaml(target);
  const { kind } = res;
  const metadata = res.metadata as YamlMap;
  const { name, namespace } = metadata;
  const out = applyStrategicMerge(res, patch, { schema: builtinSchema });
  if (out === null) return null;
  out.kind = kind ?? null;
  const outMeta = out.metadata as YamlMap;
  outMeta.name = name ?? null;
  if (namespace === undefined) delete outMeta.namespace;
  else outMeta.namespace = namespace;
  return out;
}

const deployment = (spec: YamlMap, metadata: YamlMap = {}): YamlMap => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', ...metadata },
  spec,
});
const podSpec = (spec: YamlMap): YamlMap => deployment({ template: { spec } });

describe('applyStrategicMerge: oracle goldens', () => {
  for (const c of SMP_ORACLE_CASES) {
    it(c.name, () => {
      if (c.error !== undefined) {
        let thrown: unknown;
        try {
          smp(c.target, c.patch);
        } catch (e) {
          thrown = e;
        }
        expect(thrown).toBeInstanceOf(KustomizeError);
        expect((thrown as KustomizeError).code).toBe('InvalidPatch');
        expect((thrown as KustomizeError).message).toContain(c.error);
        return;
      }
      expect(smp(c.target, c.patch)).toEqual(c.expected);
    });
  }
});

describe('applyStrategicMerge: documented vectors', () => {
  it('puts patch elements first, then untouched target elements', () => {
    const target = podSpec({ containers: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] });
    const patch = podSpec({ containers: [{ name: 'c' }, { name: 'new' }, { name: 'a' }] });
    const names = (smp(target, patch)?.spec as YamlMap).template as YamlMap;
    expect((names.spec as YamlMap).containers).toEqual([
      { name: 'c' },
      { name: 'new' },
      { name: 'a' },
      { name: 'b' },
    ]);
  });

  it('loses patch data in multi-key Service ports (verified kustomize bug)', () => {
    const service = (ports: YamlMap[]): YamlMap => ({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 's' },
      spec: { ports },
    });
    const target = service([
      { port: 443, protocol: 'TCP', name: 'https' },
      { port: 80, protocol: 'TCP', name: 'http' },
    ]);
    const patch = service([
      { port: 80, name: 'changed' },
      { port: 9090, protocol: 'UDP', name: 'new' },
    ]);
    expect((smp(target, patch)?.spec as YamlMap).ports).toEqual([
      { name: 'new', port: 9090, protocol: 'UDP' },
      { name: 'https', port: 443, protocol: 'TCP' },
      { name: 'http', port: 80, protocol: 'TCP' },
    ]);
  });

  it('replaces lists of kinds without a schema', () => {
    const cr = (items: YamlMap[]): YamlMap => ({
      apiVersion: 'example.com/v1',
      kind: 'Thing',
      metadata: { name: 't' },
      spec: { items },
    });
    const out = smp(
      cr([
        { name: 'a', v: 1 },
        { name: 'b', v: 2 },
      ]),
      cr([{ name: 'b', v: 3 }]),
    );
    expect((out?.spec as YamlMap).items).toEqual([{ name: 'b', v: 3 }]);
  });

  it('copies $setElementOrder, $retainKeys and $deleteFromPrimitiveList as plain fields', () => {
    const patch = podSpec({
      '$setElementOrder/containers': [{ name: 'b' }],
      $retainKeys: ['containers'],
      '$deleteFromPrimitiveList/args': ['x'],
    });
    const spec = ((smp(podSpec({}), patch)?.spec as YamlMap).template as YamlMap).spec;
    expect(spec).toEqual({
      '$setElementOrder/containers': [{ name: 'b' }],
      $retainKeys: ['containers'],
      '$deleteFromPrimitiveList/args': ['x'],
    });
  });

  it('returns null for a root $patch: delete and ignores a root $patch: replace', () => {
    const cm: YamlMap = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c' },
      data: { a: 'x' },
    };
    expect(
      applyStrategicMerge(cloneYaml(cm), { ...cm, $patch: 'delete' }, { schema: builtinSchema }),
    ).toBeNull();
    const replaced = applyStrategicMerge(
      cloneYaml(cm),
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'c' },
        $patch: 'replace',
        data: { b: 'y' },
      },
      { schema: builtinSchema },
    );
    expect(replaced).toEqual(cm);
  });

  it('mutates the target in place and never the patch', () => {
    const target = podSpec({ containers: [{ name: 'a', image: 'a:1' }] });
    const patch = podSpec({
      containers: [
        { name: 'a', image: 'a:2', env: [{ name: 'X', $patch: 'delete' }] },
        { $patch: 'merge' },
      ],
    });
    const before = cloneYaml(patch);
    const out = applyStrategicMerge(target, patch, { schema: builtinSchema });
    expect(out).toBe(target);
    expect(patch).toEqual(before);
    // oracle: the element-only `$patch: merge` is dropped and the emptied env list stays
    expect(target).toEqual(podSpec({ containers: [{ name: 'a', image: 'a:2', env: [] }] }));
  });

  it('throws InvalidPatch for an unknown $patch value in a list', () => {
    const patch = podSpec({ containers: [{ $patch: 'sideways' }] });
    expect(() => smp(podSpec({ containers: [{ name: 'a' }] }), patch)).toThrow(
      "unknown patch strategy 'sideways'",
    );
  });
});
