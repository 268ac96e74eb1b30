/**
 * Bad input never crashes the build: random and mutated kustomizations, resources and
 * patches either build or are refused with a typed error (`KustomizeError`, `VfsError`) — no
 * TypeError, RangeError or hang. Inputs start from the conformance corpus (mutated bytes,
 * keys and values) or are generated from scratch. Seeded; `FUZZ_RUNS` sets the run count.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MemoryFiles } from '@kustomate/vfs';
import { parseYaml11 } from '../../src/yaml/index.js';
import { corpusInputs, fuzzBuild, PARAMS, type LoadedCase } from './harness.js';

const CASES = corpusInputs();
const KUSTOMIZATION_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/** The kustomization file of a case's build directory. */
function kustomizationPath(c: LoadedCase): string | undefined {
  return KUSTOMIZATION_NAMES.map((n) => `${c.buildDir}/${n}`).find((p) => p in c.files);
}

/** Fragments that matter to YAML, kustomize fields and Go-isms. */
const TOKENS = [
  ':',
  ': ',
  '- ',
  '\n',
  '\n  ',
  ' ',
  '  ',
  '\t',
  '#',
  '[',
  ']',
  '{',
  '}',
  ',',
  '&a ',
  '*a',
  '<<: ',
  '!!binary ',
  '!!int ',
  '!foo ',
  '"',
  "'",
  '|',
  '>-',
  '%YAML 1.2\n',
  '---\n',
  '...\n',
  '~',
  'null',
  '0x1F',
  '1e400',
  '-.inf',
  '.nan',
  '$patch: delete',
  '$patch: replace',
  '$(VAR)',
  '../',
  '/',
  '..',
  'kind: List\nitems:\n',
  'apiVersion: v1\n',
  'metadata:\n  name: x\n',
  '\u0000',
  '\uFEFF',
  '\u2028',
  'é',
  '\r\n',
  '{{',
  '%',
  '@',
  '`',
  '\\',
  '==',
  '=',
  '*',
  '?',
];

const FIELDS = [
  'resources',
  'bases',
  'components',
  'patches',
  'patchesStrategicMerge',
  'patchesJson6902',
  'namePrefix',
  'nameSuffix',
  'namespace',
  'commonLabels',
  'labels',
  'commonAnnotations',
  'images',
  'replicas',
  'configMapGenerator',
  'secretGenerator',
  'generatorOptions',
  'vars',
  'replacements',
  'openapi',
  'crds',
  'configurations',
  'buildMetadata',
  'sortOptions',
  'helmCharts',
  'helmGlobals',
  'transformers',
  'generators',
  'validators',
  'apiVersion',
  'kind',
  'metadata',
  'imageTags',
  'nameprefix',
];

/** JSON values biased towards the shapes kustomize fields take. */
const jsonish: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom<unknown>(
      null,
      true,
      false,
      0,
      -1,
      1.5,
      2 ** 63,
      '',
      'x',
      'cm',
      '../x',
      'a.yaml',
      'v1',
      'ConfigMap',
      'Deployment',
      '*',
      'apps/v1',
      'spec.replicas',
      '$patch',
      'delete',
      'merge',
      'replace',
      'a=b',
      '{}',
      '[]',
      'fifo',
      'legacy',
      'https://example.com/x.yaml',
    ),
    fc.string({ maxLength: 8 }),
    fc.array(tie('v'), { maxLength: 3 }),
    fc.dictionary(
      fc.oneof(
        fc.constantFrom(
          'name',
          'kind',
          'path',
          'patch',
          'target',
          'op',
          'value',
          'from',
          'group',
          'version',
          'namespace',
          'literals',
          'files',
          'envs',
          'behavior',
          'options',
          'source',
          'targets',
          'fieldPath',
          'fieldPaths',
          'select',
          'objref',
          'fieldref',
          'newName',
          'newTag',
          'digest',
          'count',
          'pairs',
          'includeSelectors',
          'labelSelector',
          'create',
        ),
        fc.string({ maxLength: 6 }),
      ),
      tie('v'),
      { maxKeys: 4 },
    ),
  ),
})).v;

function applyEdits(text: string, edits: { at: number; op: number; token: string }[]): string {
  let out = text;
  for (const { at, op, token } of edits) {
    const i = Math.floor(at * (out.length + 1));
    if (op === 0) out = out.slice(0, i) + token + out.slice(i);
    else if (op === 1) out = out.slice(0, i) + out.slice(i + token.length);
    else out = out.slice(0, i) + token + out.slice(i + token.length);
  }
  return out;
}

const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  op: fc.integer({ min: 0, max: 2 }),
  token: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 4 })),
});

const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  a: b\n';
const DEPLOY =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n' +
  '  template:\n    spec:\n      containers:\n      - name: app\n        image: nginx\n' +
  '        ports:\n        - containerPort: 80\n';

describe('fuzz: build() only fails with typed errors', () => {
  it('has corpus inputs to mutate', () => {
    expect(CASES.length).toBeGreaterThan(20);
  });

  it('byte-level mutations of corpus files', () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.nat(),
        fc.array(edit, { minLength: 1, maxLength: 4 }),
        (ci, fi, edits) => {
          const c = CASES[ci % CASES.length] as LoadedCase;
          const names = Object.keys(c.files).sort();
          // Mostly the kustomization itself, else any file of the case.
          const target =
            fi % 2 === 0
              ? (kustomizationPath(c) ?? names[0])
              : names[fi % Math.max(1, names.length)];
          if (target === undefined) return;
          const files: MemoryFiles = {
            ...c.files,
            [target]: applyEdits(c.files[target] ?? '', edits),
          };
          fuzzBuild(files, c.buildDir, c.restrictor);
        },
      ),
      PARAMS,
    );
  });

  it('key and value mutations of corpus kustomizations', () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.array(
          fc.record({
            op: fc.integer({ min: 0, max: 3 }),
            field: fc.constantFrom(...FIELDS),
            value: jsonish,
            pick: fc.nat(),
          }),
          { minLength: 1, maxLength: 3 },
        ),
        (ci, mutations) => {
          const c = CASES[ci % CASES.length] as LoadedCase;
          const path = kustomizationPath(c);
          if (path === undefined) return;
          let k: unknown;
          try {
            k = parseYaml11(c.files[path] ?? '', path);
          } catch {
            return;
          }
          const obj: Record<string, unknown> =
            k !== null && typeof k === 'object' && !Array.isArray(k)
              ? { ...(k as Record<string, unknown>) }
              : {};
          for (const m of mutations) {
            const keys = Object.keys(obj);
            const existing = keys[m.pick % Math.max(1, keys.length)];
            if (m.op === 0) obj[m.field] = m.value;
            else if (m.op === 1 && existing !== undefined) delete obj[existing];
            else if (m.op === 2 && existing !== undefined) obj[existing] = m.value;
            else if (existing !== undefined) {
              // Mutate one element of a list field, or wrap the value in a list.
              const v = obj[existing];
              obj[existing] = Array.isArray(v)
                ? v.map((e, i) => (i === m.pick % v.length ? m.value : e))
                : [v, m.value];
            }
          }
          fuzzBuild({ ...c.files, [path]: JSON.stringify(obj) }, c.buildDir, c.restrictor);
        },
      ),
      PARAMS,
    );
  });

  it('kustomizations generated from scratch', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...FIELDS), jsonish, { maxKeys: 5 }), (k) => {
        const files: MemoryFiles = {
          '/app/kustomization.yaml': JSON.stringify({
            resources: ['cm.yaml', 'deploy.yaml'],
            ...k,
          }),
          '/app/cm.yaml': CM,
          '/app/deploy.yaml': DEPLOY,
          '/app/a.yaml': CM.replace('name: cm', 'name: a'),
          '/app/x/kustomization.yaml': 'resources: [../cm.yaml]\n',
        };
        fuzzBuild(files, '/app');
      }),
      PARAMS,
    );
  });

  it('random strategic-merge and JSON 6902 patches', () => {
    const smp = fc.record({
      apiVersion: fc.constantFrom('apps/v1', 'v1', 'apps/v2'),
      kind: fc.constantFrom('Deployment', 'ConfigMap', 'Foo'),
      metadata: fc.record({ name: fc.constantFrom('web', 'cm', 'nope') }),
      spec: jsonish,
      data: jsonish,
      $patch: fc.constantFrom(undefined, 'delete', 'replace', 'merge', 'bogus'),
    });
    const op = fc.record({
      op: fc.constantFrom('add', 'remove', 'replace', 'move', 'copy', 'test', 'bogus'),
      path: fc.oneof(
        fc.constantFrom(
          '/spec/replicas',
          '/spec/template/spec/containers/0',
          '/spec/template/spec/containers/-',
          '/metadata/name',
          '/data/a',
          '/',
          '',
          '/spec/~1x',
          '/spec/0/1',
          'spec',
        ),
        fc.string({ maxLength: 6 }),
      ),
      from: fc.constantFrom(undefined, '/spec', '/metadata/labels', '/nope'),
      value: jsonish,
    });
    fc.assert(
      fc.property(
        fc.array(smp, { maxLength: 2 }),
        fc.array(op, { maxLength: 3 }),
        fc.constantFrom('Deployment', 'ConfigMap', '*'),
        (sms, ops, kind) => {
          const files: MemoryFiles = {
            '/app/kustomization.yaml': JSON.stringify({
              resources: ['cm.yaml', 'deploy.yaml'],
              patches: [
                ...sms.map((p) => ({ patch: JSON.stringify(p) })),
                { target: { kind }, patch: JSON.stringify(ops) },
              ],
            }),
            '/app/cm.yaml': CM,
            '/app/deploy.yaml': DEPLOY,
          };
          fuzzBuild(files, '/app');
        },
      ),
      PARAMS,
    );
  });
});
