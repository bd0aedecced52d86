/**
 * Urgent postings in SQLite. A staff posting is written together with its outbox row (and the
 * caller's audit row) in one transaction: the hall never shows a posting it will not relay,
 * nor relays one it does not show. Postings from the hub arrive through `hubSink()`, inside
 * the sync client's transaction.
 */
import { uuidv7 } from 'uuidv7';
import type { WritableDatabase } from '../db/handles';
import { enqueueOutbox } from '../sync/outbox-store';
import type { UrgentSink } from '../sync/apply-changes';
import type { Logger } from '../util/logger';
import { HubUrgentSchema, type BoardUrgent, type UrgentInput } from '../../../shared/schemas/urgent';
import { describeIssues } from '../../../shared/schemas/posting';

/** Outbox type of a staff urgent posting relayed upstream (payload: the hub's urgent shape). */
export const URGENT_OUTBOX_TYPE = 'urgent';

export interface UrgentRecord extends BoardUrgent {
  origin: 'local' | 'hub';
  screens: string[] | null;
  createdBy: string | null;
  retractedAt: number | null;
  retractedBy: string | null;
}

interface UrgentRow {
  id: string;
  origin: 'local' | 'hub';
  listing_id: string | null;
  title: string;
  body: string;
  screens: string | null;
  created_at: number;
  created_by: string | null;
  expires_at: number;
  retracted_at: number | null;
  retracted_by: string | null;
}

function fromRow(r: UrgentRow): UrgentRecord {
  return {
    id: r.id,
    origin: r.origin,
    listingId: r.listing_id,
    title: r.title,
    body: r.body,
    screens: r.screens === null ? null : (JSON.parse(r.screens) as string[]),
    createdAt: r.created_at,
    createdBy: r.created_by,
    expiresAt: r.expires_at,
    retractedAt: r.retracted_at,
    retractedBy: r.retracted_by,
  };
}

/** The hub's wire shape (scripts/hub UrgentInputSchema); a retraction is an expiry of now. */
function hubPayload(r: UrgentRecord, expiresAt: number) {
  return {
    id: r.id,
    title: r.title,
    body: r.body,
    listingId: r.listingId,
    expiresAt: new Date(expiresAt).toISOString(),
    screens: r.screens,
  };
}

export interface UrgentStore {
  /** Inserts a staff posting and its outbox row; `alsoInTransaction` runs in the same transaction (audit). */
  create(input: UrgentInput, by: string, now: number, alsoInTransaction?: (record: UrgentRecord) => void): UrgentRecord;
  /** Marks a posting retracted and relays that; false when it is unknown or no longer live. */
  retract(id: string, by: string, now: number, alsoInTransaction?: (record: UrgentRecord) => void): UrgentRecord | null;
  get(id: string): UrgentRecord | undefined;
  live(now: number): UrgentRecord[];
  /** Live ones and those that ended within `sinceMs`, newest first (the console's list). */
  recent(now: number, sinceMs: number, limit: number): UrgentRecord[];
  /** For the sync client: applies urgent changes from the hub; `onChange` after each. */
  hubSink(onChange: () => void): UrgentSink;
}

export function createUrgentStore(db: WritableDatabase, clock: () => number, log: Logger): UrgentStore {
  const insert = db.prepare<Omit<UrgentRow, 'retracted_at' | 'retracted_by'>>(
    `INSERT INTO urgent_postings (id, origin, listing_id, title, body, screens, created_at, created_by, expires_at)
     VALUES (@id, @origin, @listing_id, @title, @body, @screens, @created_at, @created_by, @expires_at)
     ON CONFLICT (id) DO UPDATE SET listing_id = excluded.listing_id, title = excluded.title, body = excluded.body,
       screens = excluded.screens, expires_at = excluded.expires_at`,
  );
  const selectOne = db.prepare<{ id: string }, UrgentRow>('SELECT * FROM urgent_postings WHERE id = @id');
  const selectLive = db.prepare<{ now: number }, UrgentRow>(
    'SELECT * FROM urgent_postings WHERE retracted_at IS NULL AND expires_at > @now ORDER BY created_at DESC, id DESC LIMIT 50',
  );
  const selectRecent = db.prepare<{ now: number; since: number; limit: number }, UrgentRow>(
    `SELECT * FROM urgent_postings WHERE (retracted_at IS NULL AND expires_at > @now) OR MIN(COALESCE(retracted_at, expires_at), expires_at) > @since
     ORDER BY created_at DESC, id DESC LIMIT @limit`,
  );
  const markRetracted = db.prepare<{ id: string; now: number; by: string | null }>(
    'UPDATE urgent_postings SET retracted_at = @now, retracted_by = @by WHERE id = @id AND retracted_at IS NULL',
  );

  return {
    create(input, by, now, alsoInTransaction) {
      const id = uuidv7();
      const row = {
        id,
        origin: 'local' as const,
        listing_id: input.listingId ?? null,
        title: input.title,
        body: input.body,
        screens: input.screens ? JSON.stringify([...new Set(input.screens)]) : null,
        created_at: now,
        created_by: by,
        expires_at: Date.parse(input.expiresAt),
      };
      return db.transaction(() => {
        insert.run(row);
        const record = fromRow({ ...row, retracted_at: null, retracted_by: null });
        enqueueOutbox(db, { type: URGENT_OUTBOX_TYPE, payload: hubPayload(record, record.expiresAt) }, now);
        alsoInTransaction?.(record);
        return record;
      })();
    },

    retract(id, by, now, alsoInTransaction) {
      return db.transaction(() => {
        const row = selectOne.get({ id });
        if (!row || row.retracted_at !== null || row.expires_at <= now) return null;
        markRetracted.run({ id, now, by });
        const record = fromRow({ ...row, retracted_at: now, retracted_by: by });
        // Postings from the hub are the hub's to end for other halls; only ours are relayed.
        if (record.origin === 'local') {
          enqueueOutbox(
            db,
            { type: URGENT_OUTBOX_TYPE, payload: { ...hubPayload(record, now), retracted: true } },
            now,
          );
        }
        alsoInTransaction?.(record);
        return record;
      })();
    },

    get(id) {
      const row = selectOne.get({ id });
      return row ? fromRow(row) : undefined;
    },
    live: (now) => selectLive.all({ now }).map(fromRow),
    recent: (now, sinceMs, limit) => selectRecent.all({ now, since: now - sinceMs, limit }).map(fromRow),

    hubSink(onChange) {
      // Boards are told after the sync transaction commits, never from inside it.
      let pending = false;
      const changed = () => {
        if (pending) return;
        pending = true;
        setImmediate(() => {
          pending = false;
          onChange();
        });
      };
      return {
        upsert(id, data) {
          const parsed = HubUrgentSchema.safeParse({ ...(data && typeof data === 'object' ? data : {}), id });
          if (!parsed.success) {
            log.warn(
              { id, reason: describeIssues(parsed.error) },
              'urgent posting from the hub passed over: it failed validation',
            );
            return;
          }
          const u = parsed.data;
          const existing = selectOne.get({ id });
          // The hub relays this hall's own postings back to it: the local record (its screens,
          // its retraction) stays authoritative.
          if (existing?.origin === 'local') return;
          insert.run({
            id,
            origin: existing?.origin ?? 'hub',
            listing_id: u.listingId,
            title: u.title,
            body: u.body,
            screens: u.screens ? JSON.stringify(u.screens) : null,
            created_at: existing?.created_at ?? clock(),
            created_by: existing?.created_by ?? null,
            expires_at: Date.parse(u.expiresAt),
          });
          changed();
        },
        remove(id) {
          if (selectOne.get({ id })?.origin === 'local') return;
          markRetracted.run({ id, now: clock(), by: null });
          changed();
        },
      };
    },
  };
}
