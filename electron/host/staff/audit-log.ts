/**
 * The staff audit log: every staff action (and every sign-in attempt) with who, what, when
 * and from where. Append-only; written in the same transaction as the change it records
 * where there is one, so the log never claims a change that did not happen.
 */
import type { WritableDatabase } from '../db/handles';
import type { AuditEntry, AuditQuery, StaffIdentity } from '../../../shared/staff-contract';

export interface AuditInput {
  who: StaffIdentity | null;
  action: string;
  target?: string | null;
  detail?: Record<string, unknown>;
  source?: string | null;
}

interface AuditRow {
  id: number;
  at: number;
  account_name: string | null;
  action: string;
  target: string | null;
  detail: string;
  source: string | null;
}

export interface AuditLog {
  record(entry: AuditInput): void;
  /** Runs `change` and records `entry` in one transaction: the row exists exactly when the change does. */
  recordWith<T>(entry: AuditInput, change: () => T): T;
  /**
   * Records a repeated event (sign-in attempts while locked out) as one row per `key` and period:
   * the first occurrence inserts the row, later ones within `periodMs` raise its
   * `detail.attempts` and `detail.lastAt`. Twenty thousand refused attempts are one row, not
   * twenty thousand.
   */
  recordSummed(entry: AuditInput, key: string, periodMs: number): void;
  recent(limit: number, action?: string): AuditEntry[];
  /** A page of entries by who, what and when, newest first, with how many match in all. */
  search(query: AuditQuery): { entries: AuditEntry[]; total: number };
  /** Every staff name in the log (for the console's filter), most recent first, at most 200. */
  names(): string[];
}

export function createAuditLog(db: WritableDatabase, clock: () => number): AuditLog {
  const insert = db.prepare<{
    at: number;
    account_id: string | null;
    account_name: string | null;
    action: string;
    target: string | null;
    detail: string;
    source: string | null;
  }>(
    `INSERT INTO staff_audit (at, account_id, account_name, action, target, detail, source)
     VALUES (@at, @account_id, @account_name, @action, @target, @detail, @source)`,
  );
  const selectRecent = db.prepare<{ limit: number }, AuditRow>(
    'SELECT * FROM staff_audit ORDER BY id DESC LIMIT @limit',
  );
  const updateDetail = db.prepare<{ id: number; detail: string }>(
    'UPDATE staff_audit SET detail = @detail WHERE id = @id',
  );
  /** Open summary rows by key: the row, when its period started, its detail so far. */
  const summaries = new Map<
    string,
    { id: number; startedAt: number; detail: Record<string, unknown> & { attempts: number } }
  >();
  const MAX_SUMMARIES = 1000;
  const selectAction = db.prepare<{ limit: number; action: string }, AuditRow>(
    'SELECT * FROM staff_audit WHERE action = @action ORDER BY id DESC LIMIT @limit',
  );
  const FILTER = `(@action IS NULL OR action = @action) AND (@who IS NULL OR account_name = @who)
    AND (@from IS NULL OR at >= @from) AND (@to IS NULL OR at < @to)`;
  const selectPage = db.prepare<Record<string, unknown>, AuditRow>(
    `SELECT * FROM staff_audit WHERE ${FILTER} ORDER BY id DESC LIMIT @limit OFFSET @offset`,
  );
  const countPage = db.prepare<Record<string, unknown>, { n: number }>(
    `SELECT COUNT(*) AS n FROM staff_audit WHERE ${FILTER}`,
  );
  const selectNames = db.prepare<[], { name: string }>(
    `SELECT account_name AS name FROM staff_audit WHERE account_name IS NOT NULL
      GROUP BY account_name ORDER BY MAX(id) DESC LIMIT 200`,
  );
  const toEntry = (r: AuditRow): AuditEntry => ({
    id: r.id,
    at: r.at,
    accountName: r.account_name,
    action: r.action,
    target: r.target,
    detail: JSON.parse(r.detail) as Record<string, unknown>,
    source: r.source,
  });
  function write(entry: AuditInput, detail: Record<string, unknown>): number {
    return Number(
      insert.run({
        at: clock(),
        account_id: entry.who?.accountId ?? null,
        account_name: entry.who?.name ?? null,
        action: entry.action,
        target: entry.target ?? null,
        detail: JSON.stringify(detail),
        source: entry.source ?? null,
      }).lastInsertRowid,
    );
  }

  return {
    recordSummed(entry, key, periodMs) {
      const now = clock();
      const open = summaries.get(key);
      if (open && now - open.startedAt < periodMs) {
        open.detail.attempts++;
        open.detail.lastAt = now;
        updateDetail.run({ id: open.id, detail: JSON.stringify(open.detail) });
        return;
      }
      const detail = { ...(entry.detail ?? {}), attempts: 1, firstAt: now, lastAt: now };
      summaries.delete(key);
      summaries.set(key, { id: write(entry, detail), startedAt: now, detail });
      if (summaries.size > MAX_SUMMARIES) summaries.delete(summaries.keys().next().value!);
    },
    record(entry) {
      write(entry, entry.detail ?? {});
    },
    recordWith(entry, change) {
      return db.transaction(() => {
        const result = change();
        write(entry, entry.detail ?? {});
        return result;
      })();
    },
    recent(limit, action) {
      const rows = action ? selectAction.all({ limit, action }) : selectRecent.all({ limit });
      return rows.map(toEntry);
    },
    search(q) {
      const params = { action: q.action ?? null, who: q.who ?? null, from: q.from ?? null, to: q.to ?? null };
      return {
        entries: selectPage.all({ ...params, limit: q.limit, offset: q.offset }).map(toEntry),
        total: countPage.get(params)?.n ?? 0,
      };
    },
    names: () => selectNames.all().map((r) => r.name),
  };
}
