import { describe, expect, it } from 'vitest';
import { migrateTo, schemaVersion } from '../../../electron/host/db/migrations/index';
import { allRows, columns, databaseAt, insertRow, v1Cursor, v1Posting } from './old-rows';

describe('0003-outbox', () => {
  it('adds the outbox and keeps existing postings, quarantine and the cursor', () => {
    const db = databaseAt(2);
    const posting = insertRow(db, 'listings', v1Posting());
    v1Cursor(db, 77);
    db.prepare(
      "INSERT INTO quarantine (received_at, source, seq, reason, payload) VALUES (1, 'hub', 5, 'bad', '{}')",
    ).run();

    migrateTo(db, 3);

    expect(schemaVersion(db)).toBe(3);
    expect(columns(db, 'outbox')).toEqual([
      'id',
      'type',
      'payload',
      'created_at',
      'attempts',
      'next_attempt_at',
      'last_error',
      'delivered_at',
    ]);
    expect(allRows(db, 'listings')).toEqual([{ ...posting, hidden: 0 }]);
    expect(db.prepare("SELECT value FROM meta WHERE key = 'sync.cursor'").pluck().get()).toBe('77');
    expect(db.prepare('SELECT COUNT(*) AS n FROM quarantine').get()).toEqual({ n: 1 });
    // an item as the outbox writes it is pending: not delivered, due now
    insertRow(db, 'outbox', {
      id: '0190a1b2-0000-7000-8000-0000000000aa',
      type: 'test.ping',
      payload: '{}',
      created_at: 1,
    });
    expect(
      db.prepare('SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL AND next_attempt_at <= ?').pluck().get(1),
    ).toBe(1);
  });
});
