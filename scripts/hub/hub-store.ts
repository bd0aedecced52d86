/**
 * What the reference hub keeps, behind one asynchronous interface with two implementations:
 * SQLite (`sqlite-store.ts`, the embedded default of `npm run hub`) and PostgreSQL
 * (`postgres-store.ts`, for several hub nodes on one database). `tests/integration/hub/
 * contract/` runs the same suite against both.
 *
 * Rules every store keeps (DESIGN.md "Sync rules"):
 * - Each write and the change rows that announce it commit together, so the log never claims
 *   a change the tables do not hold (or the reverse).
 * - `seq` is strictly increasing, and at every moment the committed seqs are exactly 1…last:
 *   a reader never sees seq N+1 while N is missing, so no hall's cursor can pass an
 *   uncommitted change. (SQLite: one writer at a time. PostgreSQL: see postgres-store.ts.)
 * - Deleted postings keep a tombstone, so a re-created id continues its revision count and a
 *   hall's "newer revision wins" rule still lets it through.
 * - A submission is stored once by its id, however often and through whichever node it
 *   arrives, and what it causes (a relayed urgent posting) commits with it.
 */
import type { CityCountsInput, CityHallInput } from '../../shared/pulse/city-pulse';
import { snapshotRows, type DaySnapshotRow } from '../../shared/pulse/pulse-history';
import type { Posting } from '../../shared/schemas/posting';

export type ChangeType = 'listing' | 'urgent';
export type ChangeOp = 'upsert' | 'delete';

/** One entry of the change log as halls receive it. */
export interface HubChange {
  seq: number;
  type: string;
  op: string;
  id: string;
  data?: unknown;
}

export interface Submission {
  id: string;
  hallId: string;
  type: string;
  payload: unknown;
  receivedAt: number;
  /** How many times a hall sent it; stored once whatever this says. */
  receivedCount: number;
}

/** A `submissions` row as either store's driver returns it. */
export interface SubmissionRecord {
  id: string;
  hall_id: string;
  type: string;
  payload: string;
  received_at: number;
  received_count: number;
}

export function submissionFromRecord(r: SubmissionRecord): Submission {
  return {
    id: r.id,
    hallId: r.hall_id,
    type: r.type,
    payload: JSON.parse(r.payload) as unknown,
    receivedAt: r.received_at,
    receivedCount: r.received_count,
  };
}

export interface UrgentNotice {
  id: string;
  title: string;
  body: string;
  listingId: string | null;
  expiresAt: string;
  screens: string[] | null;
  revision: number;
  updatedAt: string;
}

export type UrgentInput = Omit<UrgentNotice, 'revision' | 'updatedAt'>;

export interface RawChangeInput {
  type: string;
  op: string;
  id: string;
  /** Any JSON value; stored as given so tests can send halls what a broken upstream might. */
  data?: unknown;
}

/** What storing a submission also does, in the same transaction (see hub-relay.ts). */
export type SubmissionEffect = { kind: 'upsert-urgent'; notice: UrgentInput } | { kind: 'retract-urgent'; id: string };

export interface AddSubmissionResult {
  /** False when this id was stored before (a retry, or the same item through another node). */
  inserted: boolean;
  /** Changes the effect wrote; empty for a duplicate, whose effect ran the first time. */
  changes: HubChange[];
}

export interface ChangesPage {
  changes: HubChange[];
  lastSeq: number;
  hasMore: boolean;
}

/** What a hub node learns about a hall's connection, for /city. */
export type HallEvent =
  | { kind: 'connected'; hallId: string; nodeId: string; session: string; at: number; cursor: number }
  | {
      kind: 'heartbeat';
      hallId: string;
      nodeId: string;
      session: string;
      at: number;
      cursor: number;
      outboxPending: number | null;
      outboxOldestAt: number | null;
      screensOnline: number | null;
      screensTotal: number | null;
    }
  /** Only the session that connected can mark the hall gone (it may be on another node now). */
  | { kind: 'disconnected'; hallId: string; session: string; at: number };

/** A `changes` row as either store reads it: the posting or notice still as JSON text. */
export interface ChangeRecord {
  seq: number;
  type: string;
  op: string;
  id: string;
  data: string | null;
}

export function changeFromRecord(r: ChangeRecord): HubChange {
  const change: HubChange = { seq: r.seq, type: r.type, op: r.op, id: r.id };
  if (r.data !== null) change.data = JSON.parse(r.data) as unknown;
  return change;
}

/**
 * A page of the change log from the `limit + 1` records a store read after a cursor (the one
 * past the limit only says there is more) and the last seq in the same snapshot.
 */
export function changesPage(records: readonly ChangeRecord[], limit: number, lastSeq: number): ChangesPage {
  return { changes: records.slice(0, limit).map(changeFromRecord), lastSeq, hasMore: records.length > limit };
}

/** A hall's last known status: what the city's picture takes (city-pulse.ts), and when it connected. */
export interface HallStatusRow extends CityHallInput {
  connectedAt: number;
}

/** A `halls` row as either store's driver returns it (SQLite gives `connected` as 0 / 1). */
export interface HallRecord {
  hall_id: string;
  node_id: string;
  connected: boolean | number;
  connected_at: number;
  last_seen_at: number;
  cursor: number;
  outbox_pending: number | null;
  outbox_oldest_at: number | null;
  screens_online: number | null;
  screens_total: number | null;
}

export function hallFromRecord(r: HallRecord): HallStatusRow {
  return {
    hallId: r.hall_id,
    nodeId: r.node_id,
    connected: r.connected === true || r.connected === 1,
    connectedAt: r.connected_at,
    lastSeenAt: r.last_seen_at,
    cursor: r.cursor,
    outboxPending: r.outbox_pending,
    outboxOldestAt: r.outbox_oldest_at,
    screensOnline: r.screens_online,
    screensTotal: r.screens_total,
  };
}

/** Per trade counts behind the market pulse (shared/pulse/market-pulse.ts), city-wide. */
export type CityCounts = CityCountsInput;

/** A count per trade from `GROUP BY occupation` rows (a row without a trade left out). */
export function countsByTrade(rows: readonly { occupation: string; n: number }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) if (r.occupation) out[r.occupation] = r.n;
  return out;
}

/** The city's counts of a day as `city_snapshots` rows: every trade either count names, then the total. */
export function citySnapshotRows(counts: CityCounts): DaySnapshotRow[] {
  return snapshotRows(counts, [...new Set([...Object.keys(counts.demand), ...Object.keys(counts.seekers)])]);
}

export interface CitySnapshot extends CityCounts {
  day: string;
}

export interface HubStore {
  /** 'sqlite' or 'postgres', for /healthz and logs. */
  readonly kind: 'sqlite' | 'postgres';
  /** Upserts postings, bumping each revision past what the hub held; returns the changes. */
  upsertPostings(postings: readonly Posting[], now: number): Promise<HubChange[]>;
  /** Deletes a posting (tombstone + change), or returns null when it is not live. */
  deletePosting(id: string, now: number): Promise<HubChange | null>;
  /** Deletes every posting whose validUntil has passed; one delete change each. */
  expirePostings(now: number): Promise<HubChange[]>;
  upsertUrgent(notice: UrgentInput, now: number): Promise<HubChange>;
  /** Withdraws an urgent notice everywhere (a `delete` change); null when the hub never had it. */
  retractUrgent(id: string, now: number): Promise<HubChange | null>;
  getPosting(id: string): Promise<Posting | undefined>;
  /** The live postings among `ids` (an admin write merges partial postings over them). */
  getPostings(ids: readonly string[]): Promise<Map<string, Posting>>;
  /** Every live posting keyed by id (for tests and audits). */
  allPostings(): Promise<Map<string, Posting>>;
  countPostings(): Promise<number>;
  /** Appends a change exactly as given, bypassing validation (test hook for bad upstreams). */
  appendRawChange(change: RawChangeInput, now: number): Promise<HubChange>;
  /** Changes after `since`, in seq order, as a ready UTF-8 JSON body `{ changes, lastSeq, hasMore }`. */
  changesPageJson(since: number, limit: number): Promise<Buffer>;
  changesSince(since: number, limit: number): Promise<ChangesPage>;
  lastSeq(): Promise<number>;
  /** Stores a hall's submission once by id, with what it causes; see AddSubmissionResult. */
  addSubmission(s: Omit<Submission, 'receivedCount'>, effect?: SubmissionEffect | null): Promise<AddSubmissionResult>;
  /** In id order from `after`; only those of `type` when given (e.g. `match-outcome`: placements). */
  submissions(after?: string, limit?: number, type?: string | null): Promise<Submission[]>;
  countSubmissions(): Promise<number>;
  /** Keeps a hall's last known status (connect, heartbeat, disconnect). */
  recordHall(event: HallEvent): Promise<void>;
  hallStatuses(): Promise<HallStatusRow[]>;
  /**
   * D and S per trade: open headcount of postings valid at `now`; distinct people who signed up
   * in the `windowDays` before it (for a trade they named, or for the posting's trade when they
   * named none). Counts only: no person leaves the store.
   */
  cityCounts(now: number, windowDays: number): Promise<CityCounts>;
  /** Stores the day's counts (one row per trade and a total), replacing that day's earlier ones. */
  recordCitySnapshot(day: string, counts: CityCounts, at: number): Promise<void>;
  /** The snapshot of the day in [from, to] nearest to `target` (YYYY-MM-DD), or null. */
  citySnapshotNear(from: string, to: string, target: string): Promise<CitySnapshot | null>;
  /** Resolves when the database answers (for /healthz); rejects with the driver's reason. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** A store method was given something it cannot store; the message names the method. */
export class HubStoreError extends Error {
  override name = 'HubStoreError';
}

export { openSqliteHubStore as openHubStore } from './sqlite-store';
