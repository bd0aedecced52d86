import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, hallOptionsFrom } from '../../../electron/host/config';
import { loadScreens, ScreenConfigError } from '../../../electron/host/screens/screen-config';
import { DEFAULT_SCREEN } from '../../../shared/schemas/screen';

describe('hallOptionsFrom', () => {
  it('takes flags over environment over defaults', () => {
    const o = hallOptionsFrom(['--port', '9000', '--data=/tmp/x'], { HALL_PORT: '7000', HALL_HOST: '0.0.0.0' });
    expect(o).toMatchObject({ port: 9000, host: '0.0.0.0', dataDir: resolve('/tmp/x'), hub: null, staffPin: null });
  });

  it('reads the hub settings from the environment', () => {
    const o = hallOptionsFrom([], {
      HALL_HUB_URL: 'http://127.0.0.1:4000/',
      HALL_ID: 'sr-01',
      HALL_HUB_TOKEN: 't',
      HALL_STAFF_PIN: '2468',
    });
    expect(o.hub).toEqual({
      url: 'http://127.0.0.1:4000',
      urls: ['http://127.0.0.1:4000'],
      hallId: 'sr-01',
      token: 't',
    });
    expect(o.staffPin).toBe('2468');
  });

  it.each([
    [['--port', 'eighty'], /port must be an integer/],
    [['--port', '70000'], /port must be an integer/],
    [['--colour', 'red'], /unknown option --colour/],
    [['--data'], /--data needs a value/],
    [['--hub', 'not a url', '--hall-id', 'a', '--hub-token', 'b'], /--hub must be a URL/],
    [['--hub', 'http://127.0.0.1:4000'], /needs --hall-id and --hub-token/],
  ])('refuses %j with a clear message', (argv, message) => {
    expect(() => hallOptionsFrom(argv, {})).toThrow(ConfigError);
    expect(() => hallOptionsFrom(argv, {})).toThrow(message);
  });
});

describe('loadScreens', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'screens-'));

  it('writes and returns one default screen "1" when the data dir has no screens.json', () => {
    const d = dir();
    expect(loadScreens(d)).toEqual([DEFAULT_SCREEN]);
    expect(JSON.parse(readFileSync(join(d, 'screens.json'), 'utf8'))).toEqual({ screens: [DEFAULT_SCREEN] });
  });

  it('fills defaults for optional fields of a hand-written screen', () => {
    const d = dir();
    writeFileSync(
      join(d, 'screens.json'),
      JSON.stringify({
        screens: [
          { id: 'w2', name: '西墙', width: 960, height: 480, pitchMm: 3, viewingDistanceM: 6, layout: 'table' },
        ],
      }),
    );
    expect(loadScreens(d)[0]).toMatchObject({
      id: 'w2',
      legibilityRule: 'ada',
      locale: 'zh-CN',
      minDwellS: 8,
      maxDwellS: 20,
      filter: { occupations: [], districts: [] },
    });
  });

  it.each([
    ['{ not json', /not valid JSON/],
    [JSON.stringify({ screens: [] }), /screens/],
    [JSON.stringify({ screens: [{ ...DEFAULT_SCREEN, pitchMm: -1 }] }), /pitchMm/],
    [JSON.stringify({ screens: [DEFAULT_SCREEN, DEFAULT_SCREEN] }), /appears twice/],
  ])('refuses a broken screens.json (%s) naming the problem', (text, message) => {
    const d = dir();
    writeFileSync(join(d, 'screens.json'), text);
    expect(() => loadScreens(d)).toThrow(ScreenConfigError);
    expect(() => loadScreens(d)).toThrow(message);
  });
});
