/**
 * `$(VAR)` expansion (`api/filters/refvar/expand.go`, which mirrors Kubernetes'
 * `third_party/forked/golang/expansion`): `$(NAME)` is replaced by the mapping's value, `$$`
 * is an escaped `$`, an unclosed `$(` and a `$` before any other character stay literal, and
 * a string that is exactly one reference takes the mapped value with its type.
 *
 * @module
 */
import type { YamlValue } from '@kustomate/resource';

/** What a reference expands to: its text inside a longer string, and its typed whole-string value. */
export interface Expansion {
  /** Go `%v` of the value. */
  readonly text: string;
  /** The value a string consisting only of this reference becomes. */
  readonly typed: YamlValue;
}

/** `$(name)`. */
export function syntaxWrap(name: string): string {
  return `$(${name})`;
}

/** Reads what follows a `$`: `[text, isVariable, charsConsumed]`. */
function tryReadVariableName(input: string): [string, boolean, number] {
  const c = input[0];
  if (c === '$') return ['$', false, 1];
  if (c === '(') {
    const close = input.indexOf(')', 1);
    if (close >= 0) return [input.slice(1, close), true, close + 1];
    return ['$(', false, 1];
  }
  return [`$${c ?? ''}`, false, 1];
}

/**
 * Expands the references in `input` with `mapping`.
 *
 * @example
 * ```ts
 * const m = (n: string) => (n === 'PORT' ? { text: '80', typed: 80 } : { text: `$(${n})`, typed: `$(${n})` });
 * expandVars('$(PORT)', m); // 80
 * expandVars('x$(PORT)-$$(PORT)-$(NOPE)', m); // 'x80-$(PORT)-$(NOPE)'
 * ```
 */
export function expandVars(input: string, mapping: (name: string) => Expansion): YamlValue {
  let buf = '';
  let checkpoint = 0;
  for (let cursor = 0; cursor < input.length; cursor++) {
    if (input[cursor] !== '$' || cursor + 1 >= input.length) continue;
    buf += input.slice(checkpoint, cursor);
    const [read, isVar, advance] = tryReadVariableName(input.slice(cursor + 1));
    if (isVar) {
      const mapped = mapping(read);
      if (input === syntaxWrap(read)) return mapped.typed;
      buf += mapped.text;
    } else {
      buf += read;
    }
    cursor += advance;
    checkpoint = cursor + 1;
  }
  return buf + input.slice(checkpoint);
}
