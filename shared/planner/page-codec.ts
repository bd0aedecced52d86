/**
 * A plan as the host sends it, kept in pieces: the JSON of each page and of each top-level
 * field, and a hash per page. A re-plan of 20,000 postings changes a page or two (page-split.ts),
 * so the pages' JSON and hashes are reused from the last plan — a page whose items are the same
 * objects (the planner memoises every posting's strings by identity) and whose dwell is the same
 * is the same page — and the plan id is hashed from the header and the page hashes. The whole
 * plan's JSON (5 MB for a city's main wall) is only put together for a page that needs it all.
 */
import type { BoardItem, BoardPage, BoardPlan } from '../schemas/board-plan';
import { planHash } from './plan-hash';

/** A page without its place in the cycle (index and start follow from the pages before it). */
export type PageBody = Omit<BoardPage, 'index' | 'startMs'>;

/** The top-level fields of a plan, in the order the planner writes them. */
export const PLAN_FIELDS = [
  'planId',
  'screenId',
  'screenName',
  'headerLine',
  'locale',
  'layout',
  'viewport',
  'effectivePitchMm',
  'geometry',
  'anchorMs',
  'cycleMs',
  'pages',
  'totalItems',
  'dataUpdatedAt',
  'warnings',
  'generatedAt',
  'group',
] as const satisfies ReadonlyArray<keyof BoardPlan>;

/** The fields a patch may set: all but the id and the pages. */
export type PlanHeaderField = Exclude<(typeof PLAN_FIELDS)[number], 'planId' | 'pages'>;
export const PLAN_HEADER_FIELDS = PLAN_FIELDS.filter((f): f is PlanHeaderField => f !== 'planId' && f !== 'pages');

export interface CodedPage {
  /** `{"dwellMs":…,"items":[…]}` (and `"pulse"` on the pulse page): the page without index and start. */
  json: string;
  hash: string;
}

export interface CodedPlan {
  plan: BoardPlan;
  /** JSON of each header field (PLAN_HEADER_FIELDS), by name. */
  fields: Record<PlanHeaderField, string>;
  pages: CodedPage[];
}

interface Remembered extends CodedPage {
  items: readonly BoardItem[];
  dwellMs: number;
}

/** Pages remembered per first item: the few compositions a page starting with it had lately. */
const KEEP_PER_ITEM = 4;
const byFirstItem = new WeakMap<BoardItem, Remembered[]>();

function sameItems(a: readonly BoardItem[], b: readonly BoardItem[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function codeBody(body: PageBody): CodedPage {
  const json = JSON.stringify(body);
  return { json, hash: planHash(json) };
}

/** The JSON and hash of one page, reused while its items are the same objects. */
export function codePage(page: PageBody): CodedPage {
  const first = page.items[0];
  if (page.pulse || !first) return codeBody(page);
  let known = byFirstItem.get(first);
  const hit = known?.find((r) => r.dwellMs === page.dwellMs && sameItems(r.items, page.items));
  if (hit) return hit;
  const coded = codeBody({ dwellMs: page.dwellMs, items: page.items });
  if (!known) {
    known = [];
    byFirstItem.set(first, known);
  }
  known.unshift({ ...coded, items: page.items, dwellMs: page.dwellMs });
  if (known.length > KEEP_PER_ITEM) known.length = KEEP_PER_ITEM;
  return coded;
}

/** A plan's id: the hash of its header (without generatedAt) and its pages' hashes. */
export function planIdOf(
  fields: Omit<Record<PlanHeaderField, string>, 'generatedAt'>,
  pages: readonly CodedPage[],
): string {
  let head = '';
  for (const f of PLAN_HEADER_FIELDS)
    if (f !== 'generatedAt') head += `${f}=${fields[f as Exclude<PlanHeaderField, 'generatedAt'>]};`;
  let hashes = '';
  for (const p of pages) hashes += p.hash;
  return planHash(`${head}|${pages.length}|${hashes}`);
}

/** JSON of a page with its place in the cycle, from its coded body. */
export function pageJson(index: number, startMs: number, coded: CodedPage): string {
  return `{"index":${index},"startMs":${startMs},${coded.json.slice(1)}`;
}

/** Exactly `JSON.stringify(coded.plan)`, put together from the pieces. */
export function planJson(coded: CodedPlan): string {
  const parts: string[] = [];
  for (const f of PLAN_FIELDS) {
    if (f === 'planId') parts.push(`"planId":${JSON.stringify(coded.plan.planId)}`);
    else if (f === 'pages') {
      const pages = coded.plan.pages;
      parts.push(`"pages":[${coded.pages.map((p, i) => pageJson(pages[i]!.index, pages[i]!.startMs, p)).join(',')}]`);
    } else parts.push(`${JSON.stringify(f)}:${coded.fields[f]}`);
  }
  return `{${parts.join(',')}}`;
}
