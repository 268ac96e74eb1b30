import type { FieldSpec } from '../data/field-spec-types.js';
import { applyImageFieldSpecs, applyLegacyImageFilter } from '../filters/image-tag-filter.js';
import type { ImageSpec } from '../filters/image-name.js';
import type { ResMap } from '../resource/res-map.js';
import { defaultTransformerConfig } from './transformer-config.js';

export type { ImageSpec } from '../filters/image-name.js';

/**
 * kustomize's ImageTagTransformer for one `images:` entry: first the legacy walk over every
 * resource (every `containers`/`initContainers` list anywhere in a non-CRD object), then the
 * image field specs. An image matches when the whole value matches the Go regexp
 * `^NAME(:tag)?(@sha256:digest)?$` (NAME unescaped). Both passes can hit the same field, so a
 * `tagSuffix` is applied twice to pod-spec containers [verified: `nginx:1.0` → `nginx:1.0-s-s`].
 */
export function applyImageTag(
  resmap: ResMap,
  image: ImageSpec,
  fieldSpecs: readonly FieldSpec[] = defaultTransformerConfig().images,
): void {
  for (const r of resmap.resources) applyLegacyImageFilter(r, image);
  for (const r of resmap.resources) applyImageFieldSpecs(r, image, fieldSpecs);
}

/** One {@link applyImageTag} per `images:` entry, in order. */
export function applyImages(
  resmap: ResMap,
  images: readonly ImageSpec[],
  fieldSpecs: readonly FieldSpec[] = defaultTransformerConfig().images,
): void {
  for (const image of images) applyImageTag(resmap, image, fieldSpecs);
}
