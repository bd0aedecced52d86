import type { BrowserWindowConstructorOptions } from 'electron';
import type { WindowRole } from './display-assignment';

// Pure: what a visitor must not be able to do to a wall or the kiosk with a keyboard, a mouse's
// side buttons or the window manager. The staff console keeps the ordinary behaviour.

/** The fields of Electron's `Input` (before-input-event) this looks at. */
export interface KeyInput {
  type: string;
  key: string;
  control: boolean;
  alt: boolean;
  shift: boolean;
  meta: boolean;
}

export function isLockedDown(role: WindowRole): boolean {
  return role !== 'staff';
}

/** Window options on top of the common ones: no moving, resizing, minimising or taskbar entry. */
export function lockdownOptions(role: WindowRole): Partial<BrowserWindowConstructorOptions> {
  if (!isLockedDown(role)) return {};
  return {
    movable: false,
    resizable: false,
    minimizable: false,
    maximizable: false,
    skipTaskbar: true,
    // The kiosk stays above anything that pops up on its display (update notices, other apps).
    alwaysOnTop: role === 'kiosk',
  };
}

interface Chord {
  key: string;
  control?: boolean;
  alt?: boolean;
  shift?: boolean;
  why: string;
}

/**
 * Keys refused on locked-down windows. Keys are compared case-insensitively; modifiers not
 * listed must be up, except that Cmd counts as Ctrl (macOS).
 */
export const BLOCKED_CHORDS: readonly Chord[] = [
  { key: 'F11', why: 'leave full screen' },
  { key: 'F5', why: 'reload' },
  { key: 'F5', control: true, why: 'reload' },
  { key: 'r', control: true, why: 'reload' },
  { key: 'r', control: true, shift: true, why: 'reload' },
  { key: 'w', control: true, why: 'close the window' },
  { key: 'F4', control: true, why: 'close the window' },
  { key: 'F4', alt: true, why: 'close the window' },
  { key: 'q', control: true, why: 'quit' },
  { key: 'n', control: true, why: 'new window' },
  { key: 'p', control: true, why: 'print dialog' },
  { key: 's', control: true, why: 'save page' },
  { key: 'o', control: true, why: 'open file' },
  { key: 'f', control: true, why: 'find bar' },
  { key: 'g', control: true, why: 'find bar' },
  { key: 'u', control: true, why: 'view source' },
  { key: '+', control: true, why: 'zoom' },
  { key: '=', control: true, why: 'zoom' },
  { key: '-', control: true, why: 'zoom' },
  { key: '0', control: true, why: 'zoom' },
  { key: 'ArrowLeft', alt: true, why: 'history back' },
  { key: 'ArrowRight', alt: true, why: 'history forward' },
  { key: 'BrowserBack', why: 'history back' },
  { key: 'BrowserForward', why: 'history forward' },
  { key: 'F12', why: 'developer tools' },
  { key: 'i', control: true, shift: true, why: 'developer tools' },
  { key: 'j', control: true, shift: true, why: 'developer tools' },
  { key: 'c', control: true, shift: true, why: 'developer tools' },
];

const DEVTOOLS = 'developer tools';

function matches(chord: Chord, input: KeyInput): boolean {
  const control = input.control || input.meta;
  return (
    chord.key.toLowerCase() === input.key.toLowerCase() &&
    Boolean(chord.control) === control &&
    Boolean(chord.alt) === input.alt &&
    // Shift changes the key itself for symbols ('+' is Shift+'='), so it only counts where listed.
    (chord.shift === undefined ? !input.shift || !/^[a-z]$/i.test(input.key) : chord.shift === input.shift)
  );
}

/**
 * Why a key press must not reach a locked-down window, or null to let it through. Only key-down
 * events are judged; developer-tools keys pass when DevTools were asked for (`--devtools`).
 */
export function blockedInputReason(role: WindowRole, input: KeyInput, devTools: boolean): string | null {
  if (!isLockedDown(role) || input.type !== 'keyDown') return null;
  const chord = BLOCKED_CHORDS.find((c) => matches(c, input));
  if (!chord) return null;
  if (chord.why === DEVTOOLS && devTools) return null;
  return chord.why;
}

/** Mouse side buttons and media keys arrive as app commands on Windows. */
export function isAppCommandBlocked(role: WindowRole, command: string): boolean {
  return (
    isLockedDown(role) &&
    (command === 'browser-backward' || command === 'browser-forward' || command === 'browser-refresh')
  );
}
