import fc from 'fast-check';
import { cloneYaml, type YamlMap } from '@kustomate/resource';
import { describe, expect, it } from 'vitest';
import { applyStrategicMerge } from '../../src/patch/index.js';
import { builtinSchema } from '../../src/schema/schema-info.js';
import { deploymentArb } from './arbitraries.js';

const options = { schema: builtinSchema };
const apply = (target: YamlMap, patch: YamlMap) =>
  applyStrategicMerge(cloneYaml(target), patch, options);

describe('applyStrategicMerge laws', () => {
  it('an empty patch leaves a well-formed target unchanged (nulls included)', () => {
    fc.assert(
      fc.property(deploymentArb({ wellFormed: true, nulls: true }), (target) => {
        expect(apply(target, {})).toEqual(target);
      }),
    );
  });

  it('patching a well-formed, null-free target with itself changes nothing', () => {
    fc.assert(
      fc.property(deploymentArb({ wellFormed: true, nulls: false }), (target) => {
        expect(apply(target, cloneYaml(target))).toEqual(target);
      }),
    );
  });

  it('applying a well-formed patch twice equals applying it once', () => {
    // Lists with duplicate or missing merge keys or `{}` elements are only normalised
    // where a merge walks them (and a patch list is merged with itself when the target
    // lacks it), so the law needs well-formed lists on both sides; nulls are fine.
    const targets = deploymentArb({ wellFormed: true, nulls: true });
    const patches = deploymentArb({ wellFormed: true, nulls: true });
    fc.assert(
      fc.property(targets, patches, (target, patch) => {
        const once = apply(target, patch);
        expect(once).not.toBeNull();
        expect(apply(once as YamlMap, patch)).toEqual(once);
      }),
      { numRuns: 300 },
    );
  });

  it('never modifies the patch', () => {
    const arb = deploymentArb({ wellFormed: false, nulls: true });
    fc.assert(
      fc.property(arb, arb, (target, patch) => {
        const before = cloneYaml(patch);
        apply(target, patch);
        expect(patch).toEqual(before);
      }),
    );
  });
});
