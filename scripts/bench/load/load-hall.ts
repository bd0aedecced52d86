/**
 * The hall a load run drives: the reference hub seeded with N postings, a hub-connected hall
 * (its own process, listening on every interface) with 20 configured screens, and the board
 * pages that a busy market day opens on them.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { districtsOfCity, HOME_CITY_CODE } from '../../../shared/districts';
import { OCCUPATION_CODES } from '../../../shared/occupations';
import type { Posting } from '../../../shared/schemas/posting';
import type { ScreenProfileInput } from '../../../shared/schemas/screen';
import type { BoardClientSpec } from './board-clients';
import { startChild, type Child } from './processes';

export const ADMIN_TOKEN = 'load-admin-token';
export const HALL_TOKEN = 'load-hall-token';
export const STAFF_PIN = '246813';

type ScreenSpec = ScreenProfileInput & { id: string };

const LAYOUTS = [
  { layout: 'cards', width: 1920, height: 1080, pitchMm: 2.5, viewingDistanceM: 8 },
  { layout: 'table', width: 960, height: 480, pitchMm: 2.5, viewingDistanceM: 5 },
  { layout: 'ticker', width: 2560, height: 640, pitchMm: 4, viewingDistanceM: 10 },
] as const;

/**
 * Twenty screens the way a city hall would set them up: one main wall with everything, one
 * screen per trade, and five per-district screens, in all three layouts.
 */
export function loadScreens(): ScreenSpec[] {
  const trades = OCCUPATION_CODES.filter((c) => c !== 'other');
  const districts = districtsOfCity(HOME_CITY_CODE).map((d) => d.code);
  const screens: ScreenSpec[] = [{ id: '1', name: '大厅主屏', ...LAYOUTS[0] }];
  trades.forEach((code, i) =>
    screens.push({
      id: `t-${code}`,
      name: `工种屏 ${i + 1}`,
      ...LAYOUTS[i % 3]!,
      filter: { occupations: [code], districts: [] },
    }),
  );
  for (let i = 0; i < 5; i++) {
    const mine = districts.filter((_, k) => k % 5 === i);
    screens.push({
      id: `d-${i + 1}`,
      name: `区县屏 ${i + 1}`,
      ...LAYOUTS[i % 2]!,
      filter: { occupations: [], districts: mine },
    });
  }
  return screens;
}

/** Which screens show a posting (filters only; every generated posting is valid now). */
export function screensShowing(
  screens: readonly ScreenSpec[],
  l: Pick<Posting, 'occupation' | 'districtCode'>,
): string[] {
  return screens
    .filter((s) => {
      const occ = s.filter?.occupations ?? [];
      const dis = s.filter?.districts ?? [];
      return (
        (occ.length === 0 || (occ as string[]).includes(l.occupation)) &&
        (dis.length === 0 || dis.includes(l.districtCode))
      );
    })
    .map((s) => s.id);
}

/** `count` pages spread over the screens; every fifth reports a smaller window than configured. */
export function boardSpecs(screens: readonly ScreenSpec[], count: number): BoardClientSpec[] {
  return Array.from({ length: count }, (_, k) => {
    const s = screens[k % screens.length]!;
    const odd = k % 5 === 4;
    return {
      screenId: s.id,
      viewport: odd
        ? { width: Math.round(s.width * 0.6667), height: Math.round(s.height * 0.6667) }
        : { width: s.width, height: s.height },
    };
  });
}

export interface LoadHall {
  hub: Child;
  hall: Child;
  hallPid: number;
  screens: ScreenSpec[];
  stop(): Promise<void>;
}

export async function startLoadHall(postings: number): Promise<LoadHall> {
  const hubDir = mkdtempSync(join(tmpdir(), 'bench-load-hub-'));
  const hallDir = mkdtempSync(join(tmpdir(), 'bench-load-hall-'));
  const screens = loadScreens();
  writeFileSync(join(hallDir, 'screens.json'), JSON.stringify({ screens }));
  const hub = await startChild(
    'scripts/hub/cli.ts',
    [
      '--port',
      '0',
      '--data',
      hubDir,
      '--seed',
      String(postings),
      '--admin-token',
      ADMIN_TOKEN,
      '--hall-token',
      HALL_TOKEN,
    ],
    /hub: (http:\/\/\S+)/,
  );
  let hall: Child;
  try {
    hall = await startChild(
      'electron/host/cli.ts',
      [
        '--port',
        '0',
        '--host',
        '0.0.0.0',
        '--data',
        hallDir,
        '--hub',
        hub.url,
        '--hall-id',
        'load',
        '--hub-token',
        HALL_TOKEN,
      ],
      /health: (http:\/\/[^\s/]+)\/healthz/,
      { HALL_STAFF_PIN: STAFF_PIN },
      120_000,
      // LOAD_PROFILE_DIR: a CPU profile of the hall's threads, for finding what holds them
      process.env.LOAD_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.LOAD_PROFILE_DIR}`] : [],
    );
  } catch (error) {
    await hub.stop();
    throw error;
  }
  return {
    hub,
    hall,
    hallPid: hall.child.pid!,
    screens,
    async stop() {
      await hall.stop();
      await hub.stop();
    },
  };
}

/** Waits until the hall holds `count` postings and is level with the hub. */
export async function waitForSync(hallUrl: string, count: number, timeoutMs: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    try {
      const health = (await (await fetch(`${hallUrl}/healthz`, { signal: AbortSignal.timeout(10_000) })).json()) as {
        listings: number;
        sync?: { lagChanges: number };
      };
      if (health.listings >= count && (health.sync?.lagChanges ?? 0) === 0) return Date.now() - started;
    } catch {
      // the host may be busy writing the first sync; ask again
    }
    if (Date.now() - started > timeoutMs)
      throw new Error(`waitForSync: the hall did not reach ${count} postings within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
