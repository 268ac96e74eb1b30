import { isYamlMap, yamlEqual, type YamlMap, type YamlValue } from '@kustomate/resource';
import { metadataOf } from './metadata.js';

/** Matches `metadata.managedFields` entries by manager-name prefix and, optionally, operation. */
export interface ManagerMatcher {
  prefix: string;
  operation?: 'Apply' | 'Update';
}

/** How the ownership-aware mode tells our fields from other managers' fields. */
export interface OwnershipOptions {
  /** Our field manager, e.g. `kustomize-controller`. Its entries are ours. */
  manager: string;
  /**
   * Managers whose fields we take over and so count as ours (a `kubectl edit` is drift).
   * Defaults to {@link defaultTakeOverManagers}.
   */
  takeOver?: readonly ManagerMatcher[];
}

/**
 * Flux's default take-over list: `kubectl` (Apply and Update), `before-first-apply` (Update)
 * and our own manager's Update entries.
 *
 * @example
 * ```ts
 * defaultTakeOverManagers('kustomize-controller');
 * ```
 */
export function defaultTakeOverManagers(manager: string): ManagerMatcher[] {
  return [
    { prefix: 'kubectl' },
    { prefix: 'before-first-apply', operation: 'Update' },
    { prefix: manager, operation: 'Update' },
  ];
}

/** The field sets (FieldsV1 trees) of our managers and of everyone else, at one path. */
export interface Ownership {
  ours: YamlMap[];
  others: YamlMap[];
}

/**
 * Splits a live object's `managedFields` into our field sets and other managers' field sets;
 * `undefined` when the object records none.
 *
 * @example
 * ```ts
 * const own = splitManagedFields(live, { manager: 'kustomize-controller' });
 * ```
 */
export function splitManagedFields(
  live: YamlMap,
  options: OwnershipOptions,
): Ownership | undefined {
  const entries = metadataOf(live)['managedFields'];
  if (!Array.isArray(entries) || entries.length === 0) return undefined;
  const takeOver = options.takeOver ?? defaultTakeOverManagers(options.manager);
  const own: Ownership = { ours: [], others: [] };
  for (const entry of entries) {
    if (!isYamlMap(entry) || !isYamlMap(entry['fieldsV1'])) continue;
    const manager = typeof entry['manager'] === 'string' ? entry['manager'] : '';
    const operation = entry['operation'];
    const ours =
      (manager === options.manager && operation === 'Apply') ||
      takeOver.some(
        (m) =>
          manager.startsWith(m.prefix) && (m.operation === undefined || m.operation === operation),
      );
    (ours ? own.ours : own.others).push(entry['fieldsV1']);
  }
  return own;
}

function childrenAt(nodes: readonly YamlMap[], key: string): YamlMap[] {
  return nodes.flatMap((n) => {
    const c = n[key];
    return isYamlMap(c) ? [c] : [];
  });
}

/** The field sets one map field further down. */
export function ownershipOfField(own: Ownership, field: string): Ownership {
  return { ours: childrenAt(own.ours, `f:${field}`), others: childrenAt(own.others, `f:${field}`) };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function itemKeyFor(nodes: readonly YamlMap[], item: YamlValue, index: number): Set<string> {
  const keys = new Set<string>();
  for (const node of nodes) {
    for (const k of Object.keys(node)) {
      if (k === `i:${index}`) keys.add(k);
      else if (k.startsWith('v:') && yamlEqual(parseJson(k.slice(2)) as YamlValue, item))
        keys.add(k);
      else if (k.startsWith('k:') && isYamlMap(item)) {
        const key = parseJson(k.slice(2));
        if (
          isYamlMap(key) &&
          Object.entries(key).every(([f, v]) => yamlEqual(item[f], v as YamlValue))
        ) {
          keys.add(k);
        }
      }
    }
  }
  return keys;
}

/** The field sets of one list item (matched by `k:`, `v:` or `i:` element). */
export function ownershipOfItem(own: Ownership, item: YamlValue, index: number): Ownership {
  const pick = (nodes: readonly YamlMap[]) =>
    [...itemKeyFor(nodes, item, index)].flatMap((k) => childrenAt(nodes, k));
  return { ours: pick(own.ours), others: pick(own.others) };
}

/** True when some other manager owns this field or item and none of ours does. */
export function ownedOnlyByOthers(own: Ownership): boolean {
  return own.others.length > 0 && own.ours.length === 0;
}

/** True when one of ours owns this field or item and no other manager does. */
export function ownedOnlyByUs(own: Ownership): boolean {
  return own.ours.length > 0 && own.others.length === 0;
}
