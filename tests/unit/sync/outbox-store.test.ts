import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/host/db/open-database';
import { createPostingStore } from '../../../electron/host/db/posting-store';
import { createOutboxStore, enqueueOutbox, OutboxError } from '../../../electron/host/sync/outbox-store';
import { makePosting } from '../db/fixtures';

describe('the outbox store', () => {
  it('commits an item together with the data it carries, inside another store’s transaction', () => {
    const db = openDatabase(':memory:');
    const postings = createPostingStore(db);
    const outbox = createOutboxStore(db);
    const posting = makePosting();
    postings.transaction(() => {
      postings.upsertMany([posting]);
      enqueueOutbox(db, { type: 'staff.posting', payload: { id: posting.id } });
    });
    expect(postings.count()).toBe(1);
    expect(outbox.pendingCount()).toBe(1);
  });

  it('rolls the item back with the data when that transaction fails', () => {
    const db = openDatabase(':memory:');
    const postings = createPostingStore(db);
    const outbox = createOutboxStore(db);
    expect(() =>
      postings.transaction(() => {
        postings.upsertMany([makePosting()]);
        enqueueOutbox(db, { type: 'staff.posting', payload: {} });
        throw new Error('the sign-up failed half-way');
      }),
    ).toThrow(/half-way/);
    expect(postings.count()).toBe(0);
    expect(outbox.pendingCount()).toBe(0);
  });

  it('hands out due items oldest first and keeps delivered ones with their time', () => {
    const db = openDatabase(':memory:');
    const outbox = createOutboxStore(db);
    const a = outbox.enqueue({ type: 'test.ping', payload: { n: 1 } }, 1000);
    const b = outbox.enqueue({ type: 'test.ping', payload: { n: 2 } }, 1001);
    expect(outbox.due(5000, 10).map((i) => i.id)).toEqual([a, b]);

    outbox.markDelivered(a, 6000);
    outbox.markFailed(b, 'no ack: timeout', 9000);
    expect(outbox.pendingCount()).toBe(1);
    expect(outbox.get(a)?.deliveredAt).toBe(6000);
    expect(outbox.due(8000, 10)).toEqual([]);
    expect(outbox.due(9000, 10).map((i) => ({ id: i.id, attempts: i.attempts, lastError: i.lastError }))).toEqual([
      { id: b, attempts: 1, lastError: 'no ack: timeout' },
    ]);

    outbox.markFailed(b, 'again', 99_000);
    outbox.retryAllNow();
    expect(outbox.due(0, 10).map((i) => i.id)).toEqual([b]);
  });

  it('stores an item given the same id twice once', () => {
    const db = openDatabase(':memory:');
    const outbox = createOutboxStore(db);
    const id = '0190a5a0-0000-7000-8000-000000000001';
    outbox.enqueue({ id, type: 'test.ping', payload: 1 });
    outbox.enqueue({ id, type: 'test.ping', payload: 2 });
    expect(outbox.pendingCount()).toBe(1);
    expect(outbox.get(id)?.payload).toBe(1);
  });

  it('refuses a malformed type or an oversized payload', () => {
    const db = openDatabase(':memory:');
    expect(() => enqueueOutbox(db, { type: 'Bad Type', payload: {} })).toThrow(OutboxError);
    expect(() => enqueueOutbox(db, { type: 'test.big', payload: 'x'.repeat(300_000) })).toThrow(/exceeds/);
  });

  it('gives every item a time-ordered UUIDv7 by default', () => {
    const db = openDatabase(':memory:');
    const ids = Array.from({ length: 5 }, () => enqueueOutbox(db, { type: 'test.ping', payload: null }));
    expect(ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))).toBe(
      true,
    );
    expect([...ids].sort()).toEqual(ids);
  });
});
