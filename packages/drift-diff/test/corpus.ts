import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { YamlMap } from '@kustomate/resource';
import { parse } from 'yaml';

/** The read-only shared ssa corpus. */
export const ssaDir = fileURLToPath(
  new URL('../../../../shared/conformance/ssa/', import.meta.url),
);

/** Loads one manifest of `ssa/jsondiff-testdata/` as a plain object. */
export function loadJsondiffFixture(name: string): YamlMap {
  return parse(readFileSync(`${ssaDir}jsondiff-testdata/${name}`, 'utf8')) as YamlMap;
}

/** Reads a JSON file of the ssa corpus. */
export function readSsaJson<T>(name: string): T {
  return JSON.parse(readFileSync(`${ssaDir}${name}`, 'utf8')) as T;
}
