import { describe, expect, it } from 'vitest';
import { boundsOff, describeRect, judgeBounds } from '../../../electron/windows/bounds-check';

const wall = { x: 1920, y: 0, width: 1920, height: 1080 };

describe('boundsOff', () => {
  it.each([
    { name: 'exactly on its display', actual: wall, off: false },
    {
      name: 'a pixel off from a fractional scale factor',
      actual: { x: 1921, y: 0, width: 1919, height: 1081 },
      off: false,
    },
    { name: 'two pixels short on the right', actual: { ...wall, width: 1918 }, off: false },
    { name: 'on the primary display instead', actual: { ...wall, x: 0 }, off: true },
    {
      name: 'the old resolution after the controller came back',
      actual: { ...wall, width: 1280, height: 720 },
      off: true,
    },
    { name: 'moved down by the taskbar', actual: { ...wall, y: 40, height: 1040 }, off: true },
  ])('$name → $off', ({ actual, off }) => {
    expect(boundsOff(actual, wall)).toBe(off);
  });
});

describe('judgeBounds', () => {
  const options = { delayMs: 1_000, maxAttempts: 3 };
  it.each([
    { attempt: 1, actual: wall, want: { action: 'ok' } },
    { attempt: 4, actual: wall, want: { action: 'ok' } },
    { attempt: 1, actual: { ...wall, x: 0 }, want: { action: 'reapply', attempt: 1 } },
    { attempt: 3, actual: { ...wall, x: 0 }, want: { action: 'reapply', attempt: 3 } },
    { attempt: 4, actual: { ...wall, x: 0 }, want: { action: 'give-up' } },
  ])('look #$attempt at $actual.x → $want.action', ({ attempt, actual, want }) => {
    expect(judgeBounds(actual, wall, attempt, options)).toEqual(want);
  });

  it('writes a rectangle the way xrandr does', () => {
    expect(describeRect(wall)).toBe('1920×1080+1920+0');
  });
});
