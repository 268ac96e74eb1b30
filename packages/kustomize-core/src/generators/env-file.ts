import { KustomizeError } from '../errors.js';
import type { KvPair } from './kv-pair.js';
import { decodeUtf8Lenient, decodeUtf8Strict } from './utf8.js';

/**
 * Longest line Go's `bufio.Scanner` hands out with its default buffer (64 KiB, and the
 * buffer must also hold the line's `\n`). kustomize ignores the scanner's error, so an env
 * file silently ends before the first longer line.
 */
const MAX_LINE_BYTES = 64 * 1024 - 1;

/** Go `unicode.IsSpace`. */
function isGoSpace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x20 ||
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** The lines `bufio.ScanLines` yields: split at `\n`, one trailing `\r` dropped. */
function* scanLines(content: Uint8Array): Generator<Uint8Array> {
  let start = 0;
  while (start < content.length) {
    let end = content.indexOf(0x0a, start);
    const terminated = end >= 0;
    if (!terminated) end = content.length;
    if (end - start > MAX_LINE_BYTES) return;
    const line = end > start && content[end - 1] === 0x0d ? end - 1 : end;
    yield content.subarray(start, line);
    start = terminated ? end + 1 : end;
  }
}

/**
 * Parses an env file (kustomize `keyValuesFromLines`). Per line: invalid UTF-8 is an error; a
 * UTF-8 BOM is dropped on the first line only; leading white space is trimmed; empty lines
 * and lines starting with `#` are skipped; the line is split at the first `=` with neither
 * side trimmed (no `=` → empty value); lines whose key is empty are skipped.
 *
 * @example
 * ```ts
 * parseEnvFile(new TextEncoder().encode('A=1\n  B = two \n# c\nC\n'));
 * // → [{key:'A',value:'1'}, {key:'B ',value:' two '}, {key:'C',value:''}]
 * ```
 */
export function parseEnvFile(content: Uint8Array): KvPair[] {
  const pairs: KvPair[] = [];
  let lineNo = 0;
  for (const bytes of scanLines(content)) {
    let line = decodeUtf8Strict(bytes);
    if (line === undefined) {
      throw new KustomizeError(
        'InvalidGenerator',
        `line [${bytes.join(' ')}] has invalid utf8 bytes : ${decodeUtf8Lenient(bytes)}`,
      );
    }
    if (lineNo === 0 && line.startsWith('\uFEFF')) line = line.slice(1);
    lineNo++;
    let i = 0;
    while (i < line.length && isGoSpace(line.charCodeAt(i))) i++;
    line = line.slice(i);
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    const key = eq < 0 ? line : line.slice(0, eq);
    if (key === '') continue;
    pairs.push({ key, value: eq < 0 ? '' : line.slice(eq + 1) });
  }
  return pairs;
}
