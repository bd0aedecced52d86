/**
 * Plans made here, on the host's thread, from the store (not the planner's): wall groups, the
 * staff previews and every screen's cycle.
 *
 * A screen in a wall group is planned with its group's split of the postings (one read, one
 * split per group per call). The staff screens page and /healthz read each configured screen's
 * cycle: the live plan's where a page holds it at its configured size, else a preview planned
 * here, no more often than CYCLE_PREVIEW_EVERY_MS and for at most PREVIEW_BUDGET_MS a call.
 * board-service.ts wires this in and re-exports wallGroupOf, cycleOf and CYCLE_PREVIEW_EVERY_MS.
 */
import type { ScreenProfile, Viewport } from '../../../shared/schemas/screen';
import type { BoardPlan } from '../../../shared/schemas/board-plan';
import type { ScreenCycle } from '../../../shared/contract';
import type { Posting } from '../../../shared/schemas/posting';
import type { HallProfile } from '../../../shared/schemas/hall-profile';
import { planGroupSplit, type GroupInput } from '../../../shared/planner/board-planner';
import { planForJob, summarise, type PlanSummary } from './plan-engine';
import type { BoardServiceDeps } from './board-service';

/** Previews of screens with no page open are planned at most this often (20,000 postings: ~0.2 s a screen)... */
export const CYCLE_PREVIEW_EVERY_MS = 15_000;
/** ...and for at most this long per call (at least one screen). */
const PREVIEW_BUDGET_MS = 100;

const byId = (a: ScreenProfile, b: ScreenProfile) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The screens of `screen`'s wall group in `screens` (by id), or null when it names none. */
export function wallGroupOf(screen: ScreenProfile, screens: readonly ScreenProfile[]): ScreenProfile[] | null {
  if (!screen.group) return null;
  return screens.filter((s) => s.group === screen.group).sort(byId);
}

export function cycleOf(summary: PlanSummary, source: ScreenCycle['source']): ScreenCycle {
  return {
    screenId: summary.screenId,
    source,
    layout: summary.layout,
    cycleMs: summary.cycleMs,
    maxCycleMs: summary.maxCycleMs,
    overTarget: summary.cycleMs > summary.maxCycleMs,
    pages: summary.pages,
    postings: summary.totalItems,
    warnings: summary.warnings,
    group: summary.group,
    plannedAt: summary.generatedAt,
  };
}

export interface BoardCyclesDeps extends Pick<BoardServiceDeps, 'screens' | 'source' | 'clock'> {
  hall: HallProfile;
  /** The latest summary of every group with pages, and the size it is planned for (null: configured). */
  live: () => Iterable<{ screenId: string; viewport: Viewport | null; summary: PlanSummary | null }>;
}

export interface BoardCycles {
  /** A plan made here from the store (not the planner's), with its wall group's split. */
  planHere(screen: ScreenProfile, screens: readonly ScreenProfile[], viewport?: Viewport): BoardPlan;
  /** Every configured screen's cycle at its configured size (BoardService.cycles). */
  cycles(plan: 'if-due' | 'never'): ScreenCycle[];
}

export function createBoardCycles(deps: BoardCyclesDeps): BoardCycles {
  const { source, hall, clock } = deps;

  /** The store's postings now, and the wall groups split from them so far (one read, one split per group). */
  interface Here {
    now: number;
    postings: Posting[];
    splits: Map<string, GroupInput>;
  }
  const hereNow = (): Here => {
    const now = clock();
    return { now, postings: source.activePostings(now), splits: new Map() };
  };

  /** A plan made here from the store (not the planner's), with its wall group's split. */
  function planHere(
    screen: ScreenProfile,
    screens: readonly ScreenProfile[],
    viewport?: Viewport,
    here: Here = hereNow(),
  ): BoardPlan {
    const { now, postings } = here;
    const members = wallGroupOf(screen, screens);
    let group: GroupInput | null = null;
    if (members) {
      const key = JSON.stringify(members);
      group = here.splits.get(key) ?? {
        split: planGroupSplit(screen.group!, members, postings, now, hall),
        screens: members,
      };
      here.splits.set(key, group);
    }
    return planForJob(
      {
        screen,
        viewport: viewport ?? null,
        bands: source.bands?.(screen.id, now) ?? { urgent: false, notice: false },
        pulse: screen.pulsePage && source.pulse ? source.pulse(now) : null,
        hall,
      },
      postings,
      now,
      source.dataUpdatedAt(),
      group,
    ).plan;
  }

  /**
   * Previews of screens no page shows at their configured size, each kept until the next is due.
   * A call plans previews for at most PREVIEW_BUDGET_MS (at least one), oldest first: a city's
   * 20,000 postings take about 0.2 s a screen, and the console asks every few seconds.
   */
  const previews = new Map<string, { at: number; profile: string; cycle: ScreenCycle }>();

  function cycles(plan: 'if-due' | 'never'): ScreenCycle[] {
    const screens = deps.screens();
    const live = new Map<string, PlanSummary>();
    for (const g of deps.live()) if (g.viewport === null && g.summary) live.set(g.screenId, g.summary);
    const now = clock();
    // a preview is of the screen and its group as they are configured now
    const profileOf = (s: ScreenProfile) => JSON.stringify([s, wallGroupOf(s, screens)]);
    const current = (s: ScreenProfile) => {
      const held = previews.get(s.id);
      return held && held.profile === profileOf(s) ? held : null;
    };
    if (plan === 'if-due') {
      const due = screens
        .filter((s) => !live.has(s.id))
        .filter((s) => {
          const held = current(s);
          return !held || now - held.at >= CYCLE_PREVIEW_EVERY_MS;
        })
        .sort((a, b) => (current(a)?.at ?? 0) - (current(b)?.at ?? 0));
      const started = performance.now();
      const here = due.length > 0 ? hereNow() : null;
      for (const s of due) {
        if (performance.now() - started > PREVIEW_BUDGET_MS) break;
        const cycle = cycleOf(summarise(planHere(s, screens, undefined, here!), s), 'preview');
        previews.set(s.id, { at: now, profile: profileOf(s), cycle });
      }
    }
    for (const id of previews.keys()) if (!screens.some((s) => s.id === id)) previews.delete(id);
    return screens.flatMap((s) => {
      const summary = live.get(s.id);
      if (summary) return [cycleOf(summary, 'live')];
      const held = current(s);
      return held ? [held.cycle] : [];
    });
  }

  return { planHere: (screen, screens, viewport) => planHere(screen, screens, viewport), cycles };
}
