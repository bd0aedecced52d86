import { describe, expect, it } from 'vitest';
import { migrateTo, schemaVersion } from '../../../electron/host/db/migrations/index';
import { allRows, columns, databaseAt, insertRow, v1Posting } from './old-rows';

describe('0007-listing-changes', () => {
  it('records every insert, update and delete of a posting, and keeps the postings', () => {
    const db = databaseAt(6);
    insertRow(db, 'listings', v1Posting({ id: 'before' }));
    migrateTo(db, 7);
    expect(schemaVersion(db)).toBe(7);
    expect(db.prepare('SELECT id FROM listings').all()).toEqual([{ id: 'before' }]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM listing_changes').get()).toEqual({ n: 0 });
    insertRow(db, 'listings', v1Posting({ id: 'after' }));
    db.prepare("UPDATE listings SET hidden = 1 WHERE id = 'before'").run();
    db.prepare("DELETE FROM listings WHERE id = 'after'").run();
    expect(db.prepare('SELECT seq, id FROM listing_changes ORDER BY seq').all()).toEqual([
      { seq: 1, id: 'after' },
      { seq: 2, id: 'before' },
      { seq: 3, id: 'after' },
    ]);
  });
});

describe('0008-board-devices', () => {
  it('adds the paired board devices and keeps what was there', () => {
    const db = databaseAt(7);
    const kept = insertRow(db, 'listings', v1Posting({ id: 'kept' }));
    migrateTo(db, 8);
    expect(schemaVersion(db)).toBe(8);
    expect(db.prepare('SELECT id FROM listings').all()).toEqual([{ id: 'kept' }]);
    expect(allRows(db, 'listings')).toEqual([{ ...kept, hidden: 0 }]);
    expect(columns(db, 'board_devices')).toEqual([
      'id',
      'screen_id',
      'token_hash',
      'approved_by',
      'created_at',
      'last_seen_at',
      'revoked_at',
    ]);
    db.prepare(
      "INSERT INTO board_devices (id, screen_id, token_hash, approved_by, created_at) VALUES ('board-1', '1', 'h', '王主任', 1)",
    ).run();
    expect(() =>
      db
        .prepare(
          "INSERT INTO board_devices (id, screen_id, token_hash, approved_by, created_at) VALUES ('board-2', '1', 'h', '王主任', 1)",
        )
        .run(),
    ).toThrow(/UNIQUE/);
  });
});
