import type { YamlMap } from '@kustomate/resource';
import { parseAllDocuments } from 'yaml';
import { KustomizeError } from '../../src/errors.js';
import { KResource, type PreviousName } from '../../src/resource/k-resource.js';
import { ResMap } from '../../src/resource/res-map.js';
import { builtinSchema } from '../../src/schema/schema-info.js';

/**
 * A resource map from a YAML stream (test inputs only use plain scalars, where the `yaml`
 * package and yaml.v3 agree). `previous` gives previous ids by `Kind/name`, oldest first.
 */
export function resmapFromYaml(
  text: string,
  previous: Record<string, PreviousName[]> = {},
): ResMap {
  const rm = new ResMap(builtinSchema);
  for (const doc of parseAllDocuments(text)) {
    const res = new KResource(doc.toJSON() as YamlMap);
    res.previousNames = previous[`${res.kind}/${res.name}`] ?? [];
    rm.append(res);
  }
  return rm;
}

/** The object of the resource with the given kind and current name. */
export function objectOf(rm: ResMap, kind: string, name: string): YamlMap {
  const res = rm.resources.find((r) => r.kind === kind && r.name === name);
  if (!res) throw new Error(`no ${kind}/${name}`);
  return res.object;
}

/** The KustomizeError `fn` throws. */
export function errorOf(fn: () => unknown): KustomizeError {
  try {
    fn();
  } catch (e) {
    if (e instanceof KustomizeError) return e;
    throw e;
  }
  throw new Error('expected an error');
}
