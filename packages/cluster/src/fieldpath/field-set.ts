import type { YamlMap } from '@kustomate/resource';
import { elementFromFieldsV1, elementToFieldsV1, formatFieldPath } from './path-element.js';
import type { FieldPath, PathElement } from './path-element.js';

const SEP = '\u0001';

function keyOf(path: FieldPath): string {
  return path.map(elementToFieldsV1).join(SEP);
}

/**
 * An immutable-by-convention set of field paths: what one manager owns. Converts to and from
 * the `fieldsV1` trees of `metadata.managedFields`.
 *
 * @example
 * ```ts
 * const set = new FieldSet([[{ field: 'spec' }, { field: 'replicas' }]]);
 * set.toFieldsV1(); // { 'f:spec': { 'f:replicas': {} } }
 * ```
 */
export class FieldSet {
  readonly #paths = new Map<string, FieldPath>();

  constructor(paths: Iterable<FieldPath> = []) {
    for (const path of paths) this.insert(path);
  }

  /** Adds a path (mutates; use while building a set). */
  insert(path: FieldPath): void {
    this.#paths.set(keyOf(path), path);
  }

  has(path: FieldPath): boolean {
    return this.#paths.has(keyOf(path));
  }

  get size(): number {
    return this.#paths.size;
  }

  isEmpty(): boolean {
    return this.#paths.size === 0;
  }

  /** Every path, in insertion order. */
  paths(): FieldPath[] {
    return [...this.#paths.values()];
  }

  union(other: FieldSet): FieldSet {
    const out = new FieldSet(this.paths());
    for (const p of other.paths()) out.insert(p);
    return out;
  }

  difference(other: FieldSet): FieldSet {
    return new FieldSet(this.paths().filter((p) => !other.has(p)));
  }

  intersection(other: FieldSet): FieldSet {
    return new FieldSet(this.paths().filter((p) => other.has(p)));
  }

  /** True when some path of the set starts with `prefix` and is longer than it. */
  hasDescendantOf(prefix: FieldPath): boolean {
    if (prefix.length === 0) return this.#paths.size > 0;
    const key = keyOf(prefix) + SEP;
    for (const k of this.#paths.keys()) if (k.startsWith(key)) return true;
    return false;
  }

  /** Readable paths (`.spec.replicas`), sorted. */
  toStrings(): string[] {
    return this.paths().map(formatFieldPath).sort();
  }

  equals(other: FieldSet): boolean {
    return this.size === other.size && this.paths().every((p) => other.has(p));
  }

  /** The `fieldsV1` tree: `f:`/`k:`/`v:`/`i:` keys, `".": {}` on members that also have children. */
  toFieldsV1(): YamlMap {
    const root: YamlMap = {};
    const sorted = this.paths().sort((a, b) => a.length - b.length);
    for (const path of sorted) {
      let node = root;
      for (const element of path) {
        const k = elementToFieldsV1(element);
        node[k] ??= {};
        node = node[k] as YamlMap;
      }
    }
    markMembers(root, this, []);
    return sortTree(root);
  }

  /**
   * Reads a `fieldsV1` tree; `undefined` when it is malformed.
   *
   * @example
   * ```ts
   * FieldSet.fromFieldsV1({ 'f:data': { 'f:a': {} } })?.toStrings(); // ['.data.a']
   * ```
   */
  static fromFieldsV1(tree: unknown): FieldSet | undefined {
    const set = new FieldSet();
    const walk = (node: unknown, path: PathElement[]): boolean => {
      if (typeof node !== 'object' || node === null || Array.isArray(node)) return false;
      const entries = Object.entries(node);
      if (path.length > 0 && (entries.length === 0 || Object.hasOwn(node, '.'))) set.insert(path);
      for (const [k, child] of entries) {
        if (k === '.') continue;
        const element = elementFromFieldsV1(k);
        if (!element || !walk(child, [...path, element])) return false;
      }
      return true;
    };
    return walk(tree, []) ? set : undefined;
  }
}

function markMembers(node: YamlMap, set: FieldSet, path: PathElement[]): void {
  for (const [k, child] of Object.entries(node)) {
    if (k === '.') continue;
    const element = elementFromFieldsV1(k);
    if (!element) continue;
    const childPath = [...path, element];
    const childMap = child as YamlMap;
    const hasChildren = Object.keys(childMap).some((c) => c !== '.');
    if (hasChildren && set.has(childPath)) childMap['.'] = {};
    else if (hasChildren) delete childMap['.'];
    markMembers(childMap, set, childPath);
  }
}

/** Orders a FieldsV1 tree as the API server writes it: `.` first, then keys sorted. */
function sortTree(node: YamlMap): YamlMap {
  const out: YamlMap = {};
  if (node['.'] !== undefined) out['.'] = {};
  for (const k of Object.keys(node).sort()) if (k !== '.') out[k] = sortTree(node[k] as YamlMap);
  return out;
}
