/**
 * A test-only miniature of `kustomize build` covering just what generator tests need:
 * `resources` (directories and plain YAML files), `configMapGenerator`, `secretGenerator`,
 * `generatorOptions`, `namespace`, `namePrefix`, `nameSuffix`, and the root hash transformer.
 */
import type { YamlMap } from '@kustomate/resource';
import { joinPath, relativePath, type FileSystem } from '@kustomate/vfs';
import { parse, parseAllDocuments } from 'yaml';
import {
  absorbGenerated,
  applyNameHashes,
  generateConfigMap,
  generateSecret,
  type ConfigMapArgs,
  type GeneratorOptions,
  type SecretArgs,
} from '../../src/generators/index.js';
import { KResource } from '../../src/resource/k-resource.js';
import { ResMap } from '../../src/resource/res-map.js';
import { builtinSchema } from '../../src/schema/schema-info.js';
import { createFsLoader } from './memory-loader.js';

interface MiniKustomization {
  resources?: string[];
  configMapGenerator?: ConfigMapArgs[];
  secretGenerator?: SecretArgs[];
  generatorOptions?: GeneratorOptions;
  namespace?: string;
  namePrefix?: string;
  nameSuffix?: string;
}

const NO_RENAME = new Set(['CustomResourceDefinition', 'APIService', 'Namespace']);

/** Builds `dir` (absolute) and returns the resource map. */
export function miniBuild(fs: FileSystem, dir: string, buildRoot = dir): ResMap {
  const resmap = accumulate(fs, dir, buildRoot);
  applyNameHashes(resmap);
  return resmap;
}

function accumulate(fs: FileSystem, dir: string, buildRoot: string): ResMap {
  const name = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'].find((n) =>
    fs.stat(joinPath(dir, n)),
  );
  if (!name) throw new Error(`no kustomization in ${dir}`);
  const k = (parse(new TextDecoder().decode(fs.readFile(joinPath(dir, name))), {
    uniqueKeys: false,
  }) ?? {}) as MiniKustomization;
  const resmap = new ResMap(builtinSchema);
  for (const entry of k.resources ?? []) {
    const path = joinPath(dir, entry);
    if (fs.stat(path)?.isDirectory) {
      resmap.appendAll(accumulate(fs, path, buildRoot));
      continue;
    }
    const text = new TextDecoder().decode(fs.readFile(path));
    for (const doc of parseAllDocuments(text)) {
      const object = doc.toJS() as YamlMap | null;
      if (object) resmap.append(new KResource(object, { path: relativePath(buildRoot, path) }));
    }
  }
  const loader = createFsLoader(fs, dir, buildRoot);
  const configuredIn = joinPath(relativePath(buildRoot, dir), name);
  for (const args of k.configMapGenerator ?? []) {
    absorbGenerated(resmap, [generateConfigMap(args, loader, k.generatorOptions, configuredIn)]);
  }
  for (const args of k.secretGenerator ?? []) {
    absorbGenerated(resmap, [generateSecret(args, loader, k.generatorOptions, configuredIn)]);
  }
  if (k.namespace) {
    for (const res of resmap.resources) {
      resmap.storePreviousId(res);
      if (!builtinSchema.isClusterScoped(res.curId())) res.namespace = k.namespace;
    }
  }
  for (const [affix, add] of [
    [
      k.namePrefix,
      (res: KResource, a: string) => ((res.name = a + res.name), res.addNamePrefix(a)),
    ],
    [
      k.nameSuffix,
      (res: KResource, a: string) => ((res.name = res.name + a), res.addNameSuffix(a)),
    ],
  ] as const) {
    if (!affix) continue;
    for (const res of resmap.resources) {
      if (NO_RENAME.has(res.orgId().kind)) continue;
      resmap.storePreviousId(res);
      add(res, affix);
    }
  }
  return resmap;
}
