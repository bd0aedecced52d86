/**
 * Proof of play's counting, on a fake clock: a page earns the time it was up between
 * heartbeats and a showing per window, and nothing a page makes up counts.
 */
import { describe, expect, it } from 'vitest';
import { createPlayTracker, PLAY_CAP_MS } from '../../../electron/host/play/play-tracker';
import { hallDay, pageWindows } from '../../../electron/host/play/play-credit';
import type { PlaySchedule } from '../../../electron/host/boards/plan-engine';

const T0 = Date.parse('2026-12-02T02:00:00Z');

/** Two pages of 10 s each: p1 holds a and b, p2 holds c. The cycle starts at T0. */
const SCHEDULE: PlaySchedule = {
  planId: 'plan-1',
  anchorMs: T0,
  cycleMs: 20_000,
  pages: [
    { startMs: 0, dwellMs: 10_000, hash: 'h1', ids: ['a', 'b'] },
    { startMs: 10_000, dwellMs: 10_000, hash: 'h2', ids: ['c'] },
  ],
};

function harness() {
  let now = T0;
  const counts = new Map<string, { shows: number; ms: number }>();
  const tracker = createPlayTracker({
    clock: () => now,
    sink: {
      add(day, screenId, postingId, shows, ms) {
        const key = `${day}|${screenId}|${postingId}`;
        const c = counts.get(key) ?? { shows: 0, ms: 0 };
        c.shows += shows;
        c.ms += ms;
        counts.set(key, c);
      },
    },
  });
  const of = (postingId: string, screenId = 's1') =>
    counts.get(`${hallDay(T0)}|${screenId}|${postingId}`) ?? { shows: 0, ms: 0 };
  /** A board that paints the due page at each of `times` (ms after T0) and beats then. */
  const board = (socketId: string, screenId = 's1') => ({
    at(ms: number, pageIndex: number, paintedAt = T0 + ms, planId = 'plan-1') {
      now = T0 + ms;
      tracker.beat(socketId, screenId, { planId, pageIndex, paintedAt, urgentIds: [] });
    },
  });
  /** Group g planned with `schedule` and its plan sent to `socketId`: that socket's board. */
  const sentBoard = (socketId: string, schedule: PlaySchedule = SCHEDULE) => {
    tracker.planned('g', schedule);
    tracker.sent(socketId, 'g', schedule.planId);
    return board(socketId);
  };
  return { tracker, of, board, sentBoard, setNow: (ms: number) => (now = T0 + ms) };
}

describe('pageWindows', () => {
  it('cuts an interval to the windows the page was due in', () => {
    const rot = { anchorMs: T0, cycleMs: 20_000 };
    expect(pageWindows(rot, { startMs: 10_000, dwellMs: 10_000 }, T0 + 5000, T0 + 35_000)).toEqual([
      { windowStart: T0 + 10_000, from: T0 + 10_000, to: T0 + 20_000 },
      { windowStart: T0 + 30_000, from: T0 + 30_000, to: T0 + 35_000 },
    ]);
    expect(pageWindows(rot, { startMs: 0, dwellMs: 10_000 }, T0 + 12_000, T0 + 18_000)).toEqual([]);
  });
});

describe('the play tracker', () => {
  it('counts what a board that follows the rotation painted: times and seconds per posting', () => {
    const { of, sentBoard } = harness();
    const b = sentBoard('x');
    // two cycles: page 0 at 0 s, 5 s (beat), page 1 at 10 s, 15 s, page 0 at 20 s, …, until 40 s
    for (let s = 0; s <= 40; s += 5) b.at(s * 1000, Math.floor(s / 10) % 2);
    expect(of('a')).toEqual({ shows: 2, ms: 20_000 });
    expect(of('b')).toEqual({ shows: 2, ms: 20_000 });
    expect(of('c')).toEqual({ shows: 2, ms: 20_000 });
  });

  it('credits nothing for a plan it did not send to that page, or a page that was not due', () => {
    const { of, board, sentBoard } = harness();
    const forged = sentBoard('x');
    // a made-up plan id
    for (let s = 0; s <= 20; s += 5) forged.at(s * 1000, 0, T0 + s * 1000, 'plan-made-up');
    expect(of('a').ms).toBe(0);
    // page 1 claimed all along, page 0 due half the time: page 1 earns only its own windows
    for (let s = 25; s <= 60; s += 5) forged.at(s * 1000, 1, T0);
    expect(of('a').ms).toBe(0);
    expect(of('c').ms).toBe(20_000);
    // another socket was never sent the plan
    const other = board('y');
    for (let s = 60; s <= 80; s += 5) other.at(s * 1000, 0);
    expect(of('a').ms).toBe(0);
  });

  it('stops counting when the heartbeats stop: at most the cap after the last one', () => {
    const { tracker, of, sentBoard } = harness();
    const one: PlaySchedule = {
      ...SCHEDULE,
      cycleMs: 600_000,
      pages: [{ startMs: 0, dwellMs: 600_000, hash: 'h', ids: ['a'] }],
    };
    const b = sentBoard('x', one);
    b.at(0, 0);
    b.at(5000, 0);
    // silent for five minutes, then one beat: only the cap is credited for the gap
    b.at(305_000, 0);
    expect(of('a').ms).toBe(5000 + PLAY_CAP_MS);
    // closed: what came after the last beat is not credited
    tracker.gone('x');
    b.at(310_000, 0);
    expect(of('a').ms).toBe(5000 + PLAY_CAP_MS);
  });

  it('credits a screen once however many pages show it', () => {
    const { tracker, of, board } = harness();
    tracker.planned('g', SCHEDULE);
    for (const id of ['x', 'y', 'z']) tracker.sent(id, 'g', 'plan-1');
    const boards = ['x', 'y', 'z'].map((id) => board(id));
    for (let s = 0; s <= 10; s += 1) for (const b of boards) b.at(s * 1000, 0);
    expect(of('a')).toEqual({ shows: 1, ms: 10_000 });
  });

  it('keeps the showing going across a live change that leaves the page as it was', () => {
    const { tracker, of, sentBoard } = harness();
    const b = sentBoard('x');
    b.at(0, 0);
    b.at(3000, 0);
    // plan 2: page 0 the same (by hash: its ids come from plan 1), page 1 changed
    tracker.planned('g', {
      ...SCHEDULE,
      planId: 'plan-2',
      pages: [
        { ...SCHEDULE.pages[0]!, ids: null },
        { startMs: 10_000, dwellMs: 10_000, hash: 'h3', ids: ['d'] },
      ],
    });
    tracker.sent('x', 'g', 'plan-2');
    b.at(4000, 0, T0 + 4000, 'plan-2');
    b.at(9000, 0, T0 + 4000, 'plan-2');
    b.at(10_000, 1, T0 + 10_000, 'plan-2');
    b.at(15_000, 1, T0 + 10_000, 'plan-2');
    expect(of('a')).toEqual({ shows: 1, ms: 10_000 });
    expect(of('d')).toEqual({ shows: 1, ms: 5000 });
    expect(of('c')).toEqual({ shows: 0, ms: 0 });
  });
});

describe('the play tracker against a page that makes things up', () => {
  it('counts at most one showing per window, and never more time than the windows hold', () => {
    const { of, sentBoard } = harness();
    const b = sentBoard('x');
    // flipping between page 0 and page 1 every 2 s for two cycles
    for (let s = 0; s <= 40; s += 2) b.at(s * 1000, (s / 2) % 2, T0 + s * 1000);
    expect(of('a').shows).toBeLessThanOrEqual(2);
    expect(of('c').shows).toBeLessThanOrEqual(2);
    expect(of('a').ms).toBeLessThanOrEqual(20_000);
    expect(of('c').ms).toBeLessThanOrEqual(20_000);
  });
});
