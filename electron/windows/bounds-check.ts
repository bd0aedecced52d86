import type { Rect } from './display-assignment';

// Pure: is a wall or kiosk window where it should be? Window managers do not always honour the
// bounds a window was created with (a full-screen window lands on the primary display, an LED
// controller that reconnects reports a new size a moment later), so the shell looks again after
// showing and after every move, and puts the window back.

/** Off by more than `tolerancePx` on any edge (fractional scale factors round by a pixel). */
export function boundsOff(actual: Rect, wanted: Rect, tolerancePx = 2): boolean {
  return (
    Math.abs(actual.x - wanted.x) > tolerancePx ||
    Math.abs(actual.y - wanted.y) > tolerancePx ||
    Math.abs(actual.x + actual.width - (wanted.x + wanted.width)) > tolerancePx ||
    Math.abs(actual.y + actual.height - (wanted.y + wanted.height)) > tolerancePx
  );
}

export function describeRect(rect: Rect): string {
  return `${rect.width}×${rect.height}+${rect.x}+${rect.y}`;
}

export interface BoundsCheckOptions {
  /** Wait this long after showing or moving before looking (the window manager is asynchronous). */
  delayMs: number;
  /** Re-apply at most this many times in a row before saying so and leaving the window be. */
  maxAttempts: number;
}

export const DEFAULT_BOUNDS_CHECK: BoundsCheckOptions = { delayMs: 1_000, maxAttempts: 3 };

export type BoundsVerdict = { action: 'ok' } | { action: 'reapply'; attempt: number } | { action: 'give-up' };

/** What to do on the `attempt`-th look (1-based) at a window whose bounds are `actual`. */
export function judgeBounds(
  actual: Rect,
  wanted: Rect,
  attempt: number,
  options: BoundsCheckOptions = DEFAULT_BOUNDS_CHECK,
): BoundsVerdict {
  if (!boundsOff(actual, wanted)) return { action: 'ok' };
  return attempt > options.maxAttempts ? { action: 'give-up' } : { action: 'reapply', attempt };
}
