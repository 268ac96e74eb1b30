import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ssaDir = fileURLToPath(new URL('../../../../shared/conformance/ssa/', import.meta.url));

/** Reads a JSON file of the read-only shared ssa corpus. */
export function readSsaJson<T>(name: string): T {
  return JSON.parse(readFileSync(`${ssaDir}${name}`, 'utf8')) as T;
}
