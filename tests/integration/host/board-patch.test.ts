/**
 * Live changes as patches, against the real host and real sockets: a page that opts in at the
 * handshake (`auth.planPatch`) gets the whole plan on connect and each change as a `plan-patch`
 * from the plan it holds; applying it gives exactly the plan the host would draw now
 * (`planFor`). A page without the flag keeps getting whole plans; a page that asks to resync
 * gets the whole plan; /healthz counts patches and resyncs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { BoardPlanSchema, PlanPatchSchema, type BoardPlan, type PlanPatch } from '../../../shared/schemas/board-plan';
import { HealthSchema, type Health } from '../../../shared/contract';
import { applyPlanPatch } from '../../../shared/planner/plan-patch';
import { generatePostings } from '../../../scripts/demo/generate-postings';
import type { Hall } from '../../../electron/host/hall';
import { hallDataDir, startTestHall, writePostings } from '../../support/in-process-hall';
import type { Posting } from '../../../shared/schemas/posting';

const ARRIVE = 60_000;
const WALL = { width: 1920, height: 1080 };

/** A board page's plan as it holds it: whole plans and patches applied in order, as the board page does. */
function follow(socket: Socket) {
  const got: Array<{ via: 'plan' | 'patch'; plan: BoardPlan; chars: number }> = [];
  const patches: PlanPatch[] = [];
  let waiters: Array<() => void> = [];
  const wake = () => {
    for (const w of waiters.splice(0)) w();
  };
  socket.on('plan', (raw: unknown) => {
    got.push({ via: 'plan', plan: BoardPlanSchema.parse(raw), chars: JSON.stringify(raw).length });
    wake();
  });
  socket.on('plan-patch', (raw: unknown) => {
    const patch = PlanPatchSchema.parse(raw);
    patches.push(patch);
    const held = got.at(-1)?.plan;
    if (!held || held.planId !== patch.basePlanId) {
      socket.emit('plan-resync', { have: held?.planId ?? null });
      return;
    }
    got.push({ via: 'patch', plan: applyPlanPatch(held, patch), chars: JSON.stringify(raw).length });
    wake();
  });
  return {
    got,
    patches,
    held: () => got.at(-1)?.plan ?? null,
    until(test: () => boolean, what: string): Promise<void> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`${what}: not within ${ARRIVE} ms (${got.length} plans)`)),
          ARRIVE,
        );
        const look = () => {
          if (test()) {
            clearTimeout(timer);
            resolve();
          } else waiters.push(look);
        };
        look();
      });
    },
    close() {
      waiters = [];
    },
  };
}

const ids = (plan: BoardPlan | null) => (plan ? plan.pages.flatMap((p) => p.items.map((i) => i.id)) : []);
/** The plan without the moment it was drawn at (planFor draws it now). */
const drawn = (plan: BoardPlan | null) => (plan ? { ...plan, generatedAt: 0 } : null);

describe('plan patches on the board socket', () => {
  let hall: Hall & { dataDir: string };
  const sockets: Socket[] = [];
  let postings: Posting[];

  function board(auth: Record<string, unknown>): Socket {
    const socket = connect(`${hall.url}/board`, {
      auth,
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    socket.on('connect', () => socket.emit('viewport', WALL));
    sockets.push(socket);
    return socket;
  }
  const health = async (): Promise<Health> => HealthSchema.parse(await (await fetch(`${hall.url}/healthz`)).json());

  beforeAll(async () => {
    const now = Date.now();
    // enough postings for many pages, valid for days: nothing changes by time alone meanwhile
    postings = generatePostings(1500, { seed: 1212, now }).map((l) => ({
      ...l,
      validFrom: new Date(now - 2 * 86_400_000).toISOString(),
      validUntil: new Date(now + 5 * 86_400_000).toISOString(),
    }));
    const dataDir = hallDataDir('hall-patch-', {
      screens: [{ id: '1', name: '大厅主屏', layout: 'cards', ...WALL, pitchMm: 2.5, viewingDistanceM: 8 }],
      postings,
    });
    hall = await startTestHall({ dataDir });
  }, 120_000);

  afterAll(async () => {
    for (const s of sockets) s.close();
    await hall?.close();
  });

  it('sends an opted-in page the whole plan on connect, then each live change as a patch that gives exactly planFor()', async () => {
    const patching = follow(board({ screenId: '1', planPatch: true }));
    const whole = follow(board({ screenId: '1' }));
    await patching.until(() => patching.held() !== null, 'first plan (patching page)');
    await whole.until(() => whole.held() !== null, 'first plan (whole-plan page)');
    expect(patching.got[0]!.via).toBe('plan');
    expect(drawn(patching.held())).toEqual(drawn(hall.boards.planFor('1', WALL)));
    const before = await health();

    // a live change: one more posting, like one already shown (so the cards keep their size)
    const added: Posting = { ...postings[700]!, id: 'live-added' };
    writePostings(hall.dataDir, [added]);
    hall.boards.dataChanged();
    await patching.until(() => ids(patching.held()).includes('live-added'), 'the patched plan to show the new posting');
    await whole.until(() => ids(whole.held()).includes('live-added'), 'the whole plan to show the new posting');
    await hall.boards.settled();

    const arrived = patching.got.at(-1)!;
    expect(arrived.via).toBe('patch');
    const want = hall.boards.planFor('1', WALL)!;
    expect(arrived.plan.planId).toBe(want.planId);
    expect(drawn(arrived.plan)).toEqual(drawn(want));
    // the page without the flag got the same plan whole
    expect(whole.got.at(-1)!.via).toBe('plan');
    expect(drawn(whole.held())).toEqual(drawn(want));
    // the patch wrote out a few of the wall's pages, not all of them
    const patch = patching.patches.at(-1)!;
    const written = patch.pages.filter((op) => !Array.isArray(op)).length;
    expect(written).toBeLessThan(want.pages.length / 3);
    expect(arrived.chars).toBeLessThan(whole.got.at(-1)!.chars / 3);

    const after = await health();
    expect(after.boards!.patchesSent).toBeGreaterThan(before.boards!.patchesSent);
    expect(after.boards!.resyncs).toBe(before.boards!.resyncs);

    // a removal reaches the page as a patch too
    writePostings(hall.dataDir, [], ['live-added']);
    hall.boards.dataChanged();
    await patching.until(
      () => patching.held() !== null && !ids(patching.held()).includes('live-added'),
      'the patched plan to lose the posting',
    );
    expect(patching.got.at(-1)!.via).toBe('patch');
    await hall.boards.settled();
    expect(drawn(patching.held())).toEqual(drawn(hall.boards.planFor('1', WALL)));
  });

  it('sends the whole plan to a page that asks to resync, and counts the request', async () => {
    const socket = board({ screenId: '1', planPatch: true });
    const page = follow(socket);
    await page.until(() => page.got.length === 1, 'first plan');
    const before = await health();
    socket.emit('plan-resync', { have: null });
    await page.until(() => page.got.length === 2, 'the whole plan again');
    expect(page.got[1]!.via).toBe('plan');
    expect(drawn(page.held())).toEqual(drawn(hall.boards.planFor('1', WALL)));
    expect((await health()).boards!.resyncs).toBe(before.boards!.resyncs + 1);
  });
});
