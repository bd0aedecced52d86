/**
 * The console's side of kiosk sign-ups (the kiosk writes them: signups/signup-intake.ts):
 * list with masking, reveal, mark contacted, export rows, retention setting and the purge.
 *
 * Purge and the outbox: a sign-up's outbox item (same id, type `registration`) carries the
 * same personal data. Past retention both go, whether or not the platform received the item:
 * personal data must not outlive its retention because the platform was unreachable. An item
 * dropped undelivered is counted in the purge record and its audit row (the platform will not
 * get that sign-up); DESIGN.md's "nothing is deleted locally until acked" gives way to the
 * retention period here, and only here.
 *
 * A purge deletes with SQLite's secure_delete on and checkpoints the WAL afterwards, so the
 * phones and names are gone from the database file too, not only from its tables.
 *
 * Search finds a sign-up by its number, the last 4 digits of its phone or the whole phone —
 * never by name or part of a number, so a masked phone cannot be recovered a digit at a time.
 */
import type { WritableDatabase } from '../db/handles';
import { createMetaStore } from '../db/meta-store';
import { DAY_MS } from '../../../shared/pulse/market-pulse';
import { maskName, maskPhone } from '../../../shared/signup-mask';
import { isOccupationCode } from '../../../shared/occupations';
import type { PurgeReport, SignupQuery, SignupView } from '../../../shared/staff-data-contract';
import { SIGNUP_OUTBOX_TYPE, type SignupRow } from '../signups/signup-intake';

export const DEFAULT_RETENTION_DAYS = 90;
const RETENTION_KEY = 'signups.retentionDays';

/** A row of signup_purges. */
interface PurgeRow {
  at: number;
  cutoff: number;
  removed: number;
  outbox_removed: number;
  outbox_waiting: number;
  outbox_dropped: number;
  by: string | null;
}

/** A sign-up as the console reads it: the kiosk's row joined with its posting and delivery. */
interface Row extends Omit<SignupRow, 'day' | 'consent_version' | 'consent_at'> {
  listing_title: string | null;
  contacted_at: number | null;
  contacted_by: string | null;
  delivered_at: number | null;
  /** JSON array of the other sign-ups' numbers with this phone, newest first. */
  same_phone: string;
  /** 1 when a newer sign-up has the same phone. */
  superseded: number;
}

export interface SignupStore {
  list(query: SignupQuery, reveal?: boolean): { signups: SignupView[]; total: number };
  /** Every sign-up, oldest first, for the CSV export. */
  all(reveal: boolean): SignupView[];
  get(id: string, reveal: boolean): SignupView | undefined;
  setContacted(id: string, contacted: boolean, by: string, now: number): boolean;
  retentionDays(): number;
  setRetentionDays(days: number): void;
  /** Deletes what is past retention; `record` runs in the same transaction (the audit row). */
  purge(now: number, by: string | null, record?: (report: PurgeReport) => void): PurgeReport;
  lastPurge(): PurgeReport | null;
}

/** Other sign-ups of the same phone named on a row (the newest first). */
const SAME_PHONE_SHOWN = 5;

export function createSignupStore(db: WritableDatabase): SignupStore {
  const meta = createMetaStore(db);
  const select = `SELECT r.id, r.number, r.phone, r.name, r.occupations, r.districts, r.availability, r.expected_pay, r.pay_unit,
      r.listing_id, l.title AS listing_title, r.kiosk_id, r.created_at, r.contacted_at, r.contacted_by, o.delivered_at,
      (SELECT json_group_array(d.number) FROM (SELECT number FROM signups d WHERE d.phone = r.phone AND d.id <> r.id
         ORDER BY d.created_at DESC LIMIT ${SAME_PHONE_SHOWN}) d) AS same_phone,
      EXISTS (SELECT 1 FROM signups n WHERE n.phone = r.phone AND n.created_at > r.created_at) AS superseded
    FROM signups r
    LEFT JOIN postings l ON l.id = r.listing_id
    LEFT JOIN outbox o ON o.id = r.id AND o.type = '${SIGNUP_OUTBOX_TYPE}'`;
  const where = `(@number IS NULL OR r.number = @number) AND (@last4 IS NULL OR substr(r.phone, -4) = @last4) AND (@phone IS NULL OR r.phone = @phone)
    AND (@occupation IS NULL OR EXISTS (SELECT 1 FROM json_each(r.occupations) j WHERE j.value = @occupation))
    AND (@contacted = 'all' OR (@contacted = 'yes' AND r.contacted_at IS NOT NULL) OR (@contacted = 'no' AND r.contacted_at IS NULL))`;
  const page = db.prepare<Record<string, unknown>, Row>(
    `${select} WHERE ${where} ORDER BY r.created_at DESC, r.id LIMIT @limit OFFSET @offset`,
  );
  const count = db.prepare<Record<string, unknown>, { n: number }>(
    `SELECT COUNT(*) AS n FROM signups r WHERE ${where}`,
  );
  const everything = db.prepare<[], Row>(`${select} ORDER BY r.created_at, r.id`);
  const one = db.prepare<{ id: string }, Row>(`${select} WHERE r.id = @id`);
  const contacted = db.prepare<{ id: string; at: number | null; by: string | null }>(
    'UPDATE signups SET contacted_at = @at, contacted_by = @by WHERE id = @id',
  );
  const deleteExpired = db.prepare<{ cutoff: number }>('DELETE FROM signups WHERE created_at < @cutoff');
  const deleteOrphanDelivered = db.prepare(
    `DELETE FROM outbox WHERE type = '${SIGNUP_OUTBOX_TYPE}' AND delivered_at IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM signups r WHERE r.id = outbox.id)`,
  );
  const dropUndelivered = db.prepare<{ cutoff: number }>(
    `DELETE FROM outbox WHERE type = '${SIGNUP_OUTBOX_TYPE}' AND delivered_at IS NULL AND created_at < @cutoff`,
  );
  const countOrphanWaiting = db.prepare<[], { n: number }>(
    `SELECT COUNT(*) AS n FROM outbox WHERE type = '${SIGNUP_OUTBOX_TYPE}' AND delivered_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM signups r WHERE r.id = outbox.id)`,
  );
  const insertPurge = db.prepare<PurgeRow>(
    'INSERT INTO signup_purges (at, cutoff, removed, outbox_removed, outbox_waiting, outbox_dropped, by) VALUES (@at, @cutoff, @removed, @outbox_removed, @outbox_waiting, @outbox_dropped, @by)',
  );
  const latestPurge = db.prepare<[], PurgeRow>('SELECT * FROM signup_purges ORDER BY id DESC LIMIT 1');

  function retentionDays(): number {
    const raw = Number(meta.get(RETENTION_KEY));
    return Number.isInteger(raw) && raw >= 1 ? raw : DEFAULT_RETENTION_DAYS;
  }

  function view(r: Row, reveal: boolean, days: number): SignupView {
    return {
      id: r.id,
      number: r.number,
      phone: reveal ? r.phone : maskPhone(r.phone),
      name: reveal ? r.name : maskName(r.name),
      occupations: (JSON.parse(r.occupations) as string[]).filter(isOccupationCode),
      districts: JSON.parse(r.districts) as string[],
      availability: JSON.parse(r.availability) as string[],
      expectedPay: r.expected_pay,
      payUnit: r.pay_unit,
      listingId: r.listing_id,
      listingTitle: r.listing_title,
      kioskId: r.kiosk_id,
      createdAt: r.created_at,
      contactedAt: r.contacted_at,
      contactedBy: r.contacted_by,
      delivered: r.delivered_at !== null,
      samePhone: JSON.parse(r.same_phone) as string[],
      superseded: r.superseded === 1,
      purgeAfter: r.created_at + days * DAY_MS,
    };
  }

  // The sign-ups, their delivered outbox copies and the purge record go together or not at all.
  const purgeTx = db.transaction(
    (now: number, by: string | null, record?: (report: PurgeReport) => void): PurgeReport => {
      const cutoff = now - retentionDays() * DAY_MS;
      const removed = deleteExpired.run({ cutoff }).changes;
      const outboxDropped = dropUndelivered.run({ cutoff }).changes;
      const outboxRemoved = deleteOrphanDelivered.run().changes;
      const outboxWaiting = countOrphanWaiting.get()?.n ?? 0;
      const report: PurgeReport = { at: now, cutoff, removed, outboxRemoved, outboxWaiting, outboxDropped, by };
      insertPurge.run({
        at: now,
        cutoff,
        removed,
        outbox_removed: outboxRemoved,
        outbox_waiting: outboxWaiting,
        outbox_dropped: outboxDropped,
        by,
      });
      record?.(report);
      return report;
    },
  );

  /** The purge, with deleted content overwritten in the file and the WAL folded back. */
  function purge(now: number, by: string | null, record?: (report: PurgeReport) => void): PurgeReport {
    const before = db.pragma('secure_delete', { simple: true }) as number;
    db.pragma('secure_delete = ON');
    let report: PurgeReport;
    try {
      report = purgeTx(now, by, record);
    } finally {
      db.pragma(`secure_delete = ${before ? 'ON' : 'OFF'}`);
    }
    if (report.removed + report.outboxRemoved + report.outboxDropped > 0 && !db.inTransaction) {
      // the deleted rows' old pages may still sit in the WAL: copy the zeroed ones back and truncate it
      db.pragma('wal_checkpoint(TRUNCATE)');
    }
    return report;
  }

  return {
    list(query, reveal = false) {
      const days = retentionDays();
      const params = {
        number: query.q?.by === 'number' ? query.q.value : null,
        last4: query.q?.by === 'last4' ? query.q.value : null,
        phone: query.q?.by === 'phone' ? query.q.value : null,
        occupation: query.occupation ?? null,
        contacted: query.contacted,
      };
      return {
        signups: page.all({ ...params, limit: query.limit, offset: query.offset }).map((r) => view(r, reveal, days)),
        total: count.get(params)?.n ?? 0,
      };
    },
    all(reveal) {
      const days = retentionDays();
      return everything.all().map((r) => view(r, reveal, days));
    },
    get(id, reveal) {
      const row = one.get({ id });
      return row ? view(row, reveal, retentionDays()) : undefined;
    },
    setContacted: (id, on, by, now) => contacted.run({ id, at: on ? now : null, by: on ? by : null }).changes > 0,
    retentionDays,
    setRetentionDays: (days) => meta.set(RETENTION_KEY, String(days)),
    purge,
    lastPurge() {
      const r = latestPurge.get();
      return r
        ? {
            at: r.at,
            cutoff: r.cutoff,
            removed: r.removed,
            outboxRemoved: r.outbox_removed,
            outboxWaiting: r.outbox_waiting,
            outboxDropped: r.outbox_dropped,
            by: r.by,
          }
        : null;
    },
  };
}
