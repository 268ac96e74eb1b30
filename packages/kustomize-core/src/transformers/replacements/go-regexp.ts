/**
 * Go regexps for kyaml's `[key=regexp]` list matchers, compiled with the shared Go→JS
 * translation; compile failures get Go's `error parsing regexp: ...` wording for the common
 * cases.
 *
 * @module
 */
import { compileGoRegexp } from '../../filters/go-regexp.js';

function goReason(pattern: string): string {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) return `unexpected ): \`${pattern}\``;
      depth--;
    }
  }
  if (inClass) return `missing closing ]: \`${pattern.slice(pattern.lastIndexOf('['))}\``;
  if (depth > 0) return `missing closing ): \`${pattern}\``;
  return `invalid or unsupported Perl syntax: \`${pattern}\``;
}

/**
 * Compiles a Go regexp (unanchored, as `regexp.MatchString` uses it). Throws an `Error` with
 * Go's message when the pattern is invalid.
 */
export function compileMatcherRegexp(pattern: string): RegExp {
  try {
    return compileGoRegexp(pattern);
  } catch {
    throw new Error(`error parsing regexp: ${goReason(pattern)}`);
  }
}
