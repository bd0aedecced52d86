/**
 * Matching in the host: keeps the kiosk's promise "有合适的工作通知您".
 *
 * - Active sign-ups (the last `ACTIVE_DAYS`, not purged) live in memory in a `SignupIndex`, by
 *   trade and district, so a posting is scored only against the people of its trade who chose
 *   its district or none — never against everyone.
 * - Postings arrive by many roads (sync, import, the console's form, the demo seed); every one
 *   of them writes through the posting store, whose triggers log the id in `posting_changes`
 *   (migration 7). The service reads that log with its own cursor (db/posting-changes.ts), a
 *   piece at a time between turns of the event loop, whenever it is told postings changed.
 * - A new sign-up is matched at once against the valid postings of its trades (indexed).
 * - A full re-match of every valid posting against every active sign-up runs in a worker
 *   (rematch-worker.ts) at start, so postings written while no cursor was reading are matched
 *   too (rematch-scoring.ts); its results are written a hundred people at a time.
 */
import type { WritableDatabase } from '../db/handles';
import { openChangeCursor, type ChangeCursor } from '../db/posting-changes';
import type { Logger } from '../util/logger';
import type { WorkerScript } from '../util/worker-script';
import {
  SignupIndex,
  matchPrepared,
  preparePosting,
  prepareSignup,
  type MatchContext,
  type MatchPostingInput,
  type MatchReason,
  type MatchSignupInput,
  type PreparedPosting,
} from '../../../shared/matching';
import { DAY_MS } from '../../../shared/pulse/market-pulse';
import { isOccupationCode } from '../../../shared/occupations';
import { AVAILABILITY, type Availability } from '../../../shared/schemas/signup';
import { PAY_UNITS, type PayUnit } from '../../../shared/schemas/posting-enums';
import { createMatchStore, MAX_OPEN_PER_SIGNUP, type MatchStore, type MatchWrite } from './match-store';
import { pairReader } from '../../../shared/matching/packed-pairs';
import { createRematchScorer } from './rematch-scoring';

/** Sign-ups this recent are matched (DOMAIN.md: seekers are those active in the last 30 days). */
export const ACTIVE_DAYS = 30;
/** Postings read from the change log per turn of the event loop. */
const DRAIN_ROWS = 500;
/** People whose re-matched call lists are written per turn of the event loop (about 20 rows each). */
const WRITE_PEOPLE = 100;
const PRUNE_EVERY_MS = 3600_000;
/** People whose call lists the prune looks at per turn of the event loop. */
const PRUNE_PEOPLE = 500;

export interface RematchReport {
  postings: number;
  signups: number;
  scored: number;
  written: number;
  /** Where the scoring ran. */
  mode: 'worker' | 'inline';
  /** Reading the valid postings and active sign-ups. */
  readMs: number;
  /** Scoring (in the worker: from sending the job to the last pair received). */
  computeMs: number;
  /** Of which the scoring itself (in the worker: its own clock). */
  scoringMs: number;
  /** Writing the call lists, in pieces between turns of the event loop. */
  writeMs: number;
  totalMs: number;
}

export interface SignupMatches {
  count: number;
  best: { postingId: string; score: number; reasons: MatchReason[] }[];
}

export interface MatchService {
  readonly store: MatchStore;
  /** A sign-up was stored: match it now. */
  signupAdded(id: string): void;
  /** Open matches of a sign-up, best first, `exclude` left out (the kiosk's confirmation). */
  matchesOf(id: string, limit: number, exclude?: string | null): SignupMatches;
  /** Postings were written (any road): match what the change log holds, soon. */
  postingsChanged(): void;
  /** Sign-ups were purged: the index is read again. */
  signupsChanged(): void;
  /** Every valid posting against every active sign-up, scored in the worker. */
  rematch(): Promise<RematchReport>;
  /** What the hourly prune does, now: untouched matches of expired, gone or edited-away postings go. */
  prune(): Promise<number>;
  /** Sign-ups in the index (active, not purged). */
  activeSignups(): number;
  /** Change-log rows not yet matched, plus a drain in progress (tests and /healthz). */
  behind(): number;
  close(): Promise<void>;
}

interface SignupMatchRow {
  id: string;
  occupations: string;
  districts: string;
  availability: string;
  expected_pay: number | null;
  pay_unit: string | null;
  created_at: number;
  listing_occupation: string | null;
}

/** A posting as the matcher reads it, straight from SQL (the columns are named as the matcher names them). */
interface PostingMatchRow extends MatchPostingInput {
  validUntilMs: number;
  hidden: number;
}

const POSTING_COLUMNS = `id, occupation, district_code AS districtCode, work_time AS workTime, pay_min AS payMin,
  pay_max AS payMax, pay_unit AS payUnit, settlement, employment_type AS employmentType, headcount,
  valid_from AS validFrom, valid_until AS validUntil, valid_until_ms AS validUntilMs, hidden`;

/** A sign-up as the matcher reads it. One for one posting and no trade picked takes that posting's trade. */
function signupInput(r: SignupMatchRow): MatchSignupInput {
  const trades = (JSON.parse(r.occupations) as string[]).filter(isOccupationCode);
  if (r.listing_occupation && isOccupationCode(r.listing_occupation) && !trades.includes(r.listing_occupation))
    trades.push(r.listing_occupation);
  const payUnit = r.pay_unit && (PAY_UNITS as readonly string[]).includes(r.pay_unit) ? (r.pay_unit as PayUnit) : null;
  return {
    id: r.id,
    occupations: trades,
    districts: JSON.parse(r.districts) as string[],
    availability: (JSON.parse(r.availability) as string[]).filter((a): a is Availability =>
      (AVAILABILITY as readonly string[]).includes(a),
    ),
    expectedPay: payUnit ? r.expected_pay : null,
    payUnit: r.expected_pay !== null ? payUnit : null,
  };
}

export interface MatchServiceDeps {
  db: WritableDatabase;
  clock: () => number;
  log: Logger;
  /** The hall's city (4-digit GB/T 2260), for people who chose no district. */
  homeCity: string;
  /** null: the re-match scores on the host's thread. */
  worker: WorkerScript | null;
  /** Called after matches were written (e.g. the console's queue count). */
  onMatched?: (written: number) => void;
}

export function createMatchService(deps: MatchServiceDeps): MatchService {
  const { db, clock, log } = deps;
  const store = createMatchStore(db);
  const index = new SignupIndex();
  const createdAt = new Map<string, number>();
  const cursor: ChangeCursor = openChangeCursor(db);
  const scorer = createRematchScorer(deps.worker);
  let draining: NodeJS.Immediate | null = null;
  let closed = false;
  const activeSignups = db.prepare<{ since: number }, SignupMatchRow>(
    `SELECT s.id, s.occupations, s.districts, s.availability, s.expected_pay, s.pay_unit, s.created_at, p.occupation AS listing_occupation
     FROM signups s LEFT JOIN postings p ON p.id = s.listing_id WHERE s.created_at >= @since`,
  );
  const oneSignup = db.prepare<{ id: string }, SignupMatchRow>(
    `SELECT s.id, s.occupations, s.districts, s.availability, s.expected_pay, s.pay_unit, s.created_at, p.occupation AS listing_occupation
     FROM signups s LEFT JOIN postings p ON p.id = s.listing_id WHERE s.id = @id`,
  );
  const postingsByIds = db.prepare<{ ids: string }, PostingMatchRow>(
    `SELECT ${POSTING_COLUMNS} FROM postings WHERE id IN (SELECT value FROM json_each(@ids))`,
  );
  const postingsOfTrades = db.prepare<{ trades: string; now: number }, PostingMatchRow>(
    `SELECT ${POSTING_COLUMNS} FROM postings WHERE occupation IN (SELECT value FROM json_each(@trades))
       AND valid_until_ms > @now AND valid_from_ms <= @now AND hidden = 0`,
  );
  const validPostings = db.prepare<{ after: number; now: number; limit: number }, PostingMatchRow & { rowid: number }>(
    `SELECT rowid, ${POSTING_COLUMNS} FROM postings WHERE rowid > @after AND hidden = 0 AND valid_until_ms > @now AND valid_from_ms <= @now
     ORDER BY rowid LIMIT @limit`,
  );

  function load(): void {
    index.clear();
    createdAt.clear();
    for (const r of activeSignups.all({ since: clock() - ACTIVE_DAYS * DAY_MS })) addToIndex(r);
  }
  function addToIndex(r: SignupMatchRow): void {
    index.add(prepareSignup(signupInput(r)));
    createdAt.set(r.id, r.created_at);
  }
  load();

  function context(now: number): MatchContext {
    const placed = new Map<string, number>();
    return {
      now,
      homeCity: deps.homeCity,
      placed(id) {
        let n = placed.get(id);
        if (n === undefined) placed.set(id, (n = store.placed(id)));
        return n;
      },
    };
  }

  /** One posting against its candidates: a write for each person it fits. */
  function matchPosting(p: PreparedPosting, ctx: MatchContext, validUntilMs: number, out: MatchWrite[]): void {
    const since = ctx.now - ACTIVE_DAYS * DAY_MS;
    const stale: string[] = [];
    for (const s of index.candidates(p)) {
      if ((createdAt.get(s.input.id) ?? 0) < since) {
        stale.push(s.input.id);
        continue;
      }
      const r = matchPrepared(s, p, ctx);
      if (!r.matched) continue;
      out.push({
        signupId: s.input.id,
        postingId: p.input.id,
        occupation: p.input.occupation,
        districtCode: p.input.districtCode,
        score: r.score,
        reasons: r.reasons,
        validUntilMs,
      });
    }
    for (const id of stale) {
      index.remove(id);
      createdAt.delete(id);
    }
  }

  const applyPostings = db.transaction((rows: PostingMatchRow[], now: number): number => {
    const ctx = context(now);
    const writes: MatchWrite[] = [];
    for (const row of rows) {
      if (row.hidden || row.validUntilMs <= now) continue;
      // an edited posting that no longer fits someone it matched before: that match stays out of
      // the queue once the posting's trade or district differs from its own (match-store.ts) and
      // the hourly prune deletes it; the people it fits now are offered it again, re-scored
      matchPosting(preparePosting(row), ctx, row.validUntilMs, writes);
    }
    return store.offer(writes, now);
  });

  function drain(): void {
    draining = null;
    if (closed) return;
    try {
      const ids = cursor.next(DRAIN_ROWS);
      if (ids.length === 0) return;
      const now = clock();
      const written = applyPostings(postingsByIds.all({ ids: JSON.stringify(ids) }), now);
      if (written > 0) deps.onMatched?.(written);
      draining = setImmediate(drain);
    } catch (error) {
      log.error({ err: error }, 'matching new postings failed');
    }
  }

  function matchesOf(id: string, limit: number, exclude: string | null = null): SignupMatches {
    const now = clock();
    return { count: store.countOpenOfSignup(id, now, exclude), best: store.openOfSignup(id, now, limit, exclude) };
  }

  async function readValidPostings(now: number): Promise<PostingMatchRow[]> {
    const out: PostingMatchRow[] = [];
    let after = 0;
    for (;;) {
      const rows = validPostings.all({ after, now, limit: 2000 });
      for (const { rowid: _rowid, ...r } of rows) out.push(r);
      if (rows.length < 2000) return out;
      after = rows.at(-1)!.rowid;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  async function rematch(): Promise<RematchReport> {
    const started = performance.now();
    const now = clock();
    const postings = await readValidPostings(now);
    const signups = [...index.all()]
      .filter((s) => (createdAt.get(s.input.id) ?? 0) >= now - ACTIVE_DAYS * DAY_MS)
      .map((s) => s.input);
    const placed = store.placedAll();
    const computeStart = performance.now();
    const result = await scorer.score({ postings, signups, now, homeCity: deps.homeCity, placed });
    const computeMs = performance.now() - computeStart;
    const writeStart = performance.now();
    const pairs = pairReader(result.pairs);
    const rowsOf = (signupAt: number): MatchWrite[] =>
      pairs.of(signupAt).map(({ postingAt, score, reasons }) => {
        const { id: postingId, occupation, districtCode, validUntilMs } = postings[postingAt]!;
        return { signupId: signups[signupAt]!.id, postingId, score, reasons, occupation, districtCode, validUntilMs };
      });
    // every person sent gets their list replaced, those with no match too (their old ones no longer fit)
    let written = 0;
    for (let i = 0; i < signups.length && !closed; i += WRITE_PEOPLE) {
      const people = signups.slice(i, i + WRITE_PEOPLE).map((s, j) => ({ signupId: s.id, rows: rowsOf(i + j) }));
      written += store.replaceOpen(people, now, now);
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (written > 0) deps.onMatched?.(written);
    return {
      postings: postings.length,
      signups: signups.length,
      scored: result.scored,
      written,
      mode: result.mode,
      readMs: computeStart - started,
      computeMs,
      scoringMs: result.ms,
      writeMs: performance.now() - writeStart,
      totalMs: performance.now() - started,
    };
  }

  /** The hourly prune, a few hundred people per turn of the event loop. */
  async function prune(): Promise<number> {
    const now = clock();
    let removed = 0;
    for (let after = ''; !closed; await new Promise((resolve) => setImmediate(resolve))) {
      const piece = store.prune(now, after, PRUNE_PEOPLE);
      removed += piece.removed;
      if (piece.last === null) break;
      after = piece.last;
    }
    return removed;
  }
  const pruneTimer = setInterval(() => {
    prune().catch((error: unknown) => log.error({ err: error }, 'pruning expired matches failed'));
  }, PRUNE_EVERY_MS);
  pruneTimer.unref();

  function matchNewSignup(id: string): void {
    const row = oneSignup.get({ id });
    if (!row) return;
    addToIndex(row);
    const s = index.get(id)!;
    const now = clock();
    const ctx = context(now);
    const writes: MatchWrite[] = [];
    for (const r of postingsOfTrades.all({ trades: JSON.stringify([...s.trades]), now })) {
      const m = matchPrepared(s, preparePosting(r), ctx);
      if (m.matched)
        writes.push({
          signupId: id,
          postingId: r.id,
          occupation: r.occupation,
          districtCode: r.districtCode,
          score: m.score,
          reasons: m.reasons,
          validUntilMs: r.validUntilMs,
        });
    }
    // the person's best few: the call list names those, not every posting of their trade
    writes.sort((a, b) => b.score - a.score);
    const written = store.write(writes.slice(0, MAX_OPEN_PER_SIGNUP), now);
    if (written > 0) deps.onMatched?.(written);
  }

  return {
    store,
    signupAdded(id) {
      try {
        matchNewSignup(id);
      } catch (error) {
        // the sign-up is stored whatever happens here; the next re-match finds its matches
        log.error({ err: error }, 'matching a new sign-up failed');
      }
    },
    matchesOf,
    postingsChanged() {
      if (!draining && !closed) draining = setImmediate(drain);
    },
    signupsChanged: load,
    rematch,
    prune,
    activeSignups: () => index.size,
    behind: () => cursor.behind() + (draining ? 1 : 0),
    async close() {
      closed = true;
      clearInterval(pruneTimer);
      if (draining) clearImmediate(draining);
      cursor.close();
      await scorer.close();
    },
  };
}
