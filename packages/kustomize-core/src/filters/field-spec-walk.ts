import { isYamlMap, type YamlMap, type YamlValue } from '@kustomate/resource';
import type { FieldSpec } from '../data/field-spec-types.js';
import { KustomizeError } from '../errors.js';
import type { KResource } from '../resource/k-resource.js';
import { formatGoResId, resIdOfObject, wrapError } from './go-res-id.js';
import { setFieldValue } from './scalar-aliases.js';

/** The kind of node created for a missing (or null) final path element. */
export type CreateKind = 'map' | 'seq' | 'scalar';

/** One field a field spec reached: its value and a way to replace it in its parent. */
export interface FieldVisit {
  value: YamlValue | undefined;
  set(value: YamlValue): void;
}

/**
 * kyaml `utils.PathSplitter(path, "/")`, as `api/filters/fieldspec` splits field spec paths:
 * split on `/`, except that a piece ending in `\` is joined with the next (`a\/b` → `a/b`).
 *
 * @example splitFieldPath('metadata/annotations/a\\/b') // ['metadata', 'annotations', 'a/b']
 */
export function splitFieldPath(path: string): string[] {
  return [...splitCached(path)];
}

const splitCache = new Map<string, readonly string[]>();

function splitCached(path: string): readonly string[] {
  let parts = splitCache.get(path);
  if (parts === undefined) {
    parts = split(path);
    if (splitCache.size > 10_000) splitCache.clear();
    splitCache.set(path, parts);
  }
  return parts;
}

function split(path: string): string[] {
  const pieces = path.split('/');
  const out: string[] = [pieces[0] as string];
  for (let i = 1; i < pieces.length; i++) {
    const last = out.length - 1;
    const prev = out[last] as string;
    if (prev.endsWith('\\')) out[last] = `${prev.slice(0, -1)}/${pieces[i] as string}`;
    else out.push(pieces[i] as string);
  }
  return out;
}

/**
 * `api/filters/fieldspec` `parseGV`: unlike kyaml ids, an apiVersion without `/` is a group
 * unless it looks like a core version (`v1…`, `v2…`).
 */
export function fieldSpecGroupVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  let group = slash < 0 ? apiVersion : apiVersion.slice(0, slash);
  let version = slash < 0 ? '' : apiVersion.slice(slash + 1);
  if (
    version === '' &&
    group.length >= 2 &&
    group[0] === 'v' &&
    (group[1] === '1' || group[1] === '2')
  ) {
    version = group;
    group = '';
  }
  return { group, version };
}

/**
 * Whether a field spec's GVK selects the resource (empty parts are wildcards), judged like
 * `api/filters/fieldspec` `isMatchGVK`: on the object's CURRENT `apiVersion` and `kind`.
 * (Prefix/suffix and name references additionally judge the original id; they do that
 * themselves.)
 */
export function fieldSpecSelects(spec: FieldSpec, res: KResource): boolean {
  return objectSelectedBy(spec, res.object);
}

/** {@link fieldSpecSelects} on a bare object. */
export function objectSelectedBy(spec: FieldSpec, object: YamlMap): boolean {
  const kind = typeof object.kind === 'string' ? object.kind : '';
  if (spec.kind !== '' && spec.kind !== kind) return false;
  const api = typeof object.apiVersion === 'string' ? object.apiVersion : '';
  const { group, version } = fieldSpecGroupVersion(api);
  if (spec.group !== '' && spec.group !== group) return false;
  if (spec.version !== '' && spec.version !== version) return false;
  return true;
}

interface WalkState {
  path: readonly string[];
  create: boolean;
  createKind: CreateKind | undefined;
  visit: (field: FieldVisit) => void;
}

function newNode(kind: CreateKind): YamlValue {
  return kind === 'map' ? {} : kind === 'seq' ? [] : null;
}

function fail(message: string): never {
  throw new KustomizeError('InvalidFieldSpec', message);
}

function walk(node: YamlValue, i: number, st: WalkState, set: (v: YamlValue) => void): void {
  if (i === st.path.length) {
    st.visit({ value: node, set });
    return;
  }
  if (node === null) return; // a null on the way stops the walk (kyaml IsTaggedNull)
  if (Array.isArray(node)) {
    const seq = node;
    try {
      for (let j = 0; j < seq.length; j++) {
        walk(seq[j] as YamlValue, i, st, (v) => {
          seq[j] = v;
        });
      }
    } catch (e) {
      throw wrapError(e, `visit traversal on path: [${st.path.slice(i).join(' ')}]`);
    }
    return;
  }
  if (!isYamlMap(node)) fail('expected sequence or mapping node');
  field(node, i, st);
}

function field(map: YamlMap, i: number, st: WalkState): void {
  const raw = st.path[i] as string;
  const isSeq = raw.endsWith('[]');
  const name = (isSeq ? raw.slice(0, -2) : raw).trim();
  const last = i === st.path.length - 1;
  let kind: CreateKind | undefined;
  let create = false;
  if (!st.create || st.createKind === undefined || isSeq) {
    if (isSeq) kind = 'seq';
  } else {
    create = true;
    kind = last ? st.createKind : 'map';
  }
  if (name === '') {
    // kyaml drops empty path parts: the lookup yields the map itself.
    walk(map, i + 1, st, (v) => replaceMap(map, v));
    return;
  }
  if (
    /^[+-]?\d{1,18}$/.test(name) ||
    name === '-' ||
    (name.startsWith('[') && name.endsWith(']'))
  ) {
    // kyaml reads these as list indexes / element matchers, which fail on a mapping.
    fail(`fieldName: ${name}: wrong node kind: expected SequenceNode but got MappingNode`);
  }
  if (!Object.hasOwn(map, name)) {
    if (!create || kind === undefined) return;
    map[name] = newNode(kind);
  } else if (map[name] === null && kind !== undefined) {
    // A null field becomes the creation kind (a scalar stays null until it is set).
    map[name] = newNode(kind);
  }
  walk(map[name] as YamlValue, i + 1, st, (v) => setFieldValue(map, name, v));
}

function replaceMap(target: YamlMap, value: YamlValue): void {
  if (!isYamlMap(value)) fail('cannot replace a mapping with a non-mapping value');
  if (value === target) return;
  for (const k of Object.keys(target)) delete target[k];
  Object.assign(target, value);
}

/**
 * Applies `visit` to every field `spec.path` reaches in `object` (api/filters/fieldspec
 * semantics). The GVK is NOT checked here; use {@link fieldSpecSelects} (or
 * {@link applyFieldSpec}, which does both as kustomize's fieldspec filter does).
 *
 * - a sequence met before the path ends applies the rest of the path to each element;
 * - `name[]` marks an expected list: looked up, never created (a null one becomes `[]`);
 * - with `spec.create` and a `createKind`, missing maps along the way and the final field
 *   (of `createKind`; a scalar is created as `null`) are created, and a null field is turned
 *   into the kind it would have been created as; otherwise a missing field ends the walk;
 * - a null value before the end of the path ends the walk silently; a scalar there throws
 *   "expected sequence or mapping node";
 * - the visitor also sees null and non-scalar leaves; errors it throws are wrapped like
 *   kustomize's (`considering field 'P' of object ID: …`).
 */
export function walkFieldSpec(
  object: YamlMap,
  spec: FieldSpec,
  visit: (field: FieldVisit) => void,
  createKind?: CreateKind,
): void {
  const st: WalkState = { path: splitCached(spec.path), create: spec.create, createKind, visit };
  try {
    walk(object, 0, st, (v) => replaceMap(object, v));
  } catch (e) {
    const id = formatGoResId(resIdOfObject(object));
    throw wrapError(e, `considering field '${spec.path}' of object ${id}`, 'InvalidFieldSpec', {
      object: id,
      field: spec.path,
    });
  }
}

/** kustomize's `fieldspec.Filter` on a resource: GVK check on the current object, then the walk. */
export function applyFieldSpec(
  res: KResource,
  spec: FieldSpec,
  visit: (field: FieldVisit) => void,
  createKind?: CreateKind,
): void {
  if (!objectSelectedBy(spec, res.object)) return;
  walkFieldSpec(res.object, spec, visit, createKind);
}
