import { isYamlMap, type YamlValue } from '@kustomate/resource';
import { KustomizeError } from '../errors.js';

/**
 * A tiny model of Go `encoding/json` decoding into typed structs, as kustomize decodes a
 * kustomization file (`DisallowUnknownFields`): field names match case-insensitively (a later
 * duplicate wins), unknown fields and wrong scalar types are errors, `null` leaves the zero
 * value.
 */
export type GoType =
  | { t: 'string' }
  | { t: 'bool' }
  | { t: 'int' }
  | { t: 'any' }
  | { t: 'map'; of: GoType }
  | { t: 'list'; of: GoType }
  | { t: 'struct'; name: string; fields: Record<string, GoType> };

/** Shorthands for building {@link GoType}s. */
export const go = {
  string: { t: 'string' } as GoType,
  bool: { t: 'bool' } as GoType,
  int: { t: 'int' } as GoType,
  any: { t: 'any' } as GoType,
  map: (of: GoType): GoType => ({ t: 'map', of }),
  list: (of: GoType): GoType => ({ t: 'list', of }),
  struct: (name: string, fields: Record<string, GoType>): GoType => ({ t: 'struct', name, fields }),
};

function jsonTypeName(v: YamlValue): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'object';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number' || typeof v === 'bigint') return 'number';
  return 'string';
}

function goTypeName(type: GoType): string {
  switch (type.t) {
    case 'string':
      return 'string';
    case 'bool':
      return 'bool';
    case 'int':
      return 'int64';
    case 'any':
      return 'interface {}';
    case 'map':
      return `map[string]${goTypeName(type.of)}`;
    case 'list':
      return `[]${goTypeName(type.of)}`;
    case 'struct':
      return `types.${type.name}`;
  }
}

interface DecodeContext {
  file: string;
  /** Go struct name and field path for messages, e.g. `Kustomization.commonLabels`. */
  path: string;
  /** Field path as users write it, e.g. `commonLabels.app`. */
  field: string;
  /** Unknown fields are errors (`DisallowUnknownFields`); otherwise they are ignored. */
  strict?: boolean;
  /** What is being decoded, for messages (`Kustomization` by default). */
  what?: string;
  /**
   * Scalars decoded into string fields become their text (`51` → `"51"`), as
   * `sigs.k8s.io/yaml.Unmarshal` does when it knows the target type (plugin configs).
   */
  stringifyScalars?: boolean;
}

function mismatch(value: YamlValue, type: GoType, ctx: DecodeContext): KustomizeError {
  return new KustomizeError(
    'InvalidKustomization',
    `${ctx.file}: invalid ${ctx.what ?? 'Kustomization'}: json: cannot unmarshal ${jsonTypeName(value)} into Go struct field ${ctx.path} of type ${goTypeName(type)} (field "${ctx.field}")`,
    { location: { file: ctx.file, field: ctx.field } },
  );
}

/** Decodes `value` as Go's encoding/json would into `type`; `undefined` means the zero value. */
export function decodeGo(value: YamlValue, type: GoType, ctx: DecodeContext): unknown {
  if (value === null) return undefined;
  switch (type.t) {
    case 'any':
      return value;
    case 'string':
      if (typeof value === 'string') return value;
      if (ctx.stringifyScalars && (typeof value !== 'object' || value === null))
        return String(value);
      throw mismatch(value, type, ctx);
    case 'bool':
      if (typeof value !== 'boolean') throw mismatch(value, type, ctx);
      return value;
    case 'int':
      if (typeof value === 'bigint') return Number(value);
      if (typeof value !== 'number' || !Number.isInteger(value)) throw mismatch(value, type, ctx);
      return value;
    case 'list': {
      if (!Array.isArray(value)) throw mismatch(value, type, ctx);
      // Go decodes a null element as the element type's zero value.
      return value.map((item, i) => {
        const d = decodeGo(item, type.of, { ...ctx, field: `${ctx.field}[${i}]` });
        return d === undefined ? zeroOf(type.of) : d;
      });
    }
    case 'map': {
      if (!isYamlMap(value)) throw mismatch(value, type, ctx);
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        const d = decodeGo(v, type.of, { ...ctx, field: `${ctx.field}.${k}` });
        out[k] = d === undefined ? zeroOf(type.of) : d;
      }
      return out;
    }
    case 'struct':
      return decodeStruct(value, type, ctx);
  }
}

function zeroOf(type: GoType): unknown {
  switch (type.t) {
    case 'string':
      return '';
    case 'bool':
      return false;
    case 'int':
      return 0;
    case 'struct':
    case 'map':
      return {};
    case 'list':
      return [];
    case 'any':
      return null;
  }
}

function decodeStruct(
  value: YamlValue,
  type: Extract<GoType, { t: 'struct' }>,
  ctx: DecodeContext,
): Record<string, unknown> {
  if (!isYamlMap(value)) throw mismatch(value, type, ctx);
  const byLower = new Map<string, string>();
  for (const name of Object.keys(type.fields)) byLower.set(name.toLowerCase(), name);
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const name = Object.hasOwn(type.fields, key) ? key : byLower.get(key.toLowerCase());
    if (name === undefined) {
      if (ctx.strict === false) continue;
      throw new KustomizeError(
        'UnknownField',
        `${ctx.file}: invalid ${ctx.what ?? 'Kustomization'}: json: unknown field "${key}"`,
        { location: { file: ctx.file, field: ctx.field === '' ? key : `${ctx.field}.${key}` } },
      );
    }
    const fieldType = type.fields[name] as GoType;
    const field = ctx.field === '' ? name : `${ctx.field}.${name}`;
    const decoded = decodeGo(v, fieldType, { ...ctx, path: `${type.name}.${name}`, field });
    if (decoded === undefined) delete out[name];
    else out[name] = decoded;
  }
  return out;
}
