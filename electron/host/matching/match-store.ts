/**
 * The `matches` table (migration 14): what the matcher paired, the call list staff work
 * through (待通知), and their outcomes. A person's call list holds their best
 * `MAX_OPEN_PER_SIGNUP` untouched matches: it names someone's best few, and a city's feed would
 * otherwise list one person a thousand times.
 *
 * - At sign-up the host writes the person's best few (`write`).
 * - A posting that arrives later is offered to each person it fits (`offer`): it goes in when
 *   the list has room or it beats the list's worst, which then leaves. Staff call about the
 *   better job; a posting of a busy trade writes a few rows, not one per person of the trade.
 * - The full re-match replaces each person's untouched matches with their best (`replaceOpen`).
 * Matches staff have acted on (已通知, 未接通, 不合适, 已上岗) are never replaced or evicted.
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
  /** The posting's trade and district when it matched: a posting edited away from them no longer shows the match. */
  occupation: OccupationCode;
  districtCode: string;
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
  /** Writes (or re-scores) matches, in one transaction; returns how many rows changed. */
  write(rows: readonly MatchWrite[], now: number): number;
  /**
   * A new posting's matches, in one transaction: each goes in where it is among the person's
   * best MAX_OPEN_PER_SIGNUP (their worst untouched match leaves when the list is full); one
   * already there is re-scored. Each posting's rows come together, a person once in them.
   * Returns how many went in or changed.
   */
  offer(rows: readonly MatchWrite[], now: number): number;
  /**
   * The full re-match, in one transaction: each person's untouched matches made before `since`
   * become their `rows` (others go; one made since, by a posting that arrived meanwhile, stays).
   */
  replaceOpen(people: readonly { signupId: string; rows: readonly MatchWrite[] }[], now: number, since: number): number;
  queue(query: MatchQueueQuery, now: number): { matches: MatchView[]; total: number };
  get(signupId: string, postingId: string): MatchView | undefined;
  /** Sets the outcome; false when there is no such match or it already has this outcome. */
  setOutcome(signupId: string, postingId: string, outcome: MatchOutcome, by: string, now: number): boolean;
  /** 已上岗 per posting (a posting whose headcount is reached matches nobody more). */
  placed(postingId: string): number;
  placedAll(): Record<string, number>;
  /**
   * Untouched matches whose posting's validity passed, or whose posting is gone or was edited
   * to another trade or district, are deleted (they left the queue already), for the people
   * after `after` in id order, `people` of them: returns the last person looked at, null at the end.
   */
  prune(now: number, after: string, people: number): { removed: number; last: string | null };
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
/** The posting still has the trade and district it had when it matched (schema 18). */
const CURRENT = 'p.occupation = m.occupation AND p.district_code = m.district_code';

export function createMatchStore(db: WritableDatabase): MatchStore {
  // A row that would not change is not rewritten; a sign-up purged meanwhile is skipped (checked
  // here, and once per person before the re-match's rows, `replaceOpen`).
  const upsert = db.prepare<Record<string, unknown>>(
    `INSERT INTO matches (signup_id, posting_id, occupation, district_code, score, reasons, matched_at, valid_until_ms)
     SELECT @signup_id, @posting_id, @occupation, @district_code, @score, @reasons, @now, @valid_until_ms
     WHERE EXISTS (SELECT 1 FROM signups WHERE id = @signup_id)
     ON CONFLICT (signup_id, posting_id) DO UPDATE SET score = excluded.score, reasons = excluded.reasons,
       valid_until_ms = excluded.valid_until_ms, occupation = excluded.occupation, district_code = excluded.district_code
     WHERE score IS NOT excluded.score OR reasons IS NOT excluded.reasons OR valid_until_ms IS NOT excluded.valid_until_ms
       OR occupation IS NOT excluded.occupation OR district_code IS NOT excluded.district_code`,
  );
  const signupExists = db.prepare<{ id: string }, { n: number }>('SELECT 1 AS n FROM signups WHERE id = @id');
  // for one posting and the people it fits, in one statement each (a busy trade's posting fits
  // hundreds): who has it already, and how many untouched matches of valid postings each has
  // with the lowest score among them — a page or two of the table per person (keyed by person)
  const having = db.prepare<{ people: string; posting_id: string }, { signup_id: string }>(
    `SELECT signup_id FROM matches WHERE signup_id IN (SELECT value FROM json_each(@people)) AND posting_id = @posting_id`,
  );
  const listsOf = db.prepare<{ people: string; now: number }, { signup_id: string; n: number; worst: number }>(
    `SELECT signup_id, COUNT(*) AS n, MIN(score) AS worst FROM matches
     WHERE signup_id IN (SELECT value FROM json_each(@people)) AND outcome IS NULL AND valid_until_ms > @now
     GROUP BY signup_id`,
  );
  const untouched = 'signup_id = @signup_id AND outcome IS NULL AND valid_until_ms > @now';
  const evictWorst = db.prepare<{ signup_id: string; now: number }>(
    `DELETE FROM matches WHERE signup_id = @signup_id AND posting_id =
       (SELECT posting_id FROM matches WHERE ${untouched} ORDER BY score, posting_id LIMIT 1)`,
  );
  // the re-match reads each person's rows once and writes only the difference: plain inserts for
  // a list made from empty (the first re-match: no conflict clause to resolve per row), nothing
  // for a list that did not change (the next start)
  const rowsOfPerson = db
    .prepare<[string], [string, number, string, number, string, string, string | null, number]>(
      `SELECT posting_id, score, reasons, valid_until_ms, occupation, district_code, outcome, matched_at
       FROM matches WHERE signup_id = ?`,
    )
    .raw();
  const insertRow = db.prepare<[string, string, string, string, number, string, number, number]>(
    `INSERT INTO matches (signup_id, posting_id, occupation, district_code, score, reasons, matched_at, valid_until_ms)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const updateRow = db.prepare<[number, string, number, string, string, string, string]>(
    `UPDATE matches SET score = ?, reasons = ?, valid_until_ms = ?, occupation = ?, district_code = ?
     WHERE signup_id = ? AND posting_id = ?`,
  );
  const deleteRow = db.prepare<[string, string]>('DELETE FROM matches WHERE signup_id = ? AND posting_id = ?');
  const select = `SELECT m.signup_id, m.posting_id, m.occupation, m.score, m.reasons, m.matched_at, m.outcome, m.outcome_at, m.outcome_by,
      s.number, s.phone, s.name, s.created_at AS signed_up_at,
      p.title, p.employer_name, p.district_code, p.pay_min, p.pay_max, p.pay_unit, p.settlement, p.valid_until_ms
    FROM matches m JOIN signups s ON s.id = m.signup_id JOIN postings p ON p.id = m.posting_id`;
  const status = `(@status = 'all' OR (@status = 'open' AND ${OPEN}) OR (@status = 'done' AND NOT ${OPEN}))`;
  const ofQuery = `(@occupation IS NULL OR m.occupation = @occupation) AND ${status}`;
  const where = `p.hidden = 0 AND p.valid_until_ms > @now AND ${CURRENT} AND ${ofQuery}`;
  const order = 'ORDER BY (m.outcome IS NOT NULL), m.score DESC, m.matched_at, m.signup_id, m.posting_id';
  // 待通知's page in two steps: the best keys from the matches table alone (one pass, no join),
  // then those joined and checked against their postings; a city's 200,000 matches joined row by
  // row took the host's thread about 200 ms per page, every five seconds per open console
  const bestKeys = db.prepare<Record<string, unknown>, { signup_id: string; posting_id: string }>(
    `SELECT signup_id, posting_id FROM matches m WHERE ${ofQuery} ${order} LIMIT @limit OFFSET @offset`,
  );
  const pageOfKeys = db.prepare<Record<string, unknown>, ViewRow>(
    `${select} WHERE (m.signup_id, m.posting_id) IN (SELECT value ->> 0, value ->> 1 FROM json_each(@keys))
       AND ${where} ${order}`,
  );
  // when most of the best keys no longer show (postings hidden or edited away), the join
  const page = db.prepare<Record<string, unknown>, ViewRow>(`${select} WHERE ${where} ${order} LIMIT @limit`);
  // the same rows counted, postings looked up in a list of the valid ones rather than one by one
  const count = db.prepare<Record<string, unknown>, { n: number }>(
    `SELECT COUNT(*) AS n FROM matches m WHERE ${ofQuery} AND (m.posting_id, m.occupation, m.district_code) IN
       (SELECT id, occupation, district_code FROM postings WHERE hidden = 0 AND valid_until_ms > @now)`,
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
  const lastOfPeople = db.prepare<{ after: string; people: number }, { last: string | null }>(
    `SELECT MAX(signup_id) AS last FROM
       (SELECT DISTINCT signup_id FROM matches WHERE signup_id > @after ORDER BY signup_id LIMIT @people)`,
  );
  const prune = db.prepare<{ now: number; after: string; last: string }>(
    `DELETE FROM matches WHERE signup_id > @after AND signup_id <= @last AND outcome IS NULL AND (valid_until_ms <= @now
       OR NOT EXISTS (SELECT 1 FROM postings p WHERE p.id = matches.posting_id
         AND p.occupation = matches.occupation AND p.district_code = matches.district_code))`,
  );
  const openOf = db.prepare<
    { signup_id: string; now: number; limit: number; exclude: string | null },
    { posting_id: string; score: number; reasons: string }
  >(
    `SELECT m.posting_id, m.score, m.reasons FROM matches m JOIN postings p ON p.id = m.posting_id
     WHERE m.signup_id = @signup_id AND m.outcome IS NULL AND p.hidden = 0 AND p.valid_until_ms > @now AND ${CURRENT}
       AND m.posting_id IS NOT @exclude
     ORDER BY m.score DESC, p.valid_from_ms DESC, m.posting_id LIMIT @limit`,
  );
  const countOpenOf = db.prepare<{ signup_id: string; now: number; exclude: string | null }, { n: number }>(
    `SELECT COUNT(*) AS n FROM matches m JOIN postings p ON p.id = m.posting_id
     WHERE m.signup_id = @signup_id AND m.outcome IS NULL AND p.hidden = 0 AND p.valid_until_ms > @now AND ${CURRENT}
       AND m.posting_id IS NOT @exclude`,
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

  const packed = (r: MatchWrite): string => (typeof r.reasons === 'string' ? r.reasons : encodeReasons(r.reasons));
  const put = (r: MatchWrite, now: number): number =>
    upsert.run({
      signup_id: r.signupId,
      posting_id: r.postingId,
      occupation: r.occupation,
      district_code: r.districtCode,
      score: r.score,
      reasons: packed(r),
      now,
      valid_until_ms: r.validUntilMs,
    }).changes;

  const writeTx = db.transaction((rows: readonly MatchWrite[], now: number) => {
    let written = 0;
    for (const r of rows) written += put(r, now);
    return written;
  });

  /** One posting's rows (each a different person): the ones that go in, with the evictions they cause. */
  const offerPosting = (rows: readonly MatchWrite[], now: number): number => {
    const people = JSON.stringify(rows.map((r) => r.signupId));
    const already = new Set(having.all({ people, posting_id: rows[0]!.postingId }).map((r) => r.signup_id));
    const lists = new Map(listsOf.all({ people, now }).map((r) => [r.signup_id, r]));
    let written = 0;
    for (const r of rows) {
      const list = lists.get(r.signupId);
      if (!already.has(r.signupId) && list && list.n >= MAX_OPEN_PER_SIGNUP) {
        if (r.score <= list.worst) continue;
        evictWorst.run({ signup_id: r.signupId, now });
      }
      written += put(r, now);
    }
    return written;
  };

  const offerTx = db.transaction((rows: readonly MatchWrite[], now: number) => {
    let written = 0;
    // the rows come posting by posting (match-service.ts); a person appears once per posting
    for (let from = 0; from < rows.length;) {
      let to = from + 1;
      while (to < rows.length && rows[to]!.postingId === rows[from]!.postingId) to++;
      written += offerPosting(rows.slice(from, to), now);
      from = to;
    }
    return written;
  });

  /** One person's re-matched list: their rows now, compared with `rows` in memory; only the difference is written. */
  const replacePerson = (signupId: string, rows: readonly MatchWrite[], now: number, since: number): number => {
    const have = new Map(rowsOfPerson.all(signupId).map((e) => [e[0], e]));
    let written = 0;
    for (const r of rows) {
      const reasons = packed(r);
      const e = have.get(r.postingId);
      if (!e) {
        const { postingId, occupation, districtCode, score, validUntilMs } = r;
        written += insertRow.run(
          signupId,
          postingId,
          occupation,
          districtCode,
          score,
          reasons,
          now,
          validUntilMs,
        ).changes;
        continue;
      }
      have.delete(r.postingId);
      const [, score, was, validUntilMs, occupation, districtCode] = e;
      if (
        score !== r.score ||
        was !== reasons ||
        validUntilMs !== r.validUntilMs ||
        occupation !== r.occupation ||
        districtCode !== r.districtCode
      )
        written += updateRow.run(
          r.score,
          reasons,
          r.validUntilMs,
          r.occupation,
          r.districtCode,
          signupId,
          r.postingId,
        ).changes;
    }
    // the untouched ones the re-match no longer lists go; outcomes stay, and so do matches made
    // since it started (a posting that arrived meanwhile)
    for (const [postingId, e] of have) if (e[6] === null && e[7] < since) deleteRow.run(signupId, postingId);
    return written;
  };

  const replaceTx = db.transaction(
    (people: readonly { signupId: string; rows: readonly MatchWrite[] }[], now: number, since: number) => {
      let written = 0;
      for (const { signupId, rows } of people) {
        if (signupExists.get({ id: signupId })) written += replacePerson(signupId, rows, now, since);
      }
      return written;
    },
  );

  /** The best `limit` rows that show, in order: the best keys twice (the second time more of them), then the join. */
  function queuePage(params: Record<string, unknown>, limit: number): ViewRow[] {
    const out: ViewRow[] = [];
    for (let offset = 0, take = limit * 2, tries = 0; tries < 2; offset += take, take *= 4, tries++) {
      const keys = bestKeys.all({ ...params, limit: take, offset }).map((k) => [k.signup_id, k.posting_id]);
      out.push(...pageOfKeys.all({ ...params, keys: JSON.stringify(keys) }));
      if (out.length >= limit || keys.length < take) return out.slice(0, limit);
    }
    return page.all({ ...params, limit });
  }

  return {
    write: (rows, now) => (rows.length === 0 ? 0 : writeTx(rows, now)),
    offer: (rows, now) => (rows.length === 0 ? 0 : offerTx(rows, now)),
    replaceOpen: (people, now, since) => (people.length === 0 ? 0 : replaceTx(people, now, since)),
    queue(query, now) {
      const params = { now, occupation: query.occupation ?? null, status: query.status };
      return { matches: queuePage(params, query.limit).map(view), total: count.get(params)?.n ?? 0 };
    },
    get(signupId, postingId) {
      const r = one.get({ signup_id: signupId, posting_id: postingId });
      return r ? view(r) : undefined;
    },
    setOutcome: (signupId, postingId, value, by, now) =>
      outcome.run({ signup_id: signupId, posting_id: postingId, outcome: value, by, now }).changes > 0,
    placed: (postingId) => placed.get({ posting_id: postingId })?.n ?? 0,
    placedAll: () => Object.fromEntries(placedAll.all().map((r) => [r.posting_id, r.n])),
    prune(now, after, people) {
      const last = lastOfPeople.get({ after, people })?.last ?? null;
      return { removed: last === null ? 0 : prune.run({ now, after, last }).changes, last };
    },
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
