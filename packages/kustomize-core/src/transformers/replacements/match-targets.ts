/**
 * kyaml's `PathMatcher` (with `Create`), which finds replacement target fields: map fields,
 * numeric indexes (index = length appends when creating), `[key=regexp]` / `[=regexp]`
 * element matchers (unanchored Go regexps against the element's YAML text), and `*` for
 * every element. Paths are not trimmed. Creating under a `null` node has no visible effect
 * (kyaml appends to the null node's content), except under `metadata.annotations`, which
 * kustomize rebuilds from that content when it writes annotations back.
 *
 * @module
 */
import { isYamlMap, type YamlMap, type YamlValue } from '@kustomate/resource';
import { setFieldValue } from '../../filters/scalar-aliases.js';
import { goAtoi, isIdxNumber, isListIndex, splitIndexNameValue } from './field-path.js';
import { compileMatcherRegexp } from './go-regexp.js';
import { isScalarValue, nodeString, scalarText, wrongKindError } from './node-text.js';
import { decodeTaggedScalar } from './scalar-tag.js';

/** The kind of node created for a missing final field (the source value's kind). */
export type CreateKind = 'map' | 'seq' | 'scalar';

/** A field found (or created) in a target resource. */
export interface TargetRef {
  /** The field's current value. */
  readonly value: YamlValue;
  /** True when the field was created by the match and so has no tag yet. */
  readonly untagged: boolean;
  /** Replaces the field's value. */
  set(value: YamlValue): void;
}

type Container = YamlMap | YamlValue[];

class Ref implements TargetRef {
  private phantomMap: YamlMap | undefined;
  private phantomSeq: YamlValue[] | undefined;

  constructor(
    private readonly holder: Container,
    private readonly key: string | number,
    readonly untagged: boolean,
    /** Map keys from the resource root joined by `/` while at most two deep, else `undefined`. */
    readonly mapPath: string | undefined,
  ) {}

  get value(): YamlValue {
    return (this.holder as Record<string | number, YamlValue>)[this.key] as YamlValue;
  }

  set(value: YamlValue): void {
    // kyaml writes scalars in place, so fields sharing a node (see scalar-aliases) change too.
    if (Array.isArray(this.holder)) this.holder[this.key as number] = value;
    else setFieldValue(this.holder, this.key as string, value);
  }

  /** Elements of a sequence (or of the content appended to a null node). */
  elements(): YamlValue[] {
    const v = this.value;
    if (v === null) return (this.phantomSeq ??= []);
    if (!Array.isArray(v)) throw wrongKindError('SequenceNode', v);
    return v;
  }

  /** The map new fields go into: the value, or where a null node collects content. */
  fieldContainer(): { map: YamlMap; real: boolean } {
    const v = this.value;
    if (isYamlMap(v)) return { map: v, real: true };
    if (this.mapPath === 'metadata/annotations') {
      const m: YamlMap = {};
      this.set(m);
      return { map: m, real: true };
    }
    return { map: (this.phantomMap ??= {}), real: false };
  }

  child(container: Container, key: string | number, real: boolean, untagged = false): Ref {
    let path: string | undefined;
    if (real && typeof key === 'string' && this.mapPath !== undefined) {
      if (this.mapPath === '') path = key;
      else if (!this.mapPath.includes('/') && !key.includes('/')) path = `${this.mapPath}/${key}`;
    }
    return new Ref(container, key, untagged, path);
  }
}

function newNode(kind: CreateKind): YamlValue {
  return kind === 'map' ? {} : kind === 'seq' ? [] : null;
}

/** kyaml `getPathPartKind`: what to create for a path part given the part after it. */
function partKind(next: string | undefined, create: CreateKind): CreateKind {
  if (next === undefined) return create;
  if (isListIndex(next) || isIdxNumber(next)) return 'seq';
  return 'map';
}

function filter(ref: Ref, path: readonly string[], create: CreateKind | undefined): Ref[] {
  const p0 = path[0];
  if (p0 === undefined) return [ref];
  if (isIdxNumber(p0)) return doIndex(ref, path, create);
  if (isListIndex(p0)) return doSeq(ref, path, create, false);
  if (p0 === '*') return doEvery(ref, path, create);
  return doField(ref, path, create);
}

function doField(ref: Ref, path: readonly string[], create: CreateKind | undefined): Ref[] {
  const name = path[0] as string;
  const v = ref.value;
  let field: Ref | undefined;
  if (v !== null) {
    if (name === '') {
      if (!isScalarValue(v)) throw wrongKindError('ScalarNode', v);
      if (scalarText(v) === '') field = ref;
    } else {
      if (!isYamlMap(v)) throw wrongKindError('MappingNode', v);
      if (Object.hasOwn(v, name)) field = ref.child(v, name, true);
    }
  }
  if (!field) {
    if (!create) return [];
    const kind = partKind(path[1], create);
    const { map, real } = ref.fieldContainer();
    map[name] = newNode(kind);
    field = ref.child(map, name, real, kind === 'scalar');
  }
  return filter(field, path.slice(1), create);
}

function doIndex(ref: Ref, path: readonly string[], create: CreateKind | undefined): Ref[] {
  const idx = goAtoi(path[0] as string) as number;
  const els = ref.elements();
  let untagged = false;
  if (els.length === idx && create) {
    const kind = partKind(path[1], create);
    els.push(newNode(kind));
    untagged = kind === 'scalar';
  }
  if (els.length < idx + 1)
    throw new Error(`index ${idx} specified but only ${els.length} elements found`);
  return filter(ref.child(els, idx, false, untagged), path.slice(1), create);
}

function doSeq(
  ref: Ref,
  path: readonly string[],
  create: CreateKind | undefined,
  redo: boolean,
): Ref[] {
  const [field, pattern] = splitIndexNameValue(path[0] as string);
  const els = ref.elements();
  const out: Ref[] = [];
  const last = els.length - 1;
  els.forEach((elem, i) => {
    const re = compileMatcherRegexp(pattern);
    const untagged = redo && i === last;
    if (field === '') {
      if (re.test(nodeString(elem).trim())) out.push(ref.child(els, i, false, untagged));
      return;
    }
    if (!isYamlMap(elem) || !Object.hasOwn(elem, field)) return;
    if (!re.test(nodeString(elem[field] as YamlValue).trim())) return;
    out.push(...filter(ref.child(els, i, false), path.slice(1), create));
  });
  if (out.length > 0 || !create || redo) return out;
  const value = decodeTaggedScalar(pattern, '');
  els.push(field === '' ? value : { [field]: value });
  return doSeq(ref, path, create, true);
}

function doEvery(ref: Ref, path: readonly string[], create: CreateKind | undefined): Ref[] {
  const els = ref.elements();
  return els.flatMap((_, i) => filter(ref.child(els, i, false), path.slice(1), create));
}

/**
 * The fields `path` designates in `root`, creating missing ones of kind `create` when given.
 * Throws plain `Error`s with kyaml's messages (`index 2 specified but only 2 elements found`,
 * `wrong node kind: ...`, `error parsing regexp: ...`); an empty result means nothing matched.
 */
export function matchTargets(
  root: YamlMap,
  path: readonly string[],
  create?: CreateKind,
): TargetRef[] {
  const box: YamlMap = { root };
  return filter(new Ref(box, 'root', false, ''), path, create);
}
