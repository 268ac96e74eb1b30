import { isYamlMap, type YamlMap, type YamlValue } from '@kustomate/resource';
import type { FieldSpec } from '../data/field-spec-types.js';
import type { KResource } from '../resource/k-resource.js';
import { applyFieldSpec } from './field-spec-walk.js';
import { updatedImage, type ImageSpec } from './image-name.js';
import { requireScalar, wrongNodeKind } from './node-kind.js';
import { setFieldValue } from './scalar-aliases.js';
import { scalarNodeText, untaggedScalar } from './untagged-scalar.js';

/** The updater on one `image` value (`imagetag.imageTagUpdater.SetImageValue`). */
function newImageValue(value: YamlValue | undefined, spec: ImageSpec): YamlValue | undefined {
  requireScalar(value);
  const image = updatedImage(scalarNodeText(value), spec);
  return image === undefined ? undefined : untaggedScalar(image, value);
}

const LEGACY_FIELDS = new Set(['containers', 'initContainers']);

function legacyWalk(node: YamlValue, spec: ImageSpec): void {
  if (Array.isArray(node)) {
    for (const el of node) legacyWalk(el, spec);
    return;
  }
  if (!isYamlMap(node)) return;
  for (const key of Object.keys(node)) {
    const value = node[key] as YamlValue;
    legacyWalk(value, spec);
    if (LEGACY_FIELDS.has(key) && Array.isArray(value)) {
      for (const el of value) {
        if (el === null) continue;
        if (!isYamlMap(el)) throw wrongNodeKind('MappingNode', el);
        if (!Object.hasOwn(el, 'image')) continue;
        const next = newImageValue(el.image, spec);
        if (next !== undefined) setFieldValue(el as YamlMap, 'image', next);
      }
    }
  }
}

function isCrd(res: KResource): boolean {
  return res.object.kind === 'CustomResourceDefinition';
}

/**
 * kustomize `imagetag.LegacyFilter` on one resource: every `containers` / `initContainers`
 * list anywhere in a non-CRD object, field `image` of each element.
 */
export function applyLegacyImageFilter(res: KResource, spec: ImageSpec): void {
  if (isCrd(res)) return;
  legacyWalk(res.object, spec);
}

/** kustomize `imagetag.Filter` on one resource: the image field specs (never creating). */
export function applyImageFieldSpecs(
  res: KResource,
  spec: ImageSpec,
  fieldSpecs: readonly FieldSpec[],
): void {
  if (isCrd(res)) return;
  for (const fs of fieldSpecs) {
    applyFieldSpec(res, fs, (field) => {
      const next = newImageValue(field.value, spec);
      if (next !== undefined) field.set(next);
    });
  }
}
