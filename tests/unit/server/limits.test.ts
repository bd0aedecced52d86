import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createKeyedLimiter, createTokenBucket } from '../../../electron/host/server/rate-limit';
import { createLimitCounters } from '../../../electron/host/server/limit-counters';
import { createPublicSearch } from '../../../electron/host/server/public-search';
import type { HttpError } from '../../../electron/host/server/http-error';
import { silentLog } from '../../support/silent-log';

describe('token buckets', () => {
  it('allow a burst, then one per refill interval, and say when the next comes', () => {
    const b = createTokenBucket({ capacity: 3, refillPerS: 0.5 }, 0);
    expect([b.take(0), b.take(0), b.take(0), b.take(0)]).toEqual([true, true, true, false]);
    expect(b.retryAfterMs(0)).toBe(2000);
    expect(b.take(1999)).toBe(false);
    expect(b.take(2000)).toBe(true);
    expect(b.take(60_000)).toBe(true);
  });

  it('keep one bucket per key, forgetting the least recent key beyond the cap', () => {
    const l = createKeyedLimiter({ capacity: 1, refillPerS: 0.001, maxKeys: 2 });
    expect([l.take('a', 0), l.take('a', 0), l.take('b', 0)]).toEqual([true, false, true]);
    expect(l.take('c', 0)).toBe(true); // 'a' forgotten
    expect(l.take('a', 0)).toBe(true);
  });
});

describe('limit counters', () => {
  it('count every hit and log one line per limit and period, with the hits summed', () => {
    const lines: Array<Record<string, unknown>> = [];
    const log = pino({ level: 'info' }, { write: (l: string) => void lines.push(JSON.parse(l)) });
    let now = 1000;
    const c = createLimitCounters({ log, clock: () => now, periodMs: 60_000 });
    for (let i = 0; i < 500; i++) c.hit('kiosk.signup_rate', { kioskId: 'k1' });
    c.hit('pairing.per_address');
    expect(lines.map((l) => [l.limit, l.hits])).toEqual([
      ['kiosk.signup_rate', 1],
      ['pairing.per_address', 1],
    ]);
    now += 60_000;
    c.hit('kiosk.signup_rate');
    expect(lines.at(-1)).toMatchObject({ limit: 'kiosk.signup_rate', hits: 500, total: 501 });
    expect(c.snapshot()).toEqual({
      'kiosk.signup_rate': { total: 501, lastAt: now },
      'pairing.per_address': { total: 1, lastAt: 1000 },
    });
    c.close();
  });
});

describe('public search', () => {
  function setup() {
    let now = 0;
    let stamp = 1;
    let searches = 0;
    const limits = createLimitCounters({ log: silentLog(), clock: () => now });
    const search = createPublicSearch({
      search: () => ({ listings: [], total: ++searches }),
      dataStamp: () => stamp,
      clock: () => now,
      limits,
      tuning: { perAddressPerS: 5, missesPerS: 2, cacheMs: 1000 },
    });
    return { search, limits, set: (t: number, s = stamp) => ((now = t), (stamp = s)), searches: () => searches };
  }
  const q = (text: string) => ({ q: text, limit: 50 });

  it('answers the same query from the cache while the postings are unchanged, and for a second after', () => {
    const t = setup();
    expect(t.search.search(q('司机'), 'a').total).toBe(1);
    t.set(5000);
    expect(t.search.search(q('司机'), 'a').total).toBe(1);
    t.set(5500, 2);
    expect(t.search.search(q('司机'), 'a').total).toBe(2);
    t.set(6000, 3);
    expect(t.search.search(q('司机'), 'a').total).toBe(2); // changed, but the answer is under a second old
    t.set(6600, 3);
    expect(t.search.search(q('司机'), 'a').total).toBe(3);
  });

  it('limits each address (429 with a retry time) and the searches that miss the cache (503)', () => {
    const t = setup();
    const errors: HttpError[] = [];
    for (let i = 0; i < 12; i++) {
      try {
        t.search.search(q(`词${i}`), 'a');
      } catch (e) {
        errors.push(e as HttpError);
      }
    }
    expect(errors.filter((e) => e.status === 503)).toHaveLength(6); // 4 misses allowed at once
    expect(errors.filter((e) => e.status === 429)).toHaveLength(2); // 10 per address at once
    expect(errors[0]!.retryAfterMs).toBeGreaterThan(0);
    expect(() => t.search.search(q('x'), 'b')).toThrow(/many searches/); // the miss budget is the host's
    expect(t.limits.snapshot()['listings.per_address']!.total).toBe(2);
    t.limits.close();
  });
});
