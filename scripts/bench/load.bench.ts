/**
 * `npm run bench -- load`: a busy hall on a market day. A real hall host (its own process,
 * hub-connected) holding a whole city's postings, 20 configured screens, 200 board pages (LAN
 * devices, paired when the host asks for pairing), 10 live changes a second through the hub and
 * 50 public `/api/listings` requests a second, for 60 s. Reports `/healthz` p50/p99, change →
 * plan on every affected page p50/p99, plans computed, the host's peak RSS, and the same run at
 * 240 postings as the baseline.
 *
 * How "change → plan" is measured: every change adds one posting; each page knows how many of
 * the added postings its screen's filter matches, and a plan whose `totalItems` has grown by k
 * carries the first k of them. A change's latency is the time from sending it to the hub until
 * the LAST page of every screen that shows it holds a plan with it. The pages take live changes
 * as patches, as board pages do (`auth.planPatch`): a patch counts only once applied to the plan
 * the page holds (else the page asks for the whole plan and counts that). Reported with it: what
 * the pages received per change (text length of whole plans and patches).
 *
 * Knobs (environment): LOAD_SECONDS (60), LOAD_POSTINGS ("240,20000"), LOAD_SOCKETS (200),
 * LOAD_PATCHES ("1"; "0": pages that take whole plans only, as before patches).
 */
import { generatePostings } from '../demo/generate-postings';
import { startFleet, type BoardFleet, type PlanReceipt } from './load/board-fleet';
import { ADMIN_TOKEN, boardSpecs, screensShowing, startLoadHall, waitForSync, type LoadHall } from './load/load-hall';
import { openLoop } from './load/open-loop';
import { pairBoards } from './load/pair-boards';
import { lanAddress, memoryMb } from './load/processes';
import { round, summary } from './load/stats';
import type { Posting } from '../../shared/schemas/posting';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const SCALES = (process.env.LOAD_POSTINGS ?? '240,20000').split(',').map(Number);
const SOCKETS = Number(process.env.LOAD_SOCKETS ?? 200);
const PATCHES = (process.env.LOAD_PATCHES ?? '1') !== '0';
const CHANGES_PER_S = 10;
const LISTINGS_PER_S = 50;
const HEALTH_PER_S = 10;
const FIRST_PLAN_WAIT_MS = 60_000;
const GRACE_MS = 5_000;

const TARGETS = { healthzP99Ms: 50, changeToPlanP99Ms: 500, peakRssMb: 600 };

const QUERIES = [
  '',
  '',
  'occupation=driving',
  'occupation=cleaning',
  'district=361102',
  'q=司机',
  'q=保洁',
  'q=上饶市',
  'q=日结',
  'q=搬运工',
];

interface ChangeRecord {
  sentAt: number;
  /** Pages (by index) that must show it and have not yet. */
  waiting: Set<number>;
  lastAt: number | null;
}

async function health(url: string): Promise<Record<string, unknown> | null> {
  try {
    return (await (await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(30_000) })).json()) as Record<
      string,
      unknown
    >;
  } catch {
    return null;
  }
}

function plansComputed(h: Record<string, unknown> | null): number | null {
  const boards = h?.boards as { plansComputed?: number } | undefined;
  return typeof boards?.plansComputed === 'number' ? boards.plansComputed : null;
}

async function runScale(postings: number): Promise<Record<string, unknown>> {
  const setupStarted = Date.now();
  const hall: LoadHall = await startLoadHall(postings);
  let fleet: BoardFleet | null = null;
  try {
    const syncMs = await waitForSync(hall.hall.url, postings, 600_000);
    const lan = lanAddress();
    const port = new URL(hall.hall.url).port;
    const boardUrl = lan ? `http://${lan}:${port}` : hall.hall.url;
    const specs = boardSpecs(hall.screens, SOCKETS).map((spec) => ({ ...spec, planPatch: PATCHES }));
    const paired = await pairBoards(hall.hall.url, specs);
    const rssBefore = memoryMb(hall.hallPid);
    const plansBefore = plansComputed(await health(hall.hall.url));

    // Each page counts the added postings from the plan it held when the changes began.
    const latestTotal: (number | null)[] = specs.map(() => null);
    const base: number[] = specs.map(() => 0);
    const resolved: number[] = specs.map(() => 0);
    const matched: number[][] = specs.map(() => []);
    const planChars: number[] = [];
    const patchChars: number[] = [];
    const changes: ChangeRecord[] = [];
    let measuring = false;
    const onPlan = (r: PlanReceipt) => {
      latestTotal[r.index] = r.totalItems;
      if (!measuring) return;
      (r.via === 'patch' ? patchChars : planChars).push(r.chars);
      const mine = matched[r.index]!;
      const reflected = Math.min(mine.length, r.totalItems - base[r.index]!);
      for (let j = resolved[r.index]!; j < reflected; j++) {
        const change = changes[mine[j]!]!;
        if (change.waiting.delete(r.index) && change.waiting.size === 0) change.lastAt = r.at;
      }
      if (reflected > resolved[r.index]!) resolved[r.index] = reflected;
    };

    // All pages at once, as after a power cut.
    const connectStarted = Date.now();
    fleet = startFleet(boardUrl, specs, onPlan);
    const until = Date.now() + FIRST_PLAN_WAIT_MS;
    while (Date.now() < until && fleet.firstPlanAt.some((t) => t === null)) await new Promise((r) => setTimeout(r, 50));
    // let the last plans of the first wave land before counting from them
    await new Promise((r) => setTimeout(r, 1000));
    const firstPlans = fleet.firstPlanAt.filter((t): t is number => t !== null).map((t) => t - connectStarted);
    const within20s = firstPlans.filter((ms) => ms <= 20_000).length;
    specs.forEach((_, i) => (base[i] = latestTotal[i] ?? 0));

    const adds: Posting[] = generatePostings(CHANGES_PER_S * SECONDS + 10, { seed: 4242, now: Date.now() }).map(
      (l, i) => ({
        ...l,
        id: `load-${postings}-${i}`,
        validFrom: new Date(Date.now() - 60_000).toISOString(),
        validUntil: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      }),
    );
    const byScreen = new Map<string, number[]>();
    specs.forEach((spec, i) => byScreen.set(spec.screenId, [...(byScreen.get(spec.screenId) ?? []), i]));

    const rssSamples: number[] = [];
    const rssTimer = setInterval(() => {
      const m = memoryMb(hall.hallPid);
      if (m) rssSamples.push(m.rssMb);
    }, 500);
    measuring = true;
    const durationMs = SECONDS * 1000;
    const [changeRun, postingsRun, healthRun] = await Promise.all([
      openLoop(CHANGES_PER_S, durationMs, async (i) => {
        const posting = adds[i]!;
        const waiting = new Set<number>();
        for (const screenId of screensShowing(hall.screens, posting)) {
          for (const page of byScreen.get(screenId) ?? []) {
            if (fleet!.firstPlanAt[page] === null) continue;
            waiting.add(page);
            matched[page]!.push(i);
          }
        }
        changes[i] = { sentAt: Date.now(), waiting, lastAt: null };
        const res = await fetch(`${hall.hub.url}/api/v1/listings`, {
          method: 'POST',
          headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
          body: JSON.stringify(posting),
          signal: AbortSignal.timeout(30_000),
        });
        if (!res.ok) throw new Error(`hub answered ${res.status}`);
      }),
      openLoop(LISTINGS_PER_S, durationMs, async (i) => {
        const res = await fetch(`${boardUrl}/api/listings?${QUERIES[i % QUERIES.length]}`, {
          signal: AbortSignal.timeout(60_000),
        });
        if (!res.ok) throw new Error(`listings answered ${res.status}`);
        await res.arrayBuffer();
      }),
      openLoop(HEALTH_PER_S, durationMs, async () => {
        const res = await fetch(`${hall.hall.url}/healthz`, { signal: AbortSignal.timeout(60_000) });
        if (!res.ok) throw new Error(`healthz answered ${res.status}`);
        await res.arrayBuffer();
      }),
    ]);
    await new Promise((r) => setTimeout(r, GRACE_MS));
    clearInterval(rssTimer);
    measuring = false;

    const sent = changes.filter(Boolean);
    const latencies = sent.filter((c) => c.waiting.size === 0).map((c) => (c.lastAt ?? c.sentAt) - c.sentAt);
    const missed = sent.filter((c) => c.waiting.size > 0).length;
    const after = await health(hall.hall.url);
    const plansAfter = plansComputed(after);
    const mem = memoryMb(hall.hallPid);
    const healthz = summary(healthRun.latencies);
    const changeToPlan = summary(latencies);
    const peakRssMb = mem?.peakMb ?? null;
    const plans = plansAfter !== null && plansBefore !== null ? plansAfter - plansBefore : null;
    return {
      bench: `load-${postings}`,
      postings,
      screens: hall.screens.length,
      boardSockets: specs.length,
      boardsFrom: lan ? `LAN address ${lan}` : 'loopback (no LAN address on this machine)',
      pairedSockets: paired,
      seconds: SECONDS,
      syncMs,
      firstPlan: { got: firstPlans.length, within20s, ...summary(firstPlans) },
      healthz: { ...healthz, failed: healthRun.failed, notSent: healthRun.skipped },
      hostLoopDelay: (after?.loop as Record<string, unknown> | undefined) ?? null,
      listingsApi: { ...summary(postingsRun.latencies), failed: postingsRun.failed, notSent: postingsRun.skipped },
      changes: { sent: sent.length, failed: changeRun.failed, notSent: changeRun.skipped },
      changeToPlan: { ...changeToPlan, neverReachedEveryPage: missed },
      plansComputed: plans,
      plansLimit: sent.length * hall.screens.length,
      boardCounters: after?.boards ?? null,
      planKb: summary(planChars.map((c) => c / 1024)),
      patchKb: summary(patchChars.map((c) => c / 1024)),
      received: {
        wholePlans: planChars.length,
        patches: patchChars.length,
        kbPerChange: sent.length
          ? round((planChars.reduce((a, b) => a + b, 0) + patchChars.reduce((a, b) => a + b, 0)) / 1024 / sent.length)
          : null,
      },
      rssBeforeMb: rssBefore?.rssMb ?? null,
      rssMaxSampledMb: rssSamples.length ? Math.max(...rssSamples) : null,
      peakRssMb,
      setupS: round((Date.now() - setupStarted) / 1000),
      targets: TARGETS,
      withinTarget: {
        healthzP99: healthz.p99 !== null && healthz.p99 <= TARGETS.healthzP99Ms,
        changeToPlanP99: changeToPlan.p99 !== null && missed === 0 && changeToPlan.p99 <= TARGETS.changeToPlanP99Ms,
        peakRss: peakRssMb !== null && peakRssMb <= TARGETS.peakRssMb,
        plansComputed: plans !== null && plans <= sent.length * hall.screens.length,
        everyPageHasAPlan: firstPlans.length === specs.length,
      },
    };
  } finally {
    await fleet?.close();
    await hall.stop();
  }
}

export async function run(): Promise<Array<Record<string, unknown>>> {
  const results: Array<Record<string, unknown>> = [];
  for (const postings of SCALES) results.push(await runScale(postings));
  const baseline = results.find((r) => r.postings === Math.min(...SCALES));
  if (baseline) {
    for (const r of results) {
      if (r === baseline) continue;
      r.comparedTo = `baseline ${baseline.postings} postings in the same run: healthz p99 ${(baseline.healthz as { p99: number }).p99} ms, change→plan p99 ${(baseline.changeToPlan as { p99: number }).p99} ms, peak RSS ${baseline.peakRssMb} MB`;
    }
    baseline.comparedTo = 'targets (this is the baseline of the larger runs)';
  }
  return results;
}
