import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { BoardPlanSchema, type BoardPlan } from '../../../shared/schemas/board-plan';
import { HallStatusSchema, type HallStatus } from '../../../shared/contract';
import { generateListings } from '../../../scripts/demo/generate-listings';
import type { Hall } from '../../../electron/host/hall';
import { startTestHall, writeListings } from '../../support/in-process-hall';
import { VIEWPORT_WAIT_MS } from '../../../electron/host/boards/board-service';

function nextEvent<T>(socket: Socket, event: string, timeoutMs = 5_000): Promise<T> {
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

describe('board socket of the hall host', () => {
  let hall: Hall & { dataDir: string };
  const sockets: Socket[] = [];

  function board(auth: Record<string, unknown>): Socket {
    const socket = connect(`${hall.url}/board`, { auth, transports: ['websocket'], reconnection: false });
    sockets.push(socket);
    return socket;
  }

  beforeAll(async () => {
    hall = await startTestHall();
  });
  afterEach(() => {
    for (const s of sockets.splice(0)) s.close();
  });
  afterAll(() => hall?.close());

  it('sends status and a valid plan for the configured size on connect', async () => {
    const socket = board({ screenId: '1' });
    const [status, plan] = await Promise.all([nextEvent<HallStatus>(socket, 'status'), nextEvent<BoardPlan>(socket, 'plan')]);
    expect(HallStatusSchema.parse(status).hub).toBe('standalone');
    const parsed = BoardPlanSchema.parse(plan);
    expect(parsed.viewport).toEqual({ width: 1920, height: 1080 });
    expect(parsed.totalItems).toBeGreaterThan(100);
  });

  it('plans once, for the reported viewport, when the page reports it on connecting', async () => {
    const socket = board({ screenId: '1' });
    const plans: BoardPlan[] = [];
    socket.on('plan', (plan: BoardPlan) => plans.push(plan));
    socket.on('connect', () => socket.emit('viewport', { width: 960, height: 480 }));
    await nextEvent(socket, 'plan');
    await new Promise((r) => setTimeout(r, 2 * VIEWPORT_WAIT_MS));
    expect(plans.map((p) => p.viewport)).toEqual([{ width: 960, height: 480 }]);
  });

  it('re-plans for the viewport the page reports', async () => {
    const socket = board({ screenId: '1' });
    await nextEvent(socket, 'plan');
    socket.emit('viewport', { width: 960, height: 480 });
    const plan = await nextEvent<BoardPlan>(socket, 'plan');
    expect(plan.viewport).toEqual({ width: 960, height: 480 });
    expect(plan.geometry.minGlyphPx).toBe(17);
  });

  it('ignores a malformed viewport', async () => {
    const socket = board({ screenId: '1' });
    await nextEvent(socket, 'plan');
    socket.emit('viewport', { width: 'huge', height: -1 });
    await expect(nextEvent(socket, 'plan', 500)).rejects.toThrow(/no "plan"/);
  });

  it('tells a page with an unconfigured screen id so, instead of dropping it', async () => {
    const socket = board({ screenId: 'nope' });
    const error = await nextEvent<{ code: string; message: string }>(socket, 'screen-error');
    expect(error.code).toBe('unknown_screen');
  });

  it('refuses a handshake without a valid screen id', async () => {
    const socket = board({ screenId: '../../etc' });
    const error = await nextEvent<Error>(socket, 'connect_error');
    expect(error.message).toMatch(/screenId/);
  });

  it('acks heartbeats and shows what each screen reported', async () => {
    const socket = board({ screenId: '1' });
    const plan = await nextEvent<BoardPlan>(socket, 'plan');
    const ok = await socket.emitWithAck('heartbeat', { planId: plan.planId, pageIndex: 2, urgentIds: [], paintedAt: Date.now() });
    expect(ok).toBe(true);
    expect(await socket.emitWithAck('heartbeat', { planId: 42 })).toBe(false);
    const presence = hall.boards.presences().find((p) => p.socketId === socket.id);
    expect(presence).toMatchObject({ screenId: '1', planId: plan.planId, pageIndex: 2 });
  });

  it('pushes a new plan when postings change and takes a posting off the board when it expires', async () => {
    const socket = board({ screenId: '1' });
    await nextEvent(socket, 'plan');
    const now = Date.now();
    const [soon] = generateListings(1, { seed: 5, now });
    const expiring = { ...soon!, id: 'expires-soon', validFrom: new Date(now - 60_000).toISOString(), validUntil: new Date(now + 1_500).toISOString() };
    writeListings(hall.dataDir, [expiring]);
    hall.boards.dataChanged();
    const withIt = await nextEvent<BoardPlan>(socket, 'plan');
    expect(planIds(withIt)).toContain('expires-soon');
    // No further data change: the host re-plans at the posting's validUntil by itself.
    const withoutIt = await nextEvent<BoardPlan>(socket, 'plan', 5_000);
    expect(planIds(withoutIt)).not.toContain('expires-soon');
    expect(Date.now()).toBeGreaterThanOrEqual(now + 1_500);
  });
});
