/**
 * Command-line flags and environment of the reference hub. Flags win over HUB_* variables,
 * which win over the defaults.
 */
import { resolve } from 'node:path';

const FLAGS: Record<string, string> = {
  '--port': 'HUB_PORT',
  '--host': 'HUB_HOST',
  '--data': 'HUB_DATA_DIR',
  '--seed': 'HUB_SEED',
  '--admin-token': 'HUB_ADMIN_TOKEN',
  '--hall-token': 'HUB_HALL_TOKEN',
  '--database': 'HUB_DATABASE_URL',
  '--node': 'HUB_NODE_ID',
};

/** Development defaults, printed at start so nobody runs them by accident in a real hall. */
export const DEV_ADMIN_TOKEN = 'dev-admin-token';
export const DEV_HALL_TOKEN = 'dev-hall-token';

export class HubConfigError extends Error {
  override name = 'HubConfigError';
}

export interface HubCliOptions {
  port: number;
  host: string;
  dataDir: string;
  seed: number;
  adminToken: string;
  hallToken: string;
  defaultTokens: boolean;
  /** postgres://… when the hub runs on PostgreSQL (several nodes may share it); else SQLite. */
  databaseUrl: string | undefined;
  nodeId: string | undefined;
}

/** The URL without its password, for printing. */
export function redactDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

function databaseUrlFrom(text: string | undefined): string | undefined {
  if (!text) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new HubConfigError(
      `hubOptionsFrom: --database must be a URL like postgres://user:password@host:5432/hub, got "${redactDatabaseUrl(text)}"`,
    );
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new HubConfigError(
      `hubOptionsFrom: --database must be a postgres:// URL (SQLite is the default without --database), got ${url.protocol}//…`,
    );
  }
  return text;
}

export function hubOptionsFrom(argv: readonly string[], env: Record<string, string | undefined>): HubCliOptions {
  const given: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const envName = FLAGS[flag];
    if (!envName)
      throw new HubConfigError(`hubOptionsFrom: unknown option ${flag} (known: ${Object.keys(FLAGS).join(', ')})`);
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value.startsWith('--'))
      throw new HubConfigError(`hubOptionsFrom: ${flag} needs a value`);
    given[envName] = value;
  }
  const merged = { ...env, ...given };
  const int = (name: string, fallback: number, max: number): number => {
    const text = merged[name];
    if (text === undefined || text === '') return fallback;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 0 || n > max)
      throw new HubConfigError(`hubOptionsFrom: ${name} must be an integer 0–${max}, got "${text}"`);
    return n;
  };
  return {
    port: int('HUB_PORT', 4000, 65_535),
    host: merged.HUB_HOST || '127.0.0.1',
    dataDir: resolve(merged.HUB_DATA_DIR || '.data/hub'),
    seed: int('HUB_SEED', 0, 1_000_000),
    adminToken: merged.HUB_ADMIN_TOKEN || DEV_ADMIN_TOKEN,
    hallToken: merged.HUB_HALL_TOKEN || DEV_HALL_TOKEN,
    defaultTokens: !merged.HUB_ADMIN_TOKEN || !merged.HUB_HALL_TOKEN,
    databaseUrl: databaseUrlFrom(merged.HUB_DATABASE_URL),
    nodeId: merged.HUB_NODE_ID || undefined,
  };
}
