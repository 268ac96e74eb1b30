import { isYamlMap, type YamlValue } from '@kustomate/resource';
import type { FieldSpec } from '../data/field-spec-types.js';
import { KustomizeError } from '../errors.js';
import { fieldSpecSelects, walkFieldSpec, type FieldVisit } from '../filters/field-spec-walk.js';
import { setFieldValue } from '../filters/scalar-aliases.js';
import type { KResource } from '../resource/k-resource.js';
import type { ResMap } from '../resource/res-map.js';
import { expandVars, type Expansion } from './expand.js';
import { defaultVar, formatVar, type Var } from './types.js';
import { badReplacementWarning, expansionOf, readVarValue, type VarValue } from './var-value.js';
import { VarSet } from './var-set.js';

/** The outcome of {@link resolveVars}. */
export interface ResolveVarsResult {
  /** Names of vars never substituted (references to map/list values do not count), sorted. */
  unusedVars: string[];
  /**
   * What kustomize logs to stderr, in order: `MakePrimitiveReplacer: bad replacement type=… val=…`
   * per reference to a map/list var, then `well-defined vars that were never replaced: A,B`.
   */
  warnings: string[];
}

function sortedVars(vars: VarSet | readonly Var[]): Var[] {
  if (vars instanceof VarSet) return vars.asSlice();
  return vars.map(defaultVar).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** kustomize `makeVarReplacementMap`: each var's value, read from the resource that recorded it. */
function varValues(resmap: ResMap, vars: readonly Var[]): Map<string, VarValue> {
  const holders = new Map<string, KResource>();
  if (vars.length > 0) {
    for (const r of resmap.resources) {
      for (const name of r.refVarNames) if (!holders.has(name)) holders.set(name, r);
    }
  }
  const values = new Map<string, VarValue>();
  for (const v of vars) {
    const res = holders.get(v.name);
    if (!res) {
      throw new KustomizeError(
        'Var',
        `var '${formatVar(v)}' cannot be mapped to a field in the set of known resources`,
        {
          data: { name: v.name },
        },
      );
    }
    try {
      values.set(v.name, readVarValue(res.object, v.fieldref.fieldPath ?? ''));
    } catch (e) {
      throw new KustomizeError(
        'Var',
        `field specified in var '${formatVar(v)}' not found in corresponding resource`,
        {
          cause: e,
          data: { name: v.name },
        },
      );
    }
  }
  return values;
}

/** kustomize `refvar.Filter.set`: expands string scalars, string map values and string lists. */
function substitute(field: FieldVisit, expand: (s: string) => YamlValue): void {
  const v = field.value;
  if (v === undefined || v === null) return;
  if (typeof v === 'string') {
    field.set(expand(v));
  } else if (Array.isArray(v)) {
    v.forEach((item, i) => {
      if (typeof item !== 'string')
        throw new KustomizeError('Var', 'invalid value type expect a string');
      v[i] = expand(item);
    });
  } else if (isYamlMap(v)) {
    for (const [k, item] of Object.entries(v)) {
      if (typeof item === 'string') setFieldValue(v, k, expand(item));
    }
  }
}

/**
 * kustomize `ResAccumulator.ResolveVars` (run once at the root, after hashing and name
 * references): every var's value is read from the resource {@link mergeVars} matched it to,
 * at its `fieldref.fieldPath`; then `$(NAME)` references in the `varReferenceSpecs` fields of
 * every resource are expanded ({@link expandVars}: a whole-string reference keeps the value's
 * type, `$$` is `$`, unknown names and map/list values stay literal). Fields may be strings,
 * maps (their string values) or lists (all items must be strings).
 *
 * Errors (code `Var`): `var '{…}' cannot be mapped to a field in the set of known resources`,
 * `field specified in var '{…}' not found in corresponding resource`, `invalid value type
 * expect a string` (wrapped by the field-spec walk). Nothing happens when there are no vars.
 */
export function resolveVars(
  resmap: ResMap,
  vars: VarSet | readonly Var[],
  varReferenceSpecs: readonly FieldSpec[],
): ResolveVarsResult {
  const list = sortedVars(vars);
  const values = varValues(resmap, list);
  if (values.size === 0) return { unusedVars: [], warnings: [] };
  const used = new Set<string>();
  const warnings: string[] = [];
  const mapping = (name: string): Expansion => {
    const v = values.get(name);
    if (v?.kind === 'other') warnings.push(badReplacementWarning(v.value));
    else if (v !== undefined) used.add(name);
    return expansionOf(name, v);
  };
  const expand = (s: string): YamlValue => expandVars(s, mapping);
  for (const res of resmap.resources) {
    for (const spec of varReferenceSpecs) {
      if (!fieldSpecSelects(spec, res)) continue;
      walkFieldSpec(res.object, spec, (field) => substitute(field, expand));
    }
  }
  const unusedVars = [...values.keys()].filter((n) => !used.has(n)).sort();
  if (unusedVars.length > 0)
    warnings.push(`well-defined vars that were never replaced: ${unusedVars.join(',')}`);
  return { unusedVars, warnings };
}
