/**
 * Matching benchmark, on a real SQLite file with 20,000 valid postings and 10,000 active
 * sign-ups (realistic kiosk choices: one or two trades, no district or one or two of the
 * city's twelve, some times, half with an expected pay):
 *
 * - a new posting → its call-list entries written (the posting committed, the service told,
 *   until the change log is drained and the matches are in the table), p50/p99 against the
 *   20 ms target; compared with scoring the posting against every sign-up (no index);
 * - the full re-match of 20,000 × 10,000 (read, scored in the worker, best 20 per person
 *   written in pieces), against the 5 s target, with the host thread's longest block and its
 *   event-loop delay p99 while it runs; compared with the same scoring on the host's thread;
 *   then once more, as at the next start, when the call lists are there and nothing changed;
 * - the call list's first page with all of it in the table.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { uuidv7 } from 'uuidv7';
import { openDatabase, closeDatabase } from '../../electron/host/db/open-database';
import { createPostingStore } from '../../electron/host/db/posting-store';
import { createMatchService } from '../../electron/host/matching/match-service';
import { defaultRematchWorker } from '../../electron/host/matching/rematch-scoring';
import { createLogger } from '../../electron/host/util/logger';
import { districtsOfCity, HOME_CITY_CODE } from '../../shared/districts';
import { matchPrepared, preparePosting, prepareSignup, rematchAll, type MatchSignupInput } from '../../shared/matching';
import { OCCUPATION_CODES } from '../../shared/occupations';
import type { PAY_UNITS, Posting } from '../../shared/schemas/posting';
import { AVAILABILITY } from '../../shared/schemas/signup';
import { makePosting } from '../../tests/unit/db/fixtures';
import { createRandom } from '../demo/prng';

/** The hall: valid postings, active sign-ups, and new postings timed one by one. */
const HALL = { postings: 20_000, signups: 10_000, newPostings: 300 } as const;
const TARGET_MS = { newPostingP99: 20, rematch: 5000 } as const;
const DAY = 86_400_000;
const WORK_TIMES = ['8:00-18:00', '每晚18:00-22:00', '周末全天', '时间自由', '做六休一', '早6:00-10:00', ''];

const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const round = (ms: number) => Math.round(ms * 10) / 10;

export async function run(): Promise<Array<Record<string, unknown>>> {
  const now = Date.now();
  // deterministic (scripts/demo/prng.ts), so every run builds the same hall
  const random = createRandom(20261202).next;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const districts = districtsOfCity(HOME_CITY_CODE).map((d) => d.code);
  const dir = mkdtempSync(join(tmpdir(), 'bench-matching-'));
  const db = openDatabase(join(dir, 'hall.db'));
  const store = createPostingStore(db);
  const iso = (ms: number) => new Date(ms).toISOString();

  const posting = (id: string): Posting => {
    const unit = pick([
      'day',
      'day',
      'hour',
      'month',
      'piece',
    ] as const satisfies readonly (typeof PAY_UNITS)[number][]);
    const payMin =
      unit === 'day'
        ? 150 + Math.floor(random() * 200)
        : unit === 'hour'
          ? 18 + Math.floor(random() * 20)
          : unit === 'month'
            ? 3500 + Math.floor(random() * 4000)
            : 1 + Math.floor(random() * 5);
    return makePosting({
      id,
      occupation: pick(OCCUPATION_CODES),
      districtCode: pick(districts),
      workTime: pick(WORK_TIMES),
      payMin,
      payMax: random() < 0.5 ? null : payMin * 1.3,
      payUnit: unit,
      settlement: pick(['daily', 'daily', 'weekly', 'monthly'] as const),
      validFrom: iso(now - DAY),
      validUntil: iso(now + (1 + Math.floor(random() * 30)) * DAY),
      updatedAt: iso(now - DAY),
      source: 'bench',
    });
  };
  const batch: Posting[] = [];
  for (let i = 0; i < HALL.postings; i++) {
    batch.push(posting(`p-${i}`));
    if (batch.length === 5000) store.upsertMany(batch.splice(0));
  }

  const insert = db.prepare(
    `INSERT INTO signups (id, day, number, phone, name, occupations, districts, availability, expected_pay, pay_unit, consent_version, consent_at, kiosk_id, created_at)
     VALUES (@id, @day, @number, @phone, '', @occupations, @districts, @availability, @pay, @unit, 'kiosk-2025-1', @consent, 'bench', @created)`,
  );
  const signups: MatchSignupInput[] = [];
  db.transaction(() => {
    for (let i = 0; i < HALL.signups; i++) {
      const occupations = [...new Set([pick(OCCUPATION_CODES), ...(random() < 0.4 ? [pick(OCCUPATION_CODES)] : [])])];
      const chosen =
        random() < 0.4 ? [] : [...new Set([pick(districts), ...(random() < 0.3 ? [pick(districts)] : [])])];
      const availability = AVAILABILITY.filter(() => random() < 0.3);
      const withPay = random() < 0.5;
      const created = now - Math.floor(random() * 29) * DAY;
      const s: MatchSignupInput = {
        id: uuidv7(),
        occupations,
        districts: chosen,
        availability,
        expectedPay: withPay ? 200 : null,
        payUnit: withPay ? 'day' : null,
      };
      signups.push(s);
      insert.run({
        id: s.id,
        day: `d${i}`,
        number: `A-${i}`,
        phone: `139${String(i).padStart(8, '0')}`,
        occupations: JSON.stringify(occupations),
        districts: JSON.stringify(chosen),
        availability: JSON.stringify(availability),
        pay: s.expectedPay,
        unit: s.payUnit,
        consent: iso(created),
        created,
      });
    }
  })();

  let matched = 0;
  const service = createMatchService({
    db,
    clock: Date.now,
    log: createLogger({ name: 'bench', level: 'warn' }),
    homeCity: HOME_CITY_CODE,
    worker: defaultRematchWorker(),
    onMatched: (n) => (matched += n),
  });

  // ── the full re-match, with the host thread watched: the first (an empty call list, every
  // row new), then again as at the next start (the lists there, nothing changed) ───────────────
  const watched = async () => {
    const delay = monitorEventLoopDelay({ resolution: 5 });
    let longest = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const t = performance.now();
      longest = Math.max(longest, t - last);
      last = t;
    }, 5);
    delay.enable();
    const report = await service.rematch();
    delay.disable();
    clearInterval(ticker);
    return { report, longest, delayP99: delay.percentile(99) / 1e6 };
  };
  const first = await watched();
  const { report, longest } = first;
  const matchesAfterRematch = service.store.count();
  const again = await watched();

  // the call list's first page, best first, with every person's 20 in the table
  const queueMs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    service.store.queue({ status: 'open', limit: 50 }, Date.now());
    queueMs.push(performance.now() - t);
  }

  // the same scoring on the host's thread, for comparison (what the worker keeps off it)
  const postingInputs = (db.prepare('SELECT id FROM postings').pluck().all() as string[]).map((id) => store.get(id)!);
  const inlineStart = performance.now();
  rematchAll(postingInputs, signups, { now: Date.now(), homeCity: HOME_CITY_CODE, placed: () => 0 }, 20);
  const inlineMs = performance.now() - inlineStart;

  // ── new postings, one at a time ────────────────────────────────────────────────────────────
  const newMs: number[] = [];
  let written = 0;
  for (let i = 0; i < HALL.newPostings; i++) {
    const p = posting(`new-${i}`);
    store.upsertMany([p]);
    const before = matched;
    const t = performance.now();
    service.postingsChanged();
    while (service.behind() > 0) await new Promise((resolve) => setImmediate(resolve));
    newMs.push(performance.now() - t);
    written += matched - before;
  }

  // the same postings scored against every sign-up, no index (what the index saves)
  const everyone = signups.map(prepareSignup);
  const scanMs: number[] = [];
  let fits = 0;
  for (let i = 0; i < 50; i++) {
    const p = preparePosting(posting(`scan-${i}`));
    const ctx = { now: Date.now(), homeCity: HOME_CITY_CODE, placed: () => 0 };
    const t = performance.now();
    for (const s of everyone) if (matchPrepared(s, p, ctx).matched) fits += 1;
    scanMs.push(performance.now() - t);
  }

  await service.close();
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
  return [
    {
      bench: 'new posting → call-list entries written',
      postings: HALL.postings,
      activeSignups: HALL.signups,
      samples: HALL.newPostings,
      p50Ms: round(quantile(newMs, 0.5)),
      p99Ms: round(quantile(newMs, 0.99)),
      maxMs: round(Math.max(...newMs)),
      entriesPerPosting: round(written / HALL.newPostings),
      // a new posting goes onto the call list of the people it fits only where it is among their best 20
      peopleFittingPerPosting: round(fits / 50),
      targetP99Ms: TARGET_MS.newPostingP99,
      withinTarget: quantile(newMs, 0.99) <= TARGET_MS.newPostingP99,
      comparedTo: 'scoring one posting against every sign-up in memory (no index, nothing written)',
      scanP50Ms: round(quantile(scanMs, 0.5)),
    },
    {
      bench: 'full re-match in the worker, best 20 per person written',
      postings: report.postings,
      activeSignups: report.signups,
      mode: report.mode,
      pairsScored: report.scored,
      matchesWritten: report.written,
      matchesInTable: matchesAfterRematch,
      totalMs: Math.round(report.totalMs),
      readMs: Math.round(report.readMs),
      workerComputeMs: Math.round(report.computeMs),
      workerScoringMs: Math.round(report.scoringMs),
      writeMs: Math.round(report.writeMs),
      targetMs: TARGET_MS.rematch,
      withinTarget: report.totalMs <= TARGET_MS.rematch,
      mainThreadLongestBlockMs: round(longest),
      mainThreadDelayP99Ms: round(first.delayP99),
      comparedTo: 'the same scoring on the host thread (a block this long if it ran there)',
      inlineScoringMs: Math.round(inlineMs),
    },
    {
      bench: 'full re-match again, as at the next start (the call lists there, none changed)',
      postings: again.report.postings,
      activeSignups: again.report.signups,
      matchesWritten: again.report.written,
      totalMs: Math.round(again.report.totalMs),
      workerScoringMs: Math.round(again.report.scoringMs),
      writeMs: Math.round(again.report.writeMs),
      targetMs: TARGET_MS.rematch,
      withinTarget: again.report.totalMs <= TARGET_MS.rematch,
      mainThreadLongestBlockMs: round(again.longest),
      comparedTo: 'the first re-match above (every row new)',
      firstTotalMs: Math.round(report.totalMs),
    },
    {
      bench: "待通知's first page (50, best first) with every person's 20 matches in the table",
      matchesInTable: matchesAfterRematch,
      p50Ms: round(quantile(queueMs, 0.5)),
      maxMs: round(Math.max(...queueMs)),
      comparedTo: 'the 1 s after which a page load no longer feels immediate (Nielsen, response-time limits)',
    },
  ];
}
