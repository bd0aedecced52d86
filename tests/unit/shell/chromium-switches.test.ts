import { describe, expect, it } from 'vitest';
import { chromiumSwitches } from '../../../electron/windows/chromium-switches';

describe('Chromium switches for the hall PC', () => {
  it('on Linux, gives the speech voices to the kiosk and keeps the keyring dialog off the walls', () => {
    expect(chromiumSwitches('linux')).toEqual([['password-store', 'basic'], ['enable-speech-dispatcher']]);
  });

  it('adds nothing on Windows and macOS, whose speech engines need no switch', () => {
    expect(chromiumSwitches('win32')).toEqual([]);
    expect(chromiumSwitches('darwin')).toEqual([]);
  });
});
