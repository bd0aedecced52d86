/**
 * `GET /api/staff/pulse/history` on a real standalone host with the demo data: staff only, the
 * shape the console's client checks, 90 days ending today with the demo's gaps, today's figures
 * the hall's own, and small.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHall } from '../../support/in-process-hall';
import type { Hall } from '../../../electron/host/hall';
import { call, signIn } from '../staff/staff-support';
import { PulseHistorySchema } from '../../../shared/pulse/pulse-history-schema';
import { localDay } from '../../../electron/host/signups/signup-intake';

describe('GET /api/staff/pulse/history', () => {
  let hall: Hall & { dataDir: string };
  let token: string;

  beforeAll(async () => {
    hall = await startTestHall();
    await fetch(`${hall.url}/api/staff/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: '王主任', pin: '271828' }),
    });
    token = await signIn(hall.url, '271828');
  });
  afterAll(() => hall?.close());

  it('answers 401 without a staff token, and with a forged one', async () => {
    expect((await call(hall.url, 'GET', '/api/staff/pulse/history')).status).toBe(401);
    expect((await call(hall.url, 'GET', '/api/staff/pulse/history', { token: 'forged' })).status).toBe(401);
  });

  it('gives 90 days ending today, the demo history before it with its gaps, today from the hall’s own postings', async () => {
    const r = await call(hall.url, 'GET', '/api/staff/pulse/history', { token });
    expect(r.status).toBe(200);
    const history = PulseHistorySchema.parse(r.json);
    expect(history.today).toBe(localDay(Date.now()));
    expect(history.days.at(-1)).toBe(history.today);
    expect(history.total.demand.filter((d) => d === null)).toHaveLength(4);
    const pulse = await call(hall.url, 'GET', '/api/staff/pulse', { token });
    expect(history.total.demand.at(-1)).toBe(pulse.json.pulse.totals.demand);
    for (const trade of pulse.json.pulse.trades as { occupation: string; demand: number }[])
      expect(history.trades.find((t) => t.occupation === trade.occupation)!.demand.at(-1)).toBe(trade.demand);
    expect(history.total.lastYear?.days).toBe(7);
    expect(history.total.current?.days).toBeGreaterThanOrEqual(1);
    // 16 series of 90 days: bounded, a few tens of kilobytes at most
    expect(JSON.stringify(r.json).length).toBeLessThan(40_000);
  });
});
