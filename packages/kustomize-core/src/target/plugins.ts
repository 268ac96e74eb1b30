import type { YamlMap, YamlValue } from '@kustomate/resource';
import { basename } from '@kustomate/vfs';
import { KustomizeError } from '../errors.js';
import {
  absorbGenerated,
  applyNameHashes,
  generateConfigMap,
  generateSecret,
  type ConfigMapArgs,
} from '../generators/index.js';
import { decodeGo } from '../kustomization/go-json-decode.js';
import type { FieldSpecArg, PatchArg, SelectorArg } from '../kustomization/kustomization.js';
import { KResource } from '../resource/k-resource.js';
import {
  applyAnnotations,
  applyImageTag,
  applyLabels,
  applyNamespace,
  applyPrefix,
  applyReplicaCount,
  applySuffix,
} from '../transformers/index.js';
import { applyNameAffixTransformer } from '../transformers/name-affix-transformer.js';
import {
  applyReplacements,
  expandReplacementFields,
  replacementFieldsFromPluginConfig,
} from '../transformers/replacements/index.js';
import { parseYaml11 } from '../yaml/index.js';
import { createEmptyAccumulator, type Accumulator } from './accumulator.js';
import type { KustTarget } from './kust-target.js';
import {
  applySmPatchById,
  loadPatchEntry,
  runPatchEntry,
  type SmPatch,
} from './patch-transformers.js';
import { BUILTIN_PLUGIN_CONFIGS, type PluginConfig } from './plugin-configs.js';
import { generateIamPolicy } from './plugins/iam-policy-generator.js';
import { applyValueAdd } from './plugins/value-add.js';
import { resourcesFromText } from './resource-factory.js';
import {
  loadJson6902Entry,
  recordTransformation,
  runJson6902Entry,
  toFieldSpec,
} from './builtins.js';

/** A configured builtin plugin instance: its config object and where it was configured. */
interface PluginInstance {
  kind: string;
  name: string;
  config: PluginConfig;
  /** Origin path of the file holding the config (the kustomization file for inline configs). */
  configuredIn: string;
}

/**
 * Reads `generators:`/`transformers:`/`validators:` entries into plugin configs (kustomize
 * `configureExternalTransformers`): an entry that parses as resources is an inline config;
 * others are paths, loaded like `resources` (files or kustomization directories).
 */
function loadPluginConfigs(kt: KustTarget, entries: string[], field: string): PluginInstance[] {
  const ra = createEmptyAccumulator(kt.ctx.schema);
  const paths: string[] = [];
  for (const entry of entries) {
    let inline: KResource[] | undefined;
    try {
      inline = resourcesFromText(entry, kt.loaded.displayPath, {
        path: kt.kustomizationOriginPath,
      });
    } catch {
      inline = undefined;
    }
    if (inline === undefined || inline.length === 0) paths.push(entry);
    else ra.resmap.appendAll(inline);
  }
  kt.accumulateResources(ra, paths);
  return ra.resmap.resources.map((res) => toInstance(kt, res, field));
}

function toInstance(kt: KustTarget, res: KResource, field: string): PluginInstance {
  const kind = res.kind;
  const spec = BUILTIN_PLUGIN_CONFIGS[kind];
  const file = res.origin?.path ?? kt.loaded.displayPath;
  if (res.apiVersion !== 'builtin' || spec === undefined) {
    // kustomize names the plugin by its GVK as `Kind.version.group` (`builtin` is the version).
    const slash = res.apiVersion.indexOf('/');
    const group = slash < 0 ? '' : res.apiVersion.slice(0, slash);
    const version = slash < 0 ? res.apiVersion : res.apiVersion.slice(slash + 1);
    const gvk = `${kind || '[noKind]'}.${version || '[noVer]'}.${group || '[noGrp]'}`;
    throw new KustomizeError(
      'Unsupported',
      `${file}: ${field}: unable to load plugin ${gvk} '${res.name}': it is not a kustomize builtin; external plugins need --enable-alpha-plugins, which kustomate does not support`,
      {
        location: {
          file,
          field,
          object: `${gvk}/${res.name || '[noName]'}.${res.namespace || '[noNs]'}`,
        },
      },
    );
  }
  const config = decodeGo(res.object, spec.type, {
    file,
    path: kind,
    field: '',
    strict: false,
    stringifyScalars: true,
    what: `${kind} config`,
  }) as PluginConfig;
  return {
    kind,
    name: res.name,
    config,
    configuredIn: res.origin?.path ?? kt.kustomizationOriginPath,
  };
}

const specs = (config: PluginConfig) =>
  ((config.fieldSpecs as FieldSpecArg[] | undefined) ?? []).map(toFieldSpec);

/** Runs the builtin generator plugins listed under `generators:`. */
export function runPluginGenerators(kt: KustTarget, ra: Accumulator, entries: string[]): void {
  if (entries.length === 0) return;
  for (const p of loadPluginConfigs(kt, entries, 'generators')) {
    const spec = BUILTIN_PLUGIN_CONFIGS[p.kind];
    if (spec?.role !== 'generator') {
      throw new KustomizeError(
        'InvalidKustomization',
        `${p.configuredIn}: ${p.kind} is not a generator`,
        {
          location: { file: p.configuredIn, field: 'generators' },
        },
      );
    }
    absorbGenerated(ra.resmap, generate(kt, p));
  }
}

function generate(kt: KustTarget, p: PluginInstance): KResource[] {
  const c = p.config;
  const md = (c.metadata ?? {}) as { name?: string; namespace?: string };
  switch (p.kind) {
    case 'ConfigMapGenerator':
    case 'SecretGenerator': {
      const args = { ...(c as unknown as ConfigMapArgs & { type?: string }) } as ConfigMapArgs & {
        type?: string;
        metadata?: unknown;
      };
      delete args.metadata;
      if (!args.name) args.name = md.name ?? '';
      if (!args.namespace && md.namespace) args.namespace = md.namespace;
      if (args.env) args.envs = [...(args.envs ?? []), args.env];
      delete args.env;
      const res =
        p.kind === 'ConfigMapGenerator'
          ? generateConfigMap(args, kt.loader, undefined, p.configuredIn)
          : generateSecret(args, kt.loader, undefined, p.configuredIn);
      if (res.origin?.configuredBy)
        res.origin.configuredBy = { ...res.origin.configuredBy, name: p.name };
      return [res];
    }
    case 'IAMPolicyGenerator': {
      return [
        new KResource(generateIamPolicy(c as Parameters<typeof generateIamPolicy>[0]), {
          configuredIn: p.configuredIn,
          configuredBy: { apiVersion: 'builtin', kind: p.kind, name: p.name },
        }),
      ];
    }
    default:
      throw new KustomizeError(
        'Unsupported',
        `${p.configuredIn}: trouble configuring builtin ${p.kind}: not supported by kustomate`,
        { location: { file: p.configuredIn, field: 'generators' } },
      );
  }
}

/** Runs the builtin transformer plugins listed under `transformers:`. */
export function runPluginTransformers(kt: KustTarget, ra: Accumulator, entries: string[]): void {
  if (entries.length === 0) return;
  const plugins = loadPluginConfigs(kt, entries, 'transformers');
  const steps = plugins.map((p) => [p, configureTransformer(kt, p)] as const);
  for (const [p, step] of steps) {
    step(ra);
    const md = (p.config.metadata ?? {}) as { namespace?: string };
    recordTransformation(kt, ra.resmap, {
      configuredIn: p.configuredIn,
      configuredBy: {
        apiVersion: 'builtin',
        kind: p.kind,
        ...(p.name ? { name: p.name } : {}),
        ...(md.namespace ? { namespace: md.namespace } : {}),
      },
    });
    ra.resmap.dropEmpties();
  }
}

/** `validators:` run like transformers but must not change anything (kustomize checks). */
export function runPluginValidators(kt: KustTarget, ra: Accumulator, entries: string[]): void {
  if (entries.length === 0) return;
  const plugins = loadPluginConfigs(kt, entries, 'validators');
  for (const p of plugins) {
    const before = ra.resmap.clone();
    configureTransformer(kt, p)(ra);
    const changed =
      before.size !== ra.resmap.size ||
      before.resources.some(
        (r, i) =>
          JSON.stringify(withoutValidatedBy(r.object)) !==
          JSON.stringify(withoutValidatedBy(ra.resmap.resources[i]?.object ?? {})),
      );
    if (changed) {
      throw new KustomizeError(
        'InvalidKustomization',
        `${p.configuredIn}: validator shouldn't modify the resource map`,
        {
          location: { file: p.configuredIn, field: 'validators' },
        },
      );
    }
  }
}

function withoutValidatedBy(object: YamlMap): YamlMap {
  const copy = structuredClone(object) as YamlMap;
  const md = copy.metadata as YamlMap | undefined;
  const labels = md?.labels as YamlMap | undefined;
  if (labels) delete labels['validated-by'];
  return copy;
}

type Step = (ra: Accumulator) => void;

function configureTransformer(kt: KustTarget, p: PluginInstance): Step {
  const c = p.config;
  switch (p.kind) {
    case 'AnnotationsTransformer':
      return (ra) =>
        applyAnnotations(ra.resmap, (c.annotations as Record<string, string>) ?? {}, specs(c));
    case 'LabelTransformer':
      return (ra) => applyLabels(ra.resmap, (c.labels as Record<string, string>) ?? {}, specs(c));
    case 'NamespaceTransformer': {
      const ns = ((c.metadata ?? {}) as { namespace?: string }).namespace ?? '';
      const options = {
        ...(c.unsetOnly ? { unsetOnly: true } : {}),
        ...(c.setRoleBindingSubjects
          ? { setRoleBindingSubjects: c.setRoleBindingSubjects as never }
          : {}),
      };
      return (ra) => applyNamespace(ra.resmap, ns, specs(c), options);
    }
    case 'PrefixSuffixTransformer':
      return (ra) =>
        applyNameAffixTransformer(
          ra.resmap,
          specs(c),
          (c.prefix as string) ?? '',
          (c.suffix as string) ?? '',
        );
    case 'PrefixTransformer':
      return (ra) => applyPrefix(ra.resmap, (c.prefix as string) ?? '', specs(c));
    case 'SuffixTransformer':
      return (ra) => applySuffix(ra.resmap, (c.suffix as string) ?? '', specs(c));
    case 'ImageTagTransformer': {
      const image = (c.imageTag ?? {}) as { name?: string };
      return (ra) => applyImageTag(ra.resmap, { ...image, name: image.name ?? '' }, specs(c));
    }
    case 'ReplicaCountTransformer': {
      const r = (c.replica ?? {}) as { name?: string; count?: number };
      return (ra) =>
        applyReplicaCount(ra.resmap, { name: r.name ?? '', count: r.count ?? 0 }, specs(c));
    }
    case 'PatchTransformer': {
      const entry = c as PatchArg;
      const loaded = loadPatchEntry(entry, kt.loader, p.configuredIn);
      return (ra) => runPatchEntry(ra.resmap, entry, loaded);
    }
    case 'PatchStrategicMergeTransformer': {
      const patches = loadSmPatchConfig(kt, p);
      return (ra) => {
        for (const sm of patches)
          applySmPatchById(ra.resmap, sm, sm.patch.origin?.path ?? p.configuredIn);
      };
    }
    case 'PatchJson6902Transformer': {
      const entry = loadJson6902Entry(
        kt,
        {
          target: c.target as SelectorArg,
          path: (c.path as string) ?? '',
          patch: (c.jsonOp as string) ?? '',
        },
        p.configuredIn,
      );
      return (ra) => runJson6902Entry(ra.resmap, entry);
    }
    case 'ReplacementTransformer': {
      const fields = replacementFieldsFromPluginConfig(c as YamlValue, p.configuredIn);
      const replacements = expandReplacementFields(fields, (path) =>
        parseYaml11(kt.loader.readText(path), kt.loader.shown(kt.loader.resolve(path))),
      );
      return (ra) => applyReplacements(ra.resmap, replacements);
    }
    case 'ValueAddTransformer':
      return (ra) =>
        applyValueAdd(
          ra.resmap,
          c as Parameters<typeof applyValueAdd>[1],
          basename(kt.loader.root),
        );
    case 'HashTransformer':
      return (ra) => applyNameHashes(ra.resmap);
    default:
      throw new KustomizeError(
        'Unsupported',
        `${p.configuredIn}: trouble configuring builtin ${p.kind}: not a transformer`,
        { location: { file: p.configuredIn, field: 'transformers' } },
      );
  }
}

function loadSmPatchConfig(kt: KustTarget, p: PluginInstance): SmPatch[] {
  const out: SmPatch[] = [];
  for (const path of (p.config.paths as string[] | undefined) ?? []) {
    let docs: KResource[];
    try {
      docs = resourcesFromText(path, p.configuredIn);
    } catch {
      const display = kt.loader.display(kt.loader.resolve(path));
      docs = resourcesFromText(kt.loader.readText(path), display, { path: display });
    }
    for (const patch of docs) out.push({ patch, allowNameChange: false, allowKindChange: false });
  }
  const inline = (p.config.patches as string | undefined) ?? '';
  if (inline !== '') {
    for (const patch of resourcesFromText(inline, p.configuredIn))
      out.push({ patch, allowNameChange: false, allowKindChange: false });
  }
  if (out.length === 0) {
    throw new KustomizeError(
      'InvalidPatch',
      `${p.configuredIn}: PatchStrategicMergeTransformer: patch appears to be empty`,
      {
        location: { file: p.configuredIn },
      },
    );
  }
  return out;
}
