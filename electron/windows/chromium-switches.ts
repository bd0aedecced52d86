/**
 * Chromium switches the hall needs before the app is ready, decided here (pure) and applied by
 * main.ts with `app.commandLine.appendSwitch`.
 *
 * Linux:
 * - `password-store=basic`: an auto-login hall account's keyring stays locked, and Chromium
 *   would put an unlock dialog over the walls to encrypt its cookie store (the cookie-encryption
 *   fuse is on). The hall keeps no cookies (staff sessions are bearer tokens), so the built-in key
 *   will do.
 * - `enable-speech-dispatcher`: Chromium reaches the system's voices (espeak-ng and others, through
 *   speech-dispatcher) only with this switch; without it the kiosk's 朗读 has no voice on Linux.
 *   Windows and macOS speak through their own engines with no switch. If the voice list stays
 *   empty anyway (electron/electron#22844 reports that for an old Electron on Linux) the kiosk
 *   hides the button and staff see "no Mandarin voice" on the screens page: nothing breaks.
 */
export type Switch = readonly [name: string, value?: string];

export function chromiumSwitches(platform: NodeJS.Platform): Switch[] {
  if (platform !== 'linux') return [];
  return [['password-store', 'basic'], ['enable-speech-dispatcher']];
}
