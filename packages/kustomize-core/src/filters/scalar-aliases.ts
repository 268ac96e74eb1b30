import { isYamlScalar, type YamlMap, type YamlValue } from '@kustomate/resource';

/**
 * Emulation of one kyaml node-sharing quirk that shows in output.
 *
 * kustomize's label and annotation filters (`filtersutil.SetEntry`) build ONE yaml node per
 * key and resource and append that same node to every map where the key was missing. Those
 * fields stay aliased for the rest of the build: a later in-place write to any of them (an
 * overlay `labels:` entry without selectors, a strategic-merge patch, another label filter)
 * changes all of them. [verified: base `commonLabels: {app: x}` on a Deployment without
 * labels + overlay `labels: [{pairs: {app: z}}]` gives `app: z` in metadata, selector and
 * template.] A deep copy of the object (kyaml `Copy`, our `cloneYaml`) ends the sharing.
 *
 * Plain JS scalars cannot be shared, so the groups are recorded here beside the maps. Any code
 * that overwrites a scalar field in place (what kyaml does with `SetYNode`) should call
 * {@link setFieldValue} so the write reaches every alias.
 */
interface AliasGroup {
  value: YamlValue;
  members: Array<{ map: YamlMap; key: string }>;
}

const groups = new WeakMap<YamlMap, Map<string, AliasGroup>>();

function groupOf(map: YamlMap, key: string): AliasGroup | undefined {
  return groups.get(map)?.get(key);
}

function register(map: YamlMap, key: string, group: AliasGroup | undefined): void {
  let byKey = groups.get(map);
  if (group === undefined) {
    byKey?.delete(key);
    return;
  }
  if (!byKey) {
    byKey = new Map();
    groups.set(map, byKey);
  }
  byKey.set(key, group);
}

/** Whether a member still holds the group's node (nobody replaced it behind our back). */
function isLive(group: AliasGroup, map: YamlMap, key: string): boolean {
  return groupOf(map, key) === group && Object.is(map[key], group.value);
}

/**
 * Records that the fields `entries` (which must hold the same scalar) are one shared node, as
 * kyaml leaves them after a `SetEntry` created them.
 */
export function linkScalarFields(entries: ReadonlyArray<{ map: YamlMap; key: string }>): void {
  const first = entries[0];
  if (entries.length < 2 || first === undefined) return;
  const group: AliasGroup = { value: first.map[first.key] as YamlValue, members: [...entries] };
  for (const e of entries) register(e.map, e.key, group);
}

/**
 * Sets `map[key]`, writing a scalar through to every live alias of the field (kyaml copies the
 * new node into the existing, possibly shared, node). Other values just replace the field.
 */
export function setFieldValue(map: YamlMap, key: string, value: YamlValue): void {
  const group = groupOf(map, key);
  if (
    group !== undefined &&
    isLive(group, map, key) &&
    isYamlScalar(value) &&
    isYamlScalar(group.value)
  ) {
    const live = group.members.filter((m) => isLive(group, m.map, m.key));
    for (const m of live) m.map[m.key] = value;
    group.value = value;
    group.members = live;
    return;
  }
  if (group !== undefined) register(map, key, undefined);
  map[key] = value;
}

/** The number of fields currently sharing `map[key]`'s node (1 when not aliased). */
export function aliasCount(map: YamlMap, key: string): number {
  const group = groupOf(map, key);
  if (group === undefined || !isLive(group, map, key)) return 1;
  return group.members.filter((m) => isLive(group, m.map, m.key)).length;
}
