/**
 * kustomize `vars` (`api/types/var.go`): a named value read from a field of one resource,
 * substituted as `$(NAME)` in the varReference fields of every resource.
 *
 * @module
 */
import type { VarArg } from '../kustomization/kustomization.js';
import { formatGvkString } from '../transformers/replacements/types.js';

/** The field path a var reads when none is given. */
export const DEFAULT_VAR_FIELD_PATH = 'metadata.name';

/** The resource a var reads from (`types.Target`): GVK (or `apiVersion`), name, namespace. */
export interface VarObjRef {
  apiVersion?: string;
  group?: string;
  version?: string;
  kind?: string;
  name?: string;
  namespace?: string;
}

/** A kustomization `vars` entry (`types.Var`). */
export interface Var {
  name: string;
  objref: VarObjRef;
  /** `.`-separated path (kyaml `GetFieldValue` syntax, `ports[0]` allowed); default `metadata.name`. */
  fieldref: { fieldPath?: string };
}

/**
 * kustomize `Target.GVK()`: an `apiVersion` of `group/version` or `version` overrides the
 * separate fields (other shapes leave them alone).
 */
export function varGvk(ref: VarObjRef): { group: string; version: string; kind: string } {
  let group = ref.group ?? '';
  let version = ref.version ?? '';
  if (ref.apiVersion) {
    const parts = ref.apiVersion.split('/');
    if (parts.length === 2) [group, version] = parts as [string, string];
    else if (parts.length === 1) version = parts[0] as string;
  }
  return { group, version, kind: ref.kind ?? '' };
}

/** The var with its GVK filled in from `apiVersion` (kustomize calls `GVK()` before matching). */
export function withVarGvk(v: Var): Var {
  return { ...v, objref: { ...v.objref, ...varGvk(v.objref) } };
}

/** kustomize `Var.Defaulting()`: GVK filled in and `fieldPath` defaulted to `metadata.name`. */
export function defaultVar(v: Var): Var {
  const g = withVarGvk(v);
  return { ...g, fieldref: { fieldPath: v.fieldref.fieldPath || DEFAULT_VAR_FIELD_PATH } };
}

/**
 * A var as Go's `%v` prints it in kustomize errors: `{NAME Kind.version.group {fieldPath}}`
 * (the objref prints as its GVK only; `apiVersion` shows only once the var was defaulted).
 */
export function formatVar(v: Var): string {
  const ref = v.objref;
  return `{${v.name} ${formatGvkString({ group: ref.group, version: ref.version, kind: ref.kind })} {${v.fieldref.fieldPath ?? ''}}}`;
}

/** A list of vars as `%v` prints it (`[{…} {…}]`), e.g. for kustomize's `merging vars %v` prefix. */
export function formatVarList(vars: readonly Var[]): string {
  return `[${vars.map(formatVar).join(' ')}]`;
}

/** Vars from the decoded kustomization field (`fieldref.fieldpath`, any case, already folded). */
export function varsFromArgs(args: readonly VarArg[] | undefined): Var[] {
  return (args ?? []).map((a) => {
    const objref: VarObjRef = {};
    const o = a.objref ?? {};
    for (const k of ['apiVersion', 'group', 'version', 'kind', 'name', 'namespace'] as const) {
      const val = o[k];
      if (val !== undefined && val !== '') objref[k] = val;
    }
    const fieldPath = a.fieldref?.fieldpath;
    return { name: a.name ?? '', objref, fieldref: fieldPath ? { fieldPath } : {} };
  });
}
