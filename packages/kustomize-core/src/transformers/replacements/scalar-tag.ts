/**
 * kustomize copies only a scalar's text into a scalar target and keeps the target's tag; the
 * node is later decoded under that tag. With plain values (no tags) the tag is recovered from
 * the JavaScript type and the text is decoded here, with go-yaml's error when it does not fit
 * (`cannot decode !!str \`abc\` as a !!int`).
 *
 * @module
 */
import type { YamlScalar, YamlValue } from '@kustomate/resource';
import { KustomizeError } from '../../errors.js';
import { resolveScalar } from '../../yaml/resolve.js';

/** A scalar node tag; `''` for a node kustomize created without one. */
export type ScalarTag = '' | '!!str' | '!!int' | '!!float' | '!!bool' | '!!null';

/** The tag a resolved scalar value carries. */
export function tagOfScalar(v: YamlScalar): ScalarTag {
  if (v === null) return '!!null';
  switch (typeof v) {
    case 'string':
      return '!!str';
    case 'boolean':
      return '!!bool';
    case 'bigint':
      return '!!int';
    default:
      return Number.isInteger(v) ? '!!int' : '!!float';
  }
}

/**
 * The value a scalar node with `tag` and text `text` decodes to. Integers beyond 2^53 stay
 * `bigint`. Throws a `Replacement` error with go-yaml's message (as kustomize fails when it
 * prints the resource) when the text does not fit the tag.
 */
export function decodeTaggedScalar(text: string, tag: ScalarTag): YamlValue {
  if (tag === '!!str') return text;
  let r;
  try {
    r = resolveScalar('v3', tag, text);
  } catch (e) {
    throw new KustomizeError(
      'Replacement',
      `map[string]interface {}(nil): yaml: ${(e as Error).message}`,
      {
        cause: e,
      },
    );
  }
  const v = r.value as unknown;
  if (typeof v === 'bigint') {
    return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(v)
      : v;
  }
  if (v === null || typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string')
    return v;
  return text;
}
