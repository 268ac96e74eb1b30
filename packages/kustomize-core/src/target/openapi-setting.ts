import { KustomizeError } from '../errors.js';
import { parseResourceYaml } from '../yaml/index.js';
import type { BuildContext } from './build-context.js';
import type { KustTarget } from './kust-target.js';

const BUILTIN_VERSIONS = ['v1.21.2'];

/**
 * Applies a kustomization's `openapi` field to the build's schema (kustomize
 * `openapi.SetSchema`): the root always decides (`reset`), a nested kustomization only when
 * nothing has chosen a schema yet. The chosen schema is parsed lazily, at the next lookup
 * (see `GlobalSchema`).
 */
export function applyOpenApiSetting(ctx: BuildContext, kt: KustTarget, reset: boolean): void {
  const openapi = kt.kustomization.openapi;
  if (!reset && ctx.schema.chosen) return;
  if (!openapi || Object.keys(openapi).length === 0) {
    ctx.schema.set({ kind: 'none' }, reset);
    return;
  }
  const file = kt.loaded.displayPath;
  const { path, version } = openapi;
  if (path && version) {
    throw new KustomizeError(
      'InvalidKustomization',
      `${file}: builtin version and custom schema provided, cannot use both`,
      {
        location: { file, field: 'openapi' },
      },
    );
  }
  if (path) {
    const text = kt.loader.readText(path);
    const docs = parseResourceYaml(text, kt.loader.display(kt.loader.resolve(path)));
    ctx.schema.set({ kind: 'custom', source: { doc: docs[0] ?? null, file: path } }, reset);
    return;
  }
  if (version) {
    if (!BUILTIN_VERSIONS.includes(version)) {
      throw new KustomizeError(
        'InvalidKustomization',
        `${file}: the specified OpenAPI version is not built in: ${version}`,
        { location: { file, field: 'openapi.version' } },
      );
    }
    ctx.schema.set({ kind: 'version', version }, reset);
    return;
  }
  ctx.schema.set({ kind: 'none' }, reset);
}
