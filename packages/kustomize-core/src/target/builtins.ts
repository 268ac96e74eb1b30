import type { ResourceOrigin, YamlValue } from '@kustomate/resource';
import type { FieldSpec } from '../data/field-spec-types.js';
import { KustomizeError, withErrorContext } from '../errors.js';
import {
  absorbGenerated,
  applyNameHashes,
  generateConfigMap,
  generateSecret,
} from '../generators/index.js';
import type { FieldSpecArg, PatchArg } from '../kustomization/kustomization.js';
import {
  applyAnnotations,
  applyImages,
  applyLabels,
  applyNamespace,
  applyPrefix,
  applyReplicas,
  applySuffix,
  emptyTransformerConfig,
  fixNameReferences,
  labelsEntryFieldSpecs,
  makeTransformerConfig,
  mergeTransformerConfig,
  parseTransformerConfig,
  transformerConfigFromCrds,
  type TransformerConfig,
} from '../transformers/index.js';
import {
  applyReplacements,
  expandReplacementFields,
  parseReplacementFields,
} from '../transformers/replacements/index.js';
import { mergeVars, resolveVars, varsFromArgs } from '../vars/index.js';
import { parseYaml11 } from '../yaml/index.js';
import type { Accumulator } from './accumulator.js';
import type { ResMap } from '../resource/res-map.js';
import { warn } from './build-context.js';
import type { KustTarget } from './kust-target.js';
import {
  loadPatchEntry,
  parseJsonPatchOps,
  runPatchEntry,
  applyJsonPatchToResource,
  applySmPatchById,
  type SmPatch,
} from './patch-transformers.js';
import { resourcesFromText } from './resource-factory.js';
import { selectResources } from './select.js';
import { runPluginGenerators, runPluginTransformers, runPluginValidators } from './plugins.js';

export type { TransformerConfig };

/** An empty transformer configuration (what a fresh accumulator starts with). */
export function createTransformerConfig(): TransformerConfig {
  return emptyTransformerConfig();
}

/** Merges `config` into the accumulator's configuration. */
export function mergeTransformerConfigInto(ra: Accumulator, config: TransformerConfig): void {
  ra.config = mergeTransformerConfig(ra.config, config);
}

/** A kustomization field spec with kustomize's defaults (empty GVK = any, create false). */
export function toFieldSpec(arg: FieldSpecArg): FieldSpec {
  return {
    group: arg.group ?? '',
    version: arg.version ?? '',
    kind: arg.kind ?? '',
    path: arg.path ?? '',
    create: arg.create ?? false,
  };
}

/** `configurations` (defaults + files) and `crds` merged into the accumulator's configuration. */
export function loadTransformerConfigs(kt: KustTarget, ra: Accumulator): void {
  const k = kt.kustomization;
  const files = (k.configurations ?? []).map((path) => {
    const display = kt.loader.shown(kt.loader.resolve(path));
    return parseTransformerConfig(parseYaml11(kt.loader.readText(path), display), display);
  });
  mergeTransformerConfigInto(ra, makeTransformerConfig(files));
  // kustomize reads all `crds` files into one configuration, then merges it once.
  let crds = emptyTransformerConfig();
  for (const path of k.crds ?? []) {
    const display = kt.loader.shown(kt.loader.resolve(path));
    const doc = parseYaml11(kt.loader.readText(path), display);
    crds = mergeTransformerConfig(crds, transformerConfigFromCrds([doc], display));
  }
  mergeTransformerConfigInto(ra, crds);
}

/** `configMapGenerator` then `secretGenerator` entries, each absorbed (create/merge/replace). */
export function runGenerators(kt: KustTarget, ra: Accumulator): void {
  const k = kt.kustomization;
  const configuredIn = kt.kustomizationOriginPath;
  const generated = [
    ...(k.configMapGenerator ?? []).map((args, i) => ({
      field: `configMapGenerator[${i}]`,
      make: () => generateConfigMap(args, kt.loader, k.generatorOptions, configuredIn),
    })),
    ...(k.secretGenerator ?? []).map((args, i) => ({
      field: `secretGenerator[${i}]`,
      make: () => generateSecret(args, kt.loader, k.generatorOptions, configuredIn),
    })),
  ];
  // Generators only append or replace: serve their id lookups from an index (linear builds).
  ra.resmap.withIdIndex(() => {
    for (const { field, make } of generated) {
      const res = make();
      try {
        absorbGenerated(ra.resmap, [res]);
      } catch (e) {
        throw withErrorContext(e, `${kt.loaded.displayPath}: ${field}`, {
          file: kt.loaded.displayPath,
          field,
        });
      }
    }
  });
  if ((k.helmCharts?.length ?? 0) > 0 || k.helmGlobals !== undefined) {
    throw new KustomizeError(
      'Unsupported',
      `${kt.loaded.displayPath}: trouble configuring builtin HelmChartInflationGenerator: helm charts need --enable-helm, which kustomate does not support`,
      { location: { file: kt.loaded.displayPath, field: 'helmCharts' } },
    );
  }
}

/** External `generators` entries (builtin plugin configs). */
export function runExternalGenerators(kt: KustTarget, ra: Accumulator): void {
  runPluginGenerators(kt, ra, kt.kustomization.generators ?? []);
}

/** `validators` entries. */
export function runValidators(kt: KustTarget, ra: Accumulator): void {
  runPluginValidators(kt, ra, kt.kustomization.validators ?? []);
}

/** Loads `patchesStrategicMerge` entries: each is inline YAML or a file (kustomize tries inline first). */
function loadStrategicMergePatches(kt: KustTarget): SmPatch[] {
  const entries = kt.kustomization.patchesStrategicMerge ?? [];
  const out: SmPatch[] = [];
  for (const entry of entries) {
    let docs;
    try {
      docs = resourcesFromText(entry, kt.loaded.displayPath);
    } catch {
      const display = kt.loader.display(kt.loader.resolve(entry));
      let text: string;
      try {
        text = kt.loader.readText(entry);
      } catch (e) {
        throw withErrorContext(e, `${kt.loaded.displayPath}: patchesStrategicMerge`, {
          field: 'patchesStrategicMerge',
        });
      }
      docs = resourcesFromText(text, display, { path: display });
    }
    for (const patch of docs) out.push({ patch, allowNameChange: false, allowKindChange: false });
  }
  if (entries.length > 0 && out.length === 0) {
    throw new KustomizeError(
      'InvalidPatch',
      `${kt.loaded.displayPath}: patchesStrategicMerge: patch appears to be empty; files=[${entries.join(' ')}]`,
      { location: { file: kt.loaded.displayPath, field: 'patchesStrategicMerge' } },
    );
  }
  return out;
}

/** A loaded `patchesJson6902` entry. */
export interface Json6902Entry {
  target: NonNullable<PatchArg['target']>;
  ops: YamlValue[];
  source: string;
}

/**
 * Loads one `patchesJson6902` entry (kustomize `PatchJson6902Transformer.Config`): a target
 * with a name, and exactly one of `path` and an inline op list.
 */
export function loadJson6902Entry(kt: KustTarget, entry: PatchArg, field: string): Json6902Entry {
  const file = kt.loaded.displayPath;
  if (!entry.target?.name) {
    throw new KustomizeError('InvalidPatch', `${file}: ${field}: must specify the target name`, {
      location: { file, field: `${field}.target.name` },
    });
  }
  const path = entry.path ?? '';
  const inline = entry.patch ?? '';
  if (path === '' && inline === '') {
    throw new KustomizeError(
      'InvalidPatch',
      `${file}: ${field}: empty file path and empty jsonOp`,
      {
        location: { file, field },
      },
    );
  }
  if (path !== '' && inline !== '') {
    throw new KustomizeError(
      'InvalidPatch',
      `${file}: ${field}: must specify a file path or jsonOp, not both`,
      {
        location: { file, field },
      },
    );
  }
  const source = path !== '' ? kt.loader.shown(kt.loader.resolve(path)) : file;
  const text = path !== '' ? kt.loader.readText(path) : inline;
  if (text === '') {
    throw new KustomizeError('InvalidPatch', `${source}: patch file seems to be empty`, {
      location: { file: source },
    });
  }
  const ops = parseJsonPatchOps(text, source) ?? [];
  if (ops.length === 0) {
    throw new KustomizeError('InvalidPatch', `${source}: patch appears to be empty`, {
      location: { file: source },
    });
  }
  return { target: entry.target, ops, source };
}

/** Applies a `patchesJson6902` entry to its selected resources; no match is an error. */
export function runJson6902Entry(resmap: ResMap, jp: Json6902Entry): void {
  const selected = selectResources(resmap, jp.target);
  if (selected.length === 0) {
    throw new KustomizeError(
      'PatchTargetNotFound',
      `${jp.source}: patchesJson6902 target not found for ${describeTarget(jp.target)}`,
      { location: { file: jp.source, field: 'target' } },
    );
  }
  for (const res of selected) applyJsonPatchToResource(res, jp.ops, jp.source);
}

/**
 * The builtin transformers in kustomize's fixed order (PatchStrategicMerge, Patch, Namespace,
 * Prefix, Suffix, Labels, Annotations, PatchJson6902, ReplicaCount, ImageTag, Replacement),
 * then external `transformers`. Resources that became empty are dropped after each.
 */
export function runTransformers(kt: KustTarget, ra: Accumulator): void {
  const k = kt.kustomization;
  const tc = ra.config;
  const resmap = ra.resmap;
  // Configure everything first, as kustomize does, so configuration errors come first.
  const smPatches = loadStrategicMergePatches(kt);
  const patches = (k.patches ?? []).map((entry, i) => {
    try {
      return { entry, loaded: loadPatchEntry(entry, kt.loader, kt.loaded.displayPath) };
    } catch (e) {
      throw withErrorContext(e, undefined, { field: `patches[${i}]` });
    }
  });
  const jsonPatches = (k.patchesJson6902 ?? []).map((entry, i) =>
    loadJson6902Entry(kt, entry, `patchesJson6902[${i}]`),
  );
  const replacementFields = parseReplacementFields(
    k.replacements as YamlValue | undefined,
    kt.loaded.displayPath,
  );
  const replacements = expandReplacementFields(replacementFields, (path) =>
    parseYaml11(kt.loader.readText(path), kt.loader.shown(kt.loader.resolve(path))),
  );

  const steps: [string, () => void][] = [];
  if (smPatches.length > 0) {
    steps.push([
      'PatchStrategicMergeTransformer',
      () =>
        smPatches.forEach((sm) =>
          applySmPatchById(resmap, sm, sm.patch.origin?.path ?? kt.loaded.displayPath),
        ),
    ]);
  }
  for (const { entry, loaded } of patches)
    steps.push(['PatchTransformer', () => runPatchEntry(resmap, entry, loaded)]);
  if (k.namespace)
    steps.push([
      'NamespaceTransformer',
      () => applyNamespace(resmap, k.namespace as string, tc.namespace),
    ]);
  if (k.namePrefix)
    steps.push([
      'PrefixTransformer',
      () => applyPrefix(resmap, k.namePrefix as string, tc.namePrefix),
    ]);
  if (k.nameSuffix)
    steps.push([
      'SuffixTransformer',
      () => applySuffix(resmap, k.nameSuffix as string, tc.nameSuffix),
    ]);
  for (const label of k.labels ?? []) {
    const entry = {
      pairs: label.pairs ?? {},
      ...(label.includeSelectors !== undefined ? { includeSelectors: label.includeSelectors } : {}),
      ...(label.includeTemplates !== undefined ? { includeTemplates: label.includeTemplates } : {}),
      fields: (label.fields ?? []).map(toFieldSpec),
    };
    steps.push([
      'LabelTransformer',
      () => applyLabels(resmap, entry.pairs, labelsEntryFieldSpecs(entry, tc)),
    ]);
  }
  // kustomize configures the commonLabels LabelTransformer whenever any label field is set,
  // even when commonLabels is empty (it shows as a second record in transformer annotations).
  if (k.commonLabels || (k.labels?.length ?? 0) > 0)
    steps.push([
      'LabelTransformer',
      () => applyLabels(resmap, k.commonLabels ?? {}, tc.commonLabels),
    ]);
  if (k.commonAnnotations) {
    steps.push([
      'AnnotationsTransformer',
      () => applyAnnotations(resmap, k.commonAnnotations ?? {}, tc.commonAnnotations),
    ]);
  }
  for (const jp of jsonPatches)
    steps.push(['PatchJson6902Transformer', () => runJson6902Entry(resmap, jp)]);
  for (const r of k.replicas ?? []) {
    steps.push([
      'ReplicaCountTransformer',
      () => applyReplicas(resmap, [{ name: r.name ?? '', count: r.count ?? 0 }], tc.replicas),
    ]);
  }
  for (const [i, image] of (k.images ?? []).entries()) {
    steps.push([
      'ImageTagTransformer',
      () => {
        try {
          applyImages(resmap, [{ ...image, name: image.name ?? '' }], tc.images);
        } catch (e) {
          throw withErrorContext(e, `${kt.loaded.displayPath}: images[${i}]`, {
            file: kt.loaded.displayPath,
            field: `images[${i}].name`,
          });
        }
      },
    ]);
  }
  if (replacements.length > 0)
    steps.push(['ReplacementTransformer', () => applyReplacements(resmap, replacements)]);
  for (const [kind, step] of steps) {
    step();
    recordTransformation(kt, resmap, {
      configuredIn: kt.kustomizationOriginPath,
      configuredBy: { apiVersion: 'builtin', kind },
    });
    resmap.dropEmpties();
  }
  runPluginTransformers(kt, ra, k.transformers ?? []);
}

function describeTarget(t: NonNullable<PatchArg['target']>): string {
  const gvk = [t.kind, t.version, t.group].filter(Boolean).join('.');
  return `${gvk || '[noKind]'}/${t.name ?? ''}.${t.namespace || '[noNs]'}`;
}

/** `vars` of a kustomization merged into the accumulator's var set. */
export function mergeKustomizationVars(kt: KustTarget, ra: Accumulator): void {
  const vars = varsFromArgs(kt.kustomization.vars);
  if (vars.length === 0) return;
  try {
    mergeVars(ra.resmap, ra.vars, vars);
  } catch (e) {
    throw withErrorContext(e, undefined, { file: kt.loaded.displayPath, field: 'vars' });
  }
}

/** The root-only steps after accumulation: hash suffixes, name back-references, vars. */
export function finishRoot(kt: KustTarget, ra: Accumulator): void {
  applyNameHashes(ra.resmap);
  fixNameReferences(ra.resmap, ra.config.nameReference);
  if (ra.vars.size > 0) {
    const result = resolveVars(ra.resmap, ra.vars, ra.config.varReference);
    for (const w of result.warnings) warn(kt.ctx, w);
  }
}

/**
 * With any `buildMetadata`, kustomize records each transformer that ran on every resource
 * present at the time (`AddTransformerAnnotation`, unconditionally).
 */
export function recordTransformation(kt: KustTarget, resmap: ResMap, origin: ResourceOrigin): void {
  if (kt.ctx.buildMetadata.length === 0) return;
  for (const res of resmap.resources) res.transformations.push(origin);
}
