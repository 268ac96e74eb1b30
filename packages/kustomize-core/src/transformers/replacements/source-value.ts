/**
 * Reading a replacement's value from its source resource (`getReplacement`,
 * `getRefinedValue` in `api/filters/replacement`).
 *
 * @module
 */
import { cloneYaml, isYamlMap, type YamlValue } from '@kustomate/resource';
import { KustomizeError } from '../../errors.js';
import type { KResource } from '../../resource/k-resource.js';
import { formatResId } from '../../resource/res-id.js';
import { smarterPathSplitter } from './field-path.js';
import { lookupPath } from './lookup-path.js';
import { isScalarValue, scalarText } from './node-text.js';
import { decodeTaggedScalar, tagOfScalar } from './scalar-tag.js';
import {
  DEFAULT_REPLACEMENT_FIELD_PATH,
  formatResIdSelector,
  type SourceSelector,
} from './types.js';

/** A replacement value: its node kind, its scalar text and (lazily) its typed value. */
export interface SourceValue {
  readonly kind: 'map' | 'seq' | 'scalar';
  /** The scalar text (`''` for a mapping or sequence), all a scalar target receives. */
  readonly text: string;
  /** The value written to non-scalar targets (a fresh copy per call). */
  typed(): YamlValue;
}

function fail(message: string, res: KResource, field: string): never {
  throw new KustomizeError('Replacement', message, {
    location: { object: formatResId(res.curId()), field },
  });
}

function isNilOrEmpty(v: YamlValue | undefined): boolean {
  if (v === undefined || v === null) return true;
  if (Array.isArray(v)) return v.length === 0;
  return isYamlMap(v) && Object.keys(v).length === 0;
}

/**
 * The value `source.fieldPath` (default `metadata.name`) designates in `res`, refined by
 * `source.options` (`delimiter` + `index` pick one piece). The field must exist and not be
 * `null`, `{}` or `[]`.
 */
export function readSourceValue(res: KResource, source: SourceSelector): SourceValue {
  const fieldPath = source.fieldPath || DEFAULT_REPLACEMENT_FIELD_PATH;
  let found: YamlValue | undefined;
  try {
    found = lookupPath(res.object, smarterPathSplitter(fieldPath, '.'));
  } catch (e) {
    fail(`error looking up replacement source: ${(e as Error).message}`, res, fieldPath);
  }
  if (isNilOrEmpty(found)) {
    fail(
      `fieldPath \`${fieldPath}\` is missing for replacement source ${formatResIdSelector(source)}`,
      res,
      fieldPath,
    );
  }
  const value = cloneYaml(found as YamlValue);
  const delimiter = source.options?.delimiter;
  if (!isScalarValue(value)) {
    if (delimiter) fail('delimiter option can only be used with scalar nodes', res, fieldPath);
    return { kind: Array.isArray(value) ? 'seq' : 'map', text: '', typed: () => cloneYaml(value) };
  }
  const text = scalarText(value);
  if (!delimiter) return { kind: 'scalar', text, typed: () => value };
  const pieces = text.split(delimiter);
  const index = source.options?.index ?? 0;
  if (index >= pieces.length || index < 0) {
    fail(`options.index ${index} is out of bounds for value ${text}`, res, fieldPath);
  }
  const piece = pieces[index] as string;
  const tag = tagOfScalar(value);
  return { kind: 'scalar', text: piece, typed: () => decodeTaggedScalar(piece, tag) };
}
