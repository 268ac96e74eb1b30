/**
 * kustomize's builtin `IAMPolicyGenerator` (api/internal/builtins/IAMPolicyGenerator.go and
 * api/filters/iampolicygenerator).
 *
 * @module
 */
import { isYamlMap, type YamlMap } from '@kustomate/resource';
import { KustomizeError } from '../../errors.js';
import { parseResourceYaml } from '../../yaml/index.js';

/** The decoded `IAMPolicyGenerator` plugin config (`types.IAMPolicyGeneratorArgs`). */
export interface IamPolicyGeneratorConfig {
  /** The plugin config's own metadata; it plays no part in the generated object. */
  metadata?: { name?: string; namespace?: string };
  /** The cloud provider; only `gke` is supported. */
  cloud?: string;
  /** The Kubernetes service account to create. */
  kubernetesService?: { namespace?: string; name?: string };
  /** The cloud service account it is bound to. */
  serviceAccount?: { name?: string; projectId?: string };
}

/**
 * go-yaml's wording for the parse errors values pasted into the template typically cause
 * (the shared parser reports them in the `yaml` library's words; line numbers already agree).
 */
const GO_YAML_MESSAGES: ReadonlyArray<[RegExp, string]> = [
  [
    /Plain value cannot start with reserved character .*$/s,
    'found character that cannot start any token',
  ],
  [
    /Nested mappings are not allowed in compact mappings.*$/s,
    'mapping values are not allowed in this context',
  ],
];

function goYamlWording(e: unknown): unknown {
  if (!(e instanceof KustomizeError) || e.code !== 'InvalidYaml') return e;
  for (const [re, go] of GO_YAML_MESSAGES) {
    if (re.test(e.message)) {
      return new KustomizeError('InvalidYaml', e.message.replace(re, go), {
        location: e.location,
        cause: e,
      });
    }
  }
  return e;
}

/**
 * kustomize's builtin IAMPolicyGenerator. For `cloud: gke` it returns a Workload Identity
 * ServiceAccount:
 *
 * ```yaml
 * apiVersion: v1
 * kind: ServiceAccount
 * metadata:
 *   annotations:
 *     iam.gke.io/gcp-service-account: SA_NAME@PROJECT.iam.gserviceaccount.com
 *   name: K8S_NAME
 *   namespace: K8S_NAMESPACE   # only when non-empty
 * ```
 *
 * Like kustomize, the object is built by pasting the values unquoted into that YAML text
 * and parsing it with yaml.v3, so values are subject to YAML: `name: 123` becomes an int,
 * ` #…` starts a comment, a missing name leaves `name` null (kustomize then fails with
 * "missing metadata.name" when the resource is made), and text such as `a: b` or a leading
 * `@` (empty service account name) fails to parse with go-yaml's message
 * (`yaml: line 6: found character that cannot start any token`).
 *
 * @throws KustomizeError `InvalidGenerator` `cloud provider X not supported yet` for any
 *   cloud other than exactly `gke` (including none); `InvalidYaml` when the text does not parse.
 *
 * @example
 * ```ts
 * generateIamPolicy({
 *   cloud: 'gke',
 *   kubernetesService: { name: 'k8s-sa' },
 *   serviceAccount: { name: 'gsa', projectId: 'proj' },
 * });
 * // { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { annotations:
 * //   { 'iam.gke.io/gcp-service-account': 'gsa@proj.iam.gserviceaccount.com' }, name: 'k8s-sa' } }
 * ```
 */
export function generateIamPolicy(config: IamPolicyGeneratorConfig): YamlMap {
  const cloud = config.cloud ?? '';
  if (cloud !== 'gke') {
    throw new KustomizeError('InvalidGenerator', `cloud provider ${cloud} not supported yet`, {
      location: { field: 'cloud' },
    });
  }
  const k8s = config.kubernetesService ?? {};
  const gsa = config.serviceAccount ?? {};
  // The same text, line for line, as kustomize's template (errors cite its line numbers).
  let text = `
apiVersion: v1
kind: ServiceAccount
metadata:
  annotations:
    iam.gke.io/gcp-service-account: ${gsa.name ?? ''}@${gsa.projectId ?? ''}.iam.gserviceaccount.com
  name: ${k8s.name ?? ''}
`;
  if (k8s.namespace) text += `\n  namespace: ${k8s.namespace}`;
  let doc;
  try {
    doc = parseResourceYaml(text)[0];
  } catch (e) {
    throw goYamlWording(e);
  }
  if (!isYamlMap(doc)) {
    // Unreachable with the fixed template; kept for the type.
    throw new KustomizeError('InvalidGenerator', 'IAMPolicyGenerator produced no object');
  }
  return doc;
}
