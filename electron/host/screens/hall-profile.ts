import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { HallProfileSchema, type HallProfile } from '../../../shared/schemas/hall-profile';
import { readConfigFile } from './config-file';

export const HALL_PROFILE_FILE = 'hall.json';

/**
 * The hall's own words for its boards (`<data dir>/hall.json`: name, hotline, call to action,
 * the sentence shown for a masked phone). A missing file means the defaults; a broken one stops
 * the host with a message naming the field, like screens.json: a wall showing a wrong hotline
 * is worse than a host that does not start.
 */
export function loadHallProfile(dataDir: string): HallProfile {
  const file = join(dataDir, HALL_PROFILE_FILE);
  if (!existsSync(file)) return {};
  return readConfigFile(file, HallProfileSchema, 'loadHallProfile');
}
