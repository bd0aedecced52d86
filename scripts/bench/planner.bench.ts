/**
 * Planner benchmark: how long one planBoard call takes for 10 000 live postings on a
 * 1920×1080 P2.5 wall, as cards, as a table and as a ticker. The host re-plans every screen whenever the
 * postings change, so this must stay well under the 100 ms target per screen.
 */
import { planBoard } from '../../shared/planner/board-planner';
import { ListingSchema, PAY_UNITS, SETTLEMENTS, type Listing } from '../../shared/schemas/listing';
import { DEFAULT_SCREEN, type ScreenProfile } from '../../shared/schemas/screen';
import { OCCUPATION_CODES } from '../../shared/occupations';

const NOW = Date.parse('2025-06-02T09:30:00+08:00');
const HOUR = 3_600_000;
const RUNS = 15;
const POSTINGS = 10_000;
const TARGET_MS = 100;

const DISTRICTS = ['361102', '361103', '361104', '361123', '361124', '361125', '361126', '361127', '361128', '361129', '361130', '361181'];
const TITLES = ['叉车司机', '中国舞教师', '客服', '保洁阿姨', '水电工', '外卖骑手', '搬运工', '直播带货主播助理', '厨房帮工', '仓库理货员'];
const EMPLOYERS = ['上饶市顺达物流有限公司', '张记饭店', '信州区家政服务中心', '王师傅', '广丰区电子厂'];

/** mulberry32: a tiny seeded PRNG, so every run plans the same postings. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function buildListings(n: number, seed: number): Listing[] {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const payMin = Math.round(rnd() * 400) + 8;
    const from = NOW - Math.floor(rnd() * 96) * HOUR;
    return ListingSchema.parse({
      id: `bench-${i}`,
      employerName: pick(EMPLOYERS),
      employerKind: 'enterprise',
      employerVerified: rnd() < 0.5,
      title: pick(TITLES),
      occupation: pick(OCCUPATION_CODES),
      payMin,
      payMax: rnd() < 0.5 ? payMin + Math.round(rnd() * 100) : null,
      payUnit: pick(PAY_UNITS),
      settlement: pick(SETTLEMENTS),
      headcount: 1 + Math.floor(rnd() * 20),
      employmentType: 'gig',
      districtCode: pick(DISTRICTS),
      contactPhone: `138${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}`,
      maskPhone: rnd() < 0.1,
      validFrom: new Date(from).toISOString(),
      validUntil: new Date(from + 200 * HOUR).toISOString(),
      urgent: rnd() < 0.02,
      source: 'bench',
      revision: 1,
      updatedAt: new Date(from).toISOString(),
    });
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function measure(screen: ScreenProfile, listings: readonly Listing[]) {
  // Warm-up, so the JIT's first compile is not in the figure.
  planBoard({ screen, listings, now: NOW, dataUpdatedAt: NOW });
  const times: number[] = [];
  let plan = planBoard({ screen, listings, now: NOW, dataUpdatedAt: NOW });
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    plan = planBoard({ screen, listings, now: NOW, dataUpdatedAt: NOW });
    times.push(performance.now() - t0);
  }
  return { plan, ms: Math.round(median(times) * 100) / 100, maxMs: Math.round(Math.max(...times) * 100) / 100 };
}

export async function run(): Promise<Array<Record<string, unknown>>> {
  const listings = buildListings(POSTINGS, 20250602);
  const results: Array<Record<string, unknown>> = [];
  for (const layout of ['cards', 'table', 'ticker'] as const) {
    const screen: ScreenProfile = { ...DEFAULT_SCREEN, layout, width: 1920, height: 1080 };
    const { plan, ms, maxMs } = measure(screen, listings);
    results.push({
      bench: `plan-10k-${layout}`,
      postings: POSTINGS,
      shown: plan.totalItems,
      pages: plan.pages.length,
      layout: plan.layout,
      screen: '1920x1080 P2.5 @ 8 m (ADA)',
      runs: RUNS,
      ms,
      maxMs,
      comparedTo: `target ${TARGET_MS} ms`,
      withinTarget: ms <= TARGET_MS,
    });
  }
  return results;
}
