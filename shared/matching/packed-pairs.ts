/**
 * The full re-match's kept pairs as the host receives them (electron/host/matching/): numbers in
 * one buffer the re-match worker transfers, and the reader the host writes call lists from,
 * person by person. Pure, so the worker loads only this and the matcher.
 */
import type { RematchPair } from './rematch';
import { encodeReasons } from './reason-codes';

/**
 * The kept pairs as numbers: four per pair — the sign-up's and the posting's place in the job's
 * arrays, the score, and the place of its reasons (packed, reason-codes.ts) in `reasons`, of
 * which a city has a few hundred kinds for 200,000 pairs. The worker transfers the buffer, so
 * the host's thread unpacks nothing: 200,000 pairs as ids and strings took it longer to receive
 * than the worker took to score them.
 */
export interface PackedPairs {
  numbers: Int32Array<ArrayBuffer>;
  reasons: string[];
}

/** The pairs as numbers (rematchAll's order kept), each kind of reasons packed once. */
export function packPairs(pairs: readonly RematchPair[]): PackedPairs {
  const numbers = new Int32Array(pairs.length * 4);
  const reasons: string[] = [];
  const reasonAt = new Map<string, number>();
  pairs.forEach((x, i) => {
    const text = encodeReasons(x.reasons);
    let at = reasonAt.get(text);
    if (at === undefined) reasonAt.set(text, (at = reasons.push(text) - 1));
    numbers[i * 4] = x.signupAt;
    numbers[i * 4 + 1] = x.postingAt;
    numbers[i * 4 + 2] = x.score;
    numbers[i * 4 + 3] = at;
  });
  return { numbers, reasons };
}

/** One kept pair of a person: the posting's place in the job, the score, the reasons packed. */
export interface KeptPair {
  postingAt: number;
  score: number;
  reasons: string;
}

/** Reads the packed pairs one person after another, in the order of the job's sign-ups. */
export function pairReader(pairs: PackedPairs): { of(signupAt: number): KeptPair[] } {
  const { numbers, reasons } = pairs;
  let at = 0;
  return {
    of(signupAt) {
      const out: KeptPair[] = [];
      // a person with no pair is skipped over; one sent before was already read
      while (at < numbers.length && numbers[at]! < signupAt) at += 4;
      for (; at < numbers.length && numbers[at] === signupAt; at += 4)
        out.push({ postingAt: numbers[at + 1]!, score: numbers[at + 2]!, reasons: reasons[numbers[at + 3]!]! });
      return out;
    },
  };
}
