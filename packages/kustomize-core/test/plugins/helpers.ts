import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { YamlMap } from '@kustomate/resource';
import { createNodeFs } from '@kustomate/vfs/node';
import { parseAllDocuments } from 'yaml';
import { build } from '../../src/index.js';
import { KResource } from '../../src/resource/k-resource.js';
import { ResMap } from '../../src/resource/res-map.js';
import { builtinSchema } from '../../src/schema/schema-info.js';

const here = dirname(fileURLToPath(import.meta.url));

/** Fixture directory of this test folder. */
export const fixturesDir = join(here, 'fixtures');

/** The conformance corpus cases directory. */
export const corpusCasesDir = resolve(here, '../../../../../shared/conformance/kustomize/cases');

/** Plain objects of a YAML stream (YAML 1.2 core schema; enough for these inputs and goldens). */
export function objectsFromYaml(text: string): YamlMap[] {
  return parseAllDocuments(text)
    .map((d) => d.toJS() as YamlMap | null)
    .filter((o): o is YamlMap => o !== null);
}

/** Objects of a YAML file. */
export function objectsFromFile(path: string): YamlMap[] {
  return objectsFromYaml(readFileSync(path, 'utf8'));
}

/** A resource map holding `objects` in order. */
export function resMapOf(objects: YamlMap[]): ResMap {
  const m = new ResMap(builtinSchema);
  for (const o of objects) m.append(new KResource(o));
  return m;
}

function sortKey(o: YamlMap): string {
  const md = (o.metadata ?? {}) as YamlMap;
  return `${String(o.kind)}|${String(md.namespace ?? '')}|${String(md.name)}`;
}

/** Objects in a stable order (kind, namespace, name) for order-insensitive comparison. */
export function sorted(objects: readonly YamlMap[]): YamlMap[] {
  return [...objects].sort((a, b) =>
    sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0,
  );
}

/** Builds `dir` with kustomate and returns the output as objects. */
export async function buildObjects(dir: string): Promise<YamlMap[]> {
  const result = await build({ fs: createNodeFs(), path: dir });
  return objectsFromYaml(result.toYaml());
}
