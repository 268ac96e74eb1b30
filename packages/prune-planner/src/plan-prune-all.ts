import { planPrune, type PrunePlan, type PrunePlanInput } from './plan-prune.js';

/**
 * Plans the prunes of several Kustomizations reconciled together, each seeing the others as
 * siblings, so an object moving from one inventory to another in the same run is never
 * deleted and recreated (kustomize-controller#338). A budget violation in any plan throws.
 *
 * @example
 * ```ts
 * const [infra, apps] = planPruneAll([infraInput, appsInput]);
 * ```
 */
export function planPruneAll(inputs: readonly Omit<PrunePlanInput, 'siblings'>[]): PrunePlan[] {
  return inputs.map((input, i) =>
    planPrune({
      ...input,
      siblings: inputs
        .filter((_, j) => j !== i)
        .map((o) => ({ owner: o.owner, desired: o.desired })),
    }),
  );
}
