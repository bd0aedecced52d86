/**
 * Staff identity: PIN accounts (scrypt hashes), lock-out after repeated wrong PINs, and
 * bearer sessions with an expiry.
 *
 * The contract signs in with a PIN alone (`{ pin }`), so a wrong PIN cannot be pinned on an
 * account; wrong PINs are counted per client address instead. Five in a row lock that address
 * out for 30 s, doubling with every further lock-out up to an hour. Counts live in the
 * database, so restarting the host does not refill an attacker's guesses.
 *
 * Sign-in cannot be raced: an address has one attempt in flight at a time (the others are
 * refused with `busy` before any PIN is checked), and each attempt is counted as a failure
 * before its PIN is checked, in the same transaction that reads the lock; a right PIN then
 * clears the count. However many requests arrive at once, the lock-out holds.
 */
import { createHash, randomBytes } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import type { WritableDatabase } from '../db/handles';
import type { StaffIdentity } from '../../../shared/staff-contract';
import { hashPin, verifyPin } from './pin-hash';

export const MAX_WRONG_PINS = 5;
const FIRST_LOCKOUT_MS = 30_000;
const MAX_LOCKOUT_MS = 3600_000;
export const SESSION_TTL_MS = 12 * 3600_000;

export class StaffAuthError extends Error {
  override name = 'StaffAuthError';
  constructor(
    readonly code: 'wrong_pin' | 'locked_out' | 'busy' | 'setup_done' | 'pin_taken',
    message: string,
    readonly retryAfterMs = 0,
    /** For `locked_out`: this attempt was the one that locked the device (not one refused while locked). */
    readonly justLocked = false,
  ) {
    super(message);
  }
}

interface AccountRow {
  id: string;
  name: string;
  role: 'admin' | 'staff';
  pin_hash: string;
}

interface LockRow {
  failures: number;
  lockouts: number;
  locked_until: number;
}

export interface StaffSession extends StaffIdentity {
  token: string;
  expiresAt: number;
}

export interface StaffAuth {
  hasAccounts(): boolean;
  /** Creates the first admin; refused once any account exists. */
  setupFirstAdmin(name: string, pin: string): Promise<StaffIdentity>;
  createAccount(name: string, pin: string, role: 'admin' | 'staff'): Promise<StaffIdentity>;
  signIn(pin: string, source: string): Promise<StaffSession>;
  /** The identity behind a bearer token, or null (unknown, expired, revoked). */
  authenticate(token: string): StaffIdentity | null;
  signOut(token: string): void;
}

const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

export function createStaffAuth(db: WritableDatabase, clock: () => number): StaffAuth {
  const countAccounts = db.prepare<[], { n: number }>(
    'SELECT COUNT(*) AS n FROM staff_accounts WHERE disabled_at IS NULL',
  );
  const allAccounts = db.prepare<[], AccountRow>(
    'SELECT id, name, role, pin_hash FROM staff_accounts WHERE disabled_at IS NULL ORDER BY created_at',
  );
  const insertAccount = db.prepare<{ id: string; name: string; role: string; pin_hash: string; now: number }>(
    'INSERT INTO staff_accounts (id, name, role, pin_hash, created_at) VALUES (@id, @name, @role, @pin_hash, @now)',
  );
  const getLock = db.prepare<{ source: string }, LockRow>(
    'SELECT failures, lockouts, locked_until FROM staff_lockouts WHERE source = @source',
  );
  const putLock = db.prepare<{ source: string; failures: number; lockouts: number; locked_until: number; now: number }>(
    `INSERT INTO staff_lockouts (source, failures, lockouts, locked_until, updated_at) VALUES (@source, @failures, @lockouts, @locked_until, @now)
     ON CONFLICT (source) DO UPDATE SET failures = excluded.failures, lockouts = excluded.lockouts, locked_until = excluded.locked_until, updated_at = excluded.updated_at`,
  );
  const clearLock = db.prepare<{ source: string }>('DELETE FROM staff_lockouts WHERE source = @source');
  const insertSession = db.prepare<{ hash: string; account: string; now: number; expires: number }>(
    'INSERT INTO staff_sessions (token_hash, account_id, created_at, expires_at) VALUES (@hash, @account, @now, @expires)',
  );
  const selectSession = db.prepare<
    { hash: string; now: number },
    { id: string; name: string; role: 'admin' | 'staff' }
  >(
    `SELECT a.id, a.name, a.role FROM staff_sessions s JOIN staff_accounts a ON a.id = s.account_id
     WHERE s.token_hash = @hash AND s.revoked_at IS NULL AND s.expires_at > @now AND a.disabled_at IS NULL`,
  );
  const revokeSession = db.prepare<{ hash: string; now: number }>(
    'UPDATE staff_sessions SET revoked_at = @now WHERE token_hash = @hash AND revoked_at IS NULL',
  );
  const purgeSessions = db.prepare<{ before: number }>('DELETE FROM staff_sessions WHERE expires_at < @before');

  /** Sources with a sign-in being checked right now. */
  const inFlight = new Set<string>();

  /**
   * Reads the lock and counts this attempt as a failure in one transaction, before any PIN is
   * checked. lockedUntil > 0: the device is locked out (nothing counted).
   */
  const countAttempt = db.transaction(
    (source: string, now: number): { failures: number; lockouts: number; lockedUntil: number } => {
      const lock = getLock.get({ source });
      if (lock && lock.locked_until > now)
        return { failures: lock.failures, lockouts: lock.lockouts, lockedUntil: lock.locked_until };
      const failures = (lock?.failures ?? 0) + 1;
      putLock.run({ source, failures, lockouts: lock?.lockouts ?? 0, locked_until: 0, now });
      return { failures, lockouts: lock?.lockouts ?? 0, lockedUntil: 0 };
    },
  );
  const uncount = (source: string, failures: number, lockouts: number) =>
    putLock.run({ source, failures, lockouts, locked_until: 0, now: clock() });

  async function findAccount(pin: string): Promise<AccountRow | null> {
    // Every account is checked even after a match, so timing does not tell how many exist before it.
    let found: AccountRow | null = null;
    for (const account of allAccounts.all()) {
      if ((await verifyPin(pin, account.pin_hash)) && !found) found = account;
    }
    return found;
  }

  async function addAccount(
    name: string,
    pin: string,
    role: 'admin' | 'staff',
    onlyIfNone: boolean,
  ): Promise<StaffIdentity> {
    if (await findAccount(pin))
      throw new StaffAuthError(
        'pin_taken',
        'createAccount: another account already uses this PIN; choose a different one',
      );
    const pinHash = await hashPin(pin);
    const id = uuidv7();
    db.transaction(() => {
      if (onlyIfNone && (countAccounts.get()?.n ?? 0) > 0) {
        throw new StaffAuthError(
          'setup_done',
          'setupFirstAdmin: the first admin already exists; sign in with a PIN instead',
        );
      }
      insertAccount.run({ id, name, role, pin_hash: pinHash, now: clock() });
    })();
    return { accountId: id, name, role };
  }

  function openSession(account: StaffIdentity): StaffSession {
    const token = randomBytes(32).toString('base64url');
    const now = clock();
    const expiresAt = now + SESSION_TTL_MS;
    purgeSessions.run({ before: now - 24 * 3600_000 });
    insertSession.run({ hash: tokenHash(token), account: account.accountId, now, expires: expiresAt });
    return { ...account, token, expiresAt };
  }

  return {
    hasAccounts: () => (countAccounts.get()?.n ?? 0) > 0,
    setupFirstAdmin: (name, pin) => addAccount(name, pin, 'admin', true),
    createAccount: (name, pin, role) => addAccount(name, pin, role, false),

    async signIn(pin, source) {
      if (inFlight.has(source)) {
        throw new StaffAuthError(
          'busy',
          'signIn: another sign-in from this device is still being checked; wait for it',
          1000,
        );
      }
      inFlight.add(source);
      try {
        const attempt = countAttempt(source, clock());
        if (attempt.lockedUntil > 0) {
          const left = attempt.lockedUntil - clock();
          throw new StaffAuthError(
            'locked_out',
            `signIn: too many wrong PINs from this device; try again in ${Math.ceil(left / 1000)} s`,
            left,
          );
        }
        let account: AccountRow | null;
        try {
          account = await findAccount(pin);
        } catch (error) {
          // not checked (the PIN checks are overloaded): this attempt does not count
          uncount(source, attempt.failures - 1, attempt.lockouts);
          throw error;
        }
        if (account) {
          clearLock.run({ source });
          return openSession({ accountId: account.id, name: account.name, role: account.role });
        }
        if (attempt.failures >= MAX_WRONG_PINS) {
          const lockouts = attempt.lockouts + 1;
          const period = Math.min(MAX_LOCKOUT_MS, FIRST_LOCKOUT_MS * 2 ** (lockouts - 1));
          putLock.run({ source, failures: 0, lockouts, locked_until: clock() + period, now: clock() });
          throw new StaffAuthError(
            'locked_out',
            `signIn: wrong PIN; ${MAX_WRONG_PINS} wrong PINs in a row lock this device out for ${Math.round(period / 1000)} s`,
            period,
            true,
          );
        }
        throw new StaffAuthError(
          'wrong_pin',
          `signIn: wrong PIN (${MAX_WRONG_PINS - attempt.failures} tries left before a lock-out)`,
        );
      } finally {
        inFlight.delete(source);
      }
    },

    authenticate(token) {
      const row = selectSession.get({ hash: tokenHash(token), now: clock() });
      return row ? { accountId: row.id, name: row.name, role: row.role } : null;
    },

    signOut(token) {
      revokeSession.run({ hash: tokenHash(token), now: clock() });
    },
  };
}
