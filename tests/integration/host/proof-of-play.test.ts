/**
 * Proof of play against the real host and real sockets: two boards (socket.io-client, doing
 * what renderer/board/use-heartbeat.ts does — a heartbeat on every page change and every 5 s)
 * paint their screens' rotation for ten minutes of host time; the counts per posting match the
 * pages they painted (± one page), survive a host restart, and stop when a board closes.
 *
 * Time is the host's injected clock, moved by the test a second at a time: no sleeps, and the
 * same result on a loaded machine.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { BoardPlanSchema, type BoardPlan } from '../../../shared/schemas/board-plan';
import { pageAt } from '../../../shared/planner/rotation';
import type { Hall } from '../../../electron/host/hall';
import { hallDay } from '../../../electron/host/play/play-credit';
import { startTestHall, writePostings } from '../../support/in-process-hall';
import { tmpDir } from '../../support/tmp-dir';
import { makePosting } from '../../unit/db/fixtures';

const WALL = { width: 1920, height: 1080 };
const DWELL_S = 10;
const HEARTBEAT_MS = 5000;

/** A board page on a socket: holds the whole plan, paints pageAt(plan, now), beats like the real one. */
async function openBoard(url: string, screenId: string) {
  const socket: Socket = connect(`${url}/board`, {
    auth: { screenId },
    transports: ['websocket'],
    reconnection: false,
  });
  const plan = await new Promise<BoardPlan>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`board ${screenId}: no plan within 30 s`)), 30_000);
    socket.on('connect', () => socket.emit('viewport', WALL));
    socket.once('plan', (raw: unknown) => {
      clearTimeout(timer);
      resolve(BoardPlanSchema.parse(raw));
    });
  });
  let painted: { pageIndex: number; at: number } | null = null;
  let lastBeat = -Infinity;
  /** What this board painted: [page index, from, to) stretches. */
  const stretches: Array<{ pageIndex: number; from: number; to: number }> = [];
  return {
    plan,
    stretches,
    /** Host time is `now`: paint the due page, and beat when the page changed or 5 s passed. */
    async step(now: number): Promise<void> {
      const due = pageAt(plan, now)!.page.index;
      if (painted?.pageIndex !== due) {
        if (painted) stretches.push({ pageIndex: painted.pageIndex, from: painted.at, to: now });
        painted = { pageIndex: due, at: now };
      } else if (now - lastBeat < HEARTBEAT_MS) {
        return;
      }
      lastBeat = now;
      const ok = (await socket.timeout(10_000).emitWithAck('heartbeat', {
        planId: plan.planId,
        pageIndex: due,
        paintedAt: painted.at,
        urgentIds: [],
      })) as boolean;
      expect(ok).toBe(true);
    },
    /** The stretch being painted, up to `now` (for the expected counts). */
    finish(now: number) {
      if (painted) stretches.push({ pageIndex: painted.pageIndex, from: painted.at, to: now });
      painted = null;
    },
    close: () => socket.close(),
  };
}

type Board = Awaited<ReturnType<typeof openBoard>>;

/** Per posting, the times and ms a board's stretches put it on screen. */
function expected(board: Board): Map<string, { shows: number; ms: number }> {
  const out = new Map<string, { shows: number; ms: number }>();
  for (const s of board.stretches) {
    for (const item of board.plan.pages[s.pageIndex]!.items) {
      const c = out.get(item.id) ?? { shows: 0, ms: 0 };
      c.shows += 1;
      c.ms += s.to - s.from;
      out.set(item.id, c);
    }
  }
  return out;
}

describe('proof of play from board heartbeats', () => {
  let hall: Hall & { dataDir: string };
  const dataDir = tmpDir('hall-play-');
  const realNow = Date.now();
  // noon of today's hall day: ten minutes from it stay within the day
  let now = Date.parse(`${hallDay(realNow)}T12:00:00+08:00`);
  const day = hallDay(now);
  const start = () => startTestHall({ dataDir, deps: { clock: () => now, playFlushEveryMs: 3_600_000 } });

  beforeAll(async () => {
    const screen = {
      layout: 'cards',
      ...WALL,
      pitchMm: 2.5,
      viewingDistanceM: 8,
      minDwellS: DWELL_S,
      maxDwellS: DWELL_S,
    };
    writeFileSync(
      join(dataDir, 'screens.json'),
      JSON.stringify({
        screens: [
          { ...screen, id: '1', name: '一号屏', filter: { occupations: ['driving'], districts: [] } },
          { ...screen, id: '2', name: '二号屏', filter: { occupations: ['cleaning'], districts: [] } },
        ],
      }),
    );
    const valid = {
      validFrom: new Date(realNow - 2 * 86_400_000).toISOString(),
      validUntil: new Date(realNow + 7 * 86_400_000).toISOString(),
    };
    writePostings(dataDir, [
      ...Array.from({ length: 30 }, (_, i) => makePosting({ id: `drive-${i}`, ...valid })),
      ...Array.from({ length: 14 }, (_, i) =>
        makePosting({ id: `clean-${i}`, occupation: 'cleaning', title: '保洁员', ...valid }),
      ),
    ]);
    hall = await start();
  }, 60_000);

  afterAll(async () => {
    await hall?.close();
  });

  const counted = (screenId: string) => {
    const rows = hall.play.totalsByScreen(day, day, screenId);
    return new Map(rows.map((r) => [r.postingId, { shows: r.shows, ms: r.shownMs }]));
  };

  function expectMatches(
    got: Map<string, { shows: number; ms: number }>,
    want: Map<string, { shows: number; ms: number }>,
  ) {
    expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
    for (const [id, w] of want) {
      const g = got.get(id)!;
      // ± one page: one showing, one dwell
      expect(Math.abs(g.shows - w.shows), `${id} shows ${g.shows}, painted ${w.shows}`).toBeLessThanOrEqual(1);
      expect(Math.abs(g.ms - w.ms), `${id} ${g.ms} ms, painted ${w.ms}`).toBeLessThanOrEqual(DWELL_S * 1000);
    }
  }

  let before1: Map<string, { shows: number; ms: number }>;
  let before2: Map<string, { shows: number; ms: number }>;

  it('counts, per posting and screen, what two boards painted over ten minutes', async () => {
    const [a, b] = await Promise.all([openBoard(hall.url, '1'), openBoard(hall.url, '2')]);
    expect(a.plan.pages.length).toBe(3);
    expect(b.plan.pages.length).toBe(2);
    const until = now + 10 * 60_000;
    for (; now <= until; now += 1000) {
      await a.step(now);
      await b.step(now);
    }
    now -= 1000;
    a.finish(now);
    b.finish(now);
    before1 = counted('1');
    before2 = counted('2');
    expectMatches(before1, expected(a));
    expectMatches(before2, expected(b));
    // a posting on screen 1: every 30 s cycle, 10 s at a time
    expect(before1.get('drive-0')!.shows).toBeGreaterThanOrEqual(19);
    expect(before1.get('drive-0')!.ms).toBeGreaterThanOrEqual(190_000);
    // screen 2 shows only the cleaning postings
    expect([...before2.keys()].every((id) => id.startsWith('clean-'))).toBe(true);
    a.close();
    b.close();
  }, 120_000);

  it('keeps the counts over a host restart', async () => {
    await hall.close();
    hall = await start();
    expect(counted('1')).toEqual(before1);
    expect(counted('2')).toEqual(before2);
  }, 60_000);

  it('stops counting a screen whose board closed, and goes on counting the other', async () => {
    const [a, b] = await Promise.all([openBoard(hall.url, '1'), openBoard(hall.url, '2')]);
    for (const stop = now + 60_000; now <= stop; now += 1000) {
      await a.step(now);
      await b.step(now);
    }
    b.close();
    const afterClose2 = counted('2');
    for (const stop = now + 120_000; now <= stop; now += 1000) await a.step(now);
    a.close();
    const total = (m: Map<string, { ms: number }>) => [...m.values()].reduce((n, c) => n + c.ms, 0);
    // screen 2's counts are where they were when its board closed
    expect(counted('2')).toEqual(afterClose2);
    expect(total(afterClose2)).toBeGreaterThan(total(before2));
    // screen 1 went on: three more minutes of it
    expect(total(counted('1')) - total(before1)).toBeGreaterThanOrEqual(10 * 170_000);
  }, 120_000);
});
