import { describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import type { WritableDatabase } from '../../../electron/host/db/handles';
import { migrateTo, schemaVersion } from '../../../electron/host/db/migrations/index';
import { createListingStore } from '../../../electron/host/db/listing-store';
import { createOutboxStore } from '../../../electron/host/sync/outbox-store';
import { makeListing } from './fixtures';

describe('0003-outbox', () => {
  it('adds the outbox and keeps existing postings, quarantine and the cursor', () => {
    const db = new BetterSqlite3(':memory:') as WritableDatabase;
    migrateTo(db, 2);
    const listing = makeListing();
    createListingStore(db).upsertMany([listing], { cursor: 77 });
    db.prepare("INSERT INTO quarantine (received_at, source, seq, reason, payload) VALUES (1, 'hub', 5, 'bad', '{}')").run();

    migrateTo(db, 3);

    expect(schemaVersion(db)).toBe(3);
    const columns = db.prepare<[], { name: string }>('PRAGMA table_info(outbox)').all().map((c) => c.name);
    expect(columns).toEqual(['id', 'type', 'payload', 'created_at', 'attempts', 'next_attempt_at', 'last_error', 'delivered_at']);
    const store = createListingStore(db);
    expect(store.get(listing.id)).toEqual(listing);
    expect(store.getCursor()).toBe(77);
    expect(db.prepare('SELECT COUNT(*) AS n FROM quarantine').get()).toEqual({ n: 1 });
    const outbox = createOutboxStore(db);
    outbox.enqueue({ type: 'test.ping', payload: {} });
    expect(outbox.pendingCount()).toBe(1);
  });
});
