/** The city's picture as a pure function: the market pulse city-wide, halls' status, days. */
import { describe, expect, it } from 'vitest';
import { cityDay, computeCityPicture, yearAgoWindow } from '../../../shared/pulse/city-pulse';
import { CITY_NOW, CITY_YEAR_AGO, expectCityFigures } from '../../fixtures/city-fixture';

describe('computeCityPicture', () => {
  const counts = {
    demand: { moving: 20, delivery: 6, cleaning: 3, construction: 5 },
    seekers: { moving: 2, delivery: 2, construction: 2, cleaning: 1 },
    totalSeekers: 5,
  };

  it('ranks shortage by the gap and shows the ratio only above the minimum demand (hand-computed)', () => {
    const picture = computeCityPicture({
      counts,
      yearAgo: { day: '2025-11-28', ...CITY_YEAR_AGO },
      halls: [],
      lastSeq: 0,
      now: CITY_NOW,
    });
    expectCityFigures(picture.pulse);
    expect(picture.yearAgoDay).toBe('2025-11-28');
  });

  it('leaves out unknown trades and impossible counts instead of failing the page', () => {
    const picture = computeCityPicture({
      counts: { demand: { moving: 6, 'not-a-trade': 99, delivery: -3 }, seekers: { moving: 1.5 }, totalSeekers: 1 },
      yearAgo: null,
      halls: [],
      lastSeq: 0,
      now: CITY_NOW,
    });
    expect(picture.pulse.totals.demand).toBe(6);
    expect(picture.pulse.trades.find((t) => t.occupation === 'moving')).toMatchObject({
      demand: 6,
      seekers: 0,
      status: 'no-seekers',
    });
  });

  it('shows a hall online only while its last heartbeat is recent, and how far behind it is', () => {
    const halls = [
      {
        hallId: 'hall-b',
        nodeId: 'node-2',
        connected: true,
        lastSeenAt: CITY_NOW - 61_000,
        cursor: 90,
        outboxPending: null,
        outboxOldestAt: null,
        screensOnline: 2,
        screensTotal: 2,
      },
      {
        hallId: 'hall-a',
        nodeId: 'node-1',
        connected: true,
        lastSeenAt: CITY_NOW - 4_000,
        cursor: 98,
        outboxPending: 2,
        outboxOldestAt: CITY_NOW - 90_500,
        screensOnline: 3,
        screensTotal: 4,
      },
      {
        hallId: 'hall-c',
        nodeId: 'node-1',
        connected: false,
        lastSeenAt: CITY_NOW - 1_000,
        cursor: 100,
        outboxPending: 0,
        outboxOldestAt: null,
        screensOnline: 1,
        screensTotal: 1,
      },
    ];
    const picture = computeCityPicture({ counts, yearAgo: null, halls, lastSeq: 100, now: CITY_NOW });
    expect(
      picture.halls.map((h) => [h.hallId, h.online, h.heartbeatAgeS, h.outboxPending, h.outboxLagS, h.behindChanges]),
    ).toEqual([
      ['hall-a', true, 4, 2, 90, 2],
      ['hall-b', false, 61, null, null, 10], // connected, but silent for over a minute (its node died)
      ['hall-c', false, 1, 0, 0, 0],
    ]);
    expect(picture.hallTotals).toEqual({ halls: 3, online: 1, screensOnline: 3, screensTotal: 7, outboxPending: 2 });
  });
});

describe('city days', () => {
  it('counts days in China Standard Time and looks 52 weeks back for the same week', () => {
    expect(cityDay(Date.parse('2026-11-27T23:30:00+08:00'))).toBe('2026-11-27');
    expect(cityDay(Date.parse('2026-11-27T16:30:00Z'))).toBe('2026-11-28');
    // 2026-11-27 is a Friday; 364 days earlier, 2025-11-28, is a Friday too
    expect(yearAgoWindow(CITY_NOW)).toEqual({ target: '2025-11-28', from: '2025-11-25', to: '2025-12-01' });
  });
});
