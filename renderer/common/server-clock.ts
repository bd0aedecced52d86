/**
 * The host's clock as seen from a screen. Walls rotate on absolute deadlines, so a screen whose
 * local clock drifts would fall out of phase with its neighbours; every `status` carries the
 * host's `serverNow` and we keep the difference.
 */
export interface ServerClock {
  /** Host time in ms since epoch, estimated from the local clock plus the last skew. */
  now(): number;
  /** Records `serverNow` as received; returns the new skew in ms. */
  sync(serverNow: number): number;
  readonly skewMs: number;
}

export function createServerClock(readLocal: () => number = Date.now): ServerClock {
  let skew = 0;
  return {
    now: () => readLocal() + skew,
    sync(serverNow: number) {
      skew = serverNow - readLocal();
      return skew;
    },
    get skewMs() {
      return skew;
    },
  };
}
