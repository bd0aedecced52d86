/**
 * The board plan worker: from source (through tsx, as `npm run serve` runs it) and from the
 * bundle the packaged app ships, it plans exactly what the host thread would; when it cannot
 * start, or dies, planning goes on on the host thread with the postings fed again.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildBoardPlanWorker } from '../../../scripts/build-electron.mjs';
import { createPlanRunner, defaultPlanWorker, type PlanRunner } from '../../../electron/host/boards/plan-runner';
import type { PlanBatch } from '../../../electron/host/boards/plan-engine';
import type { WorkerScript } from '../../../electron/host/util/worker-script';
import { DEFAULT_SCREEN } from '../../../shared/schemas/screen';
import { generatePostings } from '../../../scripts/demo/generate-postings';
import { captureLogger } from '../sync/support/sync-harness';
import { tmpDir } from '../../support/tmp-dir';
import { dyingWorker } from '../../support/dying-worker';
import { silentLog } from '../../support/silent-log';
import { planJob } from '../../fixtures/plan-job';

const NOW = Date.parse('2026-11-27T10:00:00+08:00');
const postings = generatePostings(300, { seed: 12, now: NOW });
const screens = [
  DEFAULT_SCREEN,
  {
    ...DEFAULT_SCREEN,
    id: 'strip',
    layout: 'ticker' as const,
    width: 2560,
    height: 640,
    pitchMm: 4,
    viewingDistanceM: 10,
  },
];
const batch = (have: string | null = null): PlanBatch => ({
  now: NOW,
  dataUpdatedAt: NOW - 60_000,
  jobs: screens.map((screen) => planJob(screen, have, { bands: { urgent: false, notice: true } })),
});
const text = (p: Uint8Array | null) => (p ? new TextDecoder().decode(p) : null);

const runners: PlanRunner[] = [];
function runner(worker: WorkerScript | null, log = silentLog(), onReset: () => void = () => undefined): PlanRunner {
  const r = createPlanRunner({ log, worker, onReset });
  runners.push(r);
  return r;
}
afterAll(async () => {
  await Promise.all(runners.map((r) => r.close()));
});

async function planned(r: PlanRunner): Promise<Array<string | null>> {
  r.apply({ reset: true, upserts: postings, removes: [] });
  const { results } = await r.plan(batch());
  return results.map((x) => text(x.full));
}

describe('board plan worker', () => {
  let onHostThread: Array<string | null>;

  it('plans on the host thread when told to', async () => {
    const r = runner(null);
    onHostThread = await planned(r);
    expect(r.mode()).toBe('inline');
    expect(onHostThread.every((t) => t?.startsWith('42/board,["plan",{"planId":'))).toBe(true);
  });

  it('plans the same from source through tsx, as npm run serve runs it', async () => {
    const r = runner(defaultPlanWorker());
    expect(await planned(r)).toEqual(onHostThread);
    expect(r.mode()).toBe('worker');
    // the cache lives in the worker: the same batch again computes nothing and sends nothing
    const again = await r.plan(batch());
    expect(again.computed).toBe(0);
    const ids = again.results.map((x) => x.summary.planId);
    const { results } = await r.plan({ ...batch(), jobs: batch().jobs.map((j, i) => ({ ...j, have: ids[i]! })) });
    expect(results.map((x) => x.full ?? x.patch)).toEqual([null, null]);
  });

  it('plans the same from the bundle the packaged app ships', async () => {
    const file = await buildBoardPlanWorker({ outDir: join(tmpDir('plan-worker-bundle-'), 'dist-electron') });
    const r = runner({ source: pathToFileURL(file) });
    expect(await planned(r)).toEqual(onHostThread);
    expect(r.mode()).toBe('worker');
  });

  it('plans on the host thread when the worker cannot start, and says so once', async () => {
    const { log, lines } = captureLogger('plans');
    let resets = 0;
    const r = runner({ source: pathToFileURL(join(tmpDir('no-plan-worker-'), 'missing.cjs')) }, log, () => resets++);
    r.apply({ reset: true, upserts: postings, removes: [] });
    await expect(r.plan(batch())).rejects.toThrow(/plan worker stopped/);
    expect(r.mode()).toBe('inline');
    expect(resets).toBe(1);
    expect(await planned(r)).toEqual(onHostThread);
    expect(lines().filter((l) => /plan worker stopped/.test(String(l.msg)))).toHaveLength(1);
  });

  it('goes on on the host thread, fed again, when the worker dies', async () => {
    // The real worker, made to exit right after it has answered its first plan request.
    const dying = dyingWorker(defaultPlanWorker(), { type: 'planned', count: 1 });
    const { log, lines } = captureLogger('plans');
    let resets = 0;
    const r = runner(dying, log, () => resets++);
    expect(await planned(r)).toEqual(onHostThread);
    const until = Date.now() + 20_000;
    while (r.mode() === 'worker' && Date.now() < until) await new Promise((ok) => setTimeout(ok, 20));
    expect(resets).toBe(1);
    expect(await planned(r)).toEqual(onHostThread);
    expect(r.mode()).toBe('inline');
    expect(lines().some((l) => /exited with code 3/.test(String(l.reason)))).toBe(true);
  });
});
