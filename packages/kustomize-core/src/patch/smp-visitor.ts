import type { YamlValue } from '@kustomate/resource';
import { readSmpDirective, takeSmpDirective } from './smp-directive.js';
import { isMissingOrNull } from './smp-node.js';

/**
 * The nodes a merge step looks at: `[dest, origin]` = the target's value and the patch's
 * value at the same place, each `undefined` when absent. Steps replace `dest` in place, as
 * kyaml's `Sources.setDestNode` does.
 */
export type Sources = [dest: YamlValue | undefined, origin: YamlValue | undefined];

/**
 * kyaml merge2 `Merger.VisitMap`: the map to merge fields into, the patch map when the
 * target has none, or `undefined` to drop the field (`null` or `$patch: delete` in the
 * patch).
 */
export function visitMap(sources: Sources): YamlValue | undefined {
  const [dest, origin] = sources;
  if (isMissingOrNull(dest)) {
    if (readSmpDirective(origin).directive === 'delete') return undefined;
    return origin;
  }
  if (origin === null) return undefined;
  switch (takeSmpDirective(origin)) {
    case 'delete':
      return undefined;
    case 'replace':
      return origin;
    default:
      return dest;
  }
}

/**
 * kyaml merge2 `Merger.VisitList`. A non-associative list is replaced by the patch's list
 * (or dropped by a patch `null`); an associative one is merged into unless the patch list
 * carries an element-only `$patch: replace` / `$patch: delete`.
 */
export function visitList(sources: Sources, associative: boolean): YamlValue | undefined {
  const [dest, origin] = sources;
  if (!associative) return origin !== undefined ? origin : dest;
  if (isMissingOrNull(dest)) return origin;
  if (origin === null) return undefined;
  switch (takeSmpDirective(origin)) {
    case 'delete':
      return undefined;
    case 'replace':
      return origin;
    default:
      return dest;
  }
}

/** kyaml merge2 `Merger.VisitScalar`: the patch's scalar wins when present. */
export function visitScalar(sources: Sources): YamlValue | undefined {
  const [dest, origin] = sources;
  return origin !== undefined ? origin : dest;
}
