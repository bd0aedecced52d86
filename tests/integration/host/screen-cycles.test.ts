/**
 * Every screen's cycle where staff and operators look: the console's screens list, the screen
 * editor's preview (a draft planned without saving) and /healthz — against the real hall host
 * with the shipped demo screens (assets/demo/screens.json: two wall groups) and demo postings.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_ROUTES } from '../../../shared/api/staff-routes';
import { HealthSchema } from '../../../shared/contract';
import { createApiClient } from '../../../renderer/common/api-client';
import { ApiError } from '../../../renderer/common/api-error';
import type { Hall } from '../../../electron/host/hall';
import { startTestHall } from '../../support/in-process-hall';
import { ROOT } from '../../support/hall-process';
import { tmpDir } from '../../support/tmp-dir';

const ADMIN_PIN = '583920';

describe('screen cycles in the console and /healthz', () => {
  let hall: Hall & { dataDir: string };
  let token: string | null = null;
  const client = () => createApiClient({ base: hall.url, authorization: () => (token ? `Bearer ${token}` : null) });

  beforeAll(async () => {
    const dataDir = tmpDir('hall-cycles-');
    copyFileSync(join(ROOT, 'assets/demo/screens.json'), join(dataDir, 'screens.json'));
    hall = await startTestHall({ dataDir });
    token = (await client().call(STAFF_ROUTES.setup, { body: { name: '管理员', pin: ADMIN_PIN } })).token;
  });
  afterAll(() => hall?.close());

  /** The screens list once every screen has its cycle (previews are planned a time budget per call). */
  async function screensWithCycles() {
    for (let call = 1; ; call++) {
      const { screens } = await client().call(STAFF_ROUTES.screens, {});
      if (screens.every((s) => s.cycle !== null) || call >= 50) return screens;
    }
  }

  it('lists every screen with its cycle within target, its group share and the group legend option', async () => {
    const screens = await screensWithCycles();
    const shipped = JSON.parse(readFileSync(join(ROOT, 'assets/demo/screens.json'), 'utf8')).screens as {
      id: string;
    }[];
    expect(screens.map((s) => s.id)).toEqual(shipped.map((s) => s.id));
    const byGroup = new Map<string, number>();
    for (const s of screens) {
      expect(s.cycle, s.id).not.toBeNull();
      const c = s.cycle!;
      expect(c).toMatchObject({ screenId: s.id, source: 'preview', maxCycleMs: 150_000, overTarget: false });
      expect(c.cycleMs).toBeLessThanOrEqual(150_000);
      expect(c.warnings).toEqual([]);
      expect(c.group?.groupId).toBe(s.group);
      byGroup.set(s.group!, (byGroup.get(s.group!) ?? 0) + c.postings);
    }
    // each group shares the 240 demo postings out: together every posting once
    expect(Object.fromEntries(byGroup)).toEqual({ hall: 240, side: 240 });
    expect(screens.find((s) => s.id === '1')).toMatchObject({ group: 'hall', groupLegend: true, maxCycleS: 150 });
  });

  it('previews a draft without saving it: out of its group, screen 1 is back to the whole set and over target', async () => {
    const preview = await client().call(STAFF_ROUTES.screenPreview, { params: { id: '1' }, body: { group: null } });
    expect(preview.current).toMatchObject({ overTarget: false, postings: 80 });
    expect(preview.draft).toMatchObject({ overTarget: true, postings: 240, group: null });
    expect(preview.draft.cycleMs).toBeGreaterThan(150_000);
    expect(preview.draft.warnings).toContain('cycle-too-long');
    // a shorter target for the whole group: the preview says the group is short now
    const tight = await client().call(STAFF_ROUTES.screenPreview, { params: { id: '1' }, body: { maxCycleS: 60 } });
    expect(tight.draft.warnings).toContain('group-cycle-too-long');
    expect(tight.draft.maxCycleMs).toBe(60_000);
    // nothing was saved
    const { screens } = await client().call(STAFF_ROUTES.screens, {});
    expect(screens.find((s) => s.id === '1')).toMatchObject({ group: 'hall', maxCycleS: 150 });
  });

  it('refuses a bad draft and anyone but staff', async () => {
    const bad = await client()
      .call(STAFF_ROUTES.screenPreview, { params: { id: '1' }, body: { maxCycleS: 5 } })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(bad).toBeInstanceOf(ApiError);
    expect((bad as ApiError).status).toBe(400);
    const res = await fetch(`${hall.url}/api/staff/screens/1/preview`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(401);
  });

  it('reports in /healthz the cycles it knows, with the group share', async () => {
    const health = HealthSchema.parse(await (await fetch(`${hall.url}/healthz`)).json());
    const cycles = health.boards?.screens ?? [];
    expect(cycles.map((c) => c.screenId).sort()).toEqual(['1', '2', '3', 'door', 'strip', 'wall']);
    for (const c of cycles) {
      expect(c.cycleMs).toBeLessThanOrEqual(c.maxCycleMs);
      expect(c.group).toMatchObject({ screens: 3, groupPostings: 240 });
    }
  });
});
