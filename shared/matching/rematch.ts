/**
 * A full re-match: every valid posting against every active sign-up, keeping each person's
 * best `perSignup` matches (the call list names a person's best few, not every posting of
 * their trade). Pure; the host runs it in a worker (electron/host/matching/rematch-worker.ts).
 *
 * A city's feed is millions of pairs (20,000 postings × 10,000 people of whom a few hundred
 * share each posting's trade), so the loop does next to nothing per pair: the posting's own
 * hard rules are checked once, people come from a trade and district index (so the trade and
 * district rules hold for every one of them), a posting is scored once per kind of person
 * (scoreProfile: people who chose the same things score the same), and each person's best are
 * kept in flat arrays by number, not in maps by id. Reasons are worked out for the kept pairs
 * only.
 */
import { candidateScore, matchPrepared, postingClosed, preparePosting, prepareSignup, scoreProfile } from './matcher';
import type { MatchContext, MatchPostingInput, MatchReason, MatchSignupInput, PreparedSignup } from './matcher';
import type { OccupationCode } from '../occupations';

export interface RematchPair {
  signupId: string;
  postingId: string;
  /** The sign-up's and the posting's places in the arrays given (what the worker sends instead of ids). */
  signupAt: number;
  postingAt: number;
  score: number;
  reasons: MatchReason[];
}

export interface RematchResult {
  /** In the order of the sign-ups given, each person's pairs together (the host writes them person by person). */
  pairs: RematchPair[];
  /** Pairs scored (passed the index); the rest were never looked at. */
  scored: number;
}

/** People by trade: those who chose no district, and those who chose each district (by number). */
interface TradePeople {
  anyDistrict: number[];
  byDistrict: Map<string, number[]>;
}

function indexByTrade(people: readonly PreparedSignup[]): Map<OccupationCode, TradePeople> {
  const trades = new Map<OccupationCode, TradePeople>();
  people.forEach((s, n) => {
    for (const trade of s.trades) {
      let t = trades.get(trade);
      if (!t) trades.set(trade, (t = { anyDistrict: [], byDistrict: new Map() }));
      if (s.districts.size === 0) t.anyDistrict.push(n);
      for (const d of s.districts) {
        const here = t.byDistrict.get(d);
        if (here) here.push(n);
        else t.byDistrict.set(d, [n]);
      }
    }
  });
  return trades;
}

export function rematchAll(
  postings: readonly MatchPostingInput[],
  signups: readonly MatchSignupInput[],
  ctx: MatchContext,
  perSignup: number,
): RematchResult {
  const people = signups.map(prepareSignup);
  const trades = indexByTrade(people);
  // each person's kind (scoreProfile), and per kind the score against the posting last scored
  const kinds = new Map<string, number>();
  const kindOf = Int32Array.from(people, (s) => {
    const key = scoreProfile(s);
    let kind = kinds.get(key);
    if (kind === undefined) kinds.set(key, (kind = kinds.size));
    return kind;
  });
  const kindScore = new Int16Array(kinds.size);
  const kindScoredFor = new Int32Array(kinds.size).fill(-1);
  const prepared = postings.map(preparePosting);
  const k = Math.max(0, Math.floor(perSignup));
  // person n's kept matches are slots n*k … n*k+kept[n]-1: a score and a posting number each;
  // once full, worst[n] is the lowest kept score (a posting must beat it to get in)
  const scores = new Int16Array(people.length * k);
  const kept = new Int32Array(people.length * k);
  const count = new Int32Array(people.length);
  const worst = new Int16Array(people.length);
  let scored = 0;

  const offer = (n: number, score: number, pi: number): void => {
    const base = n * k;
    const c = count[n]!;
    if (c < k) {
      scores[base + c] = score;
      kept[base + c] = pi;
      count[n] = c + 1;
      if (c + 1 === k) worst[n] = lowest(scores, base, k);
      return;
    }
    if (score <= worst[n]!) return;
    // replace the first slot holding the lowest score (ties keep the posting seen first)
    let slot = base;
    while (scores[slot] !== worst[n]) slot++;
    scores[slot] = score;
    kept[slot] = pi;
    worst[n] = lowest(scores, base, k);
  };

  if (k > 0)
    prepared.forEach((p, pi) => {
      const t = trades.get(p.input.occupation);
      if (!t) return;
      const here = t.byDistrict.get(p.input.districtCode);
      const candidates = t.anyDistrict.length + (here?.length ?? 0);
      scored += candidates;
      if (candidates === 0 || postingClosed(p, ctx)) return;
      const score = (n: number): number => {
        const kind = kindOf[n]!;
        if (kindScoredFor[kind] !== pi) {
          kindScore[kind] = candidateScore(people[n]!, p, ctx.homeCity);
          kindScoredFor[kind] = pi;
        }
        return kindScore[kind]!;
      };
      for (const n of t.anyDistrict) offer(n, score(n), pi);
      if (here) for (const n of here) offer(n, score(n), pi);
    });

  const pairs: RematchPair[] = [];
  people.forEach((s, n) => {
    for (let slot = n * k; slot < n * k + count[n]!; slot++) {
      const pi = kept[slot]!;
      const p = prepared[pi]!;
      const r = matchPrepared(s, p, ctx);
      if (r.matched)
        pairs.push({
          signupId: s.input.id,
          postingId: p.input.id,
          signupAt: n,
          postingAt: pi,
          score: r.score,
          reasons: r.reasons,
        });
    }
  });
  return { pairs, scored };
}

function lowest(scores: Int16Array, from: number, length: number): number {
  let min = scores[from]!;
  for (let i = from + 1; i < from + length; i++) if (scores[i]! < min) min = scores[i]!;
  return min;
}
