/**
 * The value of one parsed YAML scalar under go-yaml's decoding rules (into `interface{}`),
 * for either dialect: quoting and block styles make strings, tags are honoured, `!!binary`
 * is base64-decoded, and plain text is resolved.
 *
 * @module
 */
import type { YamlValue } from '@kustomate/resource';
import { bytesToGoString, decodeGoBase64 } from './go-bytes.js';
import { foldedRoundTrip } from './folded-roundtrip.js';
import { resolveScalar, type ResolvedScalar, type YamlDialect } from './resolve.js';

/**
 * What scalar resolution needs from a parsed scalar: its decoded text, its style (the
 * `yaml` package's `Scalar.type` names) and its tag as written. The `yaml` package's `Scalar`
 * nodes fit this shape.
 */
export interface ScalarLike {
  readonly value: unknown;
  readonly type?: string | undefined;
  readonly tag?: string | undefined;
}

const LONG_TAG_PREFIX = 'tag:yaml.org,2002:';

/** A node tag in go-yaml's short form (`!!int`), `''` when there is none. */
export function shortTag(tag: string | undefined): string {
  if (!tag) return '';
  return tag.startsWith(LONG_TAG_PREFIX) ? `!!${tag.slice(LONG_TAG_PREFIX.length)}` : tag;
}

/** The decoded text of a scalar node. */
export function scalarText(node: ScalarLike): string {
  const v = node.value;
  return typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v);
}

/** True when the scalar was written quoted or as a block (`|`, `>`), not plain. */
export function isStyledScalar(node: ScalarLike): boolean {
  return node.type !== undefined && node.type !== 'PLAIN';
}

/** An integer as a JS number when exactly representable and printable, else a bigint. */
export function integerValue(v: bigint): number | bigint {
  return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
}

/** yaml.v3's emitter analysis: may `text` be written as a plain scalar in flow context? */
function flowPlainAllowedV3(text: string): boolean {
  if (text.length === 0 || text.startsWith('---') || text.startsWith('...')) return false;
  if (/^[#,[\]{}&*!|>'"%@`?:]|^-(?:[ \t]|$)|[,?[\]{}:]|[ \t]#/.test(text)) return false;
  return !/^[ \t]|[ \t]$|[\r\n\u0085\u2028\u2029]/.test(text);
}

/** Decodes a `!!binary` scalar's text to the string Go's JSON encoder would see. */
export function binaryValue(text: string): string {
  const bytes = decodeGoBase64(text);
  if (bytes === undefined) throw new Error('!!binary value contains invalid base64 data');
  return bytesToGoString(bytes);
}

/**
 * Resolves a scalar node to its go-yaml tag and value. Quoted and block scalars without a
 * specific tag are strings; `!!binary` is decoded. Throws a plain `Error` with go-yaml's
 * message when an explicit tag does not fit the text.
 */
export function resolveScalarNode(dialect: YamlDialect, node: ScalarLike): ResolvedScalar {
  let tag = shortTag(node.tag);
  // yaml.v3's parser treats the non-specific tag `!` like no tag at all.
  if (tag === '!' && dialect === 'v3') tag = '';
  const text = scalarText(node);
  if ((tag === '' || tag === '!') && isStyledScalar(node)) return { tag: '!!str', value: text };
  if (tag === '!!binary') return { tag, value: binaryValue(text) };
  return resolveScalar(dialect, tag, text);
}

/**
 * The value go-yaml gives a scalar decoded into `interface{}`, then made JSON-safe:
 * `null`, booleans, integers (bigint beyond 2^53), finite floats, strings. Timestamps become
 * their RFC 3339 text under yaml.v3 and keep their source text under yaml.v2 (whose decoder
 * returns the string for backward compatibility). Throws for `.inf`/`.nan` (not JSON
 * values) and for time zones Go's JSON encoder rejects.
 *
 * Under yaml.v3 two effects of kyaml's write-and-read round trip are applied: an empty plain
 * scalar inside a flow collection (`{a: }`) becomes `''`, and folded block scalars get
 * libyaml's folding quirk ({@link foldedRoundTrip}).
 */
export function scalarValue(dialect: YamlDialect, node: ScalarLike, inFlow = false): YamlValue {
  const r = resolveScalarNode(dialect, node);
  if (inFlow && dialect === 'v3' && r.tag !== '!!str' && node.type === 'PLAIN' && !node.tag) {
    // kyaml re-emits the collection in flow style; yaml.v3 quotes plain text that flow
    // context does not allow (`''` for an empty null, `'2001-12-14 10:00:00'`), so it
    // comes back as a string.
    const text = scalarText(node);
    if (!flowPlainAllowedV3(text)) return text;
  }
  switch (r.tag) {
    case '!!null':
      return null;
    case '!!bool':
      return r.value as boolean;
    case '!!int':
      return integerValue(r.value as bigint);
    case '!!float': {
      const f = r.value as number;
      if (!Number.isFinite(f)) {
        throw new Error(
          `json: unsupported value: ${Number.isNaN(f) ? 'NaN' : f > 0 ? '+Inf' : '-Inf'}`,
        );
      }
      return f;
    }
    case '!!timestamp': {
      if (dialect === 'v2') return scalarText(node);
      const off = 'offsetSeconds' in r ? r.offsetSeconds : 0;
      if (Math.abs(off) >= 24 * 3600) {
        throw new Error(
          'json: error calling MarshalJSON for type time.Time: Time.MarshalJSON: timezone hour outside of range [0,23]',
        );
      }
      return r.value as string;
    }
    default:
      if (dialect === 'v3' && node.type === 'BLOCK_FOLDED' && r.tag === '!!str')
        return foldedRoundTrip(r.value as string);
      return r.value as string;
  }
}
