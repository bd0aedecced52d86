import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SCREEN, ScreensFileSchema, type ScreenProfile } from '../../../shared/schemas/screen';
import { readConfigFile, ScreenConfigError } from './config-file';

export const SCREENS_FILE = 'screens.json';

export { ScreenConfigError };

/**
 * Board screens live in `<data dir>/screens.json` so a hall can describe its walls (size, pixel
 * pitch, viewing distance, layout, filter) without a rebuild. A missing file is created with
 * one default screen `1`; a broken file stops the host with a message naming the problem —
 * guessing would put unreadable text on a wall.
 */
export function loadScreens(dataDir: string): ScreenProfile[] {
  const file = join(dataDir, SCREENS_FILE);
  if (!existsSync(file)) {
    writeScreens(dataDir, [DEFAULT_SCREEN]);
    return [DEFAULT_SCREEN];
  }
  const { screens } = readConfigFile(file, ScreensFileSchema, 'loadScreens');
  const ids = new Set<string>();
  for (const screen of screens) {
    if (ids.has(screen.id)) throw new ScreenConfigError(`loadScreens: ${file}: screen id "${screen.id}" appears twice`);
    ids.add(screen.id);
  }
  return screens;
}

/** Written via a temporary file and a rename, so a crash never leaves half a config. */
export function writeScreens(dataDir: string, screens: ScreenProfile[]): void {
  const file = join(dataDir, SCREENS_FILE);
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, `${JSON.stringify({ screens }, null, 2)}\n`);
  renameSync(tmp, file);
}
