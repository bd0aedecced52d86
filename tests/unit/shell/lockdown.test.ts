import { describe, expect, it } from 'vitest';
import {
  blockedInputReason,
  isAppCommandBlocked,
  lockdownOptions,
  type KeyInput,
} from '../../../electron/windows/lockdown';
import type { WindowRole } from '../../../electron/windows/display-assignment';

const key = (k: string, mods: Partial<Omit<KeyInput, 'key' | 'type'>> = {}, type = 'keyDown'): KeyInput => ({
  type,
  key: k,
  control: false,
  alt: false,
  shift: false,
  meta: false,
  ...mods,
});

describe('blockedInputReason', () => {
  const cases: { role: WindowRole; input: KeyInput; devTools?: boolean; want: string | null }[] = [
    { role: 'kiosk', input: key('F11'), want: 'leave full screen' },
    { role: 'kiosk', input: key('Escape'), want: null },
    { role: 'board', input: key('r', { control: true }), want: 'reload' },
    { role: 'board', input: key('R', { control: true, shift: true }), want: 'reload' },
    { role: 'kiosk', input: key('r', { meta: true }), want: 'reload' },
    { role: 'kiosk', input: key('F4', { alt: true }), want: 'close the window' },
    { role: 'kiosk', input: key('w', { control: true }), want: 'close the window' },
    { role: 'kiosk', input: key('p', { control: true }), want: 'print dialog' },
    { role: 'kiosk', input: key('+', { control: true, shift: true }), want: 'zoom' },
    { role: 'kiosk', input: key('=', { control: true }), want: 'zoom' },
    { role: 'kiosk', input: key('ArrowLeft', { alt: true }), want: 'history back' },
    { role: 'kiosk', input: key('I', { control: true, shift: true }), want: 'developer tools' },
    { role: 'kiosk', input: key('I', { control: true, shift: true }), devTools: true, want: null },
    { role: 'kiosk', input: key('F12'), want: 'developer tools' },
    { role: 'kiosk', input: key('F11', {}, 'keyUp'), want: null },
    { role: 'kiosk', input: key('a'), want: null },
    { role: 'kiosk', input: key('A', { shift: true }), want: null },
    { role: 'kiosk', input: key('1'), want: null },
    { role: 'kiosk', input: key('Backspace'), want: null },
    { role: 'kiosk', input: key('Enter'), want: null },
    { role: 'kiosk', input: key('c', { control: true }), want: null },
    { role: 'kiosk', input: key('ArrowLeft'), want: null },
    { role: 'staff', input: key('F11'), want: null },
    { role: 'staff', input: key('r', { control: true }), want: null },
  ];

  it.each(cases)(
    '$role, $input.key (ctrl $input.control, alt $input.alt, shift $input.shift) → $want',
    ({ role, input, devTools, want }) => {
      expect(blockedInputReason(role, input, devTools ?? false)).toBe(want);
    },
  );
});

describe('lockdownOptions', () => {
  it('pins walls and the kiosk in place, keeps the kiosk on top', () => {
    expect(lockdownOptions('board')).toMatchObject({
      movable: false,
      resizable: false,
      minimizable: false,
      skipTaskbar: true,
      alwaysOnTop: false,
    });
    expect(lockdownOptions('kiosk')).toMatchObject({ movable: false, alwaysOnTop: true });
  });

  it('leaves the staff console an ordinary window', () => {
    expect(lockdownOptions('staff')).toEqual({});
  });
});

describe('isAppCommandBlocked', () => {
  it.each([
    { role: 'kiosk' as const, command: 'browser-backward', want: true },
    { role: 'board' as const, command: 'browser-refresh', want: true },
    { role: 'kiosk' as const, command: 'media-play-pause', want: false },
    { role: 'staff' as const, command: 'browser-backward', want: false },
  ])('$role $command → $want', ({ role, command, want }) => {
    expect(isAppCommandBlocked(role, command)).toBe(want);
  });
});
