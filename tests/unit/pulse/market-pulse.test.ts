import { describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { uuidv7 } from 'uuidv7';
import type { WritableDatabase } from '../../../electron/host/db/handles';
import { LATEST_VERSION, migrateTo } from '../../../electron/host/db/migrations/index';
import { createPostingStore } from '../../../electron/host/db/posting-store';
import { createSignupIntake } from '../../../electron/host/signups/signup-intake';
import { createPulseService } from '../../../electron/host/pulse/pulse-service';
import { createPulseSnapshots } from '../../../electron/host/pulse/pulse-snapshots';
import {
  aggregateDemand,
  aggregateSeekers,
  computeMarketPulse,
  PulseInputError,
  type MarketPulse,
} from '../../../shared/pulse/market-pulse';
import { EXPECTED, EXPECTED_TOTALS, PULSE_NOW, PULSE_POSTINGS, PULSE_SIGNUPS } from '../../fixtures/pulse-data';

const DAY = 86_400_000;

function byTrade(pulse: MarketPulse) {
  return Object.fromEntries(pulse.trades.map((t) => [t.occupation, t]));
}

function expectHandComputation(pulse: MarketPulse) {
  const trades = byTrade(pulse);
  for (const [occupation, want] of Object.entries(EXPECTED)) expect(trades[occupation], occupation).toMatchObject(want);
  expect(pulse.totals).toMatchObject(EXPECTED_TOTALS);
  // shortage order first, by gap
  expect(pulse.trades.slice(0, 3).map((t) => t.occupation)).toEqual(['construction', 'delivery', 'driving']);
  expect(pulse.trades).toHaveLength(15);
}

/** The same data as the pure function sees it (N's trade resolved through the posting). */
function pureInputs() {
  const postings = PULSE_POSTINGS.map(({ listing: l, hidden }) => ({
    occupation: l.occupation,
    headcount: l.headcount,
    validFromMs: Date.parse(l.validFrom),
    validUntilMs: Date.parse(l.validUntil),
    hidden,
  }));
  const signups = PULSE_SIGNUPS.map((s) => ({
    person: s.phone,
    occupations: s.listingId
      ? [PULSE_POSTINGS.find((p) => p.listing.id === s.listingId)!.listing.occupation]
      : s.occupations,
    createdAtMs: PULSE_NOW - s.daysAgo * DAY,
  }));
  return { postings, signups };
}

describe('market pulse', () => {
  it('equals the hand computation: zero seekers, zero demand and below-minimum trades each handled explicitly', () => {
    const { postings, signups } = pureInputs();
    const seekers = aggregateSeekers(signups, PULSE_NOW, 30);
    const pulse = computeMarketPulse({
      demand: aggregateDemand(postings, PULSE_NOW),
      seekers: seekers.perTrade,
      totalSeekers: seekers.total,
      minDemand: 5,
      windowDays: 30,
      now: PULSE_NOW,
    });
    expectHandComputation(pulse);
    expect(pulse.totals.yearAgo).toBeNull();
  });

  it('gives the same figures from the real SQLite tables through the host query', () => {
    const db = new BetterSqlite3(':memory:') as WritableDatabase;
    migrateTo(db, LATEST_VERSION);
    const store = createPostingStore(db);
    store.upsertMany(PULSE_POSTINGS.map((p) => p.listing));
    for (const p of PULSE_POSTINGS) if (p.hidden) store.setHidden(p.listing.id, true);
    const signups = createSignupIntake(db);
    for (const s of PULSE_SIGNUPS) {
      const at = PULSE_NOW - s.daysAgo * DAY;
      signups.add(
        {
          id: uuidv7(),
          phone: s.phone,
          name: '',
          occupations: s.occupations,
          districts: [],
          availability: [],
          expectedPay: null,
          payUnit: null,
          listingId: s.listingId,
          consentVersion: 'kiosk-2025-1',
          consentAt: new Date(at).toISOString(),
        },
        'kiosk-local',
        at,
      );
    }
    const service = createPulseService(db);
    service.setSettings({ minDemand: 5, windowDays: 30 });
    const { pulse, yearAgoDay } = service.current(PULSE_NOW);
    expectHandComputation(pulse);
    expect(yearAgoDay).toBeNull();

    // a snapshot from the same day last year is compared with; its ratio follows the same rules
    const lastYear = new Date(PULSE_NOW);
    lastYear.setFullYear(lastYear.getFullYear() - 1);
    createPulseSnapshots(db).record(lastYear.getTime() + DAY, {
      demand: { construction: 20, moving: 4 },
      seekers: { construction: 4, moving: 1 },
      totalSeekers: 5,
    });
    service.invalidate();
    const compared = service.current(PULSE_NOW + 1000);
    const trades = byTrade(compared.pulse);
    expect(compared.yearAgoDay).not.toBeNull();
    expect(trades.construction!.yearAgo).toEqual({ demand: 20, seekers: 4, ratio: 5 });
    expect(trades.moving!.yearAgo).toEqual({ demand: 4, seekers: 1, ratio: null });
    expect(trades.delivery!.yearAgo).toEqual({ demand: 0, seekers: 0, ratio: null });
    expect(compared.pulse.totals.yearAgo).toEqual({ demand: 24, seekers: 5, ratio: 4.8 });

    // the boards' minimum of seekers: 5 unless staff set it, kept in the database
    expect(compared.pulse.minSeekers).toBe(5);
    service.setSettings({ minDemand: 5, windowDays: 30, minSeekers: 2 });
    expect(createPulseService(db).current(PULSE_NOW + 2000).pulse.minSeekers).toBe(2);
    expect(createPulseService(db).settings()).toEqual({ minDemand: 5, windowDays: 30, minSeekers: 2 });
  });

  it('refuses counts that are not whole non-negative numbers and a minimum below 1', () => {
    expect(() => computeMarketPulse({ demand: { construction: -1 }, seekers: {}, now: 0 })).toThrow(PulseInputError);
    expect(() => computeMarketPulse({ demand: { construction: 1.5 }, seekers: {}, now: 0 })).toThrow(
      /non-negative integer/,
    );
    expect(() => computeMarketPulse({ demand: {}, seekers: {}, minDemand: 0, now: 0 })).toThrow(/minDemand/);
    expect(() => computeMarketPulse({ demand: {}, seekers: {}, minSeekers: 0, now: 0 })).toThrow(/minSeekers/);
  });

  it('shows no ratio and ranks nothing in an empty hall', () => {
    const pulse = computeMarketPulse({ demand: {}, seekers: {}, now: 0 });
    expect(pulse.trades.every((t) => t.status === 'no-demand' && t.ratio === null && t.shortageRank === null)).toBe(
      true,
    );
    expect(pulse.totals).toMatchObject({ demand: 0, seekers: 0, ratio: null });
  });
});
