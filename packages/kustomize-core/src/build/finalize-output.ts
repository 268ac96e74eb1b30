import { isYamlMap, type YamlMap } from '@kustomate/resource';
import { KUSTOMIZE_CONSTANTS } from '../data/generated/constants.js';
import { KustomizeError } from '../errors.js';
import { scalarText, type KResource } from '../resource/k-resource.js';
import { formatResId } from '../resource/res-id.js';
import { emitYaml } from '../yaml/index.js';

/** The annotation kustomize writes when `buildMetadata: [originAnnotations]` is set. */
export const ORIGIN_ANNOTATION = 'config.kubernetes.io/origin';
/** The annotation kustomize writes when `buildMetadata: [transformerAnnotations]` is set. */
export const TRANSFORMATIONS_ANNOTATION = 'alpha.config.kubernetes.io/transformations';
/** The label `buildMetadata: [managedByLabel]` adds, and kubectl v1.32's value. */
export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
export const MANAGED_BY_VALUE = 'kustomize-(devel)';

const BUILD_ANNOTATIONS = new Set<string>(KUSTOMIZE_CONSTANTS.buildAnnotations);
/** yaml.v3 would read these untagged keys as something other than a string. */
const NON_STRING_KEY =
  /^(?:[-+]?(?:\d[\d_]*|0x[\da-fA-F_]+|0o[0-7_]+|0b[01_]+|\.\d+|\d[\d_]*\.\d*)(?:[eE][-+]?\d+)?|true|True|TRUE|false|False|FALSE|null|Null|NULL|~|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/**
 * kustomize rewrites `metadata.annotations` of every resource at the end of a build through a
 * Go map: values become strings, an empty map disappears, and keys are re-created untagged
 * (a key that reads as a number or bool breaks the build).
 */
export function normalizeAnnotations(res: KResource, extra: Record<string, string>): void {
  const md = res.object.metadata;
  const current = isYamlMap(md) && isYamlMap(md.annotations) ? md.annotations : undefined;
  const out: YamlMap = {};
  for (const [k, v] of Object.entries(current ?? {})) {
    if (BUILD_ANNOTATIONS.has(k)) continue;
    out[k] = scalarText(v);
  }
  for (const [k, v] of Object.entries(extra)) out[k] = v;
  for (const k of Object.keys(out)) {
    if (k === '' || NON_STRING_KEY.test(k)) {
      throw new KustomizeError(
        'Output',
        `${res.origin?.path ?? 'resource'}: annotation key "${k}" of ${formatResId(res.curId())} cannot be written (it reads as a non-string)`,
        {
          location: {
            file: res.origin?.path,
            object: formatResId(res.curId()),
            field: `metadata.annotations.${k}`,
          },
        },
      );
    }
  }
  if (Object.keys(out).length === 0) {
    // kustomize's SetAnnotations creates `metadata` (empty) on objects that lack it.
    if (isYamlMap(md)) delete md.annotations;
    else res.object.metadata = {};
    return;
  }
  res.metadata().annotations = out;
}

/** The YAML text kustomize stores in the origin annotation. */
export function originAnnotationText(res: KResource): string | undefined {
  const o = res.origin;
  if (!o) return undefined;
  const value: YamlMap = {};
  if (o.path) value.path = o.path;
  if (o.repo) value.repo = o.repo;
  if (o.ref) value.ref = o.ref;
  if (o.configuredIn) value.configuredIn = o.configuredIn;
  if (o.configuredBy) {
    const by: YamlMap = { apiVersion: o.configuredBy.apiVersion, kind: o.configuredBy.kind };
    if (o.configuredBy.name) by.name = o.configuredBy.name;
    if (o.configuredBy.namespace) by.namespace = o.configuredBy.namespace;
    value.configuredBy = by;
  }
  if (Object.keys(value).length === 0) return undefined;
  return yamlV3Block(value);
}

/** The YAML text kustomize stores in the transformations annotation (a list of origins). */
export function transformationsAnnotationText(res: KResource): string | undefined {
  if (res.transformations.length === 0) return undefined;
  return res.transformations
    .map((o) => {
      const block = originAnnotationText({ origin: o } as KResource) ?? '';
      return block
        .split('\n')
        .filter((l) => l !== '')
        .map((l, i) => (i === 0 ? `- ${l}` : `  ${l}`))
        .join('\n');
    })
    .join('\n')
    .concat('\n');
}

/** Struct-ordered block YAML as kyaml.Marshal writes small origin records (indent 2). */
function yamlV3Block(value: YamlMap, indent = ''): string {
  let out = '';
  for (const [k, v] of Object.entries(value)) {
    if (isYamlMap(v)) out += `${indent}${k}:\n${yamlV3Block(v, `${indent}  `)}`;
    else out += `${indent}${k}: ${emitYaml(v).trimEnd()}\n`;
  }
  return out;
}

/** Sets the managed-by label kustomize adds for `buildMetadata: [managedByLabel]`. */
export function addManagedByLabel(res: KResource): void {
  const md = res.metadata();
  const labels = isYamlMap(md.labels) ? md.labels : {};
  labels[MANAGED_BY_LABEL] = MANAGED_BY_VALUE;
  md.labels = labels;
}

/** kustomize drops resources annotated `config.kubernetes.io/local-config` (unless exactly "false"). */
export function isLocalConfig(res: KResource): boolean {
  const md = res.object.metadata;
  if (!isYamlMap(md) || !isYamlMap(md.annotations)) return false;
  if (!Object.hasOwn(md.annotations, 'config.kubernetes.io/local-config')) return false;
  return scalarText(md.annotations['config.kubernetes.io/local-config']) !== 'false';
}
