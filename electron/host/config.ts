import { resolve } from 'node:path';

/** Everything the hall host needs to start; built from argv + environment by `hallOptionsFrom`. */
export interface HallOptions {
  port: number;
  host: string;
  dataDir: string;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** Shipped assets (demo postings, pictograms). */
  assetsDir: string;
  /** `url` is the first hub node; `urls` all of them, tried in turn (`--hub URL1,URL2,URL3`). */
  hub: { url: string; urls: string[]; hallId: string; token: string } | null;
  /** Sets the first admin PIN when none exists (HALL_STAFF_PIN). */
  staffPin: string | null;
  /** Days of proof-of-play counts kept (`--play-retention-days`, HALL_PLAY_RETENTION_DAYS; default 90). */
  playRetentionDays: number;
  /** better-sqlite3 build to load (the Electron shell's, for Electron's ABI); absent: node_modules' own. */
  nativeBinding?: string | null;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const repoRoot = resolve(import.meta.dirname, '../..');

const FLAGS: Record<string, string> = {
  '--port': 'HALL_PORT',
  '--host': 'HALL_HOST',
  '--data': 'HALL_DATA_DIR',
  '--hub': 'HALL_HUB_URL',
  '--hall-id': 'HALL_ID',
  '--hub-token': 'HALL_HUB_TOKEN',
  '--play-retention-days': 'HALL_PLAY_RETENTION_DAYS',
};

function parseArgs(argv: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const envName = FLAGS[flag];
    if (!envName)
      throw new ConfigError(`hallOptionsFrom: unknown option ${flag} (known: ${Object.keys(FLAGS).join(', ')})`);
    const value = inline ?? argv[++i];
    if (value === undefined || value.startsWith('--')) throw new ConfigError(`hallOptionsFrom: ${flag} needs a value`);
    out[envName] = value;
  }
  return out;
}

/**
 * Command-line flags win over environment variables, which win over defaults
 * (DESIGN.md: `--port` ≙ HALL_PORT, `--data` ≙ HALL_DATA_DIR, …).
 */
export function hallOptionsFrom(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  defaults: Partial<HallOptions> = {},
): HallOptions {
  const merged = { ...env, ...parseArgs(argv) };
  const portText = merged.HALL_PORT;
  const port = portText === undefined || portText === '' ? (defaults.port ?? 8080) : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new ConfigError(`hallOptionsFrom: port must be an integer 0–65535, got "${portText}"`);
  }
  const hubUrls = hubUrlsFrom(merged.HALL_HUB_URL);
  let hub: HallOptions['hub'] = null;
  if (hubUrls.length > 0) {
    const hallId = merged.HALL_ID;
    const token = merged.HALL_HUB_TOKEN;
    if (!hallId || !token)
      throw new ConfigError('hallOptionsFrom: --hub needs --hall-id and --hub-token (or HALL_ID, HALL_HUB_TOKEN)');
    hub = { url: hubUrls[0]!, urls: hubUrls, hallId, token };
  }
  return {
    port,
    host: merged.HALL_HOST || defaults.host || '127.0.0.1',
    dataDir: resolve(merged.HALL_DATA_DIR || defaults.dataDir || resolve(repoRoot, '.data/hall')),
    rendererDir: defaults.rendererDir ?? resolve(repoRoot, 'dist/renderer'),
    assetsDir: defaults.assetsDir ?? resolve(repoRoot, 'assets'),
    hub,
    staffPin: merged.HALL_STAFF_PIN || defaults.staffPin || null,
    playRetentionDays: retentionDaysFrom(merged.HALL_PLAY_RETENTION_DAYS, defaults.playRetentionDays ?? 90),
    nativeBinding: defaults.nativeBinding ?? null,
  };
}

/** At most this many hub nodes in `--hub`; a city runs a handful. */
const MAX_HUB_URLS = 16;

/** `--hub URL1,URL2,…`: each an http(s) URL, trailing slashes dropped, no repeats. */
export function hubUrlsFrom(text: string | undefined): string[] {
  if (!text) return [];
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length > MAX_HUB_URLS)
    throw new ConfigError(`hallOptionsFrom: --hub names ${parts.length} URLs; at most ${MAX_HUB_URLS}`);
  const out: string[] = [];
  for (const part of parts) {
    let url: URL;
    try {
      url = new URL(part);
    } catch {
      throw new ConfigError(
        `hallOptionsFrom: --hub must be a URL like http://127.0.0.1:4000 (or several, comma-separated), got "${part}"`,
      );
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new ConfigError(`hallOptionsFrom: --hub URLs must be http:// or https://, got "${part}"`);
    const clean = part.replace(/\/+$/, '');
    if (!out.includes(clean)) out.push(clean);
  }
  return out;
}

function retentionDaysFrom(text: string | undefined, fallback: number): number {
  if (text === undefined || text === '') return fallback;
  const days = Number(text);
  if (!Number.isInteger(days) || days < 1 || days > 3650)
    throw new ConfigError(
      `hallOptionsFrom: --play-retention-days must be a whole number of days 1–3650, got "${text}"`,
    );
  return days;
}
