/**
 * Board plans, computed once per change and cached: the planner's pure inputs in, plans out,
 * already encoded as the events pages are sent. The engine holds its own copy of the valid
 * postings (fed as deltas), so a re-plan never reads the database, and it runs on whichever
 * thread its owner picks: the plan worker (plan-worker.ts) or, as a fallback, the host's own
 * thread (plan-runner.ts).
 *
 * A plan depends on the screen, the viewport, the postings its filter matches, the bottom bands
 * (urgent banner, notice), the market pulse (pulse screens) and the time. The cache is keyed by
 * the job key (screen + viewport); an entry is reused while
 *   - no posting its screen's filter matches has changed since (old or new version),
 *   - the rest of its inputs are equal (screen profile, viewport, bands, pulse, hall texts), and
 *   - the time has not reached its horizon: the first moment one of its postings becomes valid,
 *     stops being valid or stops being "new".
 * A screen of a wall group (`group` in screens.json) depends on every posting its group's screens
 * match, and on the group's screens: the group's split (shared/planner/wall-groups.ts) is made
 * once per data change for the whole group, kept while the postings, the group's screens and the
 * time allow, and each grouped screen is planned with its share.
 * The data's last-update time is not an input: a plan carries the time as of its own re-plan
 * (the board shows the hall's from the `status` event), so a change to a posting of one trade
 * re-plans the screens of that trade only.
 *
 * A plan is kept in pieces (shared/planner/page-codec.ts): its pages' JSON and hashes, reused
 * for pages that did not change. What goes out for a new plan is a `plan-patch` from the plan
 * the host holds (a page or two of a 20,000-posting wall) and, only when the host asks for it
 * (a page joined, asked to resync or does not take patches), the whole `plan` event.
 */
import type { Posting } from '../../../shared/schemas/posting';
import { maxCycleMsOf, type ScreenFilter, type ScreenProfile, type Viewport } from '../../../shared/schemas/screen';
import type { BoardPlan, GroupShare } from '../../../shared/schemas/board-plan';
import type { BandsWanted } from '../../../shared/planner/bottom-band';
import type { MarketPulse } from '../../../shared/pulse/market-pulse';
import type { HallProfile } from '../../../shared/schemas/hall-profile';
import { planBoardCoded, planGroupSplit, type GroupInput } from '../../../shared/planner/board-planner';
import { planJson, type CodedPlan } from '../../../shared/planner/page-codec';
import { planPatchJson } from '../../../shared/planner/plan-patch';
import { postingMatchesFilter } from '../../../shared/planner/select-postings';
import { planHash } from '../../../shared/planner/plan-hash';
import { BOARD_NAMESPACE } from '../../../shared/contract';
import { encodeEventPacket } from '../server/raw-packet';

const MINUTE_MS = 60_000;
/** toBoardItem marks a posting "new" for a day after validFrom. */
const NEW_FOR_MS = 24 * 3600_000;
/** Entries kept for keys no page asked for lately (a resized window leaves one behind). */
const MAX_ENTRIES = 256;

export interface PostingDelta {
  /** Drop every posting first (the first load, or a resync). */
  reset?: boolean;
  upserts: Posting[];
  removes: string[];
}

export interface PlanJob {
  /** `screenId@WxH`, or `screenId@configured` before a page reported its viewport. */
  key: string;
  screen: ScreenProfile;
  viewport: Viewport | null;
  bands: BandsWanted;
  /** The market pulse, for screens with `pulsePage` (null otherwise). */
  pulse: MarketPulse | null;
  /** The hall's own words (header line, masked-phone sentence). */
  hall?: HallProfile;
  /**
   * Every screen of the screen's wall group, as configured (null: no group). The group's split
   * (shared/planner/wall-groups.ts) is made once per data change for all of them.
   */
  group?: ScreenProfile[] | null;
  /** The plan id the host already holds for this key: nothing is sent back while it is current. */
  have: string | null;
  /**
   * When to send the whole `plan` too: 'no' (a patch from `have` will do), 'if-changed' (some
   * page of the group takes whole plans only) or 'yes' (a page needs it now: it joined or resynced).
   */
  full: 'no' | 'if-changed' | 'yes';
}

export interface PlanBatch {
  now: number;
  dataUpdatedAt: number | null;
  jobs: PlanJob[];
}

/** What the host keeps of a plan besides its JSON (staff screens page, the shell's recycle timing). */
export interface PlanSummary {
  planId: string;
  screenId: string;
  layout: BoardPlan['layout'];
  cycleMs: number;
  pages: number;
  totalItems: number;
  warnings: BoardPlan['warnings'];
  generatedAt: number;
  /** The screen's cycle target (maxCycleS), ms. */
  maxCycleMs: number;
  /** The screen's share of its wall group (null: no group). */
  group: Omit<GroupShare, 'line' | 'fontPx' | 'stripHeightPx'> | null;
}

/**
 * What proof of play needs of a plan (electron/host/play/): its rotation and each page's
 * postings. A page the host's plan (`have`) already had comes by its hash alone (`ids` null).
 */
export interface PlaySchedule {
  planId: string;
  anchorMs: number;
  cycleMs: number;
  pages: Array<{ startMs: number; dwellMs: number; hash: string; ids: string[] | null }>;
}

export interface PlannedJob {
  key: string;
  summary: PlanSummary;
  /** Set when the plan is not the one the host holds (`have`). */
  schedule: PlaySchedule | null;
  /**
   * The whole `plan` event, encoded for the `/board` namespace (server/raw-packet.ts): the bytes
   * every page that needs it is sent as they are. Null unless the job asked for it, or the plan
   * changed and no patch could be made from the plan the host holds.
   */
  full: Uint8Array | null;
  /** The `plan-patch` event from the host's plan (`have`) to this one; null when unchanged or no patch could be made. */
  patch: Uint8Array | null;
  /** True when this batch computed the plan (false: served from the cache). */
  computed: boolean;
  /** When time alone will change this plan (ms). */
  horizon: number;
}

interface Held {
  posting: Posting;
  fromMs: number;
  untilMs: number;
}

interface Entry {
  /** The filters whose postings this plan depends on: its screen's, or every screen's of its group. */
  filters: ScreenFilter[];
  inputs: string;
  stale: boolean;
  horizon: number;
  summary: PlanSummary;
  coded: CodedPlan;
  usedAt: number;
}

export const minuteOf = (ms: number | null): number | null =>
  ms === null ? null : Math.floor(ms / MINUTE_MS) * MINUTE_MS;

/** The plan (in pieces) `planBoard` makes for a job, with the data time to the minute as every board gets it. */
export function planForJob(
  job: Pick<PlanJob, 'screen' | 'viewport' | 'bands' | 'pulse' | 'hall'>,
  postings: readonly Posting[],
  now: number,
  dataUpdatedAt: number | null,
  group?: GroupInput | null,
): CodedPlan {
  return planBoardCoded({
    screen: job.screen,
    ...(job.viewport ? { viewport: job.viewport } : {}),
    postings,
    now,
    dataUpdatedAt: minuteOf(dataUpdatedAt),
    ...(job.screen.pulsePage && job.pulse ? { pulse: job.pulse } : {}),
    bands: job.bands,
    ...(job.hall ? { hall: job.hall } : {}),
    ...(group ? { group } : {}),
  });
}

export function summarise(plan: BoardPlan, screen: Pick<ScreenProfile, 'maxCycleS'>): PlanSummary {
  const g = plan.group;
  return {
    planId: plan.planId,
    screenId: plan.screenId,
    layout: plan.layout,
    cycleMs: plan.cycleMs,
    pages: plan.pages.length,
    totalItems: plan.totalItems,
    warnings: plan.warnings,
    generatedAt: plan.generatedAt,
    maxCycleMs: maxCycleMsOf(screen),
    group: g
      ? {
          groupId: g.groupId,
          occupations: g.occupations,
          screens: g.screens,
          groupPostings: g.groupPostings,
          groupCapacity: g.groupCapacity,
          screensNeeded: g.screensNeeded,
        }
      : null,
  };
}

export function playSchedule(coded: CodedPlan, base: CodedPlan | null): PlaySchedule {
  const known = new Set(base?.pages.map((p) => p.hash));
  const { plan } = coded;
  return {
    planId: plan.planId,
    anchorMs: plan.anchorMs,
    cycleMs: plan.cycleMs,
    pages: plan.pages.map((page, i) => {
      const hash = coded.pages[i]!.hash;
      return {
        startMs: page.startMs,
        dwellMs: page.dwellMs,
        hash,
        ids: known.has(hash) ? null : page.items.map((it) => it.id),
      };
    }),
  };
}

/** A wall group's split, kept while the postings, the group's screens and the time allow. */
interface HeldSplit {
  inputs: string;
  list: readonly Posting[];
  horizon: number;
  group: GroupInput;
}

export class PlanEngine {
  private readonly held = new Map<string, Held>();
  private readonly entries = new Map<string, Entry>();
  private readonly splits = new Map<string, HeldSplit>();
  private list: Posting[] | null = null;
  /** Group splits computed since the engine started. */
  splitsComputed = 0;
  /** Plans computed since the engine started. */
  computed = 0;

  get size(): number {
    return this.held.size;
  }

  apply(delta: PostingDelta): void {
    if (delta.reset) {
      this.held.clear();
      for (const e of this.entries.values()) e.stale = true;
    }
    for (const l of delta.upserts) {
      const old = this.held.get(l.id);
      if (old) this.touch(old.posting);
      this.touch(l);
      this.held.set(l.id, { posting: l, fromMs: Date.parse(l.validFrom), untilMs: Date.parse(l.validUntil) });
    }
    for (const id of delta.removes) {
      const old = this.held.get(id);
      if (!old) continue;
      this.touch(old.posting);
      this.held.delete(id);
    }
    if (delta.reset || delta.upserts.length > 0 || delta.removes.length > 0) this.list = null;
  }

  plan(batch: PlanBatch): PlannedJob[] {
    const { now } = batch;
    this.dropExpired(now);
    const out: PlannedJob[] = [];
    for (const job of batch.jobs) {
      const members = job.screen.group && job.group && job.group.length > 0 ? job.group : null;
      const inputs = JSON.stringify([
        job.screen,
        job.viewport,
        job.bands,
        job.hall ?? null,
        job.screen.pulsePage && job.pulse ? planHash(JSON.stringify(job.pulse)) : null,
        members,
      ]);
      let entry = this.entries.get(job.key);
      const before = entry?.coded ?? null;
      let computed = false;
      if (!entry || entry.stale || entry.inputs !== inputs || now >= entry.horizon) {
        const filters = members ? members.map((m) => m.filter) : [job.screen.filter];
        const group = members ? this.groupSplit(job.screen.group!, members, job.hall, now) : null;
        const coded = planForJob(job, this.postings(), now, batch.dataUpdatedAt, group);
        entry = {
          filters,
          inputs,
          stale: false,
          horizon: this.horizon(filters, now),
          summary: summarise(coded.plan, job.screen),
          coded,
          usedAt: now,
        };
        this.entries.set(job.key, entry);
        this.computed++;
        computed = true;
      }
      entry.usedAt = now;
      const planId = entry.summary.planId;
      const changed = planId !== job.have;
      // a patch needs the plan the host holds: the one this entry replaced (the host takes every result)
      const base = changed && before && before.plan.planId === job.have ? before : null;
      const patch = base
        ? encodeEventPacket(BOARD_NAMESPACE, 'plan-patch', planPatchJson(base, entry.coded)).bytes
        : null;
      const wantFull = job.full === 'yes' || (changed && (job.full === 'if-changed' || !patch));
      const full = wantFull ? encodeEventPacket(BOARD_NAMESPACE, 'plan', planJson(entry.coded)).bytes : null;
      const schedule = changed ? playSchedule(entry.coded, before?.plan.planId === job.have ? before : null) : null;
      out.push({ key: job.key, summary: entry.summary, schedule, full, patch, computed, horizon: entry.horizon });
    }
    this.evict();
    return out;
  }

  /** Every held posting, built once per data change. */
  private postings(): Posting[] {
    this.list ??= [...this.held.values()].map((h) => h.posting);
    return this.list;
  }

  private touch(l: Posting): void {
    for (const e of this.entries.values())
      if (!e.stale && e.filters.some((f) => postingMatchesFilter(f, l))) e.stale = true;
  }

  /** The group's split: made once per data change for all its screens, whichever of them ask. */
  private groupSplit(
    groupId: string,
    members: ScreenProfile[],
    hall: HallProfile | undefined,
    now: number,
  ): GroupInput {
    const list = this.postings();
    const inputs = JSON.stringify([members, hall ?? null]);
    const held = this.splits.get(groupId);
    if (held && held.list === list && held.inputs === inputs && now < held.horizon) return held.group;
    const group: GroupInput = { split: planGroupSplit(groupId, members, list, now, hall), screens: members };
    this.splits.set(groupId, {
      inputs,
      list,
      horizon: this.horizon(
        members.map((m) => m.filter),
        now,
      ),
      group,
    });
    this.splitsComputed++;
    if (this.splits.size > MAX_ENTRIES) this.splits.delete(this.splits.keys().next().value!);
    return group;
  }

  /** Expired postings can never show again; forgetting them keeps re-plans small. */
  private dropExpired(now: number): void {
    let dropped = false;
    for (const [id, h] of this.held) {
      if (h.untilMs > now) continue;
      this.held.delete(id);
      dropped = true;
    }
    if (dropped) this.list = null;
  }

  /** The first time after `now` at which one of the postings of these filters changes state by itself. */
  private horizon(filters: readonly ScreenFilter[], now: number): number {
    let next = Infinity;
    for (const h of this.held.values()) {
      if (!filters.some((f) => postingMatchesFilter(f, h.posting))) continue;
      if (h.fromMs > now && h.fromMs < next) next = h.fromMs;
      if (h.untilMs > now && h.untilMs < next) next = h.untilMs;
      const notNew = h.fromMs + NEW_FOR_MS;
      if (notNew > now && notNew < next) next = notNew;
    }
    return next;
  }

  private evict(): void {
    if (this.entries.size <= MAX_ENTRIES) return;
    const oldest = [...this.entries]
      .sort((a, b) => a[1].usedAt - b[1].usedAt)
      .slice(0, this.entries.size - MAX_ENTRIES);
    for (const [key] of oldest) this.entries.delete(key);
  }
}
