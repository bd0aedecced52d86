/**
 * Active sign-ups by trade and district, so a new posting is scored only against the people
 * who could match it (its trade; its district, or no district chosen) — never against
 * everyone. Used by the host for each posting as it arrives and by the full re-match.
 */
import type { OccupationCode } from '../occupations';
import type { PreparedPosting, PreparedSignup } from './matcher';

interface TradeBucket {
  byDistrict: Map<string, Map<string, PreparedSignup>>;
  anyDistrict: Map<string, PreparedSignup>;
}

export class SignupIndex {
  private readonly trades = new Map<OccupationCode, TradeBucket>();
  private readonly byId = new Map<string, PreparedSignup>();

  get size(): number {
    return this.byId.size;
  }

  get(id: string): PreparedSignup | undefined {
    return this.byId.get(id);
  }

  add(s: PreparedSignup): void {
    this.remove(s.input.id);
    this.byId.set(s.input.id, s);
    for (const trade of s.trades) {
      let bucket = this.trades.get(trade);
      if (!bucket) this.trades.set(trade, (bucket = { byDistrict: new Map(), anyDistrict: new Map() }));
      if (s.districts.size === 0) bucket.anyDistrict.set(s.input.id, s);
      for (const d of s.districts) {
        let people = bucket.byDistrict.get(d);
        if (!people) bucket.byDistrict.set(d, (people = new Map()));
        people.set(s.input.id, s);
      }
    }
  }

  clear(): void {
    this.trades.clear();
    this.byId.clear();
  }

  remove(id: string): void {
    const s = this.byId.get(id);
    if (!s) return;
    this.byId.delete(id);
    for (const trade of s.trades) {
      const bucket = this.trades.get(trade);
      bucket?.anyDistrict.delete(id);
      for (const d of s.districts) bucket?.byDistrict.get(d)?.delete(id);
    }
  }

  /** Everyone of the posting's trade who chose its district or no district; each once. */
  *candidates(p: PreparedPosting): Generator<PreparedSignup> {
    const bucket = this.trades.get(p.input.occupation);
    if (!bucket) return;
    yield* bucket.anyDistrict.values();
    const here = bucket.byDistrict.get(p.input.districtCode);
    if (here) yield* here.values();
  }

  all(): IterableIterator<PreparedSignup> {
    return this.byId.values();
  }
}
