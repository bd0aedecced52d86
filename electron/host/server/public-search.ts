/**
 * `GET /api/listings` for everyone on the hall network, bounded: one search of 20,000 postings
 * costs 2–40 ms of the host's thread (a one- or two-character term scans every posting's
 * text), and the same thread answers every page, socket and kiosk.
 *
 * - Answers are micro-cached: the same query gets the same answer while the postings have not
 *   changed, and for one second even when they have (a public search a second old is current
 *   enough; at ten live changes a second nothing would ever be reused otherwise).
 * - Each address may ask `perAddress` times a second (a burst of twice that), then 429 with a
 *   retry time; searches that miss the cache share a budget for the whole host, then 503.
 * Both limits count their hits (/healthz `limits`).
 */
import type { PostingQuery, PostingsResponse } from '../../../shared/contract';
import { createKeyedLimiter, createTokenBucket } from './rate-limit';
import type { LimitCounters } from './limit-counters';
import { HttpError } from './http-error';

export interface PublicSearchTuning {
  cacheMs: number;
  maxEntries: number;
  perAddressPerS: number;
  missesPerS: number;
}

export const DEFAULT_PUBLIC_SEARCH: PublicSearchTuning = {
  cacheMs: 1000,
  maxEntries: 500,
  perAddressPerS: 60,
  missesPerS: 40,
};

export interface PublicSearch {
  search(query: PostingQuery, address: string): PostingsResponse;
}

export function createPublicSearch(deps: {
  search: (query: PostingQuery) => PostingsResponse;
  /** Changes whenever the postings do (the store's data stamp). */
  dataStamp: () => number | null;
  clock: () => number;
  limits: LimitCounters;
  tuning?: Partial<PublicSearchTuning>;
}): PublicSearch {
  const tuning = { ...DEFAULT_PUBLIC_SEARCH, ...deps.tuning };
  const cache = new Map<string, { at: number; stamp: number | null; body: PostingsResponse }>();
  const perAddress = createKeyedLimiter({
    capacity: tuning.perAddressPerS * 2,
    refillPerS: tuning.perAddressPerS,
    maxKeys: 5000,
  });
  const misses = createTokenBucket({ capacity: tuning.missesPerS * 2, refillPerS: tuning.missesPerS }, deps.clock());

  return {
    search(query, address) {
      const now = deps.clock();
      if (!perAddress.take(address, now)) {
        deps.limits.hit('listings.per_address', { address });
        throw new HttpError(
          429,
          'too_many_requests',
          '/api/listings: too many searches from this address; try again in a moment',
          { retryAfterMs: perAddress.retryAfterMs(address, now) },
        );
      }
      const key = JSON.stringify([query.q ?? '', query.occupation ?? '', query.district ?? '', query.limit]);
      const stamp = deps.dataStamp();
      const hit = cache.get(key);
      if (hit && (hit.stamp === stamp || now - hit.at < tuning.cacheMs)) return hit.body;
      if (!misses.take(now)) {
        deps.limits.hit('listings.busy');
        throw new HttpError(503, 'busy', '/api/listings: the hall is answering many searches; try again in a moment', {
          retryAfterMs: misses.retryAfterMs(now),
        });
      }
      const body = deps.search(query);
      cache.delete(key);
      cache.set(key, { at: now, stamp, body });
      if (cache.size > tuning.maxEntries) cache.delete(cache.keys().next().value!);
      return body;
    },
  };
}
