/**
 * A full re-match: every valid posting against every active sign-up, keeping each person's
 * best `perSignup` matches (the call list names a person's best few, not every posting of
 * their trade). Pure; the host runs it in a worker (electron/host/matching/rematch-worker.ts).
 * Scores without reasons while ranking; the reasons are worked out for the kept pairs only.
 */
import { matchPrepared, preparePosting, prepareSignup, scorePrepared } from './matcher';
import type { MatchContext, MatchPostingInput, MatchReason, MatchSignupInput } from './matcher';
import { SignupIndex } from './signup-index';

export interface RematchPair {
  signupId: string;
  postingId: string;
  score: number;
  reasons: MatchReason[];
}

export interface RematchResult {
  pairs: RematchPair[];
  /** Pairs scored (passed the index); the rest were never looked at. */
  scored: number;
}

export function rematchAll(
  postings: readonly MatchPostingInput[],
  signups: readonly MatchSignupInput[],
  ctx: MatchContext,
  perSignup: number,
): RematchResult {
  const index = new SignupIndex();
  for (const s of signups) index.add(prepareSignup(s));
  const prepared = postings.map(preparePosting);
  // per sign-up: its best postings so far as [score, posting index], worst first once full
  const best = new Map<string, [number, number][]>();
  let scored = 0;
  prepared.forEach((p, pi) => {
    for (const s of index.candidates(p)) {
      scored += 1;
      const score = scorePrepared(s, p, ctx);
      if (score < 0) continue;
      let kept = best.get(s.input.id);
      if (!kept) best.set(s.input.id, (kept = []));
      if (kept.length < perSignup) {
        kept.push([score, pi]);
        if (kept.length === perSignup) kept.sort((a, b) => a[0] - b[0]);
      } else if (score > kept[0]![0]) {
        kept[0] = [score, pi];
        // keep the worst first: one pass of insertion
        for (let i = 0; i + 1 < kept.length && kept[i]![0] > kept[i + 1]![0]; i++)
          [kept[i], kept[i + 1]] = [kept[i + 1]!, kept[i]!];
      }
    }
  });
  const pairs: RematchPair[] = [];
  for (const [signupId, kept] of best) {
    const s = index.get(signupId)!;
    for (const [, pi] of kept) {
      const r = matchPrepared(s, prepared[pi]!, ctx);
      if (r.matched) pairs.push({ signupId, postingId: prepared[pi]!.input.id, score: r.score, reasons: r.reasons });
    }
  }
  return { pairs, scored };
}
