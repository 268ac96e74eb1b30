import type { YamlMap } from '@kustomate/resource';
import { DriftDiffError } from './errors.js';
import { compileLabelSelector, type LabelMatcher } from './label-selector.js';
import { annotationsOf, identityOf, labelsOf } from './metadata.js';
import { parsePointer } from './json-pointer.js';

/**
 * A Flux `spec.ignore` target: every field optional; `group`, `version`, `kind`, `name`
 * and `namespace` are regular expressions anchored at both ends; `labelSelector` and
 * `annotationSelector` are label-selector expressions.
 */
export interface IgnoreSelector {
  group?: string;
  version?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  labelSelector?: string;
  annotationSelector?: string;
}

/** A Flux `spec.ignore` rule: JSON pointers to leave out of the comparison, for matching objects. */
export interface IgnoreRule {
  paths: readonly string[];
  target?: IgnoreSelector;
}

/** An ignore rule with its selector compiled and its pointers parsed. */
export interface CompiledIgnoreRule {
  paths: readonly (readonly string[])[];
  matches: (obj: YamlMap) => boolean;
}

function anchored(pattern: string | undefined, field: string): RegExp | undefined {
  if (pattern === undefined || pattern === '') return undefined;
  try {
    return new RegExp(`^(?:${pattern})$`);
  } catch (cause) {
    throw new DriftDiffError(
      'InvalidSelector',
      `invalid ${field} regular expression '${pattern}'`,
      {
        cause,
        data: { field, pattern },
      },
    );
  }
}

/**
 * Compiles a selector into a predicate over objects. An absent selector matches everything.
 *
 * @example
 * ```ts
 * compileSelector({ kind: 'Deploy.*' })(deployment); // true
 * ```
 */
export function compileSelector(selector: IgnoreSelector | undefined): (obj: YamlMap) => boolean {
  if (selector === undefined) return () => true;
  const regexes = {
    group: anchored(selector.group, 'group'),
    version: anchored(selector.version, 'version'),
    kind: anchored(selector.kind, 'kind'),
    name: anchored(selector.name, 'name'),
    namespace: anchored(selector.namespace, 'namespace'),
  };
  const labels: LabelMatcher | undefined = selector.labelSelector
    ? compileLabelSelector(selector.labelSelector)
    : undefined;
  const annotations: LabelMatcher | undefined = selector.annotationSelector
    ? compileLabelSelector(selector.annotationSelector)
    : undefined;
  return (obj) => {
    const id = identityOf(obj);
    for (const field of ['group', 'version', 'kind', 'name', 'namespace'] as const) {
      const re = regexes[field];
      if (re && !re.test(id[field])) return false;
    }
    if (labels && !labels(labelsOf(obj))) return false;
    if (annotations && !annotations(annotationsOf(obj))) return false;
    return true;
  };
}

/**
 * Validates and compiles Flux ignore rules once, for use on many objects. Throws
 * `InvalidIgnoreRule` for a pointer that is neither empty nor starts with `/`, and
 * `InvalidSelector` for a bad regular expression or selector expression.
 *
 * @example
 * ```ts
 * const rules = compileIgnoreRules([{ paths: ['/spec/replicas'], target: { kind: 'Deployment' } }]);
 * ```
 */
export function compileIgnoreRules(rules: readonly IgnoreRule[]): CompiledIgnoreRule[] {
  return rules.map((rule, index) => ({
    paths: rule.paths.map((p) => {
      const segments = parsePointer(p);
      if (segments === undefined) {
        throw new DriftDiffError(
          'InvalidIgnoreRule',
          `ignore rule ${index}: '${p}' is not a JSON pointer`,
          {
            location: { field: `ignore[${index}].paths` },
            data: { index, path: p },
          },
        );
      }
      return segments;
    }),
    matches: compileSelector(rule.target),
  }));
}

/** The parsed pointers of every rule matching `obj`. */
export function ignoredPathsFor(
  rules: readonly CompiledIgnoreRule[],
  obj: YamlMap,
): (readonly string[])[] {
  return rules.filter((r) => r.matches(obj)).flatMap((r) => r.paths);
}

const isCompiled = (r: IgnoreRule | CompiledIgnoreRule): r is CompiledIgnoreRule =>
  typeof (r as CompiledIgnoreRule).matches === 'function';

/**
 * Compiles raw ignore rules, passing already compiled ones through.
 *
 * @example
 * ```ts
 * const rules = resolveIgnoreRules(options.ignore);
 * ```
 */
export function resolveIgnoreRules(
  rules: readonly IgnoreRule[] | readonly CompiledIgnoreRule[] | undefined,
): CompiledIgnoreRule[] {
  if (!rules || rules.length === 0) return [];
  const list = rules as readonly (IgnoreRule | CompiledIgnoreRule)[];
  return list.every(isCompiled) ? [...list] : compileIgnoreRules(rules as readonly IgnoreRule[]);
}
