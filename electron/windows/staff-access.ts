import type { KeyInput } from './lockdown';

// Pure: the key chord that opens the staff console over a wall or the kiosk (for a technician
// with a keyboard; the console itself still asks for the PIN), and when an idle console closes
// again so that no staff session is left open in a public hall.

export interface KeyChord {
  key: string;
  control: boolean;
  alt: boolean;
  shift: boolean;
}

export const DEFAULT_STAFF_CHORD = 'Ctrl+Alt+Shift+S';
export const DEFAULT_STAFF_IDLE_MS = 5 * 60_000;

export class StaffChordError extends Error {
  override readonly name = 'StaffChordError';
}

const MODIFIERS: Record<string, 'control' | 'alt' | 'shift'> = {
  ctrl: 'control',
  control: 'control',
  cmdorctrl: 'control',
  alt: 'alt',
  option: 'alt',
  shift: 'shift',
};

/**
 * Reads a chord written like Electron accelerators ("Ctrl+Alt+Shift+S"). At least two
 * modifiers are required, so a visitor leaning on an on-screen or stray keyboard cannot hit it.
 */
export function parseChord(text: string): KeyChord {
  const parts = text
    .split('+')
    .map((p) => p.trim())
    .filter(Boolean);
  const chord: KeyChord = { key: '', control: false, alt: false, shift: false };
  for (const part of parts) {
    const modifier = MODIFIERS[part.toLowerCase()];
    if (modifier) {
      if (chord[modifier]) throw new StaffChordError(`parseChord: "${text}" names ${part} twice`);
      chord[modifier] = true;
    } else if (chord.key) {
      throw new StaffChordError(`parseChord: "${text}" has two keys (${chord.key}, ${part})`);
    } else {
      chord.key = part;
    }
  }
  if (!chord.key) throw new StaffChordError(`parseChord: "${text}" has no key`);
  const modifiers = [chord.control, chord.alt, chord.shift].filter(Boolean).length;
  if (modifiers < 2) throw new StaffChordError(`parseChord: "${text}" needs at least two of Ctrl, Alt, Shift`);
  return chord;
}

/** Does a key-down match the chord? Cmd counts as Ctrl; letters compare case-insensitively. */
export function matchesChord(chord: KeyChord, input: KeyInput): boolean {
  return (
    input.type === 'keyDown' &&
    input.key.toLowerCase() === chord.key.toLowerCase() &&
    (input.control || input.meta) === chord.control &&
    input.alt === chord.alt &&
    input.shift === chord.shift
  );
}

export interface IdleTracker {
  /** A key, click or touch in the console. */
  activity(): void;
  /** How long until the console should close; 0 when it is due. */
  msUntilIdle(): number;
  isIdle(): boolean;
}

export function createIdleTracker(options: { timeoutMs: number; now: () => number }): IdleTracker {
  let last = options.now();
  const remaining = (): number => Math.max(0, last + options.timeoutMs - options.now());
  return {
    activity() {
      last = options.now();
    },
    msUntilIdle: remaining,
    isIdle: () => remaining() === 0,
  };
}
