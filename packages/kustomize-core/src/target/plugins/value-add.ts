/**
 * kustomize's builtin `ValueAddTransformer` (api/internal/builtins/ValueAddTransformer.go)
 * and the `valueadd` filter it runs (api/filters/valueadd), with the kyaml pieces the
 * filter relies on: `LookupCreate` (`PathGetter` with create) and `filesys.InsertPathPart`.
 *
 * @module
 */
import { isYamlMap, type YamlMap, type YamlValue } from '@kustomate/resource';
import { KustomizeError } from '../../errors.js';
import { splitFieldPath } from '../../filters/field-spec-walk.js';
import { applyNamespaceFilter } from '../../filters/namespace-filter.js';
import { setFieldValue } from '../../filters/scalar-aliases.js';
import { resolvePlainScalar, untaggedScalar } from '../../filters/untagged-scalar.js';
import type { SelectorArg } from '../../kustomization/kustomization.js';
import type { KResource } from '../../resource/k-resource.js';
import type { ResMap } from '../../resource/res-map.js';
import {
  cleanPath,
  goAtoi,
  isListIndex,
  splitIndexNameValue,
} from '../../transformers/replacements/field-path.js';
import { scalarText, wrongKindError } from '../../transformers/replacements/node-text.js';
import { selectResources } from '../select.js';

/** One `targets` entry of a ValueAddTransformer config. */
export interface ValueAddTarget {
  /** Resources to change (kustomize `ResMap.Select`); absent means every resource. */
  selector?: SelectorArg;
  /**
   * 1-based position at which the value is inserted as a path element into the field's
   * existing file-path-like value; 0 or absent replaces the field's value.
   */
  filePathPosition?: number;
  /** `/`-separated path of the field (`\/` escapes a slash); `metadata/namespace` is special. */
  fieldPath?: string;
}

/** The decoded ValueAddTransformer config (`targetFilePath` is not supported). */
export interface ValueAddConfig {
  /** The value to add; blank means the base name of the kustomization root. */
  value?: string;
  targets?: ValueAddTarget[];
}

/** A ValueAddTransformer config after kustomize's `Config` step. */
export interface CheckedValueAddConfig {
  value: string;
  targets: ValueAddTarget[];
}

/** The field path kustomize hands to the namespace filter instead (`types.MetadataNamespacePath`). */
const METADATA_NAMESPACE_PATH = 'metadata/namespace';

function configError(message: string): KustomizeError {
  return new KustomizeError('TransformerConfig', message, { location: { field: 'targets' } });
}

/** Go `path.Clean` (what `filepath.Clean` does on Unix). */
export function goCleanPath(path: string): string {
  if (path === '') return '.';
  const rooted = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(part);
  }
  const joined = out.join('/');
  if (rooted) return `/${joined}`;
  return joined === '' ? '.' : joined;
}

/** Go `filepath.Base` on Unix: the last element, trailing slashes ignored; `.` for `''`. */
export function goBase(path: string): string {
  if (path === '') return '.';
  let p = path;
  while (p.length > 0 && p.endsWith('/')) p = p.slice(0, -1);
  if (p === '') return '/';
  return p.slice(p.lastIndexOf('/') + 1);
}

/** Go `filepath.Join` on Unix: non-empty elements joined by `/` and cleaned; `''` if none. */
function goJoin(elems: readonly string[]): string {
  const nonEmpty = elems.filter((e) => e !== '');
  return nonEmpty.length === 0 ? '' : goCleanPath(nonEmpty.join('/'));
}

/** kyaml `filesys.PathSplit`: path elements; a leading `''` marks an absolute path. */
export function pathSplit(incoming: string): string[] {
  if (incoming === '') return [];
  const slash = incoming.lastIndexOf('/');
  let dir = incoming.slice(0, slash + 1);
  const file = incoming.slice(slash + 1);
  if (dir === '/') return file === '' ? [''] : ['', file];
  if (dir.endsWith('/')) dir = dir.slice(0, -1);
  if (dir === '') return [file];
  return [...pathSplit(dir), file];
}

/** kyaml `filesys.PathJoin`: inverse of {@link pathSplit} (the result is cleaned). */
export function pathJoin(incoming: readonly string[]): string {
  if (incoming.length === 0) return '';
  if (incoming[0] === '') return `/${goJoin(incoming.slice(1))}`;
  return goJoin(incoming);
}

/**
 * kyaml `filesys.InsertPathPart`: inserts `part` as element `pos` (0-based) of `path`.
 * Positions are clamped (below 0 prefixes, beyond the end postfixes); an absolute path
 * keeps its leading `/` and positions count from its first element; an empty `part` changes
 * nothing; the result is cleaned like Go's `filepath.Join` (`a//b/./c/..` → `a/b`).
 *
 * @example
 * ```ts
 * insertPathPart('/a/nice/warm/pie', 3, 'PEACH') // '/a/nice/warm/PEACH/pie'
 * insertPathPart('', 5, 'PEACH')                 // 'PEACH'
 * insertPathPart('/', 0, 'PEACH')                // '/PEACH'
 * ```
 */
export function insertPathPart(path: string, pos: number, part: string): string {
  if (part === '') return path;
  const parts = pathSplit(path);
  let p = pos < 0 ? 0 : Math.min(pos, parts.length);
  if (parts.length > 0 && parts[0] === '' && p < parts.length) p++;
  return pathJoin([...parts.slice(0, p), part, ...parts.slice(p)]);
}

/**
 * kustomize's `ValueAddTransformerPlugin.Config` checks: trims `value` and defaults it to
 * Go `filepath.Base` of `kustomizationDirName`, then requires at least one target, a
 * non-empty `fieldPath` on each and no negative `filePathPosition`.
 *
 * Kustomize reports these as `plugin ValueAddTransformer.builtin.[noGrp]/NAME.[noNs] fails
 * configuration: MESSAGE` before any transformer runs; callers wanting that wording wrap
 * the error (this module does not know the plugin's name).
 *
 * @throws KustomizeError `TransformerConfig`: `must specify at least one target`,
 *   `fieldPath cannot be empty`, `value of FilePathPosition (-1) cannot be negative`.
 */
export function checkValueAddConfig(
  config: ValueAddConfig,
  kustomizationDirName: string,
): CheckedValueAddConfig {
  let value = (config.value ?? '').trim();
  if (value === '') value = goBase(kustomizationDirName);
  const targets = config.targets ?? [];
  if (targets.length === 0) throw configError('must specify at least one target');
  for (const t of targets) {
    if ((t.fieldPath ?? '') === '') throw configError('fieldPath cannot be empty');
    const pos = t.filePathPosition ?? 0;
    if (pos < 0) throw configError(`value of FilePathPosition (${pos}) cannot be negative`);
  }
  return { value, targets };
}

/** A located field: its value, whether `LookupCreate` just created it, and a setter. */
interface Slot {
  value: YamlValue;
  created: boolean;
  set(v: YamlValue): void;
}

function nodeKindError(
  expected: 'MappingNode' | 'SequenceNode' | 'ScalarNode',
  v: YamlValue,
): KustomizeError {
  const e = wrongKindError(expected, v);
  return new KustomizeError('InvalidFieldSpec', e.message);
}

/** `Value` of a yaml.v3 node as kyaml compares it: scalar text, `''` for collections. */
function nodeValue(v: YamlValue): string {
  return v !== null && typeof v === 'object' ? '' : scalarText(v);
}

/** `RNode.Elements()`: a null node has none, a map or non-null scalar is an error. */
function elementsOf(v: YamlValue): YamlValue[] {
  if (v === null) return [];
  if (!Array.isArray(v)) throw nodeKindError('SequenceNode', v);
  return v;
}

function elementSlot(list: YamlValue, index: number, created: boolean): Slot {
  const arr = Array.isArray(list) ? list : undefined;
  return {
    value: arr ? (arr[index] as YamlValue) : null,
    created,
    set: (nv) => {
      if (arr) arr[index] = nv;
    },
  };
}

/**
 * kyaml `LookupCreate(ScalarNode, path...)`: walks `path` from `root`, creating missing map
 * fields (a map, or a sequence before a `[k=v]` part, or an empty scalar at the end) and
 * missing `[k=v]`/`[=v]` list elements; numeric indexes and `-` (last element) never create.
 * Returns `undefined` when the walk ends early: a field under a null node, an index past the
 * end. Throws kyaml's errors for nodes of the wrong kind and malformed parts.
 */
function lookupCreate(root: YamlMap, path: readonly string[]): Slot | undefined {
  const parts = cleanPath(path);
  let slot: Slot = { value: root, created: false, set: () => undefined };
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    const next = parts[i + 1];
    const cur = slot.value;
    const idx = goAtoi(part);
    if (idx !== undefined) {
      if (idx < 0)
        throw new KustomizeError('InvalidFieldSpec', `array index ${idx} cannot be negative`);
      const els = elementsOf(cur);
      if (idx >= els.length) return undefined;
      slot = elementSlot(cur, idx, false);
    } else if (part === '-') {
      const els = elementsOf(cur);
      if (els.length === 0) {
        // kyaml indexes elems[len-1] unguarded: kustomize crashes.
        throw new KustomizeError(
          'InvalidFieldSpec',
          'panic: runtime error: index out of range [-1]',
        );
      }
      slot = elementSlot(cur, els.length - 1, false);
    } else if (isListIndex(part)) {
      let key: string;
      let want: string;
      try {
        [key, want] = splitIndexNameValue(part);
      } catch (e) {
        throw new KustomizeError('InvalidFieldSpec', (e as Error).message, { cause: e });
      }
      const els = elementsOf(cur);
      let found = -1;
      for (let j = 0; j < els.length && found < 0; j++) {
        const el = els[j] as YamlValue;
        if (key === '') {
          if (nodeValue(el) === want) found = j;
        } else if (
          isYamlMap(el) &&
          Object.hasOwn(el, key) &&
          nodeValue(el[key] as YamlValue) === want
        ) {
          found = j;
        }
      }
      if (found >= 0) {
        slot = elementSlot(cur, found, false);
      } else {
        const scalar = resolvePlainScalar(want);
        const el: YamlValue = key === '' ? scalar : { [key]: scalar };
        // Appending to a null node is lost in kyaml's output; the element stays detached.
        if (Array.isArray(cur)) {
          cur.push(el);
          slot = elementSlot(cur, cur.length - 1, true);
        } else {
          slot = { value: el, created: true, set: () => undefined };
        }
      }
    } else {
      if (cur === null) return undefined;
      if (!isYamlMap(cur)) throw nodeKindError('MappingNode', cur);
      const map = cur;
      if (Object.hasOwn(map, part)) {
        slot = {
          value: map[part] as YamlValue,
          created: false,
          set: (nv) => setFieldValue(map, part, nv),
        };
      } else {
        const leaf = next === undefined;
        const made: YamlValue = leaf ? null : isListIndex(next) ? [] : {};
        map[part] = made;
        slot = { value: made, created: true, set: (nv) => setFieldValue(map, part, nv) };
      }
    }
  }
  return slot;
}

/**
 * kustomize's `valueadd.Filter` on one resource: `LookupCreate` the field at `fieldPath`
 * (split on `/`, `\/` escaping a slash), require a scalar (or null) there, and set it to
 * `value` — or, with `filePathPosition` > 0, to the existing text with `value` inserted as
 * path element `filePathPosition - 1` ({@link insertPathPart}). The new scalar is untagged
 * and keeps the old node's style, so `replicas: 3` → `555` stays an int while `"007"` →
 * `"555"` stays a string.
 *
 * Limits of the plain-data model: a null field's text is taken as `null` (kyaml sees `~` or
 * `''` when written so), numbers are in their canonical form, and a string that was quoted
 * in the source but needn't have been is treated as plain.
 *
 * @throws KustomizeError `InvalidFieldSpec` with kyaml's messages (`wrong node kind: expected
 *   ScalarNode but got MappingNode: node contents: …`, `array index -1 cannot be negative`,
 *   `list path element must contain fieldName=fieldValue for element to match`), and for the
 *   cases where kustomize crashes (a `filePathPosition` on a field the walk cannot reach,
 *   `-` on an empty list) an error quoting the Go panic.
 */
export function applyValueAddFilter(
  res: KResource,
  value: string,
  fieldPath: string,
  filePathPosition = 0,
): void {
  const slot = lookupCreate(res.object, splitFieldPath(fieldPath));
  if (slot === undefined) {
    if (filePathPosition > 0) {
      throw new KustomizeError(
        'InvalidFieldSpec',
        'panic: runtime error: invalid memory address or nil pointer dereference',
        { location: { field: fieldPath } },
      );
    }
    return;
  }
  const cur = slot.value;
  if (cur !== null && typeof cur === 'object') throw nodeKindError('ScalarNode', cur);
  let text = value;
  if (filePathPosition > 0) {
    text = insertPathPart(slot.created ? '' : scalarText(cur), filePathPosition - 1, value);
  }
  if (text === '') return;
  slot.set(slot.created ? resolvePlainScalar(text) : untaggedScalar(text, cur));
}

/**
 * kustomize's builtin ValueAddTransformer. After {@link checkValueAddConfig} (value trimmed,
 * defaulting to the base name of the kustomization root the transformer is used from — not
 * the directory holding its config), for each target in order and each resource it selects
 * (all resources without a selector; a selector is kustomize's `ResMap.Select`):
 *
 * - `fieldPath: metadata/namespace` runs kustomize's namespace filter with the value and no
 *   field specs: `metadata.namespace` is set unless the kind is cluster-scoped, and
 *   RoleBinding/ClusterRoleBinding subjects named `default` get it too. Unlike the
 *   `namespace:` transformer no previous ids are recorded and id clashes are not checked;
 * - any other path runs {@link applyValueAddFilter}.
 *
 * @param kustomizationDirName the kustomization root (its Go `filepath.Base` is used).
 * @throws KustomizeError as {@link checkValueAddConfig} and {@link applyValueAddFilter}, and
 *   selector errors from {@link selectResources}.
 *
 * @example
 * ```ts
 * // In projects/dog-222: namespace dog-222, external `projects` → `projects/dog-222`.
 * applyValueAdd(resmap, {
 *   targets: [
 *     { fieldPath: 'metadata/namespace' },
 *     { selector: { kind: 'IAMPolicyMember' }, fieldPath: 'spec/resourceRef/external', filePathPosition: 2 },
 *   ],
 * }, 'dog-222');
 * ```
 */
export function applyValueAdd(
  resmap: ResMap,
  config: ValueAddConfig,
  kustomizationDirName: string,
): void {
  const { value, targets } = checkValueAddConfig(config, kustomizationDirName);
  for (const t of targets) {
    const resources = t.selector ? selectResources(resmap, t.selector) : [...resmap.resources];
    const fieldPath = t.fieldPath ?? '';
    for (const res of resources) {
      if (fieldPath === METADATA_NAMESPACE_PATH) {
        applyNamespaceFilter(res, value, [], resmap.schema);
      } else {
        applyValueAddFilter(res, value, fieldPath, t.filePathPosition ?? 0);
      }
    }
  }
}
