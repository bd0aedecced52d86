/**
 * A real hall host in this process (real SQLite file in a tmp dir, real HTTP port) for the
 * kiosk tests, with its log lines kept so tests can check nothing personal was logged.
 */
import { join, resolve } from 'node:path';
import { pino } from 'pino';
import { uuidv7 } from 'uuidv7';
import { startHall, type Hall, type HallDeps } from '../../../../electron/host/hall';
import { hallOptionsFrom } from '../../../../electron/host/config';
import { CONSENT_VERSION, type SignupInput } from '../../../../shared/schemas/signup';
import { tmpDir } from '../../../support/tmp-dir';

export const ROOT = resolve(import.meta.dirname, '../../../..');

export interface TestHall {
  hall: Hall;
  dataDir: string;
  logText: () => string;
}

export async function startKioskHall(
  options: { dataDir?: string; args?: string[]; deps?: HallDeps } = {},
): Promise<TestHall> {
  const dataDir = options.dataDir ?? tmpDir('kiosk-');
  const raw: string[] = [];
  const log = pino({ name: 'hall', level: 'debug' }, { write: (line: string) => void raw.push(line) });
  const hall = await startHall(
    hallOptionsFrom(
      ['--port', '0', '--data', dataDir, ...(options.args ?? [])],
      {},
      { rendererDir: join(ROOT, 'dist/renderer'), assetsDir: join(ROOT, 'assets') },
    ),
    { log, ...options.deps },
  );
  return { hall, dataDir, logText: () => raw.join('') };
}

/** A valid sign-up body; override any field. */
export function signup(overrides: Partial<SignupInput> = {}): SignupInput {
  return {
    id: uuidv7(),
    phone: '13912345678',
    name: '王小明',
    occupations: ['moving', 'delivery'],
    districts: ['361102'],
    availability: ['today', 'evenings'],
    expectedPay: 200,
    payUnit: 'day',
    listingId: null,
    consentVersion: CONSENT_VERSION,
    consentAt: new Date().toISOString(),
    ...overrides,
  };
}

export async function postSignup(
  url: string,
  body: unknown,
  token: string | null,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${url}/api/registrations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
