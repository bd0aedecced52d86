/**
 * Per-kiosk settings from the page URL, so one build serves every kiosk and tests can shorten
 * the idle timeout: `/kiosk?idle=90&countdown=20&lang=en&elder=0`.
 */
export interface KioskParams {
  idleMs: number;
  countdownMs: number;
  elderDefault: boolean;
  pairPollMs: number;
}

function seconds(value: string | null, fallback: number, min: number, max: number): number {
  const n = value === null ? NaN : Number(value);
  return (Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback) * 1000;
}

export function kioskParams(search: string): KioskParams {
  const p = new URLSearchParams(search);
  return {
    idleMs: seconds(p.get('idle'), 90, 2, 1800),
    countdownMs: seconds(p.get('countdown'), 20, 2, 120),
    elderDefault: p.get('elder') !== '0',
    pairPollMs: seconds(p.get('pairPoll'), 2, 0.2, 30),
  };
}
