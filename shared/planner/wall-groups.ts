/**
 * Wall groups (DESIGN.md "Boards"): screens of `screens.json` that name the same `group` share
 * its postings out among them, so that every screen's cycle stays within its `maxCycleS`
 * instead of each one repeating the whole set. Pure: no clock, no I/O.
 *
 * How postings are shared out:
 * - The group's postings (those matching some member's filter) are put in one fixed order:
 *   trade by trade (OCCUPATION_CODES order), then by id. The members are taken in screen-id order.
 * - Each member can show `budget` postings within its target: the whole pages that fit its cycle
 *   (target less its other pages, at the longest a page may stay) times the postings a page holds
 *   at its own size. That is an upper bound on what the real plan takes, so a share within the
 *   budget keeps the cycle within the target.
 * - The order is cut into one run per member, each run in proportion to the member's budget (a
 *   big wall gets more than a small one). A cut is moved to the nearest trade boundary when one
 *   lies within its window — half the room left on either side and at most SNAP_SHARE of a share —
 *   so that whole trades stay together where they can (a driver walks to the screen that shows
 *   驾驶司机); otherwise the trade is split across the two screens.
 * - Stable: one posting added or removed moves each cut by less than one place, so apart from a
 *   cut jumping to another trade boundary within its window, a single posting crosses each cut
 *   (see `movedBound`). The split is a function of the data only: no memory of earlier splits.
 * - Where even the whole group cannot show its postings within target, the split says so
 *   (`shortfall`, with the numbers to act on) and still shares them out in proportion.
 *
 * Members whose filters differ: a posting goes to the member its place picks if that member's
 * filter takes it, else to the nearest member (by place in the order) that does. Groups are meant
 * to share one filter; this keeps "every posting on exactly one screen" true when they do not.
 */
import { OCCUPATION_CODES, type OccupationCode } from '../occupations';
import type { ScreenFilter } from '../schemas/screen';
import { postingMatchesFilter } from './select-postings';

/** What the split needs to know of each screen of a group. */
export interface GroupMember {
  screenId: string;
  filter: ScreenFilter;
  /** Postings one page holds at the screen's own size (0: not one fits). */
  perPage: number;
  /** The longest one postings page stays (the screen's maxDwellS), ms. */
  pageMs: number;
  /** Dwell of the screen's other pages (pulse, group legend), at their longest, ms. */
  fixedMs: number;
  /** The screen's cycle target (maxCycleS), ms. */
  maxCycleMs: number;
}

export type GroupPosting = { id: string; occupation: OccupationCode; districtCode: string };

export interface MemberShare {
  screenId: string;
  /** The postings this screen shows, in the group's order (trade, then id). */
  ids: string[];
  /** The trades among them, in OCCUPATION_CODES order. */
  occupations: OccupationCode[];
  /** Those of `occupations` that other screens of the group show part of too. */
  splitOccupations: OccupationCode[];
  /** Postings the screen can show within its target. */
  budget: number;
  /** Postings pages the share needs at `perPage`, and the cycle at the longest dwell (upper bound). */
  pages: number;
  estimatedCycleMs: number;
}

export interface GroupShortfall {
  code: 'group-cycle-too-long';
  /** The group's postings, and how many its screens can show within target together. */
  postings: number;
  capacity: number;
  /** Screens like these the group would need (null: its screens show no postings at all). */
  screensNeeded: number | null;
}

export interface GroupSplit {
  groupId: string;
  /** The group's postings (each on exactly one member). */
  postings: number;
  /** Sum of the members' budgets. */
  capacity: number;
  /** One per member, in screen-id order. */
  members: MemberShare[];
  shortfall: GroupShortfall | null;
  /** Where each run ends in the group's order (one per member but the last), and how far it could snap. */
  cuts: { at: number; window: number }[];
}

/** A cut moves to a trade boundary at most this share of the smaller neighbouring share away. */
export const SNAP_SHARE = 0.25;

/**
 * The most postings that may change screen between two splits of a group sharing one filter
 * whose postings differ by one: per cut, the posting on it, the place the cut moves by, and a
 * snap to another trade boundary within either split's window (a window changes by at most
 * one place, trade boundaries shift by at most one).
 */
export function movedBound(before: GroupSplit, after: GroupSplit): number {
  let bound = 0;
  for (let i = 0; i < Math.max(before.cuts.length, after.cuts.length); i++)
    bound += 2 * Math.max(before.cuts[i]?.window ?? 0, after.cuts[i]?.window ?? 0) + 3;
  return bound;
}

const tradeIndex = new Map<string, number>(OCCUPATION_CODES.map((c, i) => [c, i]));

function groupOrder(a: GroupPosting, b: GroupPosting): number {
  const ta = tradeIndex.get(a.occupation)!;
  const tb = tradeIndex.get(b.occupation)!;
  if (ta !== tb) return ta - tb;
  // plain code-unit order: it must not depend on the runtime's ICU
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function memberBudget(m: GroupMember): number {
  if (m.perPage <= 0 || m.pageMs <= 0) return 0;
  return Math.max(0, Math.floor((m.maxCycleMs - m.fixedMs) / m.pageMs)) * m.perPage;
}

/** Where the cut after share `i` falls: the ideal place, or a trade boundary within its window. */
function cutAt(ideal: number, window: number, edges: readonly number[]): number {
  let best = Math.round(ideal);
  let bestDistance = Infinity;
  if (window >= 1) {
    // edges are ascending: binary search for the first one at or past ideal - window
    let lo = 0;
    let hi = edges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (edges[mid]! < ideal - window) lo = mid + 1;
      else hi = mid;
    }
    for (let j = lo; j < edges.length && edges[j]! <= ideal + window; j++) {
      const d = Math.abs(edges[j]! - ideal);
      if (d < bestDistance) {
        bestDistance = d;
        best = edges[j]!;
      }
    }
  }
  return best;
}

export function splitGroup(
  groupId: string,
  members: readonly GroupMember[],
  postings: readonly GroupPosting[],
): GroupSplit {
  const ms = [...members].sort((a, b) => (a.screenId < b.screenId ? -1 : a.screenId > b.screenId ? 1 : 0));
  const k = ms.length;
  const sameFilter = ms.every((m) => JSON.stringify(m.filter) === JSON.stringify(ms[0]?.filter));
  const inGroup = k === 0 ? [] : postings.filter((p) => ms.some((m) => postingMatchesFilter(m.filter, p)));
  const order = inGroup.sort(groupOrder);
  const n = order.length;

  const budgets = ms.map(memberBudget);
  const capacity = budgets.reduce((a, b) => a + b, 0);
  // weights: the budgets; when no screen can keep its target, what each shows per minute
  let weights = budgets;
  if (capacity === 0) weights = ms.map((m) => (m.perPage > 0 && m.pageMs > 0 ? m.perPage / m.pageMs : 0));
  if (weights.every((w) => w === 0)) weights = ms.map(() => 1);
  const total = weights.reduce((a, b) => a + b, 0);
  const targets = weights.map((w) => (n * w) / total);
  const slack = targets.map((t, i) => Math.max(0, budgets[i]! - t));

  const edges: number[] = [];
  for (let p = 1; p < n; p++) if (order[p]!.occupation !== order[p - 1]!.occupation) edges.push(p);

  const cuts: number[] = [0];
  const windows: number[] = [];
  let cumulative = 0;
  for (let i = 0; i < k - 1; i++) {
    cumulative += weights[i]!;
    const ideal = (n * cumulative) / total;
    const window = Math.floor(
      Math.min(slack[i]! / 2, slack[i + 1]! / 2, SNAP_SHARE * Math.min(targets[i]!, targets[i + 1]!)),
    );
    windows.push(window);
    cuts.push(Math.min(n, Math.max(cuts[i]!, cutAt(ideal, window, edges))));
  }
  cuts.push(n);

  const owner = new Int32Array(n);
  for (let i = 0; i < k; i++) for (let p = cuts[i]!; p < cuts[i + 1]!; p++) owner[p] = i;
  if (!sameFilter) {
    for (let p = 0; p < n; p++) {
      const at = owner[p]!;
      if (postingMatchesFilter(ms[at]!.filter, order[p]!)) continue;
      for (let d = 1; d < k; d++) {
        if (at - d >= 0 && postingMatchesFilter(ms[at - d]!.filter, order[p]!)) {
          owner[p] = at - d;
          break;
        }
        if (at + d < k && postingMatchesFilter(ms[at + d]!.filter, order[p]!)) {
          owner[p] = at + d;
          break;
        }
      }
    }
  }

  const ids: string[][] = ms.map(() => []);
  const trades: Set<OccupationCode>[] = ms.map(() => new Set());
  const screensOfTrade = new Map<OccupationCode, number>();
  for (let p = 0; p < n; p++) {
    const i = owner[p]!;
    const posting = order[p]!;
    ids[i]!.push(posting.id);
    if (!trades[i]!.has(posting.occupation)) {
      trades[i]!.add(posting.occupation);
      screensOfTrade.set(posting.occupation, (screensOfTrade.get(posting.occupation) ?? 0) + 1);
    }
  }

  const shares: MemberShare[] = ms.map((m, i) => {
    const occupations = [...trades[i]!].sort((a, b) => tradeIndex.get(a)! - tradeIndex.get(b)!);
    const pages = m.perPage > 0 ? Math.ceil(ids[i]!.length / m.perPage) : 0;
    return {
      screenId: m.screenId,
      ids: ids[i]!,
      occupations,
      splitOccupations: occupations.filter((o) => (screensOfTrade.get(o) ?? 0) > 1),
      budget: budgets[i]!,
      pages,
      estimatedCycleMs: pages * m.pageMs + m.fixedMs,
    };
  });

  const shortfall: GroupShortfall | null =
    n > capacity
      ? {
          code: 'group-cycle-too-long',
          postings: n,
          capacity,
          screensNeeded: capacity > 0 ? Math.ceil((n * k) / capacity) : null,
        }
      : null;
  const cutList = windows.map((window, i) => ({ at: cuts[i + 1]!, window }));
  return { groupId, postings: n, capacity, members: shares, shortfall, cuts: cutList };
}
