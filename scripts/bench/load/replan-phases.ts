/**
 * `node --import tsx scripts/bench/load/replan-phases.ts [postings]`: how long the plan engine
 * takes to re-plan the load run's screens after one posting is added to a hall of N postings,
 * per screen, on this thread (what the plan worker does for each live change). For profiling
 * (`node --cpu-prof --import tsx …`), not a benchmark with targets.
 */
import { generatePostings } from '../../demo/generate-postings';
import { PlanEngine, type PlanJob } from '../../../electron/host/boards/plan-engine';
import { loadScreens } from './load-hall';
import { ScreenProfileSchema } from '../../../shared/schemas/screen';

const count = Number(process.argv[2] ?? 20_000);
const now = Date.now();
const postings = generatePostings(count + 50, { seed: 99, now }).map((l, i) => ({
  ...l,
  id: `p-${i}`,
  validFrom: new Date(now - 3 * 86_400_000).toISOString(),
  validUntil: new Date(now + 7 * 86_400_000).toISOString(),
}));
const screens = loadScreens().map((s) => ScreenProfileSchema.parse(s));
const engine = new PlanEngine();
engine.apply({ reset: true, upserts: postings.slice(0, count), removes: [] });
const have = new Map<string, string | null>();
const jobs = (): PlanJob[] =>
  screens.map((screen) => ({
    key: `${screen.id}@configured`,
    screen,
    viewport: null,
    bands: { urgent: false, notice: false },
    pulse: null,
    have: have.get(screen.id) ?? null,
    full: 'no',
  }));
const run = (label: string) => {
  const t0 = performance.now();
  const results = engine.plan({ now: Date.now(), dataUpdatedAt: Date.now(), jobs: jobs() });
  const ms = performance.now() - t0;
  for (const [i, r] of results.entries()) have.set(screens[i]!.id, r.summary.planId);
  const computed = results.filter((r) => r.computed).map((r) => r.key);
  const bytes = results.reduce((n, r) => n + (r.patch?.length ?? 0) + (r.full?.length ?? 0), 0);
  console.log(
    JSON.stringify({ label, ms: Math.round(ms * 10) / 10, computed: computed.length, kb: Math.round(bytes / 1024) }),
  );
};
run('first plan of every screen');
for (let k = 0; k < 10; k++) {
  const added = { ...postings[count + k]!, validFrom: new Date(now - 60_000).toISOString() };
  engine.apply({ upserts: [added], removes: [] });
  run(`one posting added (${added.occupation}, ${added.districtCode})`);
}
