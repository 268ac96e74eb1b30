import { parseApiVersion } from '@kustomate/resource';
import { KustomizeError } from '../errors.js';
import type { KResource } from '../resource/k-resource.js';
import type { ResMap } from '../resource/res-map.js';
import type { SelectorArg } from '../kustomization/kustomization.js';
import { parseLabelSelector } from '../transformers/replacements/index.js';

type Matcher = (value: string) => boolean;

function anchored(pattern: string | undefined, what: string): Matcher {
  if (!pattern) return () => true;
  let re: RegExp;
  try {
    re = new RegExp(`^(?:${pattern})$`, 'u');
  } catch (e) {
    throw new KustomizeError(
      'InvalidPatch',
      `invalid ${what} regexp in target selector: ${pattern}`,
      {
        cause: e,
        location: { field: `target.${what}` },
      },
    );
  }
  return (value) => re.test(value);
}

/**
 * kustomize's `ResMap.Select` for patch targets: group/version/kind/name/namespace are
 * anchored regexps; name and namespace match the original or the current value (namespaces
 * in their effective form); label and annotation selectors use Kubernetes selector syntax.
 */
export function selectResources(resmap: ResMap, selector: SelectorArg): KResource[] {
  const group = anchored(selector.group, 'group');
  const version = anchored(selector.version, 'version');
  const kind = anchored(selector.kind, 'kind');
  const name = anchored(selector.name, 'name');
  const namespace = anchored(selector.namespace, 'namespace');
  const labels = selector.labelSelector ? parseLabelSelector(selector.labelSelector) : undefined;
  const annotations = selector.annotationSelector
    ? parseLabelSelector(selector.annotationSelector)
    : undefined;
  const out: KResource[] = [];
  for (const res of resmap.resources) {
    const cur = res.curId();
    const org = res.orgId();
    if (!namespace(resmap.effectiveNamespace(org)) && !namespace(resmap.effectiveNamespace(cur)))
      continue;
    if (!name(org.name) && !name(cur.name)) continue;
    const gv = parseApiVersion(res.apiVersion);
    if (!group(gv.group) || !version(gv.version) || !kind(res.kind)) continue;
    if (labels && !labels(res.labels)) continue;
    if (annotations && !annotations(res.annotations)) continue;
    out.push(res);
  }
  return out;
}
