/**
 * Decoding of replacement configs the way kustomize's Go `encoding/json` does it: field names
 * match case-insensitively, `null` leaves the zero value, and the first type error (or, when
 * strict, unknown field) in document order is reported with Go's wording, e.g.
 * `json: cannot unmarshal number into Go struct field SourceSelector.replacements.source.fieldPath of type string`.
 *
 * @module
 */
import { isYamlMap, type YamlValue } from '@kustomate/resource';

/** The Go type a value decodes into. */
export type GoShape =
  | { readonly t: 'string' }
  | { readonly t: 'bool' }
  | { readonly t: 'int' }
  | { readonly t: 'list'; readonly of: GoShape; readonly goName: string }
  | {
      readonly t: 'struct';
      readonly name: string;
      readonly fields: Readonly<Record<string, GoShape>>;
    };

const STRING: GoShape = { t: 'string' };
const BOOL: GoShape = { t: 'bool' };
const INT: GoShape = { t: 'int' };

const RES_ID_FIELDS = {
  group: STRING,
  version: STRING,
  kind: STRING,
  name: STRING,
  namespace: STRING,
};

const FIELD_OPTIONS: GoShape = {
  t: 'struct',
  name: 'FieldOptions',
  fields: { delimiter: STRING, index: INT, encoding: STRING, create: BOOL },
};

const SELECTOR: GoShape = {
  t: 'struct',
  name: 'Selector',
  fields: { ...RES_ID_FIELDS, annotationSelector: STRING, labelSelector: STRING },
};

const REPLACEMENT_FIELDS = {
  source: {
    t: 'struct',
    name: 'SourceSelector',
    fields: { ...RES_ID_FIELDS, fieldPath: STRING, options: FIELD_OPTIONS },
  } as GoShape,
  targets: {
    t: 'list',
    goName: '[]*types.TargetSelector',
    of: {
      t: 'struct',
      name: 'TargetSelector',
      fields: {
        select: SELECTOR,
        reject: { t: 'list', goName: '[]*types.Selector', of: SELECTOR },
        fieldPaths: { t: 'list', goName: '[]string', of: STRING },
        options: FIELD_OPTIONS,
      },
    },
  } as GoShape,
};

/** `types.Replacement`. */
export const REPLACEMENT_SHAPE: GoShape = {
  t: 'struct',
  name: 'Replacement',
  fields: REPLACEMENT_FIELDS,
};

/** `types.ReplacementField` (a kustomization `replacements` entry). */
export const REPLACEMENT_FIELD_SHAPE: GoShape = {
  t: 'struct',
  name: 'ReplacementField',
  fields: { ...REPLACEMENT_FIELDS, path: STRING },
};

/** Go's name of a shape's type, as printed in `UnmarshalTypeError`. */
export function goTypeName(shape: GoShape): string {
  switch (shape.t) {
    case 'string':
    case 'bool':
    case 'int':
      return shape.t;
    case 'list':
      return shape.goName;
    case 'struct':
      return `types.${shape.name}`;
  }
}

/** Where a decode error is reported: the innermost struct and the JSON field path from the root. */
export interface GoDecodeContext {
  /** Innermost Go struct being decoded; `undefined` at a top-level value (`Go value of type`). */
  struct: string | undefined;
  /** JSON field names from the root struct, e.g. `['replacements', 'source']`. */
  fields: readonly string[];
  /** Reject fields the type does not have (`DisallowUnknownFields`). */
  strict: boolean;
}

/** A decode failure with Go's `json: ...` message. */
export class GoDecodeError extends Error {}

function jsonKind(v: YamlValue): string {
  if (Array.isArray(v)) return 'array';
  if (isYamlMap(v)) return 'object';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number' || typeof v === 'bigint') return 'number';
  return 'string';
}

function typeError(value: string, shape: GoShape, ctx: GoDecodeContext): GoDecodeError {
  const where =
    ctx.struct === undefined
      ? `Go value of type ${goTypeName(shape)}`
      : `Go struct field ${ctx.struct}.${ctx.fields.join('.')} of type ${goTypeName(shape)}`;
  return new GoDecodeError(`json: cannot unmarshal ${value} into ${where}`);
}

/** The JSON literal Go's yaml→json conversion would produce for a number. */
function numberLiteral(v: number | bigint): string {
  return String(typeof v === 'bigint' ? Number(v) : v);
}

/**
 * Decodes `value` into `shape`; `null` gives `into` (the zero value when absent). `into`
 * receives struct fields when decoding a struct that was already set (a duplicate key), as
 * Go reuses the pointer. List elements that are `null` decode to `undefined`.
 */
export function decodeGoValue(
  value: YamlValue,
  shape: GoShape,
  ctx: GoDecodeContext,
  into?: Record<string, unknown>,
): unknown {
  if (value === null) return into;
  switch (shape.t) {
    case 'string':
      if (typeof value !== 'string') throw typeError(jsonKind(value), shape, ctx);
      return value;
    case 'bool':
      if (typeof value !== 'boolean') throw typeError(jsonKind(value), shape, ctx);
      return value;
    case 'int': {
      if (typeof value !== 'number' && typeof value !== 'bigint')
        throw typeError(jsonKind(value), shape, ctx);
      const n =
        typeof value === 'bigint' ? value : Number.isInteger(value) ? BigInt(value) : undefined;
      if (n === undefined || n < -(1n << 63n) || n >= 1n << 63n) {
        throw typeError(`number ${numberLiteral(value)}`, shape, ctx);
      }
      return Number(n);
    }
    case 'list':
      if (!Array.isArray(value)) throw typeError(jsonKind(value), shape, ctx);
      return value.map((item) => decodeGoValue(item, shape.of, ctx));
    case 'struct':
      return decodeStruct(value, shape, ctx, into);
  }
}

function decodeStruct(
  value: YamlValue,
  shape: Extract<GoShape, { t: 'struct' }>,
  ctx: GoDecodeContext,
  into?: Record<string, unknown>,
): Record<string, unknown> {
  if (!isYamlMap(value)) throw typeError(jsonKind(value), shape, ctx);
  const out: Record<string, unknown> = into ?? {};
  for (const [key, v] of Object.entries(value)) {
    const name = Object.hasOwn(shape.fields, key)
      ? key
      : Object.keys(shape.fields).find((f) => f.toLowerCase() === key.toLowerCase());
    if (name === undefined) {
      if (ctx.strict) throw new GoDecodeError(`json: unknown field ${JSON.stringify(key)}`);
      continue;
    }
    const fieldShape = shape.fields[name] as GoShape;
    const fieldCtx: GoDecodeContext = {
      struct: shape.name,
      fields: [...ctx.fields, name],
      strict: ctx.strict,
    };
    const prev = out[name];
    const reuse =
      fieldShape.t === 'struct' && prev !== undefined
        ? (prev as Record<string, unknown>)
        : undefined;
    if (v === null) {
      // Go: null sets pointers and slices to nil and leaves scalars untouched.
      if (fieldShape.t === 'struct' || fieldShape.t === 'list') delete out[name];
      continue;
    }
    out[name] = decodeGoValue(v, fieldShape, fieldCtx, reuse);
  }
  return out;
}
