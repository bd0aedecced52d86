import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import type { WritableDatabase } from '../../../electron/host/db/handles';
import { closeDatabase, openDatabase } from '../../../electron/host/db/open-database';
import { createPulseHistoryQuery } from '../../../electron/host/pulse/pulse-history-query';
import { createPulseService } from '../../../electron/host/pulse/pulse-service';
import { seedDemoPulseHistory } from '../../../electron/host/pulse/pulse-demo-seed';
import { createPostingStore } from '../../../electron/host/db/posting-store';
import { localDay } from '../../../electron/host/signups/signup-intake';
import {
  addDays,
  buildPulseHistory,
  historyRanges,
  HISTORY_DAYS,
  isoWeekMonday,
  isoWeekOf,
  isoWeeksInYear,
  sameWeekLastYear,
} from '../../../shared/pulse/pulse-history';
import { PulseHistorySchema } from '../../../shared/pulse/pulse-history-schema';
import { makePosting } from '../db/fixtures';
import { tmpDir } from '../../support/tmp-dir';

const DAY = 86_400_000;

describe('ISO weeks', () => {
  it('puts the days around new year in the week their Thursday decides', () => {
    expect(isoWeekOf('2026-11-27')).toEqual({ year: 2026, week: 48 });
    expect(isoWeekOf('2027-01-01')).toEqual({ year: 2026, week: 53 });
    expect(isoWeekOf('2027-01-03')).toEqual({ year: 2026, week: 53 });
    expect(isoWeekOf('2027-01-04')).toEqual({ year: 2027, week: 1 });
    expect(isoWeekOf('2025-12-29')).toEqual({ year: 2026, week: 1 });
    expect(isoWeekOf('2024-12-30')).toEqual({ year: 2025, week: 1 });
    expect(isoWeekOf('2021-01-03')).toEqual({ year: 2020, week: 53 });
    expect(isoWeekMonday({ year: 2026, week: 1 })).toBe('2025-12-29');
    expect(isoWeekMonday({ year: 2026, week: 53 })).toBe('2026-12-28');
    expect([2020, 2024, 2025, 2026, 2027].map(isoWeeksInYear)).toEqual([53, 52, 52, 53, 52]);
  });

  it('compares a week 53 with last year’s week 52 when last year had no 53rd', () => {
    expect(sameWeekLastYear({ year: 2026, week: 53 })).toEqual({ year: 2025, week: 52 });
    expect(sameWeekLastYear({ year: 2021, week: 53 })).toEqual({ year: 2020, week: 53 });
    expect(sameWeekLastYear({ year: 2026, week: 48 })).toEqual({ year: 2025, week: 48 });
  });

  it('gives every day a Monday-to-Sunday week that holds it, and the next week starts seven days on', () => {
    const days = fc
      .integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) })
      .map((ms) => new Date(ms).toISOString().slice(0, 10));
    fc.assert(
      fc.property(days, (day) => {
        const week = isoWeekOf(day);
        const monday = isoWeekMonday(week);
        expect(new Date(`${monday}T00:00:00Z`).getUTCDay()).toBe(1);
        expect(monday <= day && day <= addDays(monday, 6)).toBe(true);
        const next = isoWeekOf(addDays(monday, 7));
        expect(next).toEqual(
          week.week === isoWeeksInYear(week.year) ? { year: week.year + 1, week: 1 } : { ...week, week: week.week + 1 },
        );
      }),
    );
  });
});

describe('historyRanges', () => {
  it('covers the 90 days up to today, this week to today, and last year’s whole week, across new year', () => {
    expect(historyRanges('2027-01-01')).toEqual({
      series: { from: '2026-10-04', to: '2027-01-01' },
      current: { year: 2026, week: 53, from: '2026-12-28', to: '2027-01-01' },
      lastYear: { year: 2025, week: 52, from: '2025-12-22', to: '2025-12-28' },
    });
    const early = historyRanges('2026-01-02');
    expect(early.current).toEqual({ year: 2026, week: 1, from: '2025-12-29', to: '2026-01-02' });
    expect(early.lastYear).toEqual({ year: 2025, week: 1, from: '2024-12-30', to: '2025-01-05' });
    expect(addDays(early.series.from, HISTORY_DAYS - 1)).toBe('2026-01-02');
    // leap day
    expect(historyRanges('2024-03-01').series.from).toBe('2023-12-03');
  });
});

describe('buildPulseHistory', () => {
  it('means a week over its days with a snapshot, and says null for a week with none', () => {
    const rows = [
      { day: '2026-12-28', occupation: 'moving', demand: 10, seekers: 4 },
      { day: '2026-12-30', occupation: 'moving', demand: 13, seekers: 5 },
      { day: '2025-12-22', occupation: 'moving', demand: 6, seekers: 2 },
      { day: '2025-12-28', occupation: 'moving', demand: 7, seekers: 2 },
      { day: '2025-12-29', occupation: 'moving', demand: 99, seekers: 99 }, // the week after: not counted
      { day: '2026-12-30', occupation: 'nonsense', demand: 5, seekers: 5 },
    ];
    const h = buildPulseHistory('2027-01-01', rows);
    const moving = h.trades.find((t) => t.occupation === 'moving')!;
    expect(moving.current).toEqual({ demand: 11.5, seekers: 4.5, days: 2 });
    expect(moving.lastYear).toEqual({ demand: 6.5, seekers: 2, days: 2 });
    const care = h.trades.find((t) => t.occupation === 'care')!;
    expect(care.current).toBeNull();
    expect(care.lastYear).toBeNull();
    expect(h.trades).toHaveLength(15);
    expect(PulseHistorySchema.parse(h)).toEqual(h);
  });
});

describe('the pulse history from a real SQLite file', () => {
  const insertSnapshot = (db: WritableDatabase, day: string, occupation: string, demand: number, seekers: number) =>
    db
      .prepare('INSERT INTO pulse_snapshots (day, occupation, demand, seekers, recorded_at) VALUES (?, ?, ?, ?, 0)')
      .run(day, occupation, demand, seekers);

  it('gives 90 days ending today, a gap where no snapshot is, a zero where one says zero', () => {
    const file = join(tmpDir('pulse-history-'), 'hall.db');
    const db = openDatabase(file);
    const now = Date.parse('2026-11-27T12:00:00+08:00');
    const today = localDay(now);
    insertSnapshot(db, addDays(today, -90), 'construction', 50, 50); // one day too old
    insertSnapshot(db, addDays(today, -89), 'construction', 11, 3); // the first day shown
    insertSnapshot(db, addDays(today, -10), 'construction', 0, 0);
    insertSnapshot(db, today, 'construction', 14, 4);
    insertSnapshot(db, today, '_total', 30, 9);
    insertSnapshot(db, addDays(today, -364), 'construction', 8, 2);
    closeDatabase(db);

    const reopened = openDatabase(file);
    const h = createPulseHistoryQuery(reopened).history(now);
    closeDatabase(reopened);
    expect(h.today).toBe(today);
    expect(h.days).toHaveLength(90);
    expect(h.days[0]).toBe(addDays(today, -89));
    expect(h.days.at(-1)).toBe(today);
    const c = h.trades.find((t) => t.occupation === 'construction')!;
    expect(c.demand[0]).toBe(11);
    expect(c.demand[79]).toBe(0);
    expect(c.seekers[79]).toBe(0);
    expect(c.demand[89]).toBe(14);
    expect(c.demand.filter((d) => d === null)).toHaveLength(87);
    expect(c.lastYear).toEqual({ demand: 8, seekers: 2, days: 1 });
    expect(h.total.demand[89]).toBe(30);
    expect(h.total.seekers[89]).toBe(9);
  });

  it('brings today’s snapshot up to date before it answers', () => {
    const db = openDatabase(join(tmpDir('pulse-history-'), 'hall.db'));
    const now = Date.now();
    createPostingStore(db).upsertMany([
      makePosting({
        id: 'p1',
        occupation: 'care',
        headcount: 6,
        validFrom: new Date(now - DAY).toISOString(),
        validUntil: new Date(now + DAY).toISOString(),
      }),
    ]);
    const h = createPulseService(db).history(now);
    closeDatabase(db);
    expect(h.trades.find((t) => t.occupation === 'care')!.demand.at(-1)).toBe(6);
    expect(h.total.demand.at(-1)).toBe(6);
    expect(h.total.demand.slice(0, -1).every((d) => d === null)).toBe(true);
  });

  it('seeds the demo history into an empty table only, rebased to today, leaving today to the hall', () => {
    const db = openDatabase(join(tmpDir('pulse-history-'), 'hall.db'));
    const now = Date.now();
    const file = join(tmpDir('pulse-demo-'), 'pulse-history.json');
    writeFileSync(
      file,
      JSON.stringify({
        trades: ['moving', 'care'],
        days: [
          { offset: -364, demand: [3, 4], seekers: [1, 2], seekersTotal: 2 },
          { offset: -1, demand: [5, 6], seekers: [2, 1], seekersTotal: 3 },
        ],
      }),
    );
    expect(seedDemoPulseHistory(db, file, now)).toBe(2);
    expect(seedDemoPulseHistory(db, file, now)).toBe(0);
    const rows = db
      .prepare('SELECT day, occupation, demand, seekers FROM pulse_snapshots ORDER BY day, occupation')
      .all();
    closeDatabase(db);
    const today = localDay(now);
    expect(rows).toEqual([
      { day: addDays(today, -364), occupation: '_total', demand: 7, seekers: 2 },
      { day: addDays(today, -364), occupation: 'care', demand: 4, seekers: 2 },
      { day: addDays(today, -364), occupation: 'moving', demand: 3, seekers: 1 },
      { day: addDays(today, -1), occupation: '_total', demand: 11, seekers: 3 },
      { day: addDays(today, -1), occupation: 'care', demand: 6, seekers: 1 },
      { day: addDays(today, -1), occupation: 'moving', demand: 5, seekers: 2 },
    ]);
  });
});
