/**
 * The replacement types of kustomize (`api/types/replacement.go`, `selector.go`,
 * `kyaml/resid`), as plain data, and their `String()` forms used in error messages.
 *
 * @module
 */

/** The field path a source or target uses when none is given. */
export const DEFAULT_REPLACEMENT_FIELD_PATH = 'metadata.name';

/**
 * A resource id selector (kyaml `resid.ResId`): every non-empty field must match exactly
 * (`ResId.IsSelectedBy`); `namespace` compares effective namespaces (`''` = `default`).
 */
export interface ResIdSelector {
  group?: string;
  version?: string;
  kind?: string;
  name?: string;
  namespace?: string;
}

/** Options refining how a field is read or written (`types.FieldOptions`). */
export interface FieldOptions {
  /** Splits the field at this string; `index` picks (source) or places (target) a piece. */
  delimiter?: string;
  /** Which piece of the split value; for targets `< 0` prepends and `>= pieces` appends. */
  index?: number;
  /** Parsed but unused by kustomize. */
  encoding?: string;
  /** Create missing target fields. */
  create?: boolean;
}

/** The source of a replacement (`types.SourceSelector`). */
export interface SourceSelector extends ResIdSelector {
  /** `.`-separated path to the value, default `metadata.name`. */
  fieldPath?: string;
  options?: FieldOptions;
}

/** A resource selector of a replacement target (`types.Selector`). */
export interface Selector extends ResIdSelector {
  annotationSelector?: string;
  labelSelector?: string;
}

/** Where a replacement writes (`types.TargetSelector`). */
export interface TargetSelector {
  /** Resources to consider; required. */
  select?: Selector;
  /** Resources to leave out. */
  reject?: Selector[];
  /** Paths written in each selected resource, default `[metadata.name]`. */
  fieldPaths?: string[];
  options?: FieldOptions;
}

/** One replacement: a source value copied to every target field (`types.Replacement`). */
export interface Replacement {
  source?: SourceSelector;
  targets?: TargetSelector[];
}

/** A `replacements` entry of a kustomization: inline, or `{path}` naming a file (`types.ReplacementField`). */
export interface ReplacementField extends Replacement {
  path?: string;
}

/** kyaml `Gvk.String()`: `Kind.version.group` with `[noKind]`/`[noVer]`/`[noGrp]` for blanks. */
export function formatGvkString(g: { group?: string; version?: string; kind?: string }): string {
  return `${g.kind || '[noKind]'}.${g.version || '[noVer]'}.${g.group || '[noGrp]'}`;
}

/** kyaml `ResId.String()`: `Kind.version.group/name.namespace` with placeholders for blanks. */
export function formatResIdSelector(id: ResIdSelector): string {
  return `${formatGvkString(id)}/${id.name || '[noName]'}.${id.namespace || '[noNs]'}`;
}

/** kustomize `FieldOptions.String()`: `''` unless a delimiter or `create` is set. */
export function formatFieldOptions(o: FieldOptions | undefined): string {
  if (!o || (!o.delimiter && !o.create)) return '';
  return `${o.delimiter ?? ''}(${o.index ?? 0}), create=${o.create === true}`;
}

/** kustomize `SourceSelector.String()`: the id, then `:fieldPath` and `:options` when set. */
export function formatSourceSelector(s: SourceSelector): string {
  const parts = [formatResIdSelector(s)];
  if (s.fieldPath) parts.push(s.fieldPath);
  const opts = formatFieldOptions(s.options);
  if (opts !== '') parts.push(opts);
  return parts.join(':');
}
