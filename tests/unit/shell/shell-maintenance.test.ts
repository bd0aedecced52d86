import { describe, expect, it } from 'vitest';
import { display } from './displays';
import type { FakeApp, FakeBrowserWindow } from './fake-electron';
import { HALL_URL, NOON, urls, useShellHarness, type PlanTiming } from './shell-harness';

// The shell's long-running chores in its wiring (fake `electron`, see shell-harness.ts):
// memory-budget recycling (at a quiet moment) and the nightly reload.
const { start, writeConfig } = useShellHarness();

/** Puts this window's renderer at `mb` in app.getAppMetrics(). */
function overBudget(app: FakeApp, win: FakeBrowserWindow, mb = 2000): void {
  app.metrics = [{ pid: win.webContents.getOSProcessId(), type: 'Tab', memory: { workingSetSize: mb * 1024 } }];
}

/** The third memory sample (one a minute) is the one that orders the recycle. */
const ORDER_AT = 3 * 60_000;

/** Two pages of `dwellMs`; page 0 began `into` ms before the recycle is ordered. */
function rotation(dwellMs: number, into: number): PlanTiming {
  return {
    anchorMs: NOON + ORDER_AT - into,
    cycleMs: 2 * dwellMs,
    pages: [
      { index: 0, startMs: 0, dwellMs, items: [] },
      { index: 1, startMs: dwellMs, dwellMs, items: [] },
    ],
  };
}

describe('runShell maintenance', () => {
  it('recycles a board whose renderer stays over the memory budget, with a new window on the same display', async () => {
    const { windows, timers, app, log } = await start();
    const [leaky, fine] = windows();
    app.metrics = [
      { pid: leaky!.webContents.getOSProcessId(), type: 'Tab', memory: { workingSetSize: 2000 * 1024 } },
      { pid: fine!.webContents.getOSProcessId(), type: 'Tab', memory: { workingSetSize: 300 * 1024 } },
    ];
    timers.advance(2 * 60_000);
    expect(leaky!.destroyed).toBe(false);
    timers.advance(60_000);
    expect(leaky!.destroyed).toBe(true);
    expect(fine!.destroyed).toBe(false);
    expect(urls(windows())).toEqual([`${HALL_URL}/board/2`, `${HALL_URL}/board/1`]);
    expect(windows()[2]?.options).toMatchObject({ x: 0, fullscreen: true });
    expect(log.lines.some((l) => l.includes('2000 MB > 1200 MB'))).toBe(true);
  });

  it('reloads every window once a night inside the quiet hours, and not during the day', async () => {
    const { windows, timers } = await start();
    const loads = () => windows().map((w) => w.loadedUrls.length);
    timers.advance(14 * 3600_000 + 59 * 60_000);
    expect(loads()).toEqual([1, 1]);
    timers.advance(60_000);
    expect(loads()).toEqual([2, 2]);
    timers.advance(24 * 3600_000);
    expect(loads()).toEqual([3, 3]);
  });

  it('stops its chores when the hall quits', async () => {
    const { app, timers, windows } = await start();
    app.quit();
    await new Promise((resolve) => setImmediate(resolve));
    expect(timers.pending()).toBe(0);
    timers.advance(48 * 3600_000);
    expect(windows().map((w) => w.loadedUrls.length)).toEqual([1, 1]);
  });

  it('waits for the board’s next page change to recycle it, asking the host for the plan at the display’s size', async () => {
    const { windows, timers, app, hall, shell, log } = await start([display(1, 0)], ['1'], {
      plan: () => rotation(8_000, 3_000),
    });
    const leaky = windows()[0]!;
    overBudget(app, leaky);
    timers.advance(ORDER_AT);
    expect(shell!.windows.pendingRecycles()).toEqual([1]);
    timers.advance(4_999);
    expect(leaky.destroyed).toBe(false);
    timers.advance(1);
    expect(leaky.destroyed).toBe(true);
    expect(urls(windows())).toEqual([`${HALL_URL}/board/1`]);
    expect(hall.planRequests).toContainEqual({ screenId: '1', viewport: { width: 1920, height: 1080 } });
    expect(log.lines).toContain(
      'warn recycling board 1 on display 1 (2000 MB > 1200 MB) after waiting 5 s for a quiet moment',
    );
  });

  it('recycles a board whose page has only just turned at once', async () => {
    const { windows, timers, app } = await start([display(1, 0)], ['1'], { plan: () => rotation(8_000, 200) });
    overBudget(app, windows()[0]!);
    timers.advance(ORDER_AT);
    expect(windows()[0]!.destroyed).toBe(true);
  });

  it('does not wait past the deadline for a page that will not turn', async () => {
    const { windows, timers, app } = await start([display(1, 0)], ['1'], {
      plan: () => rotation(3_600_000, 0 + 60_000),
    });
    overBudget(app, windows()[0]!);
    timers.advance(ORDER_AT + 10 * 60_000 - 1);
    expect(windows()[0]!.destroyed).toBe(false);
    timers.advance(1);
    expect(windows()[0]!.destroyed).toBe(true);
  });

  it('recycles a board at once when the host cannot give its plan, and says why', async () => {
    const broken = () => {
      throw new Error('planFor: no such screen');
    };
    const { windows, timers, app, log } = await start([display(1, 0)], ['1'], { plan: broken });
    overBudget(app, windows()[0]!);
    timers.advance(ORDER_AT);
    expect(windows()[0]!.destroyed).toBe(true);
    expect(log.lines).toContain('warn no plan for board 1: planFor: no such screen');
  });

  it('recycles the kiosk only once nobody has touched it for two minutes', async () => {
    writeConfig({ displays: [{ match: { id: 1 }, role: 'kiosk' }] });
    const { windows, timers, app } = await start([display(1, 0)], ['1']);
    const kiosk = windows()[0]!;
    overBudget(app, kiosk);
    timers.advance(ORDER_AT - 30_000);
    kiosk.webContents.emit('input-event', {}, { type: 'touchStart' });
    timers.advance(30_000);
    // Ordered now; the last touch was 30 s ago.
    timers.advance(60_000);
    kiosk.webContents.emit('input-event', {}, { type: 'touchStart' });
    timers.advance(119_999);
    expect(kiosk.destroyed).toBe(false);
    timers.advance(1);
    expect(kiosk.destroyed).toBe(true);
    expect(windows()[1]!.webContents.url).toContain('/kiosk#device=');
  });

  it('forgets a waiting recycle when the display goes away or the hall quits', async () => {
    const { windows, timers, app, screen, shell } = await start([display(1, 0), display(2, 1920)], ['1', '2'], {
      plan: () => rotation(60_000, 0 + 1_000),
    });
    overBudget(app, windows()[0]!);
    timers.advance(ORDER_AT);
    expect(shell!.windows.pendingRecycles()).toEqual([1]);
    screen.displays.splice(0, 1);
    screen.emit('display-removed');
    timers.advance(120_000);
    expect(windows().filter((w) => !w.destroyed)).toHaveLength(1);
    app.quit();
    expect(shell!.windows.pendingRecycles()).toEqual([]);
  });
});
