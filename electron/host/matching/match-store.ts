/**
 * The `matches` table (migration 14): what the matcher paired, the call list staff work
 * through (待通知), and their outcomes. Matching a person against everything already there (at
 * sign-up, and the full re-match) keeps their best `MAX_OPEN_PER_SIGNUP` open matches: the call
 * list names someone's best few, and a city's feed would otherwise list one person a thousand
 * times. A posting that arrives later always goes in: a new job is what staff call about.
 */
import type { WritableDatabase } from '../db/handles';
import { maskName, maskPhone } from '../../../shared/signup-mask';
import type { MatchReason } from '../../../shared/matching';
import { decodeReasons, encodeReasons } from '../../../shared/matching/reason-codes';
import {
  MATCH_OUTCOMES,
  type MatchOutcome,
  type MatchPulseRow,
  type MatchQueueQuery,
  type MatchView,
} from '../../../shared/matching-contract';
import { OCCUPATION_CODES, type OccupationCode } from '../../../shared/occupations';
import { DAY_MS } from '../../../shared/pulse/market-pulse';

export const MAX_OPEN_PER_SIGNUP = 20;

export interface MatchWrite {
  signupId: string;
  postingId: string;
  occupation: OccupationCode;
  score: number;
  /** The reasons, or already packed (reason-codes.ts: the re-match worker packs them). */
  reasons: readonly MatchReason[] | string;
  validUntilMs: number;
}

interface ViewRow {
  signup_id: string;
  posting_id: string;
  occupation: OccupationCode;
  score: number;
  reasons: string;
  matched_at: number;
  outcome: MatchOutcome | null;
  outcome_at: number | null;
  outcome_by: string | null;
  number: string;
  phone: string;
  name: string;
  signed_up_at: number;
  title: string;
  employer_name: string;
  district_code: string;
  pay_min: number;
  pay_max: number | null;
  pay_unit: MatchView['payUnit'];
  settlement: MatchView['settlement'];
  valid_until_ms: number;
}

export interface MatchStore {
  /**
   * Writes (or re-scores) matches, in one transaction; returns how many rows were written.
   * `capped`: a person already at MAX_OPEN_PER_SIGNUP open matches gets no new one.
   */
  write(rows: readonly MatchWrite[], now: number, capped: boolean): number;
  /** Open matches of a posting whose sign-up is not in `keep` go (the posting was edited and no longer fits them). */
  dropOpenOfPosting(postingId: string, keep: readonly string[]): number;
  queue(query: MatchQueueQuery, now: number): { matches: MatchView[]; total: number };
  get(signupId: string, postingId: string): MatchView | undefined;
  /** Sets the outcome; false when there is no such match or it already has this outcome. */
  setOutcome(signupId: string, postingId: string, outcome: MatchOutcome, by: string, now: number): boolean;
  /** 已上岗 per posting (a posting whose headcount is reached matches nobody more). */
  placed(postingId: string): number;
  placedAll(): Record<string, number>;
  /** Open matches whose posting's validity passed: deleted (they left the queue already). */
  pruneExpired(now: number): number;
  /** Best open matches of one sign-up whose posting is still valid, `exclude` left out (the kiosk's "N 个适合您的岗位"). */
  openOfSignup(
    signupId: string,
    now: number,
    limit: number,
    exclude: string | null,
  ): { postingId: string; score: number; reasons: MatchReason[] }[];
  countOpenOfSignup(signupId: string, now: number, exclude: string | null): number;
  pulse(now: number, windowDays: number): MatchPulseRow[];
  count(): number;
}

const OPEN = "(m.outcome IS NULL OR m.outcome = 'unreachable')";

export function createMatchStore(db: WritableDatabase): MatchStore {
  // A sign-up purged meanwhile is skipped (EXISTS); capped, so is a person whose open matches are at the cap.
  const insertSql = (cap: string) =>
    `INSERT INTO matches (signup_id, posting_id, occupation, score, reasons, matched_at, valid_until_ms)
     SELECT @signup_id, @posting_id, @occupation, @score, @reasons, @now, @valid_until_ms
     WHERE EXISTS (SELECT 1 FROM signups WHERE id = @signup_id) ${cap}
     ON CONFLICT (signup_id, posting_id) DO UPDATE SET score = excluded.score, reasons = excluded.reasons,
       valid_until_ms = excluded.valid_until_ms, occupation = excluded.occupation`;
  const insert = db.prepare<Record<string, unknown>>(insertSql(''));
  const insertCapped = db.prepare<Record<string, unknown>>(
    insertSql(`AND (EXISTS (SELECT 1 FROM matches WHERE signup_id = @signup_id AND posting_id = @posting_id)
      OR (SELECT COUNT(*) FROM matches m WHERE m.signup_id = @signup_id AND m.outcome IS NULL AND m.valid_until_ms > @now) < ${MAX_OPEN_PER_SIGNUP})`),
  );
  const dropOpen = db.prepare<{ posting_id: string; keep: string }>(
    `DELETE FROM matches WHERE posting_id = @posting_id AND outcome IS NULL
       AND signup_id NOT IN (SELECT value FROM json_each(@keep))`,
  );
  const select = `SELECT m.signup_id, m.posting_id, m.occupation, m.score, m.reasons, m.matched_at, m.outcome, m.outcome_at, m.outcome_by,
      s.number, s.phone, s.name, s.created_at AS signed_up_at,
      p.title, p.employer_name, p.district_code, p.pay_min, p.pay_max, p.pay_unit, p.settlement, p.valid_until_ms
    FROM matches m JOIN signups s ON s.id = m.signup_id JOIN postings p ON p.id = m.posting_id`;
  const where = `p.hidden = 0 AND p.valid_until_ms > @now AND (@occupation IS NULL OR m.occupation = @occupation)
    AND (@status = 'all' OR (@status = 'open' AND ${OPEN}) OR (@status = 'done' AND NOT ${OPEN}))`;
  const page = db.prepare<Record<string, unknown>, ViewRow>(
    `${select} WHERE ${where} ORDER BY (m.outcome IS NOT NULL), m.score DESC, m.matched_at, m.signup_id, m.posting_id LIMIT @limit`,
  );
  const count = db.prepare<Record<string, unknown>, { n: number }>(
    `SELECT COUNT(*) AS n FROM matches m JOIN postings p ON p.id = m.posting_id WHERE ${where}`,
  );
  const one = db.prepare<{ signup_id: string; posting_id: string }, ViewRow>(
    `${select} WHERE m.signup_id = @signup_id AND m.posting_id = @posting_id`,
  );
  const outcome = db.prepare<Record<string, unknown>>(
    `UPDATE matches SET outcome = @outcome, outcome_at = @now, outcome_by = @by,
       notified_at = CASE WHEN @outcome IN ('notified', 'placed') THEN COALESCE(notified_at, @now) ELSE notified_at END
     WHERE signup_id = @signup_id AND posting_id = @posting_id AND outcome IS NOT @outcome`,
  );
  const placed = db.prepare<{ posting_id: string }, { n: number }>(
    "SELECT COUNT(*) AS n FROM matches WHERE posting_id = @posting_id AND outcome = 'placed'",
  );
  const placedAll = db.prepare<[], { posting_id: string; n: number }>(
    "SELECT posting_id, COUNT(*) AS n FROM matches WHERE outcome = 'placed' GROUP BY posting_id",
  );
  const prune = db.prepare<{ now: number }>('DELETE FROM matches WHERE outcome IS NULL AND valid_until_ms <= @now');
  const openOf = db.prepare<
    { signup_id: string; now: number; limit: number; exclude: string | null },
    { posting_id: string; score: number; reasons: string }
  >(
    `SELECT m.posting_id, m.score, m.reasons FROM matches m JOIN postings p ON p.id = m.posting_id
     WHERE m.signup_id = @signup_id AND m.outcome IS NULL AND p.hidden = 0 AND p.valid_until_ms > @now AND m.posting_id IS NOT @exclude
     ORDER BY m.score DESC, p.valid_from_ms DESC, m.posting_id LIMIT @limit`,
  );
  const countOpenOf = db.prepare<{ signup_id: string; now: number; exclude: string | null }, { n: number }>(
    `SELECT COUNT(*) AS n FROM matches m JOIN postings p ON p.id = m.posting_id
     WHERE m.signup_id = @signup_id AND m.outcome IS NULL AND p.hidden = 0 AND p.valid_until_ms > @now AND m.posting_id IS NOT @exclude`,
  );
  // one row per trade and person: matched at all, first called, placed anywhere
  const pulseRows = db.prepare<
    { since: number },
    { occupation: string; signed_up_at: number; notified_at: number | null; placed: number }
  >(
    `SELECT m.occupation, s.created_at AS signed_up_at, MIN(m.notified_at) AS notified_at,
        SUM(m.outcome = 'placed') AS placed
     FROM matches m JOIN signups s ON s.id = m.signup_id
     WHERE s.created_at >= @since GROUP BY m.occupation, m.signup_id`,
  );
  const total = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM matches');

  function view(r: ViewRow): MatchView {
    return {
      signupId: r.signup_id,
      number: r.number,
      phone: maskPhone(r.phone),
      name: maskName(r.name),
      signedUpAt: r.signed_up_at,
      postingId: r.posting_id,
      title: r.title,
      occupation: r.occupation,
      employerName: r.employer_name,
      districtCode: r.district_code,
      payMin: r.pay_min,
      payMax: r.pay_max,
      payUnit: r.pay_unit,
      settlement: r.settlement,
      score: r.score,
      reasons: decodeReasons(r.reasons),
      matchedAt: r.matched_at,
      validUntil: r.valid_until_ms,
      outcome: r.outcome && (MATCH_OUTCOMES as readonly string[]).includes(r.outcome) ? r.outcome : null,
      outcomeAt: r.outcome_at,
      outcomeBy: r.outcome_by,
    };
  }

  const writeTx = db.transaction((rows: readonly MatchWrite[], now: number, capped: boolean) => {
    let written = 0;
    const statement = capped ? insertCapped : insert;
    for (const r of rows) {
      written += statement.run({
        signup_id: r.signupId,
        posting_id: r.postingId,
        occupation: r.occupation,
        score: r.score,
        reasons: typeof r.reasons === 'string' ? r.reasons : encodeReasons(r.reasons),
        now,
        valid_until_ms: r.validUntilMs,
      }).changes;
    }
    return written;
  });

  return {
    write: (rows, now, capped) => (rows.length === 0 ? 0 : writeTx(rows, now, capped)),
    dropOpenOfPosting: (postingId, keep) => dropOpen.run({ posting_id: postingId, keep: JSON.stringify(keep) }).changes,
    queue(query, now) {
      const params = { now, occupation: query.occupation ?? null, status: query.status };
      return {
        matches: page.all({ ...params, limit: query.limit }).map(view),
        total: count.get(params)?.n ?? 0,
      };
    },
    get(signupId, postingId) {
      const r = one.get({ signup_id: signupId, posting_id: postingId });
      return r ? view(r) : undefined;
    },
    setOutcome: (signupId, postingId, value, by, now) =>
      outcome.run({ signup_id: signupId, posting_id: postingId, outcome: value, by, now }).changes > 0,
    placed: (postingId) => placed.get({ posting_id: postingId })?.n ?? 0,
    placedAll: () => Object.fromEntries(placedAll.all().map((r) => [r.posting_id, r.n])),
    pruneExpired: (now) => prune.run({ now }).changes,
    openOfSignup: (signupId, now, limit, exclude) =>
      openOf.all({ signup_id: signupId, now, limit, exclude }).map((r) => ({
        postingId: r.posting_id,
        score: r.score,
        reasons: decodeReasons(r.reasons),
      })),
    countOpenOfSignup: (signupId, now, exclude) => countOpenOf.get({ signup_id: signupId, now, exclude })?.n ?? 0,
    pulse(now, windowDays) {
      const byTrade = new Map<string, { matched: number; waits: number[]; placed: number }>();
      for (const r of pulseRows.all({ since: now - windowDays * DAY_MS })) {
        let t = byTrade.get(r.occupation);
        if (!t) byTrade.set(r.occupation, (t = { matched: 0, waits: [], placed: 0 }));
        t.matched += 1;
        if (r.notified_at !== null) t.waits.push(Math.max(0, r.notified_at - r.signed_up_at));
        t.placed += r.placed;
      }
      return OCCUPATION_CODES.filter((o) => byTrade.has(o)).map((occupation) => {
        const t = byTrade.get(occupation)!;
        return {
          occupation,
          signupsMatched: t.matched,
          notified: t.waits.length,
          medianToNotifiedMs: median(t.waits),
          placed: t.placed,
        };
      });
    },
    count: () => total.get()?.n ?? 0,
  };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return Math.round(sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2);
}
