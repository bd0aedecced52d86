/**
 * A whole city's postings and a hall full of screens, against the real host in its own
 * process: 200 board pages connect to a hall holding 20,000 postings on 20 screens while one
 * page floods `viewport` events. Every page gets its plan, the host keeps answering /healthz,
 * the flood is cut off, and a data change is planned once per plan group (screen + size), not
 * once per page. The pages use the load benchmark's client (real socket.io connections that
 * read only the head and tail of each plan, so the test process is not the bottleneck).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { generatePostings } from '../../../scripts/demo/generate-postings';
import { boardSpecs, loadScreens, screensShowing } from '../../../scripts/bench/load/load-hall';
import { closeBoards, connectBoard, type BoardClient } from '../../../scripts/bench/load/board-clients';
import { startHallProcess, type HallProcess } from '../../support/hall-process';
import { writePostings } from '../../support/in-process-hall';
import { HealthSchema, type Health } from '../../../shared/contract';
import { call } from '../staff/staff-support';
import type { Posting } from '../../../shared/schemas/posting';
import { tmpDir } from '../../support/tmp-dir';

const PIN = '246813';
const POSTINGS = 20_000;
const PAGES = 200;

async function health(url: string): Promise<Health> {
  return HealthSchema.parse(await (await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(20_000) })).json());
}

async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`waitFor: ${what} did not happen within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('a hall of 20,000 postings and 200 board pages', () => {
  let hall: HallProcess;
  let pages: BoardClient[] = [];
  let postings: Posting[];
  const screens = loadScreens();

  beforeAll(async () => {
    const dataDir = tmpDir('hall-load-');
    writeFileSync(join(dataDir, 'screens.json'), JSON.stringify({ screens }));
    const now = Date.now();
    // Posted two days ago and valid for days more: no plan changes by time alone during the test.
    postings = generatePostings(POSTINGS, { seed: 777, now }).map((l) => ({
      ...l,
      validFrom: new Date(now - 2 * 86_400_000).toISOString(),
      validUntil: new Date(Math.max(Date.parse(l.validUntil), now + 86_400_000)).toISOString(),
    }));
    writePostings(dataDir, postings);
    hall = await startHallProcess({ dataDir, env: { HALL_STAFF_PIN: PIN } });
  }, 180_000);

  afterAll(async () => {
    closeBoards(pages);
    await hall?.stop();
  });

  it('gives every page its plan while one page floods viewport reports, keeps answering /healthz, and plans a change once per group', async () => {
    const before = await health(hall.url);
    expect(before.listings).toBe(POSTINGS);

    // The flood: one page reporting a new size as fast as it can, 5000 times.
    const flooder: Socket = connect(`${hall.url}/board`, {
      auth: { screenId: '1' },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    const flooded = new Promise<void>((resolve) => {
      flooder.on('connect', () => {
        for (let i = 0; i < 5000; i++) flooder.emit('viewport', { width: 800 + (i % 900), height: 450 + (i % 500) });
        resolve();
      });
    });

    const healthAnswers: number[] = [];
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const t0 = performance.now();
        await health(hall.url);
        healthAnswers.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();

    const specs = boardSpecs(screens, PAGES);
    pages = specs.map((spec) => connectBoard(hall.url, spec));
    await flooded;
    await waitFor('every page to have a plan', () => pages.every((p) => p.firstPlanAt !== null));

    // Every page holds a plan for its own screen (its total matches the screen's filter).
    const totals = new Map(
      screens.map((s) => [s.id, postings.filter((l) => screensShowing(screens, l).includes(s.id)).length]),
    );
    for (const p of pages) expect(p.plans.at(-1)!.plan.totalItems).toBe(totals.get(p.spec.screenId));

    // The flood was cut off: rate-limited, then disconnected; its sizes never became plans.
    await waitFor('the flooding page to be disconnected', () => !flooder.connected, 30_000);
    const afterFlood = await health(hall.url);
    expect(afterFlood.limits?.['board.viewport_rate']?.total ?? 0).toBeGreaterThan(0);
    expect(afterFlood.limits?.['board.flood_disconnect']?.total).toBe(1);
    const groups = new Set(
      specs.map(
        (s) =>
          s.screenId +
          (s.viewport.width === screens.find((x) => x.id === s.screenId)!.width ? '' : `@${s.viewport.width}`),
      ),
    ).size;
    expect(afterFlood.boards!.plansComputed).toBeLessThanOrEqual(groups + 8);
    expect(afterFlood.boards!.planner).toBe('worker');

    // One data change (staff hide a posting) re-plans each group it touches once.
    const token = (await call(hall.url, 'POST', '/api/staff/session', { body: { pin: PIN } })).json.token as string;
    const target = postings[0]!;
    const showing = new Set(screensShowing(screens, target));
    const affected = pages.filter((p) => showing.has(p.spec.screenId));
    const counts = new Map(affected.map((p) => [p, p.plans.length]));
    const computedBefore = afterFlood.boards!.plansComputed;
    expect((await call(hall.url, 'POST', `/api/staff/postings/${target.id}/hide`, { token })).status).toBe(200);
    await waitFor('every page showing the posting to get a plan without it', () =>
      affected.every((p) => p.plans.at(-1)!.plan.totalItems === totals.get(p.spec.screenId)! - 1),
    );
    await waitFor('the re-plan to settle', async () => (await health(hall.url)).boards!.feedBehind === 0);
    const afterChange = await health(hall.url);
    // At most one plan per group: only the groups of screens that show the posting, unless the
    // change also moved the "updated HH:MM" every screen shows to a new minute (then every group).
    const allGroups = afterChange.boards!.groups;
    const affectedGroups = new Set(affected.map((p) => `${p.spec.screenId}@${p.spec.viewport.width}`)).size;
    const computed = afterChange.boards!.plansComputed - computedBefore;
    expect(computed).toBeGreaterThanOrEqual(affectedGroups);
    expect(computed).toBeLessThanOrEqual(allGroups);
    expect(PAGES).toBeGreaterThan(allGroups * 5);
    // each page that shows the posting got the change exactly once
    for (const p of affected) expect(p.plans.length - counts.get(p)!).toBe(1);
    // pages of other screens still show all their postings

    for (const p of pages.filter((x) => !showing.has(x.spec.screenId)))
      expect(p.plans.at(-1)!.plan.totalItems).toBe(totals.get(p.spec.screenId));

    polling = false;
    await poller;
    // /healthz answered all along (each call would have thrown after 20 s)
    expect(healthAnswers.length).toBeGreaterThan(5);
    flooder.close();
  }, 300_000);
});
