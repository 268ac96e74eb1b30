/**
 * Limits that stop hostile YAML before it costs unbounded memory or stack. kustomize (Go,
 * yaml.v3) has comparable guards: a depth limit of 10,000 and an "excessive aliasing" ratio.
 * The values below are far beyond anything a real kustomization, manifest or patch uses:
 *
 * - {@link YAML_LIMITS.maxTextLength}: 64 Mi characters per file (the largest CRD bundles in
 *   the wild are a few MiB);
 * - {@link YAML_LIMITS.maxDepth}: 1,000 nested collections per document (manifests rarely
 *   exceed 20; lower than yaml.v3's 10,000 because the build walks trees recursively);
 * - {@link YAML_LIMITS.maxAliasNodes}: 1,000,000 values created by expanding aliases and
 *   merge keys per document (a "billion laughs" document asks for 10^9);
 * - {@link YAML_LIMITS.maxPatchedNodes}: 2,000,000 values in a resource after a JSON 6902
 *   operation (`copy` can double a resource per operation; the largest real resources hold
 *   a few hundred thousand values). JSON 6902 operation values obey `maxDepth` too.
 *
 * Exceeding one is a `KustomizeError` with code `LimitExceeded` (see docs/errors.md).
 *
 * @module
 */
import { isYamlMap, type YamlValue } from '@kustomate/resource';
import { KustomizeError } from '../errors.js';

/** The limits, see the module comment. */
export const YAML_LIMITS = {
  maxTextLength: 64 * 1024 * 1024,
  maxDepth: 1000,
  maxAliasNodes: 1_000_000,
  maxPatchedNodes: 2_000_000,
} as const;

/** A `LimitExceeded` error about a YAML text. */
export function yamlLimitError(file: string | undefined, message: string): KustomizeError {
  const where = file === undefined ? '' : ` in File: ${file}`;
  return new KustomizeError('LimitExceeded', `yaml: ${message}${where}`, {
    location: file === undefined ? {} : { file },
  });
}

/** Refuses a text longer than {@link YAML_LIMITS.maxTextLength}. */
export function checkTextLength(text: string, file: string | undefined): void {
  if (text.length > YAML_LIMITS.maxTextLength) {
    throw yamlLimitError(
      file,
      `input of ${text.length} characters exceeds the limit of ${YAML_LIMITS.maxTextLength}`,
    );
  }
}

/**
 * Refuses a text whose brackets open more than ten times {@link YAML_LIMITS.maxDepth} levels
 * (10,000, yaml.v3's own limit) before the YAML parser sees it: parsing such flow nesting costs
 * seconds per megabyte. Brackets are counted raw (inside quotes and block scalars too), which
 * only errs on texts with ten thousand more `[`/`{` than `]`/`}` — never a real document.
 */
export function checkBracketDepth(text: string, file: string | undefined): void {
  const limit = YAML_LIMITS.maxDepth * 10;
  if (text.length < 2 * limit) return;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) {
        throw yamlLimitError(
          file,
          `document nests collections more than ${YAML_LIMITS.maxDepth} levels deep`,
        );
      }
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
  }
}

/** Node count and nesting depth of a value (1 for a scalar), without recursion. */
export interface ValueShape {
  size: number;
  depth: number;
}

const shapes = new WeakMap<object, ValueShape>();

/**
 * The {@link ValueShape} of `value`, cached per top-level object unless `cache` is false (for
 * values that are still being modified).
 */
export function shapeOf(value: YamlValue, cache = true): ValueShape {
  if (value === null || typeof value !== 'object') return { size: 1, depth: 0 };
  const cached = cache ? shapes.get(value) : undefined;
  if (cached !== undefined) return cached;
  // Explicit stacks: values may be as deep as the depth limit allows.
  const nodes: object[] = [value];
  const depths: number[] = [1];
  let size = 0;
  let depth = 0;
  while (nodes.length > 0) {
    const node = nodes.pop() as object;
    const d = depths.pop() as number;
    size++;
    if (d > depth) depth = d;
    const children = Array.isArray(node)
      ? (node as YamlValue[])
      : isYamlMap(node)
        ? Object.values(node)
        : [];
    for (const child of children) {
      if (child !== null && typeof child === 'object') {
        nodes.push(child);
        depths.push(d + 1);
      } else {
        size++;
      }
    }
  }
  const shape = { size, depth };
  if (cache) shapes.set(value, shape);
  return shape;
}
