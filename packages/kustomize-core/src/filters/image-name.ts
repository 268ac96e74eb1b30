import { KustomizeError } from '../errors.js';
import { compileGoRegexp } from './go-regexp.js';

/**
 * kustomize v5.5 `image.IsImageMatched`: the whole image string must match the Go regexp
 * `^NAME(:[a-zA-Z0-9_.{}-]*)?(@sha256:[a-zA-Z0-9_.{}-]*)?$` with NAME inserted unescaped
 * (a `.` in it matches any character). A NAME that is not a valid regexp makes kustomize
 * panic; here it is an `InvalidImageName` error.
 */
export function isImageMatched(image: string, name: string): boolean {
  let re: RegExp;
  try {
    re = compileGoRegexp(`^${name}(:[a-zA-Z0-9_.{}-]*)?(@sha256:[a-zA-Z0-9_.{}-]*)?$`);
  } catch (e) {
    throw new KustomizeError(
      'InvalidImageName',
      `invalid image name ${JSON.stringify(name)}: kustomize matches it as a regular expression and it does not compile (kustomize v5.5 crashes on this)`,
      { cause: e },
    );
  }
  return re.test(image);
}

/** The parts of an image reference (`image.Split`). */
export interface ImageParts {
  name: string;
  tag: string;
  digest: string;
}

/**
 * kustomize `image.Split`: `@` and `:` are searched from the first `/` on (from the start when
 * there is none or it is the first character), so `host:5000/img` keeps its port; the digest
 * follows `@`, the tag lies between `:` and `@` or the end.
 */
export function splitImage(image: string): ImageParts {
  let slash = image.indexOf('/');
  let search = image;
  if (slash > 0) search = image.slice(slash);
  else slash = 0;
  let at = search.indexOf('@');
  let colon = search.indexOf(':');
  if (colon < 0 && at < 0) return { name: image, tag: '', digest: '' };
  if (at >= 0 && (at < colon || colon < 0)) {
    at += slash;
    return { name: image.slice(0, at), tag: '', digest: image.slice(at + 1) };
  }
  if (at >= 0 && colon >= 0) {
    at += slash;
    colon += slash;
    return {
      name: image.slice(0, colon),
      tag: image.slice(colon + 1, at),
      digest: image.slice(at + 1),
    };
  }
  colon += slash;
  return { name: image.slice(0, colon), tag: image.slice(colon + 1), digest: '' };
}

/** An `images:` entry of a kustomization (kustomize `types.Image`). */
export interface ImageSpec {
  name: string;
  newName?: string;
  newTag?: string;
  digest?: string;
  tagSuffix?: string;
}

/**
 * The new value for a matching image (`imagetag` updater): `newName` replaces the name;
 * `newTag`+`digest` set both, `newTag` sets the tag and drops the digest, `digest` sets the
 * digest and drops the tag, else `tagSuffix` appends to the tag and drops the digest.
 * Returns undefined when the image does not match.
 */
export function updatedImage(image: string, spec: ImageSpec): string | undefined {
  if (!isImageMatched(image, spec.name)) return undefined;
  let { name, tag, digest } = splitImage(image);
  if (spec.newName) name = spec.newName;
  if (spec.newTag && spec.digest) {
    tag = spec.newTag;
    digest = spec.digest;
  } else if (spec.newTag) {
    tag = spec.newTag;
    digest = '';
  } else if (spec.digest) {
    tag = '';
    digest = spec.digest;
  } else if (spec.tagSuffix) {
    tag += spec.tagSuffix;
    digest = '';
  }
  if (tag !== '') name += `:${tag}`;
  if (digest !== '') name += `@${digest}`;
  return name;
}
