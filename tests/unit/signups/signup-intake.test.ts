import { describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { openDatabase } from '../../../electron/host/db/open-database';
import { createOutboxStore } from '../../../electron/host/sync/outbox-store';
import {
  SignupConflictError,
  createSignupIntake,
  formatSignupNumber,
} from '../../../electron/host/signups/signup-intake';
import { SignupInputSchema, type SignupInput } from '../../../shared/schemas/signup';

const NOW = new Date(2026, 10, 27, 10, 0, 0).getTime();
const input = (o: Partial<SignupInput> = {}) =>
  SignupInputSchema.parse({
    id: uuidv7(),
    phone: '13812348000',
    consentVersion: 'kiosk-2025-1',
    consentAt: new Date(NOW).toISOString(),
    ...o,
  });

describe('sign-up intake', () => {
  it('writes the sign-up and its outbox item together, with numbers counted per day', () => {
    const db = openDatabase(':memory:');
    const store = createSignupIntake(db);
    const outbox = createOutboxStore(db);
    const a = store.add(input(), 'kiosk-local', NOW);
    const b = store.add(input(), 'kiosk-local', NOW + 1000);
    const tomorrow = store.add(input(), 'kiosk-local', NOW + 24 * 3600_000);
    expect([a.number, b.number, tomorrow.number]).toEqual(['A-0001', 'A-0002', 'A-0001']);
    expect(outbox.pendingCount()).toBe(3);
    const item = outbox.get(a.id)!;
    expect(item.type).toBe('registration');
    expect(item.payload).toMatchObject({ id: a.id, number: 'A-0001', phone: '13812348000', kioskId: 'kiosk-local' });
    expect(store.countToday(NOW)).toBe(2);
  });

  it('keeps neither the sign-up nor its outbox item when the outbox write fails', () => {
    const db = openDatabase(':memory:');
    const store = createSignupIntake(db);
    // the outbox write fails inside the transaction: the sign-up and its number roll back
    db.exec('DROP TABLE outbox');
    expect(() => store.add(input(), 'kiosk-local', NOW)).toThrow();
    expect(store.count()).toBe(0);
    expect(db.prepare('SELECT COUNT(*) AS n FROM signup_counters').get()).toEqual({ n: 0 });
  });

  it('returns the first number for a replay and refuses the same id with other details', () => {
    const db = openDatabase(':memory:');
    const store = createSignupIntake(db);
    const first = input();
    const a = store.add(first, 'kiosk-local', NOW);
    expect(store.add(first, 'kiosk-local', NOW + 5)).toEqual({ id: a.id, number: a.number, created: false });
    expect(() => store.add({ ...first, phone: '13900001111' }, 'kiosk-local', NOW)).toThrow(SignupConflictError);
    expect(store.count()).toBe(1);
    expect(createOutboxStore(db).pendingCount()).toBe(1);
  });

  it('formats numbers short enough to say aloud', () => {
    expect(formatSignupNumber(1)).toBe('A-0001');
    expect(formatSignupNumber(427)).toBe('A-0427');
    expect(formatSignupNumber(10_000)).toBe('B-0000');
    expect(() => formatSignupNumber(0)).toThrow(/formatSignupNumber/);
  });
});
