import { z } from 'zod';
import { BOARD_LAYOUTS } from './screen';
import { OCCUPATION_CODES } from '../occupations';
import { SETTLEMENTS } from './posting-enums';
import { PulsePageSchema } from './pulse-page';

/**
 * One posting as a board draws it: every string already formatted and cut by the planner to
 * fit its box at the plan's font sizes, so the renderer never measures or decides anything.
 */
export const BoardItemSchema = z.object({
  id: z.string(),
  occupation: z.enum(OCCUPATION_CODES),
  title: z.string(),
  pay: z.string(),
  settlement: z.enum(SETTLEMENTS),
  settlementText: z.string(),
  district: z.string(),
  employer: z.string(),
  phone: z.string(),
  headcount: z.string(),
  /** Posted (validFrom) within the last 24 h of the plan's generation. */
  isNew: z.boolean(),
  urgent: z.boolean(),
  verified: z.boolean(),
  /** Cards: the badges stand at the start of the third line, the whole title did not fit beside them. */
  badgesBelow: z.literal(true).optional(),
  /** The employer's booth in the hall today (`A12`), never cut; absent when none. */
  booth: z.string().optional(),
});
export type BoardItem = z.infer<typeof BoardItemSchema>;

/**
 * The legend page of a wall group: "which screen has which trade", one row per screen of the
 * group (screen name, then its trades, already cut to whole trades with "等N类"). Sizes ≥ the
 * plan's minGlyphPx.
 */
export const GroupLegendSchema = z.object({
  title: z.string(),
  titlePx: z.number().int().positive(),
  bodyPx: z.number().int().positive(),
  rowHeightPx: z.number().int().positive(),
  /** Width of the screen-name column. */
  nameWidthPx: z.number().int().positive(),
  rows: z.array(z.object({ screenId: z.string(), name: z.string(), trades: z.string(), self: z.boolean() })).max(200),
});
export type GroupLegend = z.infer<typeof GroupLegendSchema>;

/**
 * What a grouped screen shows of its group: the line under the header ("本屏：建筑工地 · 搬运装卸",
 * cut to whole trades) and the numbers behind it. Null on a screen of no group.
 */
export const GroupShareSchema = z.object({
  groupId: z.string(),
  line: z.string(),
  fontPx: z.number().int().positive(),
  /** The strip's height under the header, its gap included: the content starts this much lower. */
  stripHeightPx: z.number().int().nonnegative(),
  occupations: z.array(z.enum(OCCUPATION_CODES)),
  screens: z.number().int().positive(),
  /** The group's postings, and how many its screens can show within target together. */
  groupPostings: z.number().int().nonnegative(),
  groupCapacity: z.number().int().nonnegative(),
  /** Screens like these the group needs when it is short (null: enough, or none would do). */
  screensNeeded: z.number().int().positive().nullable(),
});
export type GroupShare = z.infer<typeof GroupShareSchema>;

export const BoardPageSchema = z.object({
  index: z.number().int().nonnegative(),
  /** Offset of this page's start within the cycle. */
  startMs: z.number().int().nonnegative(),
  dwellMs: z.number().int().positive(),
  items: z.array(BoardItemSchema),
  /** Present on the market-pulse page (screens with `pulsePage`); that page has no items. */
  pulse: PulsePageSchema.optional(),
  /** Present on a wall group's legend page (screens with `groupLegend`); that page has no items. */
  legend: GroupLegendSchema.optional(),
});
export type BoardPage = z.infer<typeof BoardPageSchema>;

export const TABLE_COLUMNS = ['title', 'pay', 'settlement', 'district', 'employer', 'booth', 'phone'] as const;
export type TableColumn = (typeof TABLE_COLUMNS)[number];

/** Pixel geometry in CSS px of the page's viewport. All font sizes are ≥ `minGlyphPx`. */
export const BoardGeometrySchema = z.object({
  /** Smallest text the planner ever uses on this screen (DOMAIN.md legibility). */
  minGlyphPx: z.number().int().positive(),
  /** Body text size; ≥ minGlyphPx. */
  bodyPx: z.number().int().positive(),
  /** Title and pay text size; ≥ bodyPx. */
  titlePx: z.number().int().positive(),
  /** Header (clock, page indicator, "updated") text size; ≥ minGlyphPx. */
  headerPx: z.number().int().positive(),
  /** Line height as a multiple of the font size (1.35–1.7). */
  lineHeight: z.number().min(1.35).max(1.7),
  headerHeightPx: z.number().int().nonnegative(),
  paddingPx: z.number().int().nonnegative(),
  gapPx: z.number().int().nonnegative(),
  cards: z
    .object({
      columns: z.number().int().positive(),
      rows: z.number().int().positive(),
      cardWidthPx: z.number().int().positive(),
      cardHeightPx: z.number().int().positive(),
    })
    .nullable(),
  table: z
    .object({
      columns: z.array(z.object({ key: z.enum(TABLE_COLUMNS), widthPx: z.number().int().positive() })),
      rowHeightPx: z.number().int().positive(),
      rowsPerPage: z.number().int().positive(),
    })
    .nullable(),
  /**
   * Bands along the bottom edge for the urgent banner (above) and the hall notice line (below),
   * present only while one of them is live for this screen. The content above is laid out to
   * end where the bands begin, so a banner never covers a posting's phone number.
   */
  bottomBand: z
    .object({
      urgentFontPx: z.number().int().positive(),
      urgentHeightPx: z.number().int().nonnegative(),
      noticeFontPx: z.number().int().positive(),
      noticeHeightPx: z.number().int().nonnegative(),
    })
    .optional(),
  ticker: z
    .object({
      /** Scroll speed; a page's text enters at the right edge at its start and has left by its end. */
      speedPxPerS: z.number().positive(),
      lineHeightPx: z.number().int().positive(),
      /** Width of the fixed block on the left (clock, page indicator); 0 when there is none. */
      sideWidthPx: z.number().int().nonnegative(),
    })
    .nullable(),
});
export type BoardGeometry = z.infer<typeof BoardGeometrySchema>;

export const PLAN_WARNINGS = [
  /** The whole cycle is longer than the screen's maxCycleS: group it with other screens, filter it or shorten its dwell. */
  'cycle-too-long',
  /** The screen's wall group cannot show its postings within maxCycleS even together: add a screen, a filter or a shorter dwell. */
  'group-cycle-too-long',
  /** The group legend page asked for does not fit the screen at the minimum size. */
  'group-legend-does-not-fit',
  /** Not even one line fits at the minimum glyph size: the screen shows a notice instead. */
  'screen-too-small',
  /** The configured layout did not fit one posting at the minimum size; the ticker is used. */
  'layout-degraded-to-ticker',
  /** The screen asked for the market-pulse page but it does not fit (or the layout is a ticker). */
  'pulse-page-does-not-fit',
] as const;

export const BoardPlanSchema = z.object({
  /** Changes whenever anything a screen would draw changes; heartbeats echo it. */
  planId: z.string(),
  screenId: z.string(),
  screenName: z.string(),
  /**
   * The header's centre for visitors: the hall's name, hotline and where to sign up, as many
   * parts as fit whole at the header size ('' on a ticker, or when none fits).
   */
  headerLine: z.string().max(200),
  locale: z.enum(['zh-CN', 'en']),
  layout: z.enum(BOARD_LAYOUTS),
  viewport: z.object({ width: z.number().int(), height: z.number().int() }),
  effectivePitchMm: z.number().positive(),
  geometry: BoardGeometrySchema,
  /**
   * Rotation is a pure function of time: the page shown at `now` is the one whose
   * [startMs, startMs + dwellMs) contains `(now - anchorMs) mod cycleMs`.
   */
  anchorMs: z.number().int(),
  cycleMs: z.number().int().nonnegative(),
  pages: z.array(BoardPageSchema),
  totalItems: z.number().int().nonnegative(),
  generatedAt: z.number().int(),
  /** When the postings were last changed (local edit or upstream sync); shown as "updated HH:MM". */
  dataUpdatedAt: z.number().int().nullable(),
  warnings: z.array(z.enum(PLAN_WARNINGS)),
  /** The screen's share of its wall group (absent from plans of hosts before groups). */
  group: GroupShareSchema.nullable().optional(),
});
export type BoardPlan = z.infer<typeof BoardPlanSchema>;

/** A page of a patch: a page without its index and start (both follow from the pages before it). */
export const PlanPatchPageSchema = BoardPageSchema.omit({ index: true, startMs: true });

/** Caps on what a patch may say (a plan of 20,000 postings has about 1,800 pages). */
const MAX_PATCH_OPS = 100_000;

/**
 * A live change for a page that holds plan `basePlanId` (board event `plan-patch`; a page opts
 * in at the handshake with `auth.planPatch`). `set` holds the top-level fields that changed;
 * `pages` is the new plan's pages in order, each either `[from, count]` (that many of the base
 * plan's pages, from index `from`, unchanged) or a page written out. Every page's index and
 * start are then its position and the sum of the dwells before it. A page that does not hold
 * the base asks for the whole plan (`plan-resync`).
 */
export const PlanPatchSchema = z.object({
  planId: z.string().max(100),
  basePlanId: z.string().max(100),
  set: BoardPlanSchema.omit({ planId: true, pages: true }).partial().strict(),
  pages: z
    .array(z.union([z.tuple([z.number().int().nonnegative(), z.number().int().positive()]), PlanPatchPageSchema]))
    .max(MAX_PATCH_OPS),
  pageCount: z.number().int().nonnegative(),
});
export type PlanPatch = z.infer<typeof PlanPatchSchema>;
