/** What a board exposes to tests and latency benchmarks on `window.__hallBoard`. */
export interface HallBoardProbe {
  planId: string | null;
  pageIndex: number | null;
  /** Host-clock ms of the last paint after a page or plan change. */
  paintedAt: number | null;
  /** Local-vs-host clock difference in ms (host − local). */
  skewMs: number;
}

declare global {
  interface Window {
    __hallBoard?: HallBoardProbe;
  }
}

export function publishProbe(probe: HallBoardProbe): void {
  window.__hallBoard = { ...probe };
}
