import { isYamlMap } from '@kustomate/resource';
import { KustomizeError } from '../errors.js';
import { formatGoResId } from './go-res-id.js';
import type { KResource } from '../resource/k-resource.js';
import { NON_NAMESPACEABLE, type ResId } from '../resource/res-id.js';
import type { ResMap } from '../resource/res-map.js';

/** What name-reference candidate selection needs to know about one resource, computed once. */
export interface ResourceFacts {
  res: KResource;
  /** The current kind is certainly cluster-scoped. */
  clusterScoped: boolean;
  /** Effective namespace of the current id. */
  curNs: string;
  /** Effective namespace of the original id. */
  orgNs: string;
  /** `metadata.namespace` as written. */
  rawNs: string;
  kind: string;
  prevIds: ResId[];
}

/**
 * Namespaces of ServiceAccount subjects of a RoleBinding (`getNamespacesForRoleBinding`). A
 * ServiceAccount subject whose `namespace` is present but not a string (e.g. empty `namespace:`)
 * is an error [verified].
 */
function roleBindingNamespaces(res: KResource): Set<string> {
  const out = new Set<string>();
  if (res.kind !== 'RoleBinding') return out;
  const subjects = res.object.subjects;
  if (!Array.isArray(subjects)) return out;
  for (const s of subjects) {
    if (!isYamlMap(s) || s.kind !== 'ServiceAccount' || !Object.hasOwn(s, 'namespace')) continue;
    if (typeof s.namespace !== 'string') {
      throw new KustomizeError(
        'NameReference',
        `Invalid Input: namespace is blank for resource ${JSON.stringify(formatGoResId(res.curId()))}`,
        { location: { object: formatGoResId(res.curId()) } },
      );
    }
    out.add(s.namespace);
  }
  return out;
}

/** The view of the resource map from one referrer (`SubsetThatCouldBeReferencedByResource`). */
export class ReferrerContext {
  private readonly namespaceable: boolean;
  private readonly ns: string;
  private readonly subjectNamespaces: Set<string>;
  private readonly nsFilters = new Map<string, ((f: ResourceFacts) => boolean) | null>();

  constructor(
    private readonly index: ReferralIndex,
    referrer: ResourceFacts,
  ) {
    this.namespaceable = !referrer.clusterScoped;
    this.ns = referrer.curNs;
    this.subjectNamespaces = roleBindingNamespaces(referrer.res);
  }

  /** Cluster-scoped on either side, same namespace, or a namespace of a RoleBinding's SA subject. */
  couldReference(f: ResourceFacts): boolean {
    return (
      !this.namespaceable ||
      f.clusterScoped ||
      f.curNs === this.ns ||
      this.subjectNamespaces.has(f.rawNs)
    );
  }

  /** `sameCurrentNamespaceAsReferrer`: ServiceAccounts and cluster-scoped objects are exempt. */
  sameNamespaceOrExempt(f: ResourceFacts): boolean {
    return (
      !this.namespaceable || f.clusterScoped || f.kind === 'ServiceAccount' || f.curNs === this.ns
    );
  }

  /**
   * Candidates for a `{name, namespace}` map (`filterMapCandidatesByNamespace`): those whose
   * original namespace is `namespace` if any referenceable resource has it, else those whose
   * current namespace is; null when neither can exist.
   */
  namespaceFilter(namespace: string): ((f: ResourceFacts) => boolean) | null {
    let filter = this.nsFilters.get(namespace);
    if (filter !== undefined) return filter;
    if (namespace === NON_NAMESPACEABLE) filter = null;
    else if (this.index.withOriginalNamespace(namespace).some((f) => this.couldReference(f)))
      filter = (f) => f.orgNs === namespace;
    else filter = (f) => f.curNs === namespace;
    this.nsFilters.set(namespace, filter);
    return filter;
  }
}

/**
 * Indexes of a resource map for name-reference fixing: facts per resource, resources by
 * previous name and by original namespace. Names do not change while references are fixed,
 * so the index is built once per run (linear in the number of resources).
 */
export class ReferralIndex {
  private readonly factsByRes = new Map<KResource, ResourceFacts>();
  private readonly prevNames = new Map<string, KResource[]>();
  private readonly orgNamespaces = new Map<string, ResourceFacts[]>();
  private current: { res: KResource; ctx: ReferrerContext } | undefined;

  constructor(resmap: ResMap) {
    for (const res of resmap.resources) {
      const cur = res.curId();
      const prevIds = res.prevIds();
      const org = prevIds[0] ?? cur;
      const facts: ResourceFacts = {
        res,
        clusterScoped: resmap.schema.isClusterScoped(cur),
        curNs: resmap.effectiveNamespace(cur),
        orgNs: resmap.effectiveNamespace(org),
        rawNs: cur.namespace,
        kind: cur.kind,
        prevIds,
      };
      this.factsByRes.set(res, facts);
      const seen = new Set<string>();
      for (const id of prevIds) {
        if (seen.has(id.name)) continue;
        seen.add(id.name);
        const list = this.prevNames.get(id.name);
        if (list) list.push(res);
        else this.prevNames.set(id.name, [res]);
      }
      const byNs = this.orgNamespaces.get(facts.orgNs);
      if (byNs) byNs.push(facts);
      else this.orgNamespaces.set(facts.orgNs, [facts]);
    }
  }

  /** Facts of a resource of the indexed map. */
  facts(res: KResource): ResourceFacts {
    const f = this.factsByRes.get(res);
    if (f === undefined) throw new Error('ReferralIndex: resource not indexed');
    return f;
  }

  /** Resources (in map order) one of whose previous ids has `name`; never-renamed ones have none. */
  byPreviousName(name: string): readonly KResource[] {
    return this.prevNames.get(name) ?? [];
  }

  /** Resources whose original id's effective namespace is `namespace`. */
  withOriginalNamespace(namespace: string): readonly ResourceFacts[] {
    return this.orgNamespaces.get(namespace) ?? [];
  }

  /** The (cached) view from `referrer`. */
  referrerContext(referrer: KResource): ReferrerContext {
    if (this.current?.res !== referrer) {
      this.current = { res: referrer, ctx: new ReferrerContext(this, this.facts(referrer)) };
    }
    return this.current.ctx;
  }
}
