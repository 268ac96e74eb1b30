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
 *   merge keys per document (a "billion laughs" document asks for 10^9).
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

/** Node count and nesting depth of a value (1 for a scalar), without recursion. */
export interface ValueShape {
  size: number;
  depth: number;
}

const shapes = new WeakMap<object, ValueShape>();

/** The {@link ValueShape} of `value`, cached per top-level object. */
export function shapeOf(value: YamlValue): ValueShape {
  if (value === null || typeof value !== 'object') return { size: 1, depth: 0 };
  const cached = shapes.get(value);
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
  shapes.set(value, shape);
  return shape;
}
