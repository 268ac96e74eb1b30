/**
 * Reading `replacements`: the kustomization field (decoded strictly, as part of the
 * kustomization), replacement files named by `{path}` entries (decoded leniently, as the
 * ReplacementTransformer plugin does), and the config text kustomize prints when configuring
 * the transformer fails.
 *
 * @module
 */
import { isYamlMap, type YamlMap, type YamlValue } from '@kustomate/resource';
import { KustomizeError } from '../../errors.js';
import {
  decodeGoValue,
  GoDecodeError,
  REPLACEMENT_FIELD_SHAPE,
  REPLACEMENT_SHAPE,
  type GoDecodeContext,
} from './go-decode.js';
import type {
  FieldOptions,
  Replacement,
  ReplacementField,
  Selector,
  TargetSelector,
} from './types.js';

/** Normalises decoded data: `null` list elements become empty objects (kustomize would panic). */
function normalize<T extends Replacement>(decoded: Record<string, unknown> | undefined): T {
  const r = { ...(decoded ?? {}) } as unknown as T;
  if (r.targets) {
    r.targets = r.targets.map((t) => {
      const target: TargetSelector = { ...(t ?? {}) };
      if (target.reject) target.reject = target.reject.map((s) => s ?? {});
      return target;
    });
  }
  return r;
}

function decodeFailure(e: unknown, strict: boolean, file: string | undefined): never {
  if (!(e instanceof GoDecodeError)) throw e;
  if (strict) {
    const code = e.message.startsWith('json: unknown field')
      ? 'UnknownField'
      : 'InvalidKustomization';
    throw new KustomizeError(code, `invalid Kustomization: ${e.message}`, {
      location: { file, field: 'replacements' },
    });
  }
  throw new KustomizeError(
    'Replacement',
    `error unmarshaling JSON: while decoding JSON: ${e.message}`,
    {
      location: { file },
    },
  );
}

/**
 * Decodes a kustomization's `replacements` value (a list of inline replacements and `{path}`
 * entries) with the strictness of kustomization decoding: unknown fields and wrong types are
 * errors with kustomize's wording (`invalid Kustomization: json: unknown field "foo"`).
 *
 * @param value - the raw `replacements` value (`undefined`/`null` for none)
 * @param file - the kustomization file, for error locations
 */
export function parseReplacementFields(
  value: YamlValue | undefined,
  file?: string,
): ReplacementField[] {
  if (value === undefined || value === null) return [];
  const ctx: GoDecodeContext = { struct: 'Kustomization', fields: ['replacements'], strict: true };
  try {
    if (!Array.isArray(value)) {
      decodeGoValue(
        value,
        { t: 'list', goName: '[]types.ReplacementField', of: REPLACEMENT_FIELD_SHAPE },
        ctx,
      );
    }
    return (value as YamlValue[]).map((item) =>
      normalize<ReplacementField>(
        decodeGoValue(item, REPLACEMENT_FIELD_SHAPE, ctx) as Record<string, unknown>,
      ),
    );
  } catch (e) {
    return decodeFailure(e, true, file);
  }
}

/**
 * The `replacements` of a builtin `ReplacementTransformer` plugin config (a `transformers`
 * entry with `apiVersion: builtin`), decoded as the plugin does: leniently (other and unknown
 * fields ignored, names matched case-insensitively). Expand the result with
 * {@link expandReplacementFields}.
 */
export function replacementFieldsFromPluginConfig(
  config: YamlValue,
  file?: string,
): ReplacementField[] {
  if (!isYamlMap(config)) return [];
  const ctx: GoDecodeContext = {
    struct: 'ReplacementTransformerPlugin',
    fields: ['replacements'],
    strict: false,
  };
  const shape = {
    t: 'list',
    goName: '[]types.ReplacementField',
    of: REPLACEMENT_FIELD_SHAPE,
  } as const;
  let out: ReplacementField[] = [];
  try {
    const keys = Object.keys(config);
    const key = keys.includes('replacements')
      ? 'replacements'
      : keys.find((k) => k.toLowerCase() === 'replacements');
    const value = key === undefined ? null : (config[key] as YamlValue);
    const decoded = decodeGoValue(value, shape, ctx) as
      (Record<string, unknown> | undefined)[] | undefined;
    out = (decoded ?? []).map((d) => normalize<ReplacementField>(d));
  } catch (e) {
    return decodeFailure(e, false, file);
  }
  return out;
}

/** Go's `reflect.Kind` name of a value decoded by `sigs.k8s.io/yaml` into `interface{}`. */
function goKindName(v: YamlValue): string {
  if (v === null) return 'invalid';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  return 'float64';
}

/**
 * The replacements in a file named by a `{path}` entry, given its parsed content (YAML 1.1,
 * first document): a list of replacements or a single one. Unknown fields are ignored; other
 * content is an error (`unsupported replacement type encountered within replacement path: string`).
 *
 * @param content - the parsed file
 * @param path - the file, for error locations
 */
export function replacementsFromFile(content: YamlValue, path?: string): Replacement[] {
  const ctx: GoDecodeContext = { struct: undefined, fields: [], strict: false };
  try {
    if (Array.isArray(content)) {
      return content.map((item) =>
        normalize<Replacement>(
          decodeGoValue(item, REPLACEMENT_SHAPE, ctx) as Record<string, unknown>,
        ),
      );
    }
    if (isYamlMap(content)) {
      return [
        normalize<Replacement>(
          decodeGoValue(content, REPLACEMENT_SHAPE, ctx) as Record<string, unknown>,
        ),
      ];
    }
  } catch (e) {
    return decodeFailure(e, false, path);
  }
  throw new KustomizeError(
    'Replacement',
    `unsupported replacement type encountered within replacement path: ${goKindName(content)}`,
    { location: { file: path } },
  );
}

/**
 * Turns kustomization `replacements` entries into the replacement list, loading `{path}`
 * entries with `load` (which returns the parsed file). Errors here are configuration errors
 * that kustomize reports as ``trouble configuring builtin ReplacementTransformer with config: `
 * <{@link replacementConfigForError} as YAML>`: <message>``.
 */
export function expandReplacementFields(
  fields: readonly ReplacementField[],
  load: (path: string) => YamlValue,
): Replacement[] {
  const out: Replacement[] = [];
  for (const f of fields) {
    if (f.path) {
      if (f.source !== undefined || (f.targets?.length ?? 0) !== 0) {
        throw new KustomizeError('Replacement', 'cannot specify both path and inline replacement');
      }
      out.push(...replacementsFromFile(load(f.path), f.path));
    } else {
      const r: Replacement = {};
      if (f.source !== undefined) r.source = f.source;
      if (f.targets !== undefined) r.targets = f.targets;
      out.push(r);
    }
  }
  return out;
}

function selectorConfig(s: Selector): YamlMap {
  const out: YamlMap = {};
  for (const k of [
    'group',
    'version',
    'kind',
    'name',
    'namespace',
    'annotationSelector',
    'labelSelector',
  ] as const) {
    const v = s[k];
    if (v) out[k] = v;
  }
  return out;
}

function optionsConfig(o: FieldOptions): YamlMap {
  const out: YamlMap = {};
  if (o.delimiter) out.delimiter = o.delimiter;
  if (o.index) out.index = o.index;
  if (o.encoding) out.encoding = o.encoding;
  if (o.create) out.create = true;
  return out;
}

/**
 * The ReplacementTransformer config kustomize prints in configuration errors: `{Replacements:
 * [...]}` with Go's `omitempty` rules (a target's `select` is always present, `null` when
 * missing). Emit it with the output YAML emitter.
 */
export function replacementConfigForError(fields: readonly ReplacementField[]): YamlMap {
  return {
    Replacements: fields.map((f) => {
      const out: YamlMap = {};
      if (f.path) out.path = f.path;
      if (f.source) {
        const s: YamlMap = selectorConfig(f.source);
        if (f.source.fieldPath) s.fieldPath = f.source.fieldPath;
        if (f.source.options) s.options = optionsConfig(f.source.options);
        out.source = s;
      }
      if (f.targets && f.targets.length > 0) {
        out.targets = f.targets.map((t) => {
          const tm: YamlMap = { select: t.select ? selectorConfig(t.select) : null };
          if (t.reject && t.reject.length > 0) tm.reject = t.reject.map(selectorConfig);
          if (t.fieldPaths && t.fieldPaths.length > 0) tm.fieldPaths = [...t.fieldPaths];
          if (t.options) tm.options = optionsConfig(t.options);
          return tm;
        });
      }
      return out;
    }),
  };
}
