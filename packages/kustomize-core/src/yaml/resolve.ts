/**
 * Plain-scalar resolution as go-yaml does it: `yaml.v3` (`resolve.go`, used for resources)
 * and `yaml.v2` (YAML 1.1: kustomization files, and the quoting decision of the output
 * emitter). Both look at the first character, then a table of special words, then Go's
 * integer, float and timestamp parsers.
 *
 * @module
 */
import { parseGoFloat, parseGoInt, parseGoUint } from './go-strconv.js';
import { parseYamlTimestamp } from './timestamp.js';

/** Which go-yaml major version's rules apply. */
export type YamlDialect = 'v2' | 'v3';

/** The result of resolving a scalar: its (short) tag and its value. */
export type ResolvedScalar =
  | { readonly tag: '!!null'; readonly value: null }
  | { readonly tag: '!!bool'; readonly value: boolean }
  | { readonly tag: '!!int'; readonly value: bigint }
  | { readonly tag: '!!float'; readonly value: number }
  | { readonly tag: '!!timestamp'; readonly value: string; readonly offsetSeconds: number }
  | { readonly tag: '!!merge'; readonly value: string }
  | { readonly tag: string; readonly value: string };

const NULL = { tag: '!!null', value: null } as const;
const TRUE = { tag: '!!bool', value: true } as const;
const FALSE = { tag: '!!bool', value: false } as const;

function wordTable(dialect: YamlDialect): Map<string, ResolvedScalar> {
  const m = new Map<string, ResolvedScalar>();
  const add = (words: string, r: ResolvedScalar): void => {
    for (const w of words.split(' ')) m.set(w, r);
  };
  add('true True TRUE', TRUE);
  add('false False FALSE', FALSE);
  if (dialect === 'v2') {
    add('y Y yes Yes YES on On ON', TRUE);
    add('n N no No NO off Off OFF', FALSE);
  }
  add('~ null Null NULL', NULL);
  m.set('', NULL);
  add('.nan .NaN .NAN', { tag: '!!float', value: NaN });
  add('.inf .Inf .INF +.inf +.Inf +.INF', { tag: '!!float', value: Infinity });
  add('-.inf -.Inf -.INF', { tag: '!!float', value: -Infinity });
  m.set('<<', { tag: '!!merge', value: '<<' });
  return m;
}

const WORDS: Record<YamlDialect, Map<string, ResolvedScalar>> = {
  v2: wordTable('v2'),
  v3: wordTable('v3'),
};

/** The first-character hint of go-yaml's resolve table: 0 means "certainly a string". */
function hint(c: number): number {
  if (c === 43 || c === 45) return 83; // 'S' sign
  if (c >= 48 && c <= 57) return 68; // 'D' digit
  if (c === 46) return 46; // '.'
  // y Y n N t T f F o O ~
  if (c === 121 || c === 89 || c === 110 || c === 78 || c === 116 || c === 84) return 77;
  if (c === 102 || c === 70 || c === 111 || c === 79 || c === 126) return 77;
  return 0;
}

const YAML_STYLE_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

const intResult = (value: bigint): ResolvedScalar => ({ tag: '!!int', value });

/** The int/float/timestamp branch of go-yaml's resolve for text starting with a digit or sign. */
function resolveNumeric(
  dialect: YamlDialect,
  tag: string,
  text: string,
): ResolvedScalar | undefined {
  if (tag === '' || tag === '!!timestamp') {
    const ts = parseYamlTimestamp(text);
    if (ts) return { tag: '!!timestamp', value: ts.rfc3339, offsetSeconds: ts.offsetSeconds };
  }
  const plain = text.includes('_') ? text.replaceAll('_', '') : text;
  const i = parseGoInt(plain, 0) ?? parseGoUint(plain, 0);
  if (i !== undefined) return intResult(i);
  if (YAML_STYLE_FLOAT.test(plain)) {
    const f = parseGoFloat(plain);
    if (f !== undefined) return { tag: '!!float', value: f };
  }
  // Explicit binary (and, in v3, octal) prefixes parsed without base-0 rules.
  const prefixes: Array<[string, number]> =
    dialect === 'v3'
      ? [
          ['0b', 2],
          ['0o', 8],
        ]
      : [['0b', 2]];
  for (const [p, base] of prefixes) {
    if (plain.startsWith(p)) {
      const v = parseGoInt(plain.slice(2), base) ?? parseGoUint(plain.slice(2), base);
      return v === undefined ? undefined : intResult(v);
    }
    if (plain.startsWith(`-${p}`)) {
      const v = parseGoInt(`-${plain.slice(3)}`, base);
      return v === undefined ? undefined : intResult(v);
    }
  }
  return undefined;
}

/**
 * Resolves scalar `text` under the (short) tag `tag` (`''` for an untagged plain scalar) the
 * way go-yaml's `resolve(tag, in)` does. Tags outside `!!str !!bool !!int !!float !!null
 * !!timestamp` are returned unchanged with the text as value. Throws a plain `Error` with
 * go-yaml's message ("cannot decode !!str `foo` as a !!int") when an explicit tag does not
 * fit the text.
 */
export function resolveScalar(dialect: YamlDialect, tag: string, text: string): ResolvedScalar {
  const resolvable =
    tag === '' ||
    tag === '!!str' ||
    tag === '!!bool' ||
    tag === '!!int' ||
    tag === '!!float' ||
    tag === '!!null' ||
    tag === '!!timestamp';
  if (!resolvable) return { tag, value: text };
  const r = resolveUntyped(dialect, tag, text);
  if (tag === '' || tag === r.tag || tag === '!!str')
    return tag === '!!str' ? { tag, value: text } : r;
  if (tag === '!!float' && r.tag === '!!int') {
    const v = r.value as bigint;
    // go-yaml only converts int and int64 results, not uint64.
    if (v <= 0x7fffffffffffffffn) return { tag: '!!float', value: Number(v) };
  }
  throw new Error(`cannot decode ${r.tag} \`${text}\` as a ${tag}`);
}

function resolveUntyped(dialect: YamlDialect, tag: string, text: string): ResolvedScalar {
  const h = text === '' ? 78 : hint(text.charCodeAt(0));
  if (h === 0 || tag === '!!str') return { tag: '!!str', value: text };
  const word = WORDS[dialect].get(text);
  if (word) return word;
  if (h === 46) {
    const f = parseGoFloat(text);
    if (f !== undefined) return { tag: '!!float', value: f };
  } else if (h === 68 || h === 83) {
    const r = resolveNumeric(dialect, tag, text);
    if (r) return r;
  }
  return { tag: '!!str', value: text };
}

const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/**
 * True when yaml.v2's encoder may print `s` as a plain scalar: it would resolve back to a
 * string and does not look like a YAML 1.1 base-60 number (`12:30`). Otherwise the encoder
 * asks for double quotes.
 */
export function isPlainSafeV2(s: string): boolean {
  if (resolveUntyped('v2', '', s).tag !== '!!str') return false;
  const c = s.charCodeAt(0);
  if (!(c === 43 || c === 45 || (c >= 48 && c <= 57)) || !s.includes(':')) return true;
  return !BASE60_FLOAT.test(s);
}
