import type { YamlValue } from '@kustomate/resource';

/** How server-side apply treats a list: replaced whole, a set of scalars, or a map keyed by fields. */
export interface ListType {
  type: 'atomic' | 'set' | 'map';
  /** For `map`: the key fields (`x-kubernetes-list-map-keys`). */
  keys?: readonly string[];
  /** For `map`: values used for key fields an item omits (e.g. `protocol: TCP`). */
  keyDefaults?: Readonly<Record<string, YamlValue>>;
}

/**
 * The merge-relevant shape of one node of a type: how its lists and maps merge. Unknown
 * nodes are "deduced": maps are granular, lists atomic, everything else a scalar.
 */
export interface SchemaNode {
  list?: ListType;
  /** A map whose fields are owned as one (`x-kubernetes-map-type: atomic`). */
  atomicMap?: boolean;
  fields?: Map<string, SchemaNode>;
  /** The node of every map value not named in `fields` (`*` in patterns). */
  anyField?: SchemaNode;
  /** The node of every list item (`[]` in patterns). */
  item?: SchemaNode;
  /**
   * No schema at all (structured-merge-diff's deduced type): every field is a map element, every
   * list atomic, and `null` replaces a map.
   */
  deduced?: boolean;
}

/**
 * The deduced schema: every map granular, every list atomic, every field a map element.
 *
 * @example
 * ```ts
 * toFieldSet({ a: { b: 1 } }, DEDUCED_SCHEMA).toStrings(); // ['.a', '.a.b']
 * ```
 */
export const DEDUCED_SCHEMA: SchemaNode = { deduced: true };
DEDUCED_SCHEMA.anyField = DEDUCED_SCHEMA;

/**
 * The child node for map field `name`, or `undefined` when a typed schema says nothing (a
 * struct field of no special merge rule).
 *
 * @example
 * ```ts
 * fieldNode(schema, 'spec')?.fields?.get('ports')?.list; // { type: 'map', … }
 * ```
 */
export function fieldNode(node: SchemaNode | undefined, name: string): SchemaNode | undefined {
  return node?.fields?.get(name) ?? node?.anyField;
}

/**
 * True when field `name` of a map is a map element (a key of `map[string]T`) rather than a named
 * struct field: element paths are owned as members even when they hold maps or lists.
 *
 * @example
 * ```ts
 * isElementField(DEDUCED_SCHEMA, 'anything'); // true
 * ```
 */
export function isElementField(node: SchemaNode | undefined, name: string): boolean {
  return node !== undefined && node.anyField !== undefined && !node.fields?.has(name);
}

function tokens(pattern: string): string[] {
  const out: string[] = [];
  for (const m of pattern.matchAll(/\.([^.[\]]+)|(\[\])/g)) out.push(m[1] ?? '[]');
  return out;
}

function nodeAt(root: SchemaNode, pattern: string): SchemaNode {
  let node = root;
  for (const token of tokens(pattern.startsWith('.') ? pattern : `.${pattern}`)) {
    if (token === '[]') node = node.item ??= {};
    else if (token === '*') node = node.anyField ??= {};
    else {
      node.fields ??= new Map();
      let next = node.fields.get(token);
      if (!next) node.fields.set(token, (next = {}));
      node = next;
    }
  }
  return node;
}

/**
 * Builds a schema from path patterns: `.a.b` fields, `[]` each list item, `*` each map value
 * (the leading dot is optional).
 *
 * @example
 * ```ts
 * const schema = schemaFromPatterns({
 *   lists: { '.spec.ports': { type: 'map', keys: ['port', 'protocol'], keyDefaults: { protocol: 'TCP' } } },
 * });
 * ```
 */
export function schemaFromPatterns(table: {
  lists?: Readonly<Record<string, ListType>>;
  atomicMaps?: readonly string[];
  /** Named fields with no merge rule of their own (scalars, granular maps). */
  fields?: readonly string[];
  /** Maps whose every value has the map's own type (`.m.*` is `.m` again). */
  recursive?: readonly string[];
}): SchemaNode {
  const root: SchemaNode = {};
  for (const pattern of table.fields ?? []) nodeAt(root, pattern);
  for (const [pattern, list] of Object.entries(table.lists ?? {}))
    nodeAt(root, pattern).list = list;
  for (const pattern of table.atomicMaps ?? []) nodeAt(root, pattern).atomicMap = true;
  for (const pattern of table.recursive ?? []) {
    const node = nodeAt(root, pattern);
    node.anyField = node;
  }
  return root;
}
