/**
 * Memoisation by object identity, for the planner's per-posting work (formatting a posting's
 * strings, cutting them to a box, counting what a reader reads). The host's plan engine keeps
 * the same posting objects from one re-plan to the next, so after one posting changed a re-plan
 * of 20,000 redoes that posting's work only. Entries live exactly as long as their object
 * (WeakMap): nothing to evict, and a caller that plans from fresh objects simply gets no hits.
 * Inputs are never mutated (the planner's contract), so a hit is always right.
 */
export class IdentityMemo<K extends object, V> {
  private readonly map = new WeakMap<K, Map<string, V>>();

  get(key: K, variant: string, make: () => V): V {
    let byVariant = this.map.get(key);
    if (!byVariant) {
      byVariant = new Map();
      this.map.set(key, byVariant);
    }
    let value = byVariant.get(variant);
    if (value === undefined) {
      value = make();
      byVariant.set(variant, value);
    }
    return value;
  }
}
