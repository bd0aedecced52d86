import { z } from 'zod';
import { OCCUPATION_CODES } from '../occupations';
import { typedText } from './invisible-text';

export const BOARD_LAYOUTS = ['cards', 'table', 'ticker'] as const;
export type BoardLayout = (typeof BOARD_LAYOUTS)[number];

/** Which legibility rule of thumb sets the minimum character height (DOMAIN.md, "LED legibility"). */
export const LEGIBILITY_RULES = ['inch-per-10ft', 'ada', 'led-sign'] as const;
export type LegibilityRule = (typeof LEGIBILITY_RULES)[number];

export const ScreenFilterSchema = z
  .object({
    occupations: z.array(z.enum(OCCUPATION_CODES)).max(20).default([]),
    districts: z
      .array(z.string().regex(/^\d{6}$/))
      .max(50)
      .default([]),
  })
  .default({ occupations: [], districts: [] });
export type ScreenFilter = z.infer<typeof ScreenFilterSchema>;

/** A screen's id (screens.json, `/board/:screenId`, a board's socket): 1–32 letters, digits, _ or -. */
export const SCREEN_ID = /^[A-Za-z0-9_-]{1,32}$/;
/** A wall group's name, spelt like a screen id. */
export const GROUP_ID = SCREEN_ID;
const ID_MESSAGE = '1–32 letters, digits, _ or -';
export const ScreenIdSchema = z.string().regex(SCREEN_ID, { message: ID_MESSAGE });
/** DOMAIN.md: a whole cycle should stay within 2–3 minutes; a visitor waits at most this long. */
export const DEFAULT_MAX_CYCLE_S = 150;
const MIN_CYCLE_S = 30;
const MAX_CYCLE_S = 1800;

/**
 * A board screen as configured by staff (data dir `screens.json`). `width`/`height` are the
 * physical LED pixels; with `pitchMm` they fix the physical size of the wall, which is what the
 * planner keeps legible even when the page is shown at another resolution.
 */
export const ScreenProfileSchema = z.object({
  id: ScreenIdSchema,
  name: typedText().min(1).max(40),
  width: z.number().int().min(64).max(16_384),
  height: z.number().int().min(16).max(16_384),
  pitchMm: z.number().min(0.5).max(20),
  viewingDistanceM: z.number().min(1).max(50),
  layout: z.enum(BOARD_LAYOUTS),
  legibilityRule: z.enum(LEGIBILITY_RULES).default('ada'),
  filter: ScreenFilterSchema,
  locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
  /** Page dwell bounds in seconds (DOMAIN.md: 8–20 s). */
  minDwellS: z.number().min(3).max(120).default(8),
  maxDwellS: z.number().min(3).max(300).default(20),
  /** Adds the market-pulse page (trades short of workers, today's demand) to the rotation. */
  pulsePage: z.boolean().optional(),
  /**
   * A wall group (DESIGN.md "Boards"): screens naming the same group share its postings out
   * among them (shared/planner/wall-groups.ts), each showing its own trades, so that no
   * screen's cycle grows past `maxCycleS`.
   */
  group: z.string().regex(GROUP_ID, { message: ID_MESSAGE }).optional(),
  /** The longest a whole cycle may take, in seconds (absent: DEFAULT_MAX_CYCLE_S). */
  maxCycleS: z.number().int().min(MIN_CYCLE_S).max(MAX_CYCLE_S).optional(),
  /** Adds the group's "which screen has which trade" page to the rotation (grouped screens only). */
  groupLegend: z.boolean().optional(),
  /** Postings whose employer has a booth in the hall today come first (select-postings.ts). */
  boothFirst: z.boolean().optional(),
});
export type ScreenProfile = z.infer<typeof ScreenProfileSchema>;
export type ScreenProfileInput = z.input<typeof ScreenProfileSchema>;

/** The screen's cycle target in ms. */
export function maxCycleMsOf(screen: Pick<ScreenProfile, 'maxCycleS'>): number {
  return (screen.maxCycleS ?? DEFAULT_MAX_CYCLE_S) * 1000;
}

export const ScreensFileSchema = z.object({
  screens: z.array(ScreenProfileSchema).min(1).max(200),
});

/** Out of the box: one 1920×1080 P2.5 wall read from 8 m, showing cards. */
export const DEFAULT_SCREEN: ScreenProfile = {
  id: '1',
  name: '大厅主屏',
  width: 1920,
  height: 1080,
  pitchMm: 2.5,
  viewingDistanceM: 8,
  layout: 'cards',
  legibilityRule: 'ada',
  locale: 'zh-CN',
  filter: { occupations: [], districts: [] },
  minDwellS: 8,
  maxDwellS: 20,
};

/** The page's real viewport in CSS pixels, as reported by the board page. */
export const ViewportSchema = z.object({
  width: z.number().int().min(16).max(16_384),
  height: z.number().int().min(16).max(16_384),
});
export type Viewport = z.infer<typeof ViewportSchema>;
