/** A database written at schema 1 and upgraded step by step to the latest: what each version wrote, read back through today's stores. */
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION, migrateTo } from '../../../electron/host/db/migrations/index';
import { createPostingStore } from '../../../electron/host/db/posting-store';
import { createQuarantineStore } from '../../../electron/host/db/quarantine-store';
import { createOutboxStore } from '../../../electron/host/sync/outbox-store';
import { createSignupIntake } from '../../../electron/host/signups/signup-intake';
import { NOW, makePosting } from './fixtures';
import { databaseAt, insertRow, v1Cursor, v1Posting, v3OutboxItem, v4Signup } from './old-rows';
import { createUrgentStore } from '../../../electron/host/urgent/urgent-store';
import { createStaffAuth } from '../../../electron/host/staff/staff-auth';
import { silentLog } from '../../support/silent-log';

const quietLog = silentLog();

describe('an old database upgraded to the latest version', () => {
  it('reads back, through today’s stores, every row written at the version it was written in, and takes new ones', async () => {
    const db = databaseAt(1);
    insertRow(db, 'listings', v1Posting({ id: 'from-v1' }));
    v1Cursor(db, 41);
    migrateTo(db, 2);
    insertRow(db, 'quarantine', { received_at: NOW, source: 'hub', seq: 11, reason: 'bad', payload: '{}' });
    migrateTo(db, 3);
    const pending = insertRow(db, 'outbox', v3OutboxItem());
    migrateTo(db, 4);
    const signup = insertRow(db, 'registrations', v4Signup({ listing_id: 'from-v1' }));
    insertRow(db, 'registration_counters', { day: String(signup.day), last: 1 });

    migrateTo(db, LATEST_VERSION);

    const postings = createPostingStore(db);
    const posting = makePosting({ id: 'from-v1' });
    expect(postings.get('from-v1')).toEqual(posting);
    expect(postings.getCursor()).toBe(41);
    expect(postings.search({ q: '叉车司', limit: 10, now: NOW }).total).toBe(1);
    expect(postings.search({ q: '信州', limit: 10, now: NOW }).total).toBe(1);

    const quarantine = createQuarantineStore(db);
    expect(quarantine.count()).toBe(1);
    const id = quarantine.add({
      receivedAt: NOW,
      source: 'hub',
      seq: null,
      reason: 'title: required',
      payload: '{"id":"x"}',
    });
    expect(quarantine.list()).toContainEqual({
      id,
      receivedAt: NOW,
      source: 'hub',
      seq: null,
      reason: 'title: required',
      payload: '{"id":"x"}',
    });

    const outbox = createOutboxStore(db);
    expect(outbox.get(String(pending.id))?.deliveredAt).toBeNull();
    expect(outbox.pendingCount()).toBe(1);

    // the kiosk numbers on from the old day's counter, with its outbox item in the same write
    const receipt = createSignupIntake(db).add(
      {
        id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
        phone: '13912348000',
        name: '',
        occupations: ['moving'],
        districts: [],
        availability: ['today'],
        expectedPay: null,
        payUnit: null,
        listingId: posting.id,
        consentVersion: 'kiosk-2025-1',
        consentAt: new Date(NOW).toISOString(),
      },
      'kiosk-local',
      NOW,
    );
    expect(receipt).toMatchObject({ number: 'A-0002', created: true });
    expect(outbox.pendingCount()).toBe(2);

    // an urgent posting is stored with its outbox row; staff can be set up
    const urgent = createUrgentStore(db, () => NOW, quietLog);
    const record = urgent.create(
      {
        title: '急招叉车司机',
        body: '',
        expiresAt: new Date(NOW + 3600_000).toISOString(),
        listingId: posting.id,
        screens: null,
      },
      '王主任',
      NOW,
    );
    expect(urgent.live(NOW).map((r) => r.id)).toEqual([record.id]);
    expect(outbox.pendingCount()).toBe(3);
    const auth = createStaffAuth(db, () => NOW);
    await auth.setupFirstAdmin('王主任', '271828');
    expect(auth.hasAccounts()).toBe(true);
  });
});
