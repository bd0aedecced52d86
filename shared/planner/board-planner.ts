import type { Posting } from '../schemas/posting';
import { maxCycleMsOf, type ScreenProfile, type Viewport } from '../schemas/screen';
import type { BoardGeometry, BoardItem, BoardPage, BoardPlan, GroupLegend, GroupShare } from '../schemas/board-plan';
import { glyphFloorPx } from '../legibility';
import { frameFor, headerCentreWidthPx, LINE_HEIGHT } from './board-frame';
import { hallHeaderLine, maskedPhoneText } from './hall-line';
import type { HallProfile } from '../schemas/hall-profile';
import { toBoardItem } from './board-items';
import { cardFitter, cardGrid } from './card-layout';
import { longestDwellMs, pageDwellMs } from './dwell';
import { splitEvenly, splitStable, stableBlocks } from './page-split';
import {
  codePage,
  planIdOf,
  planJson,
  PLAN_HEADER_FIELDS,
  type CodedPage,
  type CodedPlan,
  type PlanHeaderField,
} from './page-codec';
import { selectPostings } from './select-postings';
import { rowFitter, tableLayout } from './table-layout';
import type { MarketPulse } from '../pulse/market-pulse';
import type { PulsePage } from '../schemas/pulse-page';
import { layoutPulsePage } from './pulse-layout';
import { tickerLayout, tickerPages } from './ticker-layout';
import { bottomBand, type BandsWanted } from './bottom-band';
import { IdentityMemo } from './identity-memo';
import { splitGroup, type GroupMember, type GroupSplit } from './wall-groups';
import { layoutLegend, shareStrip, shareStripHeightPx } from './group-layout';

export interface PlanInput {
  screen: ScreenProfile;
  /** The page's real viewport in CSS px; defaults to screen.width × screen.height. */
  viewport?: Viewport;
  /**
   * The planner memoises per-posting work by object identity (identity-memo.ts): postings and
   * the array holding them must not be changed after they were passed in. Pass new objects.
   */
  postings: readonly Posting[];
  now: number; // ms since epoch
  dataUpdatedAt: number | null;
  /** Rotation anchor; default 0 (Unix epoch) so all walls with equal plans are in phase. */
  anchorMs?: number;
  /** Market indices for the pulse page; used only when the screen has `pulsePage`. */
  pulse?: MarketPulse | null;
  /** Bottom bands to keep clear (urgent banner, hall notice) while they are live. */
  bands?: BandsWanted;
  /** The hall's own words (`hall.json`): the header line and the masked-phone sentence. */
  hall?: HallProfile;
  /** The screen's wall group: the split (planGroupSplit) and every screen of the group. */
  group?: GroupInput;
}

export interface GroupInput {
  split: GroupSplit;
  /** Every screen of the group as configured (the legend names them). */
  screens: readonly ScreenProfile[];
}

/**
 * mm of wall per CSS px. The wall's physical size is fixed by its LED pixels and pitch; a page
 * shown at another resolution is scaled onto it, and the larger scale factor limits legibility.
 */
export function effectivePitchMm(
  screen: Pick<ScreenProfile, 'width' | 'height' | 'pitchMm'>,
  viewport: Viewport,
): number {
  return Math.min((screen.width * screen.pitchMm) / viewport.width, (screen.height * screen.pitchMm) / viewport.height);
}

const itemKey = (item: BoardItem) => item.id;

/**
 * A screen's postings cut into pages of `capacity`: in content-defined blocks (page-split.ts),
 * so a live change re-sends a page or two of a big wall; a wall group's screen shows a share
 * sized to its cycle target (at most some hundred postings), cut into the fewest pages, because
 * the blocks' extra pages are what would take it past the target.
 */
function pagesOf(input: PlanInput, items: readonly BoardItem[], capacity: number): BoardItem[][] {
  return input.group ? splitEvenly(items, capacity) : splitStable(items, capacity, itemKey);
}
/** Ticker pages are cut by text length: blocks of at least this many postings. */
const TICKER_BLOCK_MIN = 64;

interface Laid {
  layout: BoardPlan['layout'];
  geometry: BoardGeometry;
  pages: { items: BoardItem[]; dwellMs: number; pulse?: PulsePage; legend?: GroupLegend }[];
}

/**
 * Cards or a table in the frame (header, padding, gap): the layout's text sizes and its part of
 * the geometry, and pages of as many postings as it holds, each cut to its card or row and
 * given its dwell. Null when the frame or the layout does not fit the area.
 */
function laidInFrame(
  input: PlanInput,
  viewport: Viewport,
  m: number,
  items: BoardItem[],
  layout: 'cards' | 'table',
): Laid | null {
  const { locale, minDwellS, maxDwellS } = input.screen;
  const frame = frameFor(viewport, m, locale);
  if (!frame) return null;
  const grid = layout === 'cards' ? cardGrid(frame, items, locale) : null;
  const table = layout === 'table' ? tableLayout(frame, items, locale) : null;
  const laid = grid
    ? { sizes: grid, capacity: grid.cards.columns * grid.cards.rows, fit: cardFitter(grid, locale) }
    : table
      ? { sizes: table, capacity: table.table.rowsPerPage, fit: rowFitter(table, locale) }
      : null;
  if (!laid) return null;
  return {
    layout,
    geometry: {
      minGlyphPx: m,
      bodyPx: laid.sizes.bodyPx,
      titlePx: laid.sizes.titlePx,
      headerPx: frame.headerPx,
      lineHeight: laid.sizes.lineHeight,
      headerHeightPx: frame.headerHeightPx,
      paddingPx: frame.paddingPx,
      gapPx: frame.gapPx,
      cards: grid?.cards ?? null,
      table: table?.table ?? null,
      ticker: null,
    },
    pages: pagesOf(input, items, laid.capacity).map((page) => {
      const fitted = page.map(laid.fit);
      return { items: fitted, dwellMs: pageDwellMs(fitted, minDwellS, maxDwellS) };
    }),
  };
}

function laidAsTicker(input: PlanInput, viewport: Viewport, m: number, items: BoardItem[]): Laid | null {
  const { locale } = input.screen;
  const t = tickerLayout(viewport, m, locale);
  if (!t) return null;
  return {
    layout: 'ticker',
    geometry: {
      minGlyphPx: m,
      bodyPx: t.bodyPx,
      titlePx: t.bodyPx,
      headerPx: t.headerPx,
      lineHeight: t.lineHeight,
      headerHeightPx: 0,
      paddingPx: t.paddingPx,
      gapPx: t.gapPx,
      cards: null,
      table: null,
      ticker: t.ticker,
    },
    // within content-defined blocks, like the other layouts (page-split.ts)
    pages: stableBlocks(items, itemKey, TICKER_BLOCK_MIN, TICKER_BLOCK_MIN, 4 * TICKER_BLOCK_MIN).flatMap((block) =>
      tickerPages(block, t, locale),
    ),
  };
}

/**
 * A ticker screen tall enough for STRIP_TABLE_MIN_ROWS rows at its minimum glyph is shown as a
 * compact table instead: one scrolling line on a 2560×640 strip left 83 % of it black and took
 * 54 minutes to show 240 postings, while rows standing still are read at the visitor's own pace.
 */
const STRIP_TABLE_MIN_ROWS = 3;

function stripAsTable(input: PlanInput, area: Viewport, m: number, items: BoardItem[]): Laid | null {
  const laid = laidInFrame(input, area, m, items, 'table');
  return laid && laid.geometry.table!.rowsPerPage >= STRIP_TABLE_MIN_ROWS ? laid : null;
}

function tooSmall(m: number): Laid {
  return {
    layout: 'ticker',
    geometry: {
      minGlyphPx: m,
      bodyPx: m,
      titlePx: m,
      headerPx: m,
      lineHeight: LINE_HEIGHT,
      headerHeightPx: 0,
      paddingPx: 0,
      gapPx: 0,
      cards: null,
      table: null,
      ticker: null,
    },
    pages: [],
  };
}

/** How much a layout lost: 0 as configured, 1 fell back to the ticker, 2 shows only a notice. */
function severity(warnings: BoardPlan['warnings']): number {
  return warnings.includes('screen-too-small') ? 2 : warnings.includes('layout-degraded-to-ticker') ? 1 : 0;
}

/** The configured layout, else the ticker, else a too-small notice, for one content area. */
function layOut(
  input: PlanInput,
  area: Viewport,
  m: number,
  items: BoardItem[],
): { laid: Laid; warnings: BoardPlan['warnings'] } {
  const { screen } = input;
  const warnings: BoardPlan['warnings'] = [];
  let laid: Laid | null =
    screen.layout === 'ticker'
      ? stripAsTable(input, area, m, items)
      : laidInFrame(input, area, m, items, screen.layout);
  if (!laid) {
    laid = laidAsTicker(input, area, m, items);
    if (!laid) {
      laid = tooSmall(m);
      warnings.push('screen-too-small');
    } else if (screen.layout !== 'ticker') {
      warnings.push('layout-degraded-to-ticker');
    }
  }
  return { laid, warnings };
}

/**
 * The screen's items in display order. Several screens planned from the same array at the same
 * moment (the host's plan batches) share the filtering and sorting of identical filters, and
 * every posting object's strings are made once (board-items.ts).
 */
const selections = new IdentityMemo<readonly Posting[], { now: number; items: BoardItem[] }>();
function boardItems(
  postings: readonly Posting[],
  screen: ScreenProfile,
  now: number,
  hall: HallProfile | undefined,
): BoardItem[] {
  const masked = maskedPhoneText(hall, screen.locale);
  const boothFirst = screen.boothFirst === true;
  const key = `${screen.locale}|${masked}|${boothFirst ? 'booth|' : ''}${screen.filter.occupations.join(',')}|${screen.filter.districts.join(',')}`;
  const make = () => ({
    now,
    items: selectPostings(postings, screen.filter, now, { boothFirst }).map((s) =>
      toBoardItem(s, now, screen.locale, masked),
    ),
  });
  const hit = selections.get(postings, key, make);
  // only the latest moment is kept per filter: a re-plan at another time replaces it
  if (hit.now !== now) Object.assign(hit, make());
  return hit.items;
}

/** A grouped screen's items: its share of the group's, in the screen's own order. */
const shareSets = new WeakMap<GroupSplit, Map<string, Set<string>>>();
function sharedItems(items: BoardItem[], screenId: string, split: GroupSplit): BoardItem[] {
  let byScreen = shareSets.get(split);
  if (!byScreen) {
    byScreen = new Map(split.members.map((m) => [m.screenId, new Set(m.ids)]));
    shareSets.set(split, byScreen);
  }
  const ids = byScreen.get(screenId);
  return ids ? items.filter((it) => ids.has(it.id)) : [];
}

/** Postings a cards or table page holds in `area` (0: the layout does not fit, or is a ticker). */
function pagedCapacity(screen: ScreenProfile, area: Viewport, m: number, items: readonly BoardItem[]): number {
  const frame = frameFor(area, m, screen.locale);
  if (!frame) return 0;
  if (screen.layout === 'cards') {
    const grid = cardGrid(frame, items, screen.locale);
    return grid ? grid.cards.columns * grid.cards.rows : 0;
  }
  const rows = tableLayout(frame, items, screen.locale)?.table.rowsPerPage ?? 0;
  // a ticker strip is a compact table where three rows fit (stripAsTable)
  return screen.layout === 'table' || rows >= STRIP_TABLE_MIN_ROWS ? rows : 0;
}

/** What the group split needs of one screen: postings per page at its own size, page and other pages' dwell. */
function groupMemberOf(screen: ScreenProfile, items: readonly BoardItem[]): GroupMember {
  const viewport = { width: screen.width, height: screen.height };
  const m = glyphFloorPx(screen);
  const { locale } = screen;
  const longest = longestDwellMs(screen.minDwellS, screen.maxDwellS);
  let perPage = pagedCapacity(
    screen,
    { width: viewport.width, height: viewport.height - shareStripHeightPx(m) },
    m,
    items,
  );
  let pageMs = longest;
  if (perPage === 0) {
    // a ticker's pages are cut by text length: estimate from its first postings
    const t = tickerLayout(viewport, m, locale);
    const sample = items.slice(0, TICKER_BLOCK_MIN);
    const pages = t && sample.length > 0 ? tickerPages(sample, t, locale) : [];
    if (pages.length > 0) {
      perPage = Math.max(1, Math.floor(sample.length / pages.length));
      pageMs = Math.max(...pages.map((p) => p.dwellMs));
    }
  }
  const fixedMs = (screen.pulsePage ? longest : 0) + (screen.groupLegend ? longest : 0);
  return { screenId: screen.id, filter: screen.filter, perPage, pageMs, fixedMs, maxCycleMs: maxCycleMsOf(screen) };
}

/**
 * A wall group's split (wall-groups.ts) at `now`: which screen of `screens` (the group's, as
 * configured) shows which of its valid postings. The host makes it once per data change for
 * the whole group and plans each screen with it (PlanInput.group).
 */
export function planGroupSplit(
  groupId: string,
  screens: readonly ScreenProfile[],
  postings: readonly Posting[],
  now: number,
  hall?: HallProfile,
): GroupSplit {
  const valid = new Set<string>();
  const members = screens.map((screen) => {
    const items = boardItems(postings, screen, now, hall);
    for (const it of items) valid.add(it.id);
    return groupMemberOf(screen, items);
  });
  return splitGroup(
    groupId,
    members,
    postings.filter((p) => valid.has(p.id)),
  );
}

/**
 * Turns postings and a screen into pages a board draws as given: sizes never below the
 * legibility minimum, strings already cut to their boxes, dwell per page, one appearance of
 * every matching posting per cycle. Pure and deterministic: same input, same plan, byte for byte.
 */
export function planBoard(input: PlanInput): BoardPlan {
  return planBoardCoded(input).plan;
}

/**
 * planBoard, with the plan as JSON text too (a 20,000-posting plan is 5 MB).
 * `json` is exactly `JSON.stringify(plan)`.
 */
export function planBoardWithJson(input: PlanInput): { plan: BoardPlan; json: string } {
  const coded = planBoardCoded(input);
  return { plan: coded.plan, json: planJson(coded) };
}

/**
 * planBoard, with the plan in the pieces the host sends it in (page-codec.ts): each page's JSON
 * and hash, reused from earlier plans for pages that did not change, and each header field's
 * JSON. The plan id is hashed from those, so no whole-plan JSON is made here.
 */
export function planBoardCoded(input: PlanInput): CodedPlan {
  const { screen, now } = input;
  const shown: Viewport = input.viewport ?? { width: screen.width, height: screen.height };
  const pitch = effectivePitchMm(screen, shown);
  const m = glyphFloorPx({ ...screen, pitchMm: pitch });
  const group = input.group ?? null;
  const allItems = boardItems(input.postings, screen, now, input.hall);
  const items = group ? sharedItems(allItems, screen.id, group.split) : allItems;
  // A grouped screen names its trades on a strip under the header: its content starts lower.
  // (Not when the layout would then not fit: a ticker has no header.)
  let stripPx = group ? shareStripHeightPx(m) : 0;
  if (stripPx > 0 && pagedCapacity(screen, { width: shown.width, height: shown.height - stripPx }, m, items) === 0)
    stripPx = 0;
  const viewport: Viewport = { width: shown.width, height: shown.height - stripPx };

  // Content is laid out above the bottom bands; the plan keeps the real viewport. A screen too
  // small to keep its layout above the bands is planned without them (the banner then covers
  // the bottom of the page for as long as it shows, rather than the page losing its layout).
  let band = bottomBand(m, input.bands);
  let area = viewport;
  let laidOut: ReturnType<typeof layOut> | null = null;
  if (band) {
    const reduced: Viewport = {
      width: viewport.width,
      height: viewport.height - band.urgentHeightPx - band.noticeHeightPx,
    };
    laidOut = reduced.height > 0 ? layOut(input, reduced, m, items) : null;
    if (laidOut?.warnings.length === 0) area = reduced;
    else {
      // Only when the bands cost the layout is the full screen tried (planning is not free).
      const full = layOut(input, viewport, m, items);
      if (laidOut && severity(laidOut.warnings) <= severity(full.warnings)) area = reduced;
      else {
        laidOut = full;
        band = null;
      }
    }
  }
  const { laid, warnings } = laidOut ?? layOut(input, viewport, m, items);

  if (screen.pulsePage && input.pulse) {
    // The pulse page needs the header frame of cards and table; a one-line ticker has none.
    const frame = laid.layout === 'ticker' ? null : frameFor(area, m, screen.locale);
    const pulse = frame && layoutPulsePage(frame, input.pulse, screen.locale, screen.filter.occupations, screen);
    if (pulse) laid.pages.push({ items: [], dwellMs: pulse.dwellMs, pulse: pulse.page });
    else warnings.push('pulse-page-does-not-fit');
  }

  let share: GroupShare | null = null;
  if (group) {
    const { split } = group;
    const frame = laid.layout === 'ticker' || stripPx === 0 ? null : frameFor(area, m, screen.locale);
    const mine = split.members.find((s) => s.screenId === screen.id);
    const strip = frame && shareStrip(frame, mine?.occupations ?? [], screen.locale);
    share = {
      groupId: split.groupId,
      line: strip?.line ?? '',
      fontPx: strip?.fontPx ?? m,
      stripHeightPx: strip ? stripPx : 0,
      occupations: mine?.occupations ?? [],
      screens: split.members.length,
      groupPostings: split.postings,
      groupCapacity: split.capacity,
      screensNeeded: split.shortfall?.screensNeeded ?? null,
    };
    if (split.shortfall) warnings.push('group-cycle-too-long');
    if (screen.groupLegend) {
      const names = new Map(group.screens.map((s) => [s.id, s.name]));
      const rows = split.members.map((s) => ({
        screenId: s.screenId,
        name: names.get(s.screenId) ?? s.screenId,
        occupations: s.occupations,
      }));
      const legend = frame && layoutLegend(frame, rows, screen.id, screen.locale, screen);
      if (legend) laid.pages.push({ items: [], dwellMs: legend.dwellMs, legend: legend.legend });
      else warnings.push('group-legend-does-not-fit');
    }
  }

  const pages: BoardPage[] = [];
  const coded: CodedPage[] = [];
  let at = 0;
  for (const [index, p] of laid.pages.entries()) {
    const body = {
      dwellMs: p.dwellMs,
      items: p.items,
      ...(p.pulse ? { pulse: p.pulse } : {}),
      ...(p.legend ? { legend: p.legend } : {}),
    };
    pages.push({ index, startMs: at, ...body });
    coded.push(codePage(body));
    at += p.dwellMs;
  }
  if (at > maxCycleMsOf(screen)) warnings.push('cycle-too-long');
  // The header's centre is the hall's line for visitors; a ticker's side block has no centre.
  const headerLine =
    laid.layout === 'ticker'
      ? ''
      : hallHeaderLine(
          input.hall,
          screen.locale,
          headerCentreWidthPx(area.width - 2 * laid.geometry.paddingPx, laid.geometry.headerPx, screen.locale),
          laid.geometry.headerPx,
        );

  const header = {
    screenId: screen.id,
    screenName: screen.name,
    headerLine,
    locale: screen.locale,
    layout: laid.layout,
    viewport: { width: shown.width, height: shown.height },
    effectivePitchMm: pitch,
    geometry: band ? { ...laid.geometry, bottomBand: band } : laid.geometry,
    anchorMs: Math.round(input.anchorMs ?? 0),
    cycleMs: at,
    totalItems: items.length,
    dataUpdatedAt: input.dataUpdatedAt === null ? null : Math.round(input.dataUpdatedAt),
    warnings,
    // generatedAt stays out of the id: a re-plan that draws the same thing keeps its id.
    generatedAt: Math.round(now),
    group: share,
  };
  const fields = {} as Record<PlanHeaderField, string>;
  for (const f of PLAN_HEADER_FIELDS) fields[f] = JSON.stringify(header[f]);
  const planId = planIdOf(fields, coded);
  const h = header;
  const plan: BoardPlan = {
    planId,
    screenId: h.screenId,
    screenName: h.screenName,
    headerLine: h.headerLine,
    locale: h.locale,
    layout: h.layout,
    viewport: h.viewport,
    effectivePitchMm: h.effectivePitchMm,
    geometry: h.geometry,
    anchorMs: h.anchorMs,
    cycleMs: h.cycleMs,
    pages,
    totalItems: h.totalItems,
    dataUpdatedAt: h.dataUpdatedAt,
    warnings: h.warnings,
    generatedAt: h.generatedAt,
    group: h.group,
  };
  return { plan, fields, pages: coded };
}
