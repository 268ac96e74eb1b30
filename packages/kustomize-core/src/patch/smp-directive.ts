import { isYamlMap, type YamlValue } from '@kustomate/resource';
import { KustomizeError } from '../errors.js';
import { findElementWithField, setElement } from './smp-elements.js';
import { scalarText } from './smp-node.js';

/** A strategic-merge `$patch` directive (`unknown` only for non-collection patches). */
export type SmpDirective = 'merge' | 'replace' | 'delete' | 'unknown';

/** The strategic-merge directive key. */
const PATCH_DIRECTIVE_KEY = '$patch';

function unknownStrategy(value: string): KustomizeError {
  return new KustomizeError('InvalidPatch', `unknown patch strategy '${value}'`, {
    data: { directive: value },
  });
}

/**
 * kyaml `determineSmpDirective`: reads the `$patch` directive of a patch map (its `$patch`
 * field) or list (the first element holding a `$patch` field, if that is its only field)
 * and removes it from the patch, in place. A list loses every element whose `$patch` has
 * the directive's value, and its null and `{}` elements.
 *
 * @returns the directive, or an error for an unknown one or a scalar patch (callers that
 * ignore the error get `unknown`).
 */
export function readSmpDirective(patch: YamlValue | undefined): {
  directive: SmpDirective;
  error?: KustomizeError;
} {
  if (patch === undefined) return { directive: 'merge' };
  if (Array.isArray(patch)) {
    const holder = findElementWithField(patch, PATCH_DIRECTIVE_KEY);
    if (!isYamlMap(holder) || Object.keys(holder).length > 1) return { directive: 'merge' };
    const value = scalarText(holder[PATCH_DIRECTIVE_KEY]);
    if (value !== 'merge' && value !== 'replace' && value !== 'delete') {
      return { directive: 'unknown', error: unknownStrategy(value) };
    }
    setElement(patch, { keys: [PATCH_DIRECTIVE_KEY], values: [value] });
    return { directive: value };
  }
  if (isYamlMap(patch)) {
    if (!Object.hasOwn(patch, PATCH_DIRECTIVE_KEY)) return { directive: 'merge' };
    const value = scalarText(patch[PATCH_DIRECTIVE_KEY]);
    if (value !== 'merge' && value !== 'replace' && value !== 'delete') {
      return { directive: 'unknown', error: unknownStrategy(value) };
    }
    delete patch[PATCH_DIRECTIVE_KEY];
    return { directive: value };
  }
  const tag = shortTag(patch);
  return {
    directive: 'unknown',
    error: new KustomizeError(
      'InvalidPatch',
      `no implemented strategic merge patch strategy for '${tag}' ('${scalarText(patch)}')`,
    ),
  };
}

/** {@link readSmpDirective}, throwing its error. */
export function takeSmpDirective(patch: YamlValue | undefined): SmpDirective {
  const { directive, error } = readSmpDirective(patch);
  if (error) throw error;
  return directive;
}

function shortTag(node: YamlValue): string {
  if (node === null) return '!!null';
  if (typeof node === 'boolean') return '!!bool';
  if (typeof node === 'bigint') return '!!int';
  if (typeof node === 'number') return Number.isInteger(node) ? '!!int' : '!!float';
  return '!!str';
}
