import { cloneYaml, isYamlMap, type YamlMap, type YamlValue } from '@kustomate/resource';
import { KustomizeError } from '../errors.js';
import type { PatchArg } from '../kustomization/kustomization.js';
import { applyJson6902, applyStrategicMerge } from '../patch/index.js';
import { KResource } from '../resource/k-resource.js';
import { formatResId } from '../resource/res-id.js';
import type { ResMap } from '../resource/res-map.js';
import { parseYaml11 } from '../yaml/index.js';
import type { FileLoader } from './file-loader.js';
import { resourcesFromText } from './resource-factory.js';
import { selectResources } from './select.js';

/** A strategic-merge patch ready to apply, with its name/kind-change permissions. */
export interface SmPatch {
  patch: KResource;
  allowNameChange: boolean;
  allowKindChange: boolean;
}

/** A patch loaded from a kustomization entry: strategic merge documents or JSON 6902 ops. */
export type LoadedPatch =
  | { type: 'smp'; patches: SmPatch[]; source: string }
  | { type: 'json6902'; ops: YamlValue[]; source: string };

function tryParse<T>(fn: () => T): T | Error {
  try {
    return fn();
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}

/** Parses JSON 6902 operations as kustomize does: JSON when the text starts with `[`, else YAML 1.1. */
export function parseJsonPatchOps(text: string, file: string): YamlValue[] | null {
  if (text === '') {
    // kustomize: "empty json patch operations" — so an empty file reads as a (document-less) SM patch.
    throw new KustomizeError('InvalidPatch', `${file}: empty json patch operations`, {
      location: { file },
    });
  }
  const value = text.startsWith('[') ? (JSON.parse(text) as YamlValue) : parseYaml11(text, file);
  if (value === null) return null;
  if (!Array.isArray(value)) {
    throw new KustomizeError('InvalidPatch', `${file}: JSON patch must be a list of operations`, {
      location: { file },
    });
  }
  return value;
}

/**
 * Loads one `patches` entry (kustomize `PatchTransformer.Config`): exactly one of `path` and
 * `patch`; the text must read as strategic-merge documents or as JSON 6902 ops, not both.
 */
export function loadPatchEntry(entry: PatchArg, loader: FileLoader, file: string): LoadedPatch {
  const inline = (entry.patch ?? '').trim();
  const path = entry.path ?? '';
  if (inline === '' && path === '') {
    throw new KustomizeError(
      'InvalidPatch',
      `${file}: must specify one of patch and path in a patches entry`,
      {
        location: { file, field: 'patches' },
      },
    );
  }
  if (inline !== '' && path !== '') {
    throw new KustomizeError(
      'InvalidPatch',
      `${file}: patch and path can't be set at the same time`,
      {
        location: { file, field: 'patches' },
      },
    );
  }
  const source = path !== '' ? loader.shown(loader.resolve(path)) : file;
  const text = path !== '' ? loader.readText(path) : inline;
  // Parse errors of an inline patch name it as such: their line numbers count in the patch.
  const parseName = path !== '' ? source : `${file} (inline patch)`;
  const sm = tryParse(() => resourcesFromText(text, parseName));
  const json = tryParse(() => parseJsonPatchOps(text, parseName));
  const smOk = !(sm instanceof Error);
  const jsonOk = !(json instanceof Error);
  if (smOk && jsonOk) {
    throw new KustomizeError(
      'InvalidPatch',
      `${source}: patch illegally qualifies as both an SM and JSON patch`,
      {
        location: { file: source },
      },
    );
  }
  if (!smOk && !jsonOk) {
    throw new KustomizeError(
      'InvalidPatch',
      `${source}: unable to parse SM or JSON patch: ${sm.message}`,
      { location: { file: source }, cause: sm },
    );
  }
  if (smOk) {
    const options = entry.options ?? {};
    return {
      type: 'smp',
      source,
      patches: sm.map((patch) => ({
        patch,
        allowNameChange: options.allowNameChange === true,
        allowKindChange: options.allowKindChange === true,
      })),
    };
  }
  return { type: 'json6902', ops: (json as YamlValue[] | null) ?? [], source };
}

/** Applies one strategic-merge patch to one resource (kustomize `Resource.ApplySmPatch`). */
export function applySmPatchToResource(resmap: ResMap, res: KResource, sm: SmPatch): void {
  const { name, namespace, kind } = res;
  if (sm.allowNameChange || sm.allowKindChange) resmap.storePreviousId(res);
  const result = applyStrategicMerge(res.object, sm.patch.object, { schema: resmap.schema });
  if (result === null || Object.keys(result).length === 0) {
    res.object = {};
    return;
  }
  res.object = result;
  if (!sm.allowKindChange) res.kind = kind;
  if (!sm.allowNameChange) res.name = name;
  res.namespace = namespace;
}

/** The unique resource any of whose ids equals the patch's original id (kustomize `GetById`). */
function uniqueTargetFor(resmap: ResMap, patch: KResource, source: string): KResource {
  const id = patch.orgId();
  const found = resmap.getByAnyId(id);
  if (found.length === 1) return found[0] as KResource;
  const what = found.length === 0 ? 'no matches' : 'multiple matches';
  throw new KustomizeError(
    found.length === 0 ? 'PatchTargetNotFound' : 'AmbiguousPatchTarget',
    `${source}: no resource matches strategic merge patch "${formatResId(id)}": ${what} for Id ${formatResId(id)}; failed to find unique target for patch ${formatResId(id)}`,
    { location: { file: source, object: formatResId(id) } },
  );
}

/** Applies a strategic-merge patch to its unique target found by id (no `target` selector). */
export function applySmPatchById(resmap: ResMap, sm: SmPatch, source: string): void {
  applySmPatchToResource(resmap, uniqueTargetFor(resmap, sm.patch, source), sm);
}

/**
 * Applies a strategic-merge patch to each selected resource (kustomize `ResMap.ApplySmPatch`):
 * the patch copy takes the target's apiVersion and keeps its own kind.
 */
export function applySmPatchToSelected(resmap: ResMap, targets: KResource[], sm: SmPatch): void {
  for (const res of targets) {
    const copy = cloneYaml(sm.patch.object);
    copy.apiVersion = res.apiVersion;
    copy.kind = sm.patch.kind;
    const patchRes = new KResource(copy, sm.patch.origin);
    applySmPatchToResource(resmap, res, { ...sm, patch: patchRes });
  }
}

/** Applies JSON 6902 operations to one resource. */
export function applyJsonPatchToResource(res: KResource, ops: YamlValue[], source: string): void {
  const result: YamlValue = applyJson6902(res.object, ops, source);
  if (!isYamlMap(result)) {
    throw new KustomizeError('InvalidPatch', `${source}: JSON patch did not produce an object`, {
      location: { file: source, object: formatResId(res.curId()) },
    });
  }
  res.object = result as YamlMap;
}

/**
 * Runs one `patches` entry (kustomize `PatchTransformer.Transform`).
 */
export function runPatchEntry(resmap: ResMap, entry: PatchArg, loaded: LoadedPatch): void {
  if (loaded.type === 'smp') {
    if (!entry.target) {
      for (const sm of loaded.patches) {
        // kustomize keeps a resource deleted by an earlier document of the same entry in the
        // list as an empty node, and crashes (nil pointer) when the next lookup reaches it.
        if (resmap.resources.some((r) => Object.keys(r.object).length === 0)) {
          throw new KustomizeError(
            'InvalidPatch',
            `${loaded.source}: a document of this patch deleted a resource and a later document of the same entry needs a lookup; kustomize v5.5 crashes on this (split the patch into separate entries)`,
            { location: { file: loaded.source, field: 'patches' } },
          );
        }
        applySmPatchById(resmap, sm, loaded.source);
      }
    } else {
      if (loaded.patches.length > 1) {
        throw new KustomizeError(
          'InvalidPatch',
          `${loaded.source}: Multiple Strategic-Merge Patches in one \`patches\` entry is not allowed to set \`patches.target\` field`,
          { location: { file: loaded.source, field: 'patches.target' } },
        );
      }
      const sm = loaded.patches[0];
      if (sm) applySmPatchToSelected(resmap, selectResources(resmap, entry.target), sm);
    }
  } else {
    if (!entry.target) {
      throw new KustomizeError(
        'InvalidPatch',
        `${loaded.source}: must specify a target for a JSON patch`,
        {
          location: { file: loaded.source, field: 'target' },
        },
      );
    }
    for (const res of selectResources(resmap, entry.target)) {
      resmap.storePreviousId(res);
      applyJsonPatchToResource(res, loaded.ops, loaded.source);
    }
  }
  resmap.dropEmpties();
}
