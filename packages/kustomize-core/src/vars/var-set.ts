import { KustomizeError } from '../errors.js';
import { defaultVar, type Var } from './types.js';

/**
 * A set of vars with unique names (kustomize `types.VarSet`). Vars are stored defaulted.
 * Merging a name twice is an error (`var 'NAME' already encountered`) — also when the same
 * var reaches a kustomization through two bases.
 */
export class VarSet {
  private readonly vars = new Map<string, Var>();

  /** Adds one var (defaulted); throws when its name is taken. */
  merge(v: Var): void {
    if (this.vars.has(v.name)) {
      throw new KustomizeError('Var', `var '${v.name}' already encountered`, {
        location: { field: 'vars' },
        data: { name: v.name },
      });
    }
    this.vars.set(v.name, defaultVar(v));
  }

  /** Adds vars in order (kustomize `MergeSlice`). */
  mergeSlice(vars: readonly Var[]): void {
    for (const v of vars) this.merge(v);
  }

  /** Adds every var of another set (kustomize `MergeSet`, used when merging a base's accumulator). */
  mergeSet(other: VarSet): void {
    for (const v of other.vars.values()) this.merge(v);
  }

  /** The var named `name`, if any. */
  get(name: string): Var | undefined {
    return this.vars.get(name);
  }

  has(name: string): boolean {
    return this.vars.has(name);
  }

  get size(): number {
    return this.vars.size;
  }

  /** The vars sorted by name (kustomize `AsSlice`). */
  asSlice(): Var[] {
    return [...this.vars.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** A copy of the set. */
  copy(): VarSet {
    const c = new VarSet();
    for (const [k, v] of this.vars) c.vars.set(k, v);
    return c;
  }
}
