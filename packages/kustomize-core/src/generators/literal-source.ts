import { KustomizeError } from '../errors.js';
import type { KvPair } from './kv-pair.js';

/**
 * Parses a `literals` entry (kustomize `parseLiteralSource`): split at the first `=`; the key
 * must not be empty; one pair of identical outer `"` or `'` quotes is removed from the value.
 *
 * @example
 * ```ts
 * parseLiteralSource('k="a=b"'); // → { key: 'k', value: 'a=b' }
 * ```
 */
export function parseLiteralSource(source: string): KvPair {
  const eq = source.indexOf('=');
  if (eq <= 0) {
    throw new KustomizeError(
      'InvalidGenerator',
      `invalid literal source ${source}, expected key=value`,
      { data: { source } },
    );
  }
  return { key: source.slice(0, eq), value: removeQuotes(source.slice(eq + 1)) };
}

/** Strips one pair of matching outer quotes; a lone quote character is kept. */
function removeQuotes(s: string): string {
  if (s.length < 2 || s[0] !== s[s.length - 1]) return s;
  return s[0] === '"' || s[0] === "'" ? s.slice(1, -1) : s;
}
