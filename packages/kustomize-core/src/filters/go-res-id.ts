import { isYamlMap, type ErrorLocation, type Gvk, type YamlMap } from '@kustomate/resource';
import { KustomizeError, type KustomizeErrorCode } from '../errors.js';
import type { ResId } from '../resource/res-id.js';

/** kyaml `Gvk.String()`: `Kind.version.group` with `[noKind]`, `[noVer]`, `[noGrp]` for empty parts. */
export function formatGoGvk(gvk: Gvk): string {
  return `${gvk.kind || '[noKind]'}.${gvk.version || '[noVer]'}.${gvk.group || '[noGrp]'}`;
}

/** kyaml `ResId.String()`: `Kind.version.group/name.namespace`, e.g. `Pod.v1.[noGrp]/p.[noNs]`. */
export function formatGoResId(id: ResId): string {
  return `${formatGoGvk(id)}/${id.name || '[noName]'}.${id.namespace || '[noNs]'}`;
}

/** kyaml `ParseGroupVersion`: `group/version`, else the core group (`builtin` is a group). */
export function parseGroupVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  if (slash >= 0)
    return { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
  if (apiVersion === 'builtin') return { group: apiVersion, version: '' };
  return { group: '', version: apiVersion };
}

function text(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** kyaml `resid.FromRNode`: the id an object's own fields spell out. */
export function resIdOfObject(object: YamlMap): ResId {
  const md = isYamlMap(object.metadata) ? object.metadata : {};
  const { group, version } = parseGroupVersion(text(object.apiVersion));
  return {
    group,
    version,
    kind: text(object.kind),
    name: text(md.name),
    namespace: text(md.namespace),
  };
}

/**
 * Go-style error wrapping (`errors.WrapPrefixf`): `prefix: message`, keeping the code of a
 * wrapped {@link KustomizeError} (or `code` for any other error); `location` fills the location
 * fields the wrapped error does not set.
 */
export function wrapError(
  err: unknown,
  prefix: string,
  code: KustomizeErrorCode = 'InvalidFieldSpec',
  location: ErrorLocation = {},
): KustomizeError {
  const message = err instanceof Error ? err.message : String(err);
  const inner = err instanceof KustomizeError ? err : undefined;
  return new KustomizeError(inner?.code ?? code, `${prefix}: ${message}`, {
    cause: err,
    location: { ...location, ...inner?.location },
    data: inner?.data,
  });
}
