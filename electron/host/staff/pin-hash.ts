/**
 * PIN hashes with scrypt (node:crypto). The stored string carries its own parameters and
 * salt (`scrypt$N$r$p$salt$hash`), so the cost can be raised later without breaking old rows.
 *
 * Where scrypt runs: node's async scrypt uses libuv's thread pool, four threads by default,
 * which also serve every file the host reads (the screens' assets, the database's WAL
 * checkpoints go through it too). Sign-in checks a PIN against every account, so a few
 * sign-ins at once could take all four threads for seconds and the walls' pages would wait
 * for their files. So scrypt runs one at a time (at most one pool thread, three stay free),
 * and at most `MAX_QUEUED` wait; past that a sign-in is refused at once (PinHashBusyError,
 * 503) instead of piling up. A dedicated worker thread would need its own bundle for a few
 * milliseconds of work per PIN; a bounded queue over the pool gives the same guarantee.
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const N = 16_384;
const R = 8;
const P = 1;
const KEY_LEN = 32;
export const MAX_QUEUED = 32;

export class PinHashError extends Error {
  override name = 'PinHashError';
}

export class PinHashBusyError extends Error {
  override name = 'PinHashBusyError';
}

let running = false;
const waiting: Array<() => void> = [];

async function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  if (running) {
    if (waiting.length >= MAX_QUEUED)
      throw new PinHashBusyError(`scrypt: ${MAX_QUEUED} PIN checks are already waiting; try again in a moment`);
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  running = true;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running = false;
  }
}

function scrypt(pin: string, salt: Buffer, keyLen: number, options: ScryptOptions): Promise<Buffer> {
  return oneAtATime(
    () =>
      new Promise((resolve, reject) => {
        scryptCb(pin, salt, keyLen, options, (error, key) => (error ? reject(error) : resolve(key)));
      }),
  );
}

/** PIN checks waiting for their turn (for /healthz and tests). */
export const pinChecksWaiting = (): number => waiting.length;

export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(pin, salt, KEY_LEN, { N, r: R, p: P });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt')
    throw new PinHashError('verifyPin: stored hash is not an scrypt$N$r$p$salt$hash string');
  const [, n, r, p, salt, hash] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hash, 'base64url');
  const key = await scrypt(pin, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 64 * 1024 * 1024,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}
