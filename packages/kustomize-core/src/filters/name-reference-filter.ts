import { isYamlMap, type Gvk, type YamlMap, type YamlValue } from '@kustomate/resource';
import type { FieldSpec } from '../data/field-spec-types.js';
import { KustomizeError } from '../errors.js';
import type { KResource } from '../resource/k-resource.js';
import { gvkIsSelected } from '../resource/res-id.js';
import { walkFieldSpec } from './field-spec-walk.js';
import { formatGoResId, wrapError } from './go-res-id.js';
import type { ReferralIndex, ResourceFacts } from './referral-index.js';
import { setFieldValue } from './scalar-aliases.js';
import { scalarNodeText, untaggedScalar } from './untagged-scalar.js';

/** kustomize `utils.SameEndingSubSlice`: one list ends with the other (two empties are equal). */
function sameEnding(a: readonly string[], b: readonly string[]): boolean {
  const [short, long] = a.length > b.length ? [b, a] : [a, b];
  const diff = long.length - short.length;
  if (short.length === 0) return diff === 0;
  for (let i = short.length - 1; i >= 0; i--) if (long[i + diff] !== short[i]) return false;
  return true;
}

/**
 * kustomize `Resource.PrefixesSuffixesEquals(other, allowEmpty)`: the recorded prefixes and
 * suffixes end the same way; with `allowEmpty`, an empty list on either side matches anything.
 */
function prefixesSuffixesEqual(a: KResource, b: KResource, allowEmpty: boolean): boolean {
  const prefixes =
    (allowEmpty && (a.namePrefixes.length === 0 || b.namePrefixes.length === 0)) ||
    sameEnding(a.namePrefixes, b.namePrefixes);
  const suffixes =
    (allowEmpty && (a.nameSuffixes.length === 0 || b.nameSuffixes.length === 0)) ||
    sameEnding(a.nameSuffixes, b.nameSuffixes);
  return prefixes && suffixes;
}

function previousIdSelectedBy(facts: ResourceFacts, gvk: Partial<Gvk>): boolean {
  return facts.prevIds.some((id) => gvkIsSelected(id, gvk));
}

/** The roleRef GVK of a (Cluster)RoleBinding, or undefined when roleRef/apiGroup/kind is missing. */
function roleRefGvk(referrer: KResource): Partial<Gvk> | undefined {
  const roleRef = referrer.object.roleRef;
  if (!isYamlMap(roleRef) || !Object.hasOwn(roleRef, 'apiGroup') || !Object.hasOwn(roleRef, 'kind'))
    return undefined;
  return { group: scalarNodeText(roleRef.apiGroup), kind: scalarNodeText(roleRef.kind) };
}

/**
 * kustomize's `nameref.Filter` for one referrer and one referrer field spec: walks the field
 * (never creating it) and rewrites every name that refers to a renamed resource of the
 * referral GVK. The value may be a scalar, a list of scalars and maps, or a map with `name`
 * (and optional `namespace`, which pre-selects candidates by namespace and is rewritten too).
 */
export class NameReferenceFilter {
  private readonly roleRef: Partial<Gvk> | undefined;

  constructor(
    private readonly index: ReferralIndex,
    private readonly referrer: KResource,
    private readonly spec: FieldSpec,
    private readonly target: Gvk,
  ) {
    this.roleRef = spec.path.endsWith('roleRef/name') ? roleRefGvk(referrer) : undefined;
  }

  /** Runs the filter; errors are wrapped as kustomize wraps them. */
  run(): void {
    try {
      walkFieldSpec(this.referrer.object, this.spec, (field) => this.set(field.value, field.set));
    } catch (e) {
      const id = formatGoResId(this.referrer.curId());
      throw wrapError(
        e,
        `updating name reference in '${this.spec.path}' field of '${id}'`,
        'NameReference',
        { object: id, field: this.spec.path },
      );
    }
  }

  private set(value: YamlValue | undefined, set: (v: YamlValue) => void): void {
    if (value === null || value === undefined) return;
    if (isYamlMap(value)) {
      this.setMapping(value);
      return;
    }
    if (!Array.isArray(value)) {
      this.setScalar(value, set);
      return;
    }
    for (let i = 0; i < value.length; i++) {
      const el = value[i] as YamlValue;
      if (el === null) continue;
      if (isYamlMap(el)) this.setMapping(el);
      else if (Array.isArray(el))
        throw new KustomizeError(
          'NameReference',
          `${JSON.stringify(el)} is expected to be either a string or a map of string`,
        );
      else
        this.setScalar(el, (v) => {
          value[i] = v;
        });
    }
  }

  private setScalar(value: YamlValue, set: (v: YamlValue) => void): void {
    const oldName = scalarNodeText(value);
    const referral = this.selectReferral(oldName, undefined, false);
    if (referral === undefined) return;
    referral.refBy.push(this.referrer.curId());
    if (referral.name === oldName) return;
    set(untaggedScalar(referral.name, value));
  }

  private setMapping(map: YamlMap): void {
    if (!Object.hasOwn(map, 'name')) {
      throw new KustomizeError('NameReference', "path config error; no 'name' field in node");
    }
    const namespace = Object.hasOwn(map, 'namespace') ? scalarNodeText(map.namespace) : undefined;
    const oldName = scalarNodeText(map.name);
    const referral = this.selectReferral(oldName, namespace, true);
    if (referral === undefined) return;
    referral.refBy.push(this.referrer.curId());
    const ns = referral.namespace;
    if (referral.name === oldName && ns === '') return;
    setFieldValue(map, 'name', untaggedScalar(referral.name, map.name));
    // An empty namespace is a wildcard here, never written over e.g. "default".
    if (ns !== '') setFieldValue(map, 'namespace', untaggedScalar(ns, map.namespace));
  }

  /** kustomize `selectReferral` over the candidates the referrer could reference. */
  private selectReferral(
    oldName: string,
    namespace: string | undefined,
    mapping: boolean,
  ): KResource | undefined {
    const ctx = this.index.referrerContext(this.referrer);
    const byNs = namespace === undefined ? undefined : ctx.namespaceFilter(namespace);
    if (byNs === null) return undefined;
    const candidates: KResource[] = [];
    for (const r of this.index.byPreviousName(oldName)) {
      const facts = this.index.facts(r);
      if (!ctx.couldReference(facts)) continue;
      if (byNs !== undefined && !byNs(facts)) continue;
      if (!previousIdSelectedBy(facts, this.target)) continue;
      if (this.roleRef !== undefined && !previousIdSelectedBy(facts, this.roleRef)) continue;
      if (!ctx.sameNamespaceOrExempt(facts)) continue;
      candidates.push(r);
    }
    if (candidates.length === 1) return candidates[0];
    // A coarse pass where an empty prefix/suffix list matches anything, then an exact one.
    // [verified: a Pod with prefix a- and suffix -api picks a-cm over b-cm; against cm-api
    // (suffix only) and a-cm it changes nothing]
    const coarse = candidates.filter((r) => prefixesSuffixesEqual(r, this.referrer, true));
    if (coarse.length === 1) return coarse[0];
    const sieved = coarse.filter((r) => prefixesSuffixesEqual(r, this.referrer, false));
    if (sieved.length <= 1) return sieved[0];
    const first = sieved[0] as KResource;
    const identical = sieved.every(
      (r) => r.name === first.name && (!mapping || r.namespace === first.namespace),
    );
    if (identical) return first;
    const ids = sieved.map((r) => formatGoResId(r.curId())).join(', ');
    throw new KustomizeError('NameReference', `found multiple possible referrals: ${ids}`, {
      location: { object: formatGoResId(this.referrer.curId()) },
      data: { referrer: this.referrer.curId(), candidates: sieved.map((r) => r.curId()) },
    });
  }
}
