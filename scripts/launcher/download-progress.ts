/**
 * Pure: what `npm start` shows while it fetches Electron (about 100 MB, once) and when it gives
 * up. A slow hall link must not be cut off by a fixed deadline: the download runs as long as
 * bytes arrive, with a progress line, and is given up only when nothing has arrived for
 * STALL_MS. The cached part is reused by @electron/get on the next start.
 */

/** Nothing received for this long: the download has stalled (not merely slow). */
export const STALL_MS = 120_000;

export interface DownloadProgress {
  transferred: number;
  /** null when the server sends no length. */
  total: number | null;
}

const MB = 1024 * 1024;
const mb = (bytes: number) => (bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0);

/** Where the binary comes from, as a person reads it: the mirror's host, or github.com. */
export function downloadSource(env: Readonly<Record<string, string | undefined>>): string {
  const mirror = env.ELECTRON_MIRROR || env.npm_config_electron_mirror || env.NPM_CONFIG_ELECTRON_MIRROR;
  if (!mirror) return 'github.com';
  try {
    return new URL(mirror).host || mirror;
  } catch {
    return mirror;
  }
}

export function progressLine(what: string, source: string, progress: DownloadProgress, elapsedMs: number): string {
  const rate = elapsedMs > 0 ? `, ${mb((progress.transferred / elapsedMs) * 1000)} MB/s` : '';
  const amount =
    progress.total && progress.total > 0
      ? `${Math.floor((progress.transferred / progress.total) * 100)} % of ${mb(progress.total)} MB`
      : `${mb(progress.transferred)} MB`;
  return `Downloading ${what} from ${source}: ${amount}${rate}`;
}

/**
 * Writes progress for a terminal (one line rewritten in place, at most twice a second) or for
 * a log (a new line every 10 %). Nothing is written before the first byte arrives, so a
 * download that cannot even connect leaves only the launcher's one-line reason.
 */
export function createProgressReporter(options: {
  what: string;
  source: string;
  isTTY: boolean;
  write: (text: string) => void;
  now: () => number;
}) {
  // The rate counts from the first byte: connecting and resolving are not transfer time.
  let started: number | null = null;
  let lastWrite = -Infinity;
  let lastDecile = -1;
  let shown = false;
  return {
    update(progress: DownloadProgress): void {
      if (progress.transferred <= 0) return;
      const now = options.now();
      started ??= now;
      const line = progressLine(options.what, options.source, progress, now - started);
      if (options.isTTY) {
        if (now - lastWrite < 500 && progress.transferred !== progress.total) return;
        lastWrite = now;
        shown = true;
        options.write(`\r${line}\u001b[K`);
        return;
      }
      const decile = progress.total
        ? Math.floor((progress.transferred / progress.total) * 10)
        : Math.floor(progress.transferred / (10 * MB));
      if (decile === lastDecile) return;
      lastDecile = decile;
      options.write(`${line}\n`);
    },
    /** Ends the rewritten line, so what follows starts on its own. */
    done(): void {
      if (shown) options.write('\n');
      shown = false;
    },
  };
}

/** Watches for a stall: `touch()` on every chunk; `stalled()` once STALL_MS pass without one. */
export function createStallWatch(options: { stallMs?: number; now: () => number }) {
  const stallMs = options.stallMs ?? STALL_MS;
  let last = options.now();
  let bytes = 0;
  return {
    touch(transferred: number): void {
      if (transferred > bytes) {
        bytes = transferred;
        last = options.now();
      }
    },
    stalled(): boolean {
      return options.now() - last >= stallMs;
    },
    get stallMs() {
      return stallMs;
    },
  };
}

/** The one-line reason a download failed, with what to do about it. */
export function downloadFailureReason(
  error: unknown,
  context: { source: string; stalled: { afterBytes: number; total: number | null; stallMs: number } | null },
): string {
  const hint = context.source === 'github.com' ? '; set ELECTRON_MIRROR for a nearer mirror' : '';
  if (context.stalled) {
    const { afterBytes, total, stallMs } = context.stalled;
    const got = total ? `${mb(afterBytes)} of ${mb(total)} MB` : `${mb(afterBytes)} MB`;
    return `download from ${context.source} stalled: nothing received for ${Math.round(stallMs / 1000)} s after ${got}; run npm start again to retry${hint}`;
  }
  const err = error as { message?: string; code?: string; cause?: { code?: string; message?: string } } | null;
  if (err?.code === 'ERR_REQUIRE_ESM')
    return `Electron's installer needs Node 22.12 or newer (this is Node ${process.versions.node})`;
  const cause = err?.cause?.message && err.cause.message !== err.message ? `, ${err.cause.message}` : '';
  const first = String(err?.message ?? error)
    .split('\n')[0]!
    .trim();
  return `download from ${context.source} failed: ${first}${cause}${hint}`;
}
