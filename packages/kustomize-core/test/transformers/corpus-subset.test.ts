import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { YamlMap } from '@kustomate/resource';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import type { FieldSpec } from '../../src/data/field-spec-types.js';
import { KResource } from '../../src/resource/k-resource.js';
import { ResMap } from '../../src/resource/res-map.js';
import { builtinSchema } from '../../src/schema/schema-info.js';
import * as T from '../../src/transformers/index.js';
import { runTransformers, sortedForCompare } from './helpers.js';

/**
 * The conformance corpus cases whose kustomizations use nothing but resources (files and
 * directories) and the builtin transformers owned here, run through a minimal accumulation
 * (no generators, patches, output formatting) and compared as objects with the oracle's output.
 */
const corpusDir = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../../shared/conformance/kustomize',
);
const FEATURES = new Set([
  'resources',
  'namespace',
  'namePrefix',
  'nameprefix',
  'nameSuffix',
  'commonLabels',
  'labels',
  'commonAnnotations',
  'images',
  'replicas',
  'configurations',
  'crds',
  'metadata',
]);
/** Cases whose difference comes from a later build step, not from the transformers. */
const SKIP: Record<string, string> = {
  basic_io_test__TestBasicIO_1: 'annotation values are stringified at output',
  namereference_test__TestIssue4884_UseLocalConfigAsNameRefSource:
    'local-config resources are dropped at the end',
  namespaces_test__TestNamespaceNotAddedToValidatingAdmissionPolicies:
    'duplicate kustomization keys (loader)',
};
/** Error cases raised by the transformers, with the oracle's first error line. */
const ERRORS = [
  'namedspacedserviceaccounts_test__TestNamedspacedServiceAccountsWithOverlap',
  'resourceconflict_test__TestMultibasesWithConflict',
  'blankvalues_test__TestBlankNamespace4240',
  'transformersimage_test__TestTransfomersImageInvalidNameRegexp',
];

interface Case {
  name: string;
  features: string[];
  expect: string;
  buildDir: string;
  buildArgs?: string;
}

function kustomization(dir: string): Record<string, unknown> {
  for (const n of ['kustomization.yaml', 'kustomization.yml', 'Kustomization']) {
    const p = join(dir, n);
    if (!existsSync(p)) continue;
    const k = (parse(readFileSync(p, 'utf8'), { version: '1.1' }) ?? {}) as YamlMap;
    return Object.fromEntries(Object.entries(k).map(([key, v]) => [key.toLowerCase(), v]));
  }
  throw new Error(`no kustomization in ${dir}`);
}

function yaml11(path: string): YamlMap {
  return parse(readFileSync(path, 'utf8'), { version: '1.1' }) as YamlMap;
}

function list<T>(v: unknown): T[] {
  return Array.isArray(v) ? (v as T[]) : [];
}

function fieldSpec(f: YamlMap): FieldSpec {
  return {
    group: '',
    version: '',
    kind: '',
    path: '',
    create: false,
    ...(f as Partial<FieldSpec>),
  };
}

function accumulate(dir: string): { m: ResMap; config: T.TransformerConfig } {
  const k = kustomization(dir);
  const m = new ResMap(builtinSchema);
  let config = T.emptyTransformerConfig();
  for (const entry of [...list<string>(k.resources), ...list<string>(k.bases)]) {
    const p = join(dir, entry);
    if (statSync(p).isDirectory()) {
      const sub = accumulate(p);
      m.appendAll(sub.m);
      config = T.mergeTransformerConfig(config, sub.config);
      continue;
    }
    for (const d of parseAllDocuments(readFileSync(p, 'utf8'))) {
      const o = d.toJS() as YamlMap | null;
      if (o) m.append(new KResource(o));
    }
  }
  const files = list<string>(k.configurations).map((f) =>
    T.parseTransformerConfig(yaml11(join(dir, f)), f),
  );
  config = T.mergeTransformerConfig(config, T.makeTransformerConfig(files));
  let crds = T.emptyTransformerConfig();
  for (const f of list<string>(k.crds)) {
    crds = T.mergeTransformerConfig(crds, T.transformerConfigFromCrds([yaml11(join(dir, f))], f));
  }
  config = T.mergeTransformerConfig(config, crds);
  runTransformers(
    m,
    {
      namespace: k.namespace as string | undefined,
      namePrefix: k.nameprefix as string | undefined,
      nameSuffix: k.namesuffix as string | undefined,
      labels: list<YamlMap>(k.labels).map((l) => ({
        pairs: (l.pairs ?? {}) as Record<string, string>,
        includeSelectors: l.includeSelectors === true,
        includeTemplates: l.includeTemplates === true,
        fields: list<YamlMap>(l.fields).map(fieldSpec),
      })),
      commonLabels: k.commonlabels as Record<string, string> | undefined,
      commonAnnotations: k.commonannotations as Record<string, string> | undefined,
      images: [...list<T.ImageSpec>(k.images), ...list<T.ImageSpec>(k.imagetags)],
      replicas: list<T.ReplicaSpec>(k.replicas),
    },
    config,
  );
  return { m, config };
}

function build(c: Case): ResMap {
  const { m, config } = accumulate(join(corpusDir, 'cases', c.name, 'input', c.buildDir));
  T.fixNameReferences(m, config.nameReference);
  return m;
}

const cases: Case[] = existsSync(join(corpusDir, 'index.json'))
  ? (JSON.parse(readFileSync(join(corpusDir, 'index.json'), 'utf8')) as Case[])
  : [];
const outputs = cases.filter(
  (c) =>
    c.expect === 'output' &&
    !c.buildArgs &&
    !c.name.startsWith('no_list_items') &&
    c.features.every((f) => FEATURES.has(f)) &&
    SKIP[c.name] === undefined,
);

describe('conformance corpus, transformer-only cases', () => {
  it('selects the cases', () => {
    expect(outputs.length).toBeGreaterThan(60);
  });

  for (const c of outputs) {
    it(c.name, () => {
      const { got, want } = sortedForCompare(
        build(c),
        readFileSync(join(corpusDir, 'cases', c.name, 'expected.yaml'), 'utf8'),
      );
      expect(got).toEqual(want);
    });
  }

  for (const name of ERRORS) {
    const c = cases.find((x) => x.name === name);
    it(name, () => {
      expect(c, `${name} is in the corpus`).toBeDefined();
      const oracle =
        readFileSync(join(corpusDir, 'cases', name, 'expected-error.txt'), 'utf8').split('\n')[0] ??
        '';
      let message = '';
      try {
        build(c as Case);
      } catch (e) {
        message = (e as Error).message.split('\n')[0] ?? '';
      }
      if (oracle.startsWith('panic:')) expect(message).not.toBe('');
      else expect(message).toBe(oracle);
    });
  }
});
