/** Nearest-rank percentiles, rounded for JSON lines. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  return round(s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!);
}

export function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export function summary(values: readonly number[]): {
  n: number;
  p50: number | null;
  p99: number | null;
  max: number | null;
} {
  return {
    n: values.length,
    p50: percentile(values, 50),
    p99: percentile(values, 99),
    max: values.length ? round(Math.max(...values)) : null,
  };
}
