/**
 * The re-match's scoring as the host receives it: in the real worker thread (the pairs as
 * numbers, their buffer transferred) and on the host's thread, the same pairs; and the reader
 * the host writes call lists from, person by person.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  createRematchScorer,
  defaultRematchWorker,
  type RematchJob,
  type RematchScorer,
} from '../../../electron/host/matching/rematch-scoring';
import { packPairs, pairReader } from '../../../shared/matching/packed-pairs';
import { encodeReasons } from '../../../shared/matching/reason-codes';
import { rematchAll, type MatchPostingInput, type MatchSignupInput } from '../../../shared/matching';
import type { OccupationCode } from '../../../shared/occupations';
import { DAY, NOW, iso, makePosting } from '../db/fixtures';

const posting = (id: string, districtCode: string, payMin: number): MatchPostingInput =>
  makePosting({
    id,
    occupation: 'moving',
    districtCode,
    payMin,
    payUnit: 'day',
    settlement: 'daily',
    validFrom: iso(NOW - DAY),
    validUntil: iso(NOW + 5 * DAY),
  });
const person = (id: string, districts: string[], occupations: OccupationCode[] = ['moving']): MatchSignupInput => ({
  id,
  occupations: [...occupations],
  districts,
  availability: [],
  expectedPay: null,
  payUnit: null,
});

const job: RematchJob = {
  postings: [posting('p-a', '361102', 200), posting('p-b', '361121', 300), posting('p-c', '361102', 150)],
  // the second person fits nothing: the reader must step over them
  signups: [person('s-1', []), person('s-2', [], ['teaching']), person('s-3', ['361102'])],
  now: NOW,
  homeCity: '3611',
  placed: {},
};

const scorers: RematchScorer[] = [];
afterEach(async () => {
  for (const s of scorers.splice(0)) await s.close();
});

/** Every person's pairs as the host reads them: [person, posting, score, reasons]. */
function read(pairs: ReturnType<typeof packPairs>): [string, string, number, string][] {
  const reader = pairReader(pairs);
  return job.signups.flatMap((s, at) =>
    reader
      .of(at)
      .map((x): [string, string, number, string] => [s.id, job.postings[x.postingAt]!.id, x.score, x.reasons]),
  );
}

describe('the re-match scoring', () => {
  it('gives the host the same pairs from the worker thread as on its own thread, reasons packed once per kind', async () => {
    const worker = createRematchScorer(defaultRematchWorker());
    const inline = createRematchScorer(null);
    scorers.push(worker, inline);
    const [a, b] = [await worker.score(job), await inline.score(job)];
    expect(a.mode).toBe('worker');
    expect(b.mode).toBe('inline');
    expect(read(a.pairs)).toEqual(read(b.pairs));

    const expected = rematchAll(job.postings, job.signups, { ...job, placed: () => 0 }, 20).pairs.map(
      (x): [string, string, number, string] => [x.signupId, x.postingId, x.score, encodeReasons(x.reasons)],
    );
    expect(read(a.pairs)).toEqual(expected);
    // s-1 (any district) has all three, s-2 none, s-3 the two in 信州区
    expect(expected.map(([s, p]) => `${s}:${p}`).sort()).toEqual([
      's-1:p-a',
      's-1:p-b',
      's-1:p-c',
      's-3:p-a',
      's-3:p-c',
    ]);
    expect(new Set(a.pairs.reasons).size).toBe(a.pairs.reasons.length);
  });

  it('reads nothing twice, and nothing for a person asked for out of order', () => {
    const packed = packPairs(rematchAll(job.postings, job.signups, { ...job, placed: () => 0 }, 20).pairs);
    const reader = pairReader(packed);
    expect(reader.of(2).map((x) => x.postingAt)).toEqual(expect.arrayContaining([0, 2]));
    expect(reader.of(0)).toEqual([]);
    expect(reader.of(2)).toEqual([]);
  });
});
