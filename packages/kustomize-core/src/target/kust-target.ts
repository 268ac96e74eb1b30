import { normalizePath } from '@kustomate/vfs';
import type { ResourceOrigin } from '@kustomate/resource';
import { KustomizeError } from '../errors.js';
import {
  loadKustomization,
  type LoadedKustomization,
} from '../kustomization/load-kustomization.js';
import { createEmptyAccumulator, mergeAccumulator, type Accumulator } from './accumulator.js';
import {
  loadTransformerConfigs,
  mergeKustomizationVars,
  runExternalGenerators,
  runGenerators,
  runTransformers,
  runValidators,
} from './builtins.js';
import type { BuildContext } from './build-context.js';
import type { FileLoader } from './file-loader.js';
import { applyOpenApiSetting } from './openapi-setting.js';
import { resourcesFromText } from './resource-factory.js';
import {
  accumulateRemote,
  accumulateRemoteComponent,
  isRemoteComponent,
  isRemoteEntry,
} from './remote/accumulate-remote.js';

/** Joins origin paths lexically, as kustomize's `Origin.Append` (path.Join). */
export function appendOriginPath(base: string, path: string): string {
  const joined = base === '' ? path : `${base}/${path}`;
  return normalizePath(joined);
}

/**
 * One kustomization directory in a build (kustomize `KustTarget`): its loaded kustomization,
 * its loader, and the origin path of its directory relative to the build root.
 */
export class KustTarget {
  constructor(
    readonly ctx: BuildContext,
    readonly loader: FileLoader,
    readonly loaded: LoadedKustomization,
    /** Directory of this kustomization as an origin path (`''` for the root). */
    readonly originDir: string,
  ) {}

  /** Loads the kustomization in `loader.root`. */
  static load(ctx: BuildContext, loader: FileLoader, originDir: string): KustTarget {
    const warnings: string[] = [];
    const loaded = loadKustomization(loader, warnings);
    for (const w of warnings) {
      ctx.warnings.push(w);
      ctx.onWarning?.(w);
    }
    return new KustTarget(ctx, loader, loaded, originDir);
  }

  get kustomization() {
    return this.loaded.kustomization;
  }

  /** The kustomization file as an origin path (`configuredIn`). */
  get kustomizationOriginPath(): string {
    return appendOriginPath(this.originDir, this.loaded.fileName);
  }

  /** Accumulates this kustomization into a fresh accumulator (kustomize `AccumulateTarget`). */
  accumulate(): Accumulator {
    return this.accumulateInto(createEmptyAccumulator(this.ctx.schema));
  }

  /**
   * kustomize `accumulateTarget`: resources, configurations, crds, generators, components,
   * transformers, validators, vars. `ra` is empty for a kustomization and the parent's
   * accumulator for a component.
   */
  accumulateInto(ra: Accumulator): Accumulator {
    const k = this.kustomization;
    ra = this.accumulateResources(ra, k.resources ?? []);
    loadTransformerConfigs(this, ra);
    runGenerators(this, ra);
    runExternalGenerators(this, ra);
    for (const path of k.components ?? []) ra = this.accumulateComponent(ra, path);
    runTransformers(this, ra);
    runValidators(this, ra);
    mergeKustomizationVars(this, ra);
    return ra;
  }

  /** Adds the resources of each entry: a file of objects, or a kustomization directory. */
  accumulateResources(ra: Accumulator, paths: string[]): Accumulator {
    for (const path of paths) {
      const abs = this.loader.resolve(path);
      const stat = this.ctx.fs.stat(abs);
      if (stat?.isFile) {
        const origin: ResourceOrigin = { path: appendOriginPath(this.originDir, path) };
        const display = this.loader.shown(abs);
        const resources = resourcesFromText(this.loader.readText(path), display, origin);
        try {
          ra.resmap.appendAll(resources);
        } catch (e) {
          throw wrap(e, `merging resources from '${display}'`);
        }
        continue;
      }
      if (stat?.isDirectory) {
        ra = this.accumulateDirectory(ra, path, false);
        continue;
      }
      if (isRemoteEntry(path)) {
        ra = accumulateRemote(this, ra, path);
        continue;
      }
      throw new KustomizeError(
        'MissingFile',
        `${this.loaded.displayPath}: accumulating resources: '${this.loader.shown(abs)}' is neither a file nor a directory`,
        { location: { file: this.loaded.displayPath, field: 'resources' } },
      );
    }
    return ra;
  }

  private accumulateComponent(ra: Accumulator, path: string): Accumulator {
    const abs = this.loader.resolve(path);
    if (!this.ctx.fs.stat(abs)?.isDirectory) {
      if (isRemoteComponent(path)) return accumulateRemoteComponent(this, ra, path);
      throw new KustomizeError(
        'InvalidKustomization',
        `${this.loaded.displayPath}: accumulating components: '${this.loader.shown(abs)}' must be a directory holding a kustomization with kind Component`,
        { location: { file: this.loaded.displayPath, field: 'components' } },
      );
    }
    return this.accumulateDirectory(ra, path, true);
  }

  /** kustomize `accumulateDirectory`: a base (fresh accumulator, merged) or a component (shared). */
  private accumulateDirectory(ra: Accumulator, path: string, isComponent: boolean): Accumulator {
    const childLoader = this.loader.child(path);
    const sub = KustTarget.load(this.ctx, childLoader, appendOriginPath(this.originDir, path));
    applyOpenApiSetting(this.ctx, sub, false);
    const kind = sub.kustomization.kind;
    if (isComponent && kind !== 'Component') {
      throw new KustomizeError(
        'InvalidKustomization',
        `${sub.loaded.displayPath}: expected kind 'Component' for path '${childLoader.shownRoot}' but got '${kind}'`,
        { location: { file: sub.loaded.displayPath, field: 'kind' } },
      );
    }
    if (!isComponent && kind === 'Component') {
      throw new KustomizeError(
        'InvalidKustomization',
        `${sub.loaded.displayPath}: expected kind != 'Component' for path '${childLoader.shownRoot}' (list components under 'components:')`,
        { location: { file: sub.loaded.displayPath, field: 'kind' } },
      );
    }
    if (isComponent) {
      try {
        return sub.accumulateInto(ra);
      } catch (e) {
        throw wrap(e, `accumulating component '${childLoader.shownRoot}'`);
      }
    }
    const subRa = sub.accumulate();
    try {
      mergeAccumulator(ra, subRa);
    } catch (e) {
      throw wrap(e, `merging resources from '${childLoader.shownRoot}'`);
    }
    return ra;
  }
}

function wrap(e: unknown, prefix: string): unknown {
  if (e instanceof KustomizeError) {
    return new KustomizeError(e.code, `${prefix}: ${e.message}`, {
      location: e.location,
      data: e.data,
      cause: e,
    });
  }
  return e;
}
