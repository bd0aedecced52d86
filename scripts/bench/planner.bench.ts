/**
 * Planner benchmark: how long one planBoard call takes for 10 000 live postings on a
 * 1920×1080 P2.5 wall, as cards, as a table and as a ticker. Wall groups: the split of 20,000
 * postings over a group of 10 screens (target 200 ms), and the longest cycle per screen of the
 * demo hall (assets/demo/screens.json, 240 demo postings) before and after grouping. The host re-plans every screen
 * whenever the postings change, so this must stay well under the 100 ms target per screen.
 * Compared in the same run, same postings, same warm-up and number of runs (interleaved), with
 * - the planner as it was at a baseline git revision (BENCH_PLANNER_BASELINE, default: main
 *   when the benches were last reworked), extracted from git into node_modules/.cache;
 * - a naive paginator written here: select, sort and format the same postings and cut them
 *   into pages of the real plan's page size, measuring and fitting nothing — the floor.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { planBoard, planGroupSplit, type PlanInput } from '../../shared/planner/board-planner';
import { loadDemoFile } from '../../electron/host/db/demo-seed';
import type { BoardPlan } from '../../shared/schemas/board-plan';
import { formatDistrict, formatPay, formatSettlement } from '../../shared/format';
import { PostingSchema, PAY_UNITS, SETTLEMENTS, type Posting } from '../../shared/schemas/posting';
import { DEFAULT_SCREEN, ScreensFileSchema, type ScreenProfile } from '../../shared/schemas/screen';
import { OCCUPATION_CODES } from '../../shared/occupations';
import { districtsOfCity, HOME_CITY_CODE } from '../../shared/districts';
import { createRandom } from '../demo/prng';

const NOW = Date.parse('2025-06-02T09:30:00+08:00');
const HOUR = 3_600_000;
const RUNS = 15;
const WARMUP = 2;
const ROOT = resolve(import.meta.dirname, '../..');
const BASELINE_REV = process.env.BENCH_PLANNER_BASELINE ?? '8022681';
const POSTINGS = 10_000;
const TARGET_MS = 100;

/** The twelve county-level divisions of 上饶市, from shared/districts.ts. */
const DISTRICTS = districtsOfCity(HOME_CITY_CODE).map((d) => d.code);
const TITLES = [
  '叉车司机',
  '中国舞教师',
  '客服',
  '保洁阿姨',
  '水电工',
  '外卖骑手',
  '搬运工',
  '直播带货主播助理',
  '厨房帮工',
  '仓库理货员',
];
const EMPLOYERS = ['上饶市顺达物流有限公司', '张记饭店', '信州区家政服务中心', '王师傅', '广丰区电子厂'];

function buildPostings(n: number, seed: number): Posting[] {
  const rnd = createRandom(seed).next;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const payMin = Math.round(rnd() * 400) + 8;
    const from = NOW - Math.floor(rnd() * 96) * HOUR;
    return PostingSchema.parse({
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
const r2 = (n: number) => Math.round(n * 100) / 100;

type Planner = (input: PlanInput) => BoardPlan;

/** The planner at `rev`, from git; null (with the reason) where git or the revision is missing. */
async function plannerAt(rev: string): Promise<{ plan: Planner; commit: string } | { error: string }> {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', `${rev}^{commit}`], {
      cwd: ROOT,
      encoding: 'utf8',
    }).trim();
    const dir = join(ROOT, 'node_modules', '.cache', 'hall-bench', `planner-${commit}`);
    if (!existsSync(join(dir, 'shared', 'planner', 'board-planner.ts'))) {
      mkdirSync(dir, { recursive: true });
      const tar = execFileSync('git', ['archive', '--format=tar', commit, 'shared'], {
        cwd: ROOT,
        maxBuffer: 64 * 1024 * 1024,
      });
      writeFileSync(join(dir, 'shared.tar'), tar);
      execFileSync('tar', ['-xf', 'shared.tar'], { cwd: dir });
    }
    const mod = (await import(pathToFileURL(join(dir, 'shared', 'planner', 'board-planner.ts')).href)) as {
      planBoard: Planner;
    };
    return { plan: mod.planBoard, commit };
  } catch (error) {
    return { error: `baseline planner at ${rev} not available: ${(error as Error).message.split('\n')[0]}` };
  }
}

/** The baseline, or why not, when its planner cannot plan today's input (an older PlanInput shape). */
function usable(
  baseline: Awaited<ReturnType<typeof plannerAt>>,
  postings: Posting[],
): Awaited<ReturnType<typeof plannerAt>> {
  if (!('plan' in baseline)) return baseline;
  try {
    baseline.plan({ screen: DEFAULT_SCREEN, postings: postings.slice(0, 10), now: NOW, dataUpdatedAt: NOW });
    return baseline;
  } catch (error) {
    return { error: `baseline planner at ${baseline.commit} cannot plan this input: ${(error as Error).message}` };
  }
}

/**
 * The floor: the same postings selected (valid now), ordered (urgent, 日结, newest) and formatted,
 * then cut into pages of `perPage` — no text measured, no string fitted, no geometry.
 */
function naivePages(postings: readonly Posting[], now: number, perPage: number): number {
  const live = postings
    .map((l) => ({ l, from: Date.parse(l.validFrom), until: Date.parse(l.validUntil) }))
    .filter((x) => x.from <= now && now < x.until);
  live.sort(
    (a, b) =>
      Number(b.l.urgent) - Number(a.l.urgent) ||
      Number(b.l.settlement === 'daily') - Number(a.l.settlement === 'daily') ||
      b.from - a.from ||
      (a.l.id < b.l.id ? -1 : 1),
  );
  const pages: Array<Array<Record<string, string>>> = [];
  for (let i = 0; i < live.length; i += perPage) {
    pages.push(
      live.slice(i, i + perPage).map(({ l }) => ({
        id: l.id,
        title: l.title,
        pay: formatPay(l.payMin, l.payMax, l.payUnit),
        settlement: formatSettlement(l.settlement),
        district: formatDistrict(l.districtCode),
        employer: l.employerName,
        phone: l.contactPhone,
      })),
    );
  }
  return pages.length;
}

const GROUP_POSTINGS = 20_000;
const GROUP_SCREENS = 10;
const GROUP_TARGET_MS = 200;

/**
 * The split of 20,000 postings over a group of ten screens (what the host computes once per data
 * change for the whole group), and, for scale, planning all ten screens with their shares.
 */
function groupBench(): Record<string, unknown> {
  const postings = buildPostings(GROUP_POSTINGS, 20261202);
  const screens: ScreenProfile[] = Array.from({ length: GROUP_SCREENS }, (_, i) => ({
    ...DEFAULT_SCREEN,
    id: `g${String(i).padStart(2, '0')}`,
    name: `${i + 1}号屏`,
    group: 'bench',
    groupLegend: true,
  }));
  const splitMs: number[] = [];
  const wholeMs: number[] = [];
  let split = planGroupSplit('bench', screens, postings, NOW);
  let cycles: number[] = [];
  for (let r = 0; r < WARMUP + RUNS; r++) {
    // a new array each run, as the host's engine makes one per data change (the memo is by array)
    const list = [...postings];
    const t0 = performance.now();
    split = planGroupSplit('bench', screens, list, NOW);
    const t1 = performance.now();
    cycles = screens.map(
      (screen) =>
        planBoard({ screen, postings: list, now: NOW, dataUpdatedAt: NOW, group: { split, screens } }).cycleMs,
    );
    if (r >= WARMUP) {
      splitMs.push(t1 - t0);
      wholeMs.push(performance.now() - t0);
    }
  }
  const ms = r2(median(splitMs));
  return {
    bench: 'plan-group-10x20k',
    postings: GROUP_POSTINGS,
    screens: GROUP_SCREENS,
    shown: split.postings,
    capacity: split.capacity,
    shortfall: split.shortfall,
    runs: RUNS,
    warmUpRuns: WARMUP,
    ms,
    maxMs: r2(Math.max(...splitMs)),
    targetMs: GROUP_TARGET_MS,
    withinTarget: ms <= GROUP_TARGET_MS,
    wholeGroupPlannedMs: r2(median(wholeMs)),
    longestCycleS: Math.round(Math.max(...cycles) / 1000),
    comparedTo: 'planning the ten screens with their shares in the same run (wholeGroupPlannedMs)',
  };
}

/**
 * The demo hall's longest cycle per screen (240 demo postings, assets/demo/screens.json), before
 * grouping (each screen shows every posting at the default 8–20 s dwell, as before groups) and
 * after (the shipped groups, dwell and legend), each at the screen's configured size; screen 1 also
 * opened at 960×480.
 */
function demoHallBench(): Record<string, unknown> {
  const demo = loadDemoFile(join(ROOT, 'assets/demo/postings.json'));
  const now = Date.parse(demo.generatedAt);
  const screens = ScreensFileSchema.parse(
    JSON.parse(readFileSync(join(ROOT, 'assets/demo/screens.json'), 'utf8')),
  ).screens;
  const rows: Array<Record<string, unknown>> = [];
  for (const s of screens) {
    const before: ScreenProfile = { ...s, minDwellS: DEFAULT_SCREEN.minDwellS, maxDwellS: DEFAULT_SCREEN.maxDwellS };
    delete before.group;
    delete before.groupLegend;
    const members = screens.filter((x) => s.group !== undefined && x.group === s.group);
    const group =
      members.length > 0 ? { split: planGroupSplit(s.group!, members, demo.postings, now), screens: members } : null;
    const viewports = s.id === screens[0]!.id ? [null, { width: 960, height: 480 }] : [null];
    for (const viewport of viewports) {
      const at = viewport ? { viewport } : {};
      const b = planBoard({ screen: before, postings: demo.postings, now, dataUpdatedAt: now, ...at });
      const a = planBoard({
        screen: s,
        postings: demo.postings,
        now,
        dataUpdatedAt: now,
        ...at,
        ...(group ? { group } : {}),
      });
      rows.push({
        screen: s.id,
        size: viewport ? `${viewport.width}x${viewport.height}` : `${s.width}x${s.height}`,
        layout: a.layout,
        group: s.group ?? null,
        beforePages: b.pages.length,
        beforePostings: b.totalItems,
        beforeCycleS: Math.round(b.cycleMs / 1000),
        afterPages: a.pages.length,
        afterPostings: a.totalItems,
        afterCycleS: Math.round(a.cycleMs / 1000),
        afterWarnings: a.warnings,
      });
    }
  }
  const configured = rows.filter((r) => !(r.screen === screens[0]!.id && r.size === '960x480'));
  return {
    bench: 'demo-hall-cycles',
    postings: demo.postings.length,
    targetS: 150,
    longestBeforeS: Math.max(...configured.map((r) => r.beforeCycleS as number)),
    longestAfterS: Math.max(...configured.map((r) => r.afterCycleS as number)),
    withinTarget: configured.every((r) => (r.afterCycleS as number) <= 150),
    comparedTo: 'the same screens without their groups, at the default 8–20 s dwell',
    screens: rows,
  };
}

export async function run(): Promise<Array<Record<string, unknown>>> {
  const out = await runSingle();
  out.push(groupBench(), demoHallBench());
  return out;
}

async function runSingle(): Promise<Array<Record<string, unknown>>> {
  const postings = buildPostings(POSTINGS, 20250602);
  const baseline = usable(await plannerAt(BASELINE_REV), postings);
  const results: Array<Record<string, unknown>> = [];
  for (const layout of ['cards', 'table', 'ticker'] as const) {
    const screen: ScreenProfile = { ...DEFAULT_SCREEN, layout, width: 1920, height: 1080 };
    const input: PlanInput = { screen, postings, now: NOW, dataUpdatedAt: NOW };
    let plan = planBoard(input);
    const perPage = Math.max(1, plan.pages[0]?.items.length ?? 1);
    const times = { current: [] as number[], baseline: [] as number[], naive: [] as number[] };
    let baselinePages = 0;
    for (let r = 0; r < WARMUP + RUNS; r++) {
      let t0 = performance.now();
      plan = planBoard(input);
      if (r >= WARMUP) times.current.push(performance.now() - t0);
      if ('plan' in baseline) {
        t0 = performance.now();
        baselinePages = baseline.plan(input).pages.length;
        if (r >= WARMUP) times.baseline.push(performance.now() - t0);
      }
      t0 = performance.now();
      naivePages(postings, NOW, perPage);
      if (r >= WARMUP) times.naive.push(performance.now() - t0);
    }
    const ms = r2(median(times.current));
    results.push({
      bench: `plan-10k-${layout}`,
      postings: POSTINGS,
      shown: plan.totalItems,
      pages: plan.pages.length,
      layout: plan.layout,
      screen: '1920x1080 P2.5 @ 8 m (ADA)',
      runs: RUNS,
      warmUpRuns: WARMUP,
      ms,
      maxMs: r2(Math.max(...times.current)),
      targetMs: TARGET_MS,
      withinTarget: ms <= TARGET_MS,
      comparedTo: 'the planner at a baseline revision and a naive paginator, same postings, same runs, interleaved',
      ...('plan' in baseline
        ? {
            baselineRevision: baseline.commit,
            baselineMs: r2(median(times.baseline)),
            baselinePages,
            ratioToBaseline: r2(median(times.current) / median(times.baseline)),
          }
        : { baselineRevision: null, baselineNote: baseline.error }),
      naivePaginatorMs: r2(median(times.naive)),
      ratioToNaive: r2(median(times.current) / median(times.naive)),
    });
  }
  return results;
}
