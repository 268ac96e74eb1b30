/** Reads the shared kstatus corpus (read-only, next to the repository). */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const corpusDir = join(repoRoot, '../shared/conformance/kstatus');

/** Parses one corpus file. */
export function readCorpus<T>(file: string): T {
  return JSON.parse(readFileSync(join(corpusDir, file), 'utf8')) as T;
}

/** Replaces `__NOW__` placeholders in a manifest with `now` (RFC 3339). */
export function withNow<T>(manifest: T, now: Date): T {
  const iso = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return JSON.parse(JSON.stringify(manifest).replaceAll('"__NOW__"', JSON.stringify(iso))) as T;
}
