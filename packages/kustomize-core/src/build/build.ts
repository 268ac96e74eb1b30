import type { Resource } from '@kustomate/resource';
import { normalizePath, type FileSystem } from '@kustomate/vfs';
import { KustomizeError } from '../errors.js';
import type { KResource } from '../resource/k-resource.js';
import type { ResMap } from '../resource/res-map.js';
import { finishRoot } from '../target/builtins.js';
import { SchemaHolder, type BuildContext } from '../target/build-context.js';
import { FileLoader } from '../target/file-loader.js';
import { KustTarget } from '../target/kust-target.js';
import type { LoadRestrictor } from '../target/loader.js';
import { applyOpenApiSetting } from '../target/openapi-setting.js';
import type { RemoteLoader } from '../target/remote/remote-loader.js';
import { runWithRemotes } from '../target/remote/remote-session.js';
import { emitResources } from '../yaml/index.js';
import {
  addManagedByLabel,
  isLocalConfig,
  normalizeAnnotations,
  ORIGIN_ANNOTATION,
  originAnnotationText,
  TRANSFORMATIONS_ANNOTATION,
  transformationsAnnotationText,
} from './finalize-output.js';
import { sortLegacy } from './sort-resources.js';

/** Options of {@link build}. */
export interface BuildOptions {
  /** The file system to read kustomizations and resources from. */
  fs: FileSystem;
  /** Absolute path of the kustomization directory to build. */
  path: string;
  /** kustomize's load restrictor; `LoadRestrictionsRootOnly` by default, as kubectl. */
  loadRestrictor?: LoadRestrictor;
  /** Called with each warning as it happens (kustomize prints them on stderr). */
  onWarning?: (message: string) => void;
  /** Cancels the build between steps (and any remote fetch). */
  signal?: AbortSignal;
  /**
   * Fetches remote `resources` (git URLs, http(s) files) for {@link build}; without it a remote
   * entry fails with code `Unsupported`. Node: `createGitRemoteLoader()` from
   * `@kustomate/git-source/node`. The synchronous {@link buildKustomization} never fetches.
   */
  remote?: RemoteLoader;
}

/** What {@link build} returns. */
export interface BuildResult {
  /** The built objects in output order, each with its origin. */
  resources: Resource[];
  /** Warnings (deprecated fields and the like), in the order they happened. */
  warnings: string[];
  /** The output `kubectl kustomize` prints for this build, byte for byte. */
  toYaml(): string;
}

/**
 * Builds a kustomization directory exactly as `kubectl kustomize` (kustomize v5.5.0) does.
 *
 * @example
 * ```ts
 * import { build } from '@kustomate/kustomize-core';
 * import { createMemoryFs } from '@kustomate/vfs';
 *
 * const fs = createMemoryFs({
 *   '/app/kustomization.yaml': 'namePrefix: dev-\nresources: [cm.yaml]\n',
 *   '/app/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\n',
 * });
 * const result = await build({ fs, path: '/app' });
 * result.toYaml(); // "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dev-cfg\n"
 * ```
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  options.signal?.throwIfAborted();
  const { remote, onWarning } = options;
  if (!remote) return buildKustomization(options);
  // The build re-runs after each fetch; only the last run's warnings are reported.
  let warnings: string[] = [];
  const run = () => {
    warnings = [];
    return buildKustomization({ ...options, onWarning: (w) => warnings.push(w) });
  };
  try {
    return await runWithRemotes(run, remote, options.signal);
  } finally {
    if (onWarning) for (const w of warnings) onWarning(w);
  }
}

/** The synchronous core of {@link build}. */
export function buildKustomization(options: BuildOptions): BuildResult {
  const root = normalizePath(options.path);
  const st = options.fs.stat(root);
  if (!st?.isDirectory) {
    throw new KustomizeError(
      'KustomizationNotFound',
      st
        ? `must build at directory: '${options.path}': file is not directory`
        : `must build at directory: not a valid directory: '${options.path}' does not exist`,
      { location: { file: options.path } },
    );
  }
  const ctx: BuildContext = {
    fs: options.fs,
    restrictor: options.loadRestrictor ?? 'LoadRestrictionsRootOnly',
    buildRoot: options.fs.realPath(root),
    schema: new SchemaHolder(),
    buildMetadata: [],
    warnings: [],
    ...(options.onWarning ? { onWarning: options.onWarning } : {}),
  };
  const loader = new FileLoader(options.fs, ctx.buildRoot, ctx.restrictor, ctx.buildRoot);
  const kt = KustTarget.load(ctx, loader, '');
  ctx.buildMetadata = kt.kustomization.buildMetadata ?? [];
  applyOpenApiSetting(ctx, kt, true);
  const ra = kt.accumulate();
  finishRoot(kt, ra);
  ra.resmap.setAll(ra.resmap.resources.filter((r) => !isLocalConfig(r)));
  const ordered = orderResources(kt, ra.resmap);
  finalize(kt, ordered);
  const resources: Resource[] = ordered.map((r) => ({
    object: r.object,
    ...(r.origin ? { origin: r.origin } : {}),
  }));
  let yaml: string | undefined;
  return {
    resources,
    warnings: ctx.warnings,
    toYaml: () => (yaml ??= emitResources(ordered.map((r) => r.object))),
  };
}

function orderResources(kt: KustTarget, resmap: ResMap): KResource[] {
  const sort = kt.kustomization.sortOptions;
  const file = kt.loaded.displayPath;
  if (sort?.order === 'fifo') {
    if (sort.legacySortOptions) {
      throw new KustomizeError(
        'InvalidKustomization',
        `${file}: the field 'sortOptions.legacySortOptions' is set but the selected sort order is 'fifo', not 'legacy'`,
        {
          location: { file, field: 'sortOptions.legacySortOptions' },
        },
      );
    }
    return [...resmap.resources];
  }
  if (sort !== undefined && sort.order !== 'legacy') {
    throw new KustomizeError(
      'InvalidKustomization',
      `${file}: the field 'sortOptions.order' must be one of [fifo, legacy]`,
      {
        location: { file, field: 'sortOptions.order' },
      },
    );
  }
  const legacy = sort?.legacySortOptions;
  return sortLegacy(
    resmap.resources,
    legacy ? { orderFirst: legacy.orderFirst ?? [], orderLast: legacy.orderLast ?? [] } : undefined,
  );
}

function finalize(kt: KustTarget, resources: KResource[]): void {
  const meta = kt.kustomization.buildMetadata ?? [];
  const keepOrigin = meta.includes('originAnnotations');
  const keepTransformations = meta.includes('transformerAnnotations');
  for (const res of resources) {
    if (meta.includes('managedByLabel')) addManagedByLabel(res);
    const extra: Record<string, string> = {};
    if (keepOrigin) {
      const text = originAnnotationText(res);
      if (text !== undefined) extra[ORIGIN_ANNOTATION] = text;
    }
    if (keepTransformations) {
      const text = transformationsAnnotationText(res);
      if (text !== undefined) extra[TRANSFORMATIONS_ANNOTATION] = text;
    }
    normalizeAnnotations(res, extra);
  }
}
