/**
 * Runs the shared kustomize conformance cases that use only generators, resources,
 * namespace and name prefixes/suffixes through {@link miniBuild}, and compares the generated
 * ConfigMaps and Secrets with the oracle's output as data.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { YamlMap } from '@kustomate/resource';
import { createMemoryFs, joinPath, type MemoryFiles } from '@kustomate/vfs';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { KustomizeError } from '../../src/errors.js';
import { miniBuild } from './mini-build.js';

const CASES = fileURLToPath(
  new URL('../../../../../shared/conformance/kustomize/cases', import.meta.url),
);

const OUTPUT_CASES = [
  'configmaps_test__TestConfigMapGeneratorMergeNamePrefix',
  'configmaps_test__TestDataEndsWithQuotes',
  'configmaps_test__TestDataIsSingleQuote',
  'configmaps_test__TestGeneratorBasics',
  'configmaps_test__TestGeneratorFromProperties',
  'configmaps_test__TestGeneratorIntVsStringNoMerge',
  'configmaps_test__TestGeneratorIntVsStringWithMerge',
  'configmaps_test__TestGeneratorOverlays',
  'configmaps_test__TestGeneratorOverlaysBinaryData',
  'configmaps_test__TestGeneratorRepeatsInKustomization',
  'configmaps_test__TestGeneratorSimpleOverlay',
  'configmaps_test__TestIssue3393',
  'configmaps_test__TestPrefixSuffix',
  'configmaps_test__TestPrefixSuffix2',
  'disablenamesuffix_test__TestDisableNameSuffixHashPerObject',
  'examples__combineConfigs__runDev',
  'examples__combineConfigs__runProd',
  'examples__ldap__buildBase',
  'examples__secretGeneratorPlugin__build1',
  'generatormergeandreplace_test__TestGeneratingIntoNamespaces',
  'generatoroptions_test__TestGeneratorOptionsOverlayDisableNameSuffixHash',
  'generatoroptions_test__TestGeneratorOptionsWithBases',
  'generatoroptions_test__TestSecretGenerator',
  'multiplepatch_test__TestVolumeRemoveEmptyDirInOverlay__1',
  'namereference_test__TestUnrelatedNameReferenceReplacement_Issue4254_Issue3418',
  'namespacedgenerators_test__TestNamespacedGenerator',
  'namespacedgenerators_test__TestNamespacedGeneratorWithOverlays',
];

const ERROR_CASES = [
  'generatormergeandreplace_test__TestConfigMapGeneratingIntoSameNamespace',
  'generatormergeandreplace_test__TestSecretGeneratingIntoSameNamespace',
];

function readTree(dir: string, prefix: string, out: MemoryFiles): MemoryFiles {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) readTree(path, `${prefix}/${entry}`, out);
    else out[`${prefix}/${entry}`] = new Uint8Array(readFileSync(path));
  }
  return out;
}

function buildCase(name: string) {
  const fs = createMemoryFs(readTree(join(CASES, name, 'input'), '/input', {}));
  const buildDir = readFileSync(join(CASES, name, 'build-dir'), 'utf8').trim();
  return miniBuild(fs, joinPath('/input', buildDir));
}

const key = (o: YamlMap) => {
  const md = o.metadata as YamlMap;
  return `${String(o.kind)}/${String(md.namespace ?? '')}/${String(md.name)}`;
};

function generatedKinds(objects: YamlMap[]): Map<string, YamlMap> {
  return new Map(
    objects.filter((o) => o.kind === 'ConfigMap' || o.kind === 'Secret').map((o) => [key(o), o]),
  );
}

describe('conformance cases (generated objects only)', () => {
  it.each(OUTPUT_CASES)('%s', (name) => {
    const expected = parseAllDocuments(
      readFileSync(join(CASES, name, 'expected.yaml'), 'utf8'),
    ).map((d) => d.toJS() as YamlMap);
    const actual = buildCase(name).resources.map((r) => r.object);
    const want = generatedKinds(expected);
    const got = generatedKinds(actual);
    expect(want.size).toBeGreaterThan(0);
    expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
    for (const [k, object] of want) expect(got.get(k), k).toEqual(object);
  });

  it.each(ERROR_CASES)('%s', (name) => {
    const expected = readFileSync(join(CASES, name, 'expected-error.txt'), 'utf8').trim();
    let error: unknown;
    try {
      buildCase(name);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KustomizeError);
    expect((error as KustomizeError).code).toBe('GeneratorBehavior');
    // Ours names the id as `Kind.version.group/name.namespace` where kustomize prints Go's
    // `%#v` of the id (see error-parity.json); the rest of the sentence is kustomize's.
    const message = (error as KustomizeError).message;
    expect(expected).toContain(message.slice(message.indexOf(' exists; ')));
  });
});
