/**
 * A hub at migration 1 as the city migration (2) finds it, for its SQLite and PostgreSQL tests:
 * one posting and the submissions halls sent, and what migration 2 must make of them.
 */
import { makePosting, NOW } from '../../../unit/db/fixtures';

export const V1_POSTING = makePosting({
  occupation: 'moving',
  headcount: 7,
  validFrom: '2026-11-26T10:00:00.000+08:00',
});

/** [id, hall_id, type, payload], all received at NOW: the same phone two ways, one without a phone, one not a sign-up. */
export const V1_SUBMISSIONS: Array<[string, string, string, string]> = [
  [
    's-1',
    'hall-a',
    'registration',
    JSON.stringify({
      phone: '13900001111',
      name: '王小明',
      occupations: ['moving', 'not-a-trade'],
      listingId: null,
      createdAt: new Date(NOW - 1000).toISOString(),
    }),
  ],
  [
    's-2',
    'hall-b',
    'registration',
    JSON.stringify({ phone: '139-0000-1111', occupations: [], listingId: V1_POSTING.id }),
  ],
  ['s-3', 'hall-b', 'registration', '{"no phone": true}'],
  ['s-4', 'hall-b', 'urgent', JSON.stringify({ phone: '13900002222' })],
];

/** The sign-up facts migration 2 writes, as [id, occupations, listing_id, signed_up_at]. */
export const V2_FACTS = [
  ['s-1', ['moving'], null, NOW - 1000],
  ['s-2', [], V1_POSTING.id, NOW],
];

/** What the store counts for the city afterwards (window 30 days). */
export const V2_CITY_COUNTS = { demand: { moving: 7 }, seekers: { moving: 1 }, totalSeekers: 1 };
