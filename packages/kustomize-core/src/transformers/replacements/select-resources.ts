/**
 * Resource selection for replacements (`api/filters/replacement`): exact id matching against
 * a resource's current and previous ids (`ResId.IsSelectedBy`, no cluster-scope knowledge, so
 * `''` equals `default`), plus label/annotation selectors and rejects for targets.
 *
 * @module
 */
import type { ResId } from '../../resource/res-id.js';
import type { KResource } from '../../resource/k-resource.js';
import { KustomizeError } from '../../errors.js';
import { parseLabelSelector, type LabelSelectorMatcher } from './label-selector.js';
import {
  formatSourceSelector,
  type ResIdSelector,
  type Selector,
  type SourceSelector,
  type TargetSelector,
} from './types.js';

const effectiveNs = (ns: string): string => (ns === '' || ns === 'default' ? 'default' : ns);

/** kyaml `ResId.IsSelectedBy`: every non-empty selector field equals the id's. */
export function idIsSelectedBy(id: ResId, sel: ResIdSelector): boolean {
  if (sel.name && sel.name !== id.name) return false;
  if (sel.namespace && effectiveNs(sel.namespace) !== effectiveNs(id.namespace)) return false;
  if (sel.group && sel.group !== id.group) return false;
  if (sel.version && sel.version !== id.version) return false;
  if (sel.kind && sel.kind !== id.kind) return false;
  return true;
}

function isEmptyId(sel: ResIdSelector): boolean {
  return !sel.group && !sel.version && !sel.kind && !sel.name && !sel.namespace;
}

/**
 * The unique resource any of whose ids `source` selects; errors with kustomize's wording
 * (`nothing selected by ...`, `multiple matches for selector ...`) otherwise.
 */
export function selectSource(resources: readonly KResource[], source: SourceSelector): KResource {
  let found: KResource | undefined;
  for (const res of resources) {
    if (!res.allIds().some((id) => idIsSelectedBy(id, source))) continue;
    if (found) {
      throw new KustomizeError(
        'Replacement',
        `multiple matches for selector ${formatSourceSelector(source)}`,
      );
    }
    found = res;
  }
  if (!found)
    throw new KustomizeError('Replacement', `nothing selected by ${formatSourceSelector(source)}`);
  return found;
}

/** Parses label/annotation selectors once per text, failing again each time a bad one is used. */
class SelectorCache {
  private readonly parsed = new Map<string, LabelSelectorMatcher | KustomizeError>();

  matches(text: string | undefined, values: () => Record<string, string>): boolean {
    if (!text) return true;
    let m = this.parsed.get(text);
    if (m === undefined) {
      try {
        m = parseLabelSelector(text);
      } catch (e) {
        if (!(e instanceof KustomizeError)) throw e;
        m = e;
      }
      this.parsed.set(text, m);
    }
    if (m instanceof KustomizeError) throw m;
    return m(values());
  }
}

function matchesAnnoAndLabel(res: KResource, sel: Selector, cache: SelectorCache): boolean {
  const anno = cache.matches(sel.annotationSelector, () => res.annotations);
  const label = cache.matches(sel.labelSelector, () => res.labels);
  return anno && label;
}

/**
 * The resources a replacement target applies to, in order, lazily (kustomize writes each
 * before looking at the next): label/annotation selectors of `select` must match and those
 * of every `reject` must not; some id must be selected by `select` while no id of the
 * resource is selected by a non-empty `reject` id.
 */
export function* selectTargets(
  resources: readonly KResource[],
  target: TargetSelector & { select: Selector },
): Generator<KResource> {
  const cache = new SelectorCache();
  const rejects = target.reject ?? [];
  for (const res of resources) {
    if (!matchesAnnoAndLabel(res, target.select, cache)) continue;
    const rejectedByLabels = rejects.some(
      (r) => (r.annotationSelector || r.labelSelector) && matchesAnnoAndLabel(res, r, cache),
    );
    if (rejectedByLabels) continue;
    const ids = rejects.length > 0 || res.previousNames.length > 0 ? res.allIds() : [res.curId()];
    if (rejects.some((r) => !isEmptyId(r) && ids.some((id) => idIsSelectedBy(id, r)))) continue;
    if (ids.some((id) => idIsSelectedBy(id, target.select))) yield res;
  }
}
