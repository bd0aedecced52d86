import { describe, expect, it } from 'vitest';
import { createIdleTracker, matchesChord, parseChord, StaffChordError } from '../../../electron/windows/staff-access';
import { keyDown } from './fake-electron';

const press = keyDown;

describe('parseChord', () => {
  it.each([
    { text: 'Ctrl+Alt+Shift+S', want: { key: 'S', control: true, alt: true, shift: true } },
    { text: 'ctrl + shift + F9', want: { key: 'F9', control: true, alt: false, shift: true } },
    { text: 'CmdOrCtrl+Alt+K', want: { key: 'K', control: true, alt: true, shift: false } },
  ])('reads $text', ({ text, want }) => {
    expect(parseChord(text)).toEqual(want);
  });

  it.each([
    { text: 'S', why: 'at least two' },
    { text: 'Ctrl+S', why: 'at least two' },
    { text: 'Ctrl+Alt', why: 'no key' },
    { text: 'Ctrl+Alt+S+T', why: 'two keys' },
    { text: 'Ctrl+Ctrl+S', why: 'twice' },
  ])('refuses $text ($why)', ({ text, why }) => {
    expect(() => parseChord(text)).toThrow(StaffChordError);
    expect(() => parseChord(text)).toThrow(why);
  });
});

describe('matchesChord', () => {
  const chord = parseChord('Ctrl+Alt+Shift+S');
  it.each([
    { input: press('S', { control: true, alt: true, shift: true }), want: true },
    { input: press('s', { meta: true, alt: true, shift: true }), want: true },
    { input: press('S', { control: true, alt: true }), want: false },
    { input: press('S', { control: true, alt: true, shift: true, type: 'keyUp' }), want: false },
    { input: press('D', { control: true, alt: true, shift: true }), want: false },
    { input: press('S', { shift: true }), want: false },
  ])(
    '$input.key ctrl=$input.control alt=$input.alt shift=$input.shift meta=$input.meta type=$input.type → $want',
    ({ input, want }) => {
      expect(matchesChord(chord, input)).toBe(want);
    },
  );
});

describe('createIdleTracker', () => {
  it('counts down from the last activity and is idle when it runs out', () => {
    let now = 1_000;
    const idle = createIdleTracker({ timeoutMs: 300_000, now: () => now });
    expect(idle.msUntilIdle()).toBe(300_000);
    now += 200_000;
    expect(idle.msUntilIdle()).toBe(100_000);
    idle.activity();
    now += 299_999;
    expect(idle.isIdle()).toBe(false);
    now += 1;
    expect(idle.isIdle()).toBe(true);
    now += 50_000;
    expect(idle.msUntilIdle()).toBe(0);
  });
});
