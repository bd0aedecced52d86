/**
 * Token buckets: a burst of `capacity`, then one more every `1 / refillPerS` seconds. One
 * bucket per socket (viewport reports, heartbeats), or one per key (a kiosk's sign-ups, an
 * address's pairing requests) in a bounded map: a stranger inventing keys cannot grow it
 * beyond `maxKeys` (the least recently used key goes first).
 */
export interface BucketOptions {
  capacity: number;
  refillPerS: number;
}

export interface TokenBucket {
  /** Takes one token; false when none is left. */
  take(now: number): boolean;
  /** ms until the next token (0 when one is there). */
  retryAfterMs(now: number): number;
}

export function createTokenBucket(options: BucketOptions, now: number): TokenBucket {
  let tokens = options.capacity;
  let at = now;
  const refill = (t: number) => {
    if (t > at) tokens = Math.min(options.capacity, tokens + ((t - at) / 1000) * options.refillPerS);
    at = Math.max(at, t);
  };
  return {
    take(t) {
      refill(t);
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
    retryAfterMs(t) {
      refill(t);
      return tokens >= 1 ? 0 : Math.ceil(((1 - tokens) / options.refillPerS) * 1000);
    },
  };
}

export interface KeyedLimiter {
  take(key: string, now: number): boolean;
  retryAfterMs(key: string, now: number): number;
}

export function createKeyedLimiter(options: BucketOptions & { maxKeys?: number }): KeyedLimiter {
  const maxKeys = options.maxKeys ?? 10_000;
  const buckets = new Map<string, TokenBucket>();
  function bucket(key: string, now: number): TokenBucket {
    let b = buckets.get(key);
    if (b) {
      // re-insert: a Map iterates in insertion order, so the first key is the least recent
      buckets.delete(key);
    } else {
      b = createTokenBucket(options, now);
      if (buckets.size >= maxKeys) buckets.delete(buckets.keys().next().value!);
    }
    buckets.set(key, b);
    return b;
  }
  return {
    take: (key, now) => bucket(key, now).take(now),
    retryAfterMs: (key, now) => bucket(key, now).retryAfterMs(now),
  };
}
