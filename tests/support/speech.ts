/**
 * Speech for the read-aloud tests: Chromium on Linux speaks through speech-dispatcher, which it
 * starts itself (autospawn) on first use. The browser gets a home of its own, so that daemon is
 * this test run's, configured to synthesise with espeak-ng and play into libao's `null` driver:
 * real synthesis (utterances start and end) on a machine without a sound card, without touching
 * the user's own speech setup.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpDir } from './tmp-dir';

const SYSTEM_CONF = '/etc/speech-dispatcher/speechd.conf';
export const SPEECH_PACKAGES = 'speech-dispatcher speech-dispatcher-espeak-ng espeak-ng';

export function speechEnv(): Record<string, string> {
  if (!existsSync(SYSTEM_CONF) || !existsSync('/usr/bin/speech-dispatcher'))
    throw new Error(`speechEnv: speech-dispatcher is not installed; apt-get install -y ${SPEECH_PACKAGES}`);
  const home = tmpDir('speech-home-');
  const confDir = join(home, '.config', 'speech-dispatcher');
  mkdirSync(confDir, { recursive: true });
  // the system settings, with sound going nowhere (the last setting of a key wins)
  writeFileSync(join(confDir, 'speechd.conf'), `${readFileSync(SYSTEM_CONF, 'utf8')}\nAudioOutputMethod "libao"\n`);
  writeFileSync(join(home, '.libao'), 'default_driver=null\n');
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'XDG_RUNTIME_DIR') env[k] = v;
  return { ...env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_CACHE_HOME: join(home, '.cache') };
}
