// Pure: a daily reload of every window inside the hall's quiet hours (closed at night), so that
// whatever state a page gathered over a day starts fresh, and never in the middle of market hours.

export interface QuietHours {
  /** Minutes after local midnight. */
  startMin: number;
  /** Minutes after local midnight; smaller than startMin when the window crosses midnight. */
  endMin: number;
}

export class QuietHoursError extends Error {
  override readonly name = 'QuietHoursError';
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Reads "03:00-04:00" (local time; "23:30-00:30" crosses midnight). */
export function parseQuietHours(text: string): QuietHours {
  const [start, end, ...rest] = text.split('-').map((p) => p.trim());
  const a = start ? HHMM.exec(start) : null;
  const b = end ? HHMM.exec(end) : null;
  if (!a || !b || rest.length > 0) throw new QuietHoursError(`parseQuietHours: "${text}" is not like 03:00-04:00`);
  const startMin = Number(a[1]) * 60 + Number(a[2]);
  const endMin = Number(b[1]) * 60 + Number(b[2]);
  if (startMin === endMin) throw new QuietHoursError(`parseQuietHours: "${text}" is an empty window`);
  return { startMin, endMin };
}

function durationMin(quiet: QuietHours): number {
  return quiet.endMin > quiet.startMin ? quiet.endMin - quiet.startMin : 24 * 60 - quiet.startMin + quiet.endMin;
}

/**
 * The next reload time strictly after `now`: the next start of the quiet window (today's if it
 * is still ahead, else tomorrow's) plus a random point inside it, so that halls sharing one
 * upstream do not all reload in the same second. Local wall-clock arithmetic via Date, so a
 * daylight-saving change moves the window with the clock.
 */
export function nextReloadAt(now: number, quiet: QuietHours, random: () => number): number {
  const base = new Date(now);
  const start = new Date(
    base.getFullYear(),
    base.getMonth(),
    base.getDate(),
    Math.floor(quiet.startMin / 60),
    quiet.startMin % 60,
    0,
    0,
  );
  if (start.getTime() <= now) start.setDate(start.getDate() + 1);
  const r = Number.isFinite(random()) ? Math.min(Math.max(random(), 0), 0.999) : 0;
  return start.getTime() + Math.floor(r * durationMin(quiet) * 60_000);
}

/** Is `now` inside the quiet window? (A reload that fired late, e.g. after sleep, checks this.) */
export function isQuietTime(now: number, quiet: QuietHours): boolean {
  const d = new Date(now);
  const minute = d.getHours() * 60 + d.getMinutes();
  return quiet.endMin > quiet.startMin
    ? minute >= quiet.startMin && minute < quiet.endMin
    : minute >= quiet.startMin || minute < quiet.endMin;
}
