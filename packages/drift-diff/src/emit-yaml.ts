import type { YamlValue } from '@kustomate/resource';
import { stringify } from 'yaml';

/**
 * Renders a value as YAML close to `kustomize build` output: map keys sorted, block sequences
 * not indented under their key, two-space indent, long strings folded near column 80.
 *
 * Differences from kustomize's own emitter (a port of yaml.v2): keys are sorted by plain
 * code-unit order rather than yaml.v2's digit-aware order (`item10` before `item9` here), and
 * quoting follows YAML 1.2 (`yes`/`on` stay plain). Good enough for a human-readable diff;
 * byte-exact output is `@kustomate/kustomize-core`'s job.
 *
 * @example
 * ```ts
 * emitYaml({ spec: { b: 1, a: [1] } }); // 'spec:\n  a:\n  - 1\n  b: 1\n'
 * ```
 */
export function emitYaml(value: YamlValue | undefined): string {
  if (value === undefined) return '';
  return stringify(value, { sortMapEntries: true, indentSeq: false, lineWidth: 80 });
}
