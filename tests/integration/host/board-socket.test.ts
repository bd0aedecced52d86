import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { BoardPlanSchema, type BoardPlan } from '../../../shared/schemas/board-plan';
import { HallStatusSchema, type HallStatus } from '../../../shared/contract';
import { generatePostings } from '../../../scripts/demo/generate-postings';
import type { Hall } from '../../../electron/host/hall';
import { startTestHall, writePostings } from '../../support/in-process-hall';
import { oracleMinGlyphPx } from '../../support/legibility-oracle';
import { DEFAULT_SCREEN } from '../../../shared/schemas/screen';

function nextEvent<T>(socket: Socket, event: string, timeoutMs = 60_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${event}" within ${timeoutMs} ms`)), timeoutMs);
    socket.once(event, (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

function planIds(plan: BoardPlan): string[] {
  return plan.pages.flatMap((p) => p.items.map((i) => i.id));
}

/** Every plan a socket receives, kept, so a wait never misses one that came in between. */
function recordPlans(socket: Socket): {
  plans: Array<{ plan: BoardPlan; at: number }>;
  next(test: (p: BoardPlan) => boolean, timeoutMs: number, from?: number): Promise<{ plan: BoardPlan; at: number }>;
} {
  const plans: Array<{ plan: BoardPlan; at: number }> = [];
  const waiters: Array<() => void> = [];
  socket.on('plan', (plan: BoardPlan) => {
    plans.push({ plan, at: Date.now() });
    for (const w of waiters.splice(0)) w();
  });
  return {
    plans,
    next(test, timeoutMs, from = 0) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no matching plan within ${timeoutMs} ms (${plans.length} plans received)`)),
          timeoutMs,
        );
        const look = () => {
          const found = plans.slice(from).find((p) => test(p.plan));
          if (found) {
            clearTimeout(timer);
            resolve(found);
          } else waiters.push(look);
        };
        look();
      });
    },
  };
}

/** Resolves after `ms` on this process's timers: any host timer due earlier has run by then. */
const after = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A round trip on the socket: whatever the host sent before answering has arrived. */
const roundTrip = (socket: Socket) =>
  socket.emitWithAck('heartbeat', { planId: 'probe', pageIndex: 0, urgentIds: [], paintedAt: Date.now() });

describe('board socket of the hall host', () => {
  let hall: Hall & { dataDir: string };
  const sockets: Socket[] = [];

  function board(auth: Record<string, unknown>): Socket {
    const socket = connect(`${hall.url}/board`, { auth, transports: ['websocket'], reconnection: false });
    sockets.push(socket);
    return socket;
  }

  // A page has 15 s (not 250 ms) to report its viewport, so a loaded machine cannot make the
  // report late; the host still plans once for it, which is what the tests below check.
  const VIEWPORT_WAIT = 15_000;
  /** Ceiling for a plan or an error to arrive once it is due. */
  const ARRIVE = 60_000;
  beforeAll(async () => {
    hall = await startTestHall({ deps: { boardViewportWaitMs: VIEWPORT_WAIT } });
  });
  afterEach(() => {
    for (const s of sockets.splice(0)) s.close();
  });
  afterAll(() => hall?.close());

  it('sends status and a valid plan for the configured size on connect', async () => {
    const socket = board({ screenId: '1' });
    const [status, plan] = await Promise.all([
      nextEvent<HallStatus>(socket, 'status'),
      nextEvent<BoardPlan>(socket, 'plan', VIEWPORT_WAIT + ARRIVE),
    ]);
    expect(HallStatusSchema.parse(status).hub).toBe('standalone');
    const parsed = BoardPlanSchema.parse(plan);
    expect(parsed.viewport).toEqual({ width: 1920, height: 1080 });
    expect(parsed.totalItems).toBeGreaterThan(100);
  });

  it('sends a page that reports its viewport on connecting one plan, for that viewport, and none for the configured size', async () => {
    const socket = board({ screenId: '1' });
    const seen = recordPlans(socket);
    socket.on('connect', () => socket.emit('viewport', { width: 960, height: 480 }));
    const first = await seen.next(() => true, ARRIVE);
    expect(first.plan.viewport).toEqual({ width: 960, height: 480 });
    // The configured-size plan would have been due VIEWPORT_WAIT after connecting: this
    // process's timer set later for longer fires after the host's, then a round trip on the
    // socket brings anything the host sent before it.
    await after(VIEWPORT_WAIT + 100);
    expect(await roundTrip(socket)).toBe(true);
    expect(seen.plans.map((p) => p.plan.viewport)).toEqual([{ width: 960, height: 480 }]);
  });

  it('re-plans for the viewport the page reports', async () => {
    const socket = board({ screenId: '1' });
    socket.on('connect', () => socket.emit('viewport', { width: 1920, height: 1080 }));
    await nextEvent(socket, 'plan', ARRIVE);
    socket.emit('viewport', { width: 960, height: 480 });
    const plan = await nextEvent<BoardPlan>(socket, 'plan');
    expect(plan.viewport).toEqual({ width: 960, height: 480 });
    expect(plan.geometry.minGlyphPx).toBe(oracleMinGlyphPx(DEFAULT_SCREEN, { width: 960, height: 480 })); // 81 / 5 = 16.2 → 17
  });

  it('ignores a malformed viewport', async () => {
    const socket = board({ screenId: '1' });
    const seen = recordPlans(socket);
    socket.on('connect', () => socket.emit('viewport', { width: 1280, height: 720 }));
    await seen.next((p) => p.viewport.width === 1280, ARRIVE);
    socket.emit('viewport', { width: 'huge', height: -1 });
    socket.emit('viewport', { width: 960, height: 480 });
    // the valid report sent after the malformed one is answered, and nothing came in between
    await seen.next((p) => p.viewport.width === 960, ARRIVE, 1);
    expect(seen.plans.map((p) => p.plan.viewport)).toEqual([
      { width: 1280, height: 720 },
      { width: 960, height: 480 },
    ]);
    expect(hall.boards.presences().find((p) => p.socketId === socket.id)?.viewport).toEqual({
      width: 960,
      height: 480,
    });
  });

  it('tells a page with an unconfigured screen id so, instead of dropping it', async () => {
    const socket = board({ screenId: 'nope' });
    socket.on('connect', () => socket.emit('viewport', { width: 1920, height: 1080 }));
    const error = await nextEvent<{ code: string; message: string }>(socket, 'screen-error', ARRIVE);
    expect(error.code).toBe('unknown_screen');
  });

  it('refuses a handshake without a valid screen id', async () => {
    const socket = board({ screenId: '../../etc' });
    const error = await nextEvent<Error>(socket, 'connect_error');
    expect(error.message).toMatch(/screenId/);
  });

  it('acks heartbeats and shows what each screen reported', async () => {
    const socket = board({ screenId: '1' });
    socket.on('connect', () => socket.emit('viewport', { width: 1920, height: 1080 }));
    const plan = await nextEvent<BoardPlan>(socket, 'plan', ARRIVE);
    const ok = await socket.emitWithAck('heartbeat', {
      planId: plan.planId,
      pageIndex: 2,
      urgentIds: [],
      paintedAt: Date.now(),
    });
    expect(ok).toBe(true);
    expect(await socket.emitWithAck('heartbeat', { planId: 42 })).toBe(false);
    const presence = hall.boards.presences().find((p) => p.socketId === socket.id);
    expect(presence).toMatchObject({ screenId: '1', planId: plan.planId, pageIndex: 2 });
  });

  it('pushes a new plan when postings change and takes a posting off the board when it expires', async () => {
    const socket = board({ screenId: '1' });
    const seen = recordPlans(socket);
    socket.on('connect', () => socket.emit('viewport', { width: 1920, height: 1080 }));
    await seen.next(() => true, ARRIVE);
    const now = Date.now();
    const [soon] = generatePostings(1, { seed: 5, now });
    const validUntil = now + 1_500;
    const expiring = {
      ...soon!,
      id: 'expires-soon',
      validFrom: new Date(now - 60_000).toISOString(),
      validUntil: new Date(validUntil).toISOString(),
    };
    writePostings(hall.dataDir, [expiring]);
    const changedAt = Date.now();
    hall.boards.dataChanged();
    const withIt = await seen.next((p) => planIds(p).includes('expires-soon'), ARRIVE);
    // No further data change: the host re-plans at the posting's validUntil by itself. Its
    // periodic re-plan comes 15 s after the last one at the earliest, so a plan without the
    // posting before then is the expiry's.
    const withoutIt = await seen.next(
      (p) => !planIds(p).includes('expires-soon'),
      15_000,
      seen.plans.indexOf(withIt) + 1,
    );
    expect(withoutIt.at).toBeGreaterThanOrEqual(validUntil);
    expect(withoutIt.at - changedAt).toBeLessThan(15_000);
    // and every plan in between still showed it: it did not leave early
    for (const p of seen.plans.slice(seen.plans.indexOf(withIt), seen.plans.indexOf(withoutIt)))
      expect(planIds(p.plan)).toContain('expires-soon');
  });
});
