import { describe, expect, it } from 'vitest';
import { isQuietTime, nextReloadAt, parseQuietHours, QuietHoursError } from '../../../electron/windows/nightly-reload';

// Local-time dates, so the expectations hold in any time zone the tests run in.
const at = (day: number, hour: number, minute = 0): number => new Date(2026, 2, day, hour, minute, 0, 0).getTime();

describe('parseQuietHours', () => {
  it.each([
    { text: '03:00-04:00', want: { startMin: 180, endMin: 240 } },
    { text: '23:30 - 00:30', want: { startMin: 1410, endMin: 30 } },
  ])('reads $text', ({ text, want }) => {
    expect(parseQuietHours(text)).toEqual(want);
  });

  it.each(['3-4', '03:00', '03:00-03:00', '24:00-01:00', '03:00-04:00-05:00'])('refuses %s', (text) => {
    expect(() => parseQuietHours(text)).toThrow(QuietHoursError);
  });
});

describe('nextReloadAt', () => {
  const quiet = parseQuietHours('03:00-04:00');
  it.each([
    { name: 'before the window: today', now: at(10, 1), random: 0, want: at(10, 3) },
    { name: 'after the window: tomorrow', now: at(10, 14), random: 0, want: at(11, 3) },
    {
      name: 'inside the window: tomorrow (tonight’s start has passed)',
      now: at(10, 3, 30),
      random: 0,
      want: at(11, 3),
    },
    { name: 'exactly at the start: tomorrow', now: at(10, 3), random: 0, want: at(11, 3) },
    { name: 'a random point inside the window', now: at(10, 1), random: 0.5, want: at(10, 3, 30) },
    { name: 'never past the end', now: at(10, 1), random: 1, want: at(10, 3, 59) + 56_400 },
    {
      name: 'last day of the month rolls over',
      now: at(31, 12),
      random: 0,
      want: new Date(2026, 3, 1, 3, 0).getTime(),
    },
  ])('$name', ({ now, random, want }) => {
    expect(nextReloadAt(now, quiet, () => random)).toBe(want);
  });

  it('handles a window across midnight', () => {
    const late = parseQuietHours('23:30-00:30');
    expect(nextReloadAt(at(10, 12), late, () => 0.75)).toBe(at(11, 0, 15));
  });

  it('always lands inside the quiet window, whatever the random source gives', () => {
    for (const random of [0, 0.1, 0.5, 0.9, 0.999, 1, 5, -1, Number.NaN]) {
      const when = nextReloadAt(at(10, 12), quiet, () => random);
      expect(isQuietTime(when, quiet)).toBe(true);
      expect(when).toBeGreaterThan(at(10, 12));
    }
  });
});

describe('isQuietTime', () => {
  it.each([
    { quiet: '03:00-04:00', now: at(10, 3), want: true },
    { quiet: '03:00-04:00', now: at(10, 4), want: false },
    { quiet: '03:00-04:00', now: at(10, 2, 59), want: false },
    { quiet: '23:30-00:30', now: at(10, 23, 45), want: true },
    { quiet: '23:30-00:30', now: at(10, 0, 10), want: true },
    { quiet: '23:30-00:30', now: at(10, 12), want: false },
  ])('$quiet at $now → $want', ({ quiet, now, want }) => {
    expect(isQuietTime(now, parseQuietHours(quiet))).toBe(want);
  });
});
