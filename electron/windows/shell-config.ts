import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { parseQuietHours } from './nightly-reload';
import type { ReceiptPrinter } from './slip';
import { DEFAULT_STAFF_CHORD, parseChord } from './staff-access';

/**
 * Which display shows what, read from `displays.json` in the hall's data dir:
 *
 * ```json
 * { "displays": [
 *     { "match": { "label": "LED-1" }, "role": "board", "screenId": "1" },
 *     { "match": { "id": 2779098405 }, "role": "kiosk" },
 *     { "match": { "width": 1920, "height": 1080, "x": 0 }, "role": "staff" },
 *     { "match": { "label": "DELL U2419H" }, "role": "none" } ],
 *   "unmatched": "auto",
 *   "staffChord": "Ctrl+Alt+Shift+S",
 *   "staffIdleMinutes": 5,
 *   "nightlyReload": "03:00-04:00",
 *   "memoryBudgetMb": 1200,
 *   "receiptPrinter": "EPSON TM-T88V Receipt" }
 * ```
 *
 * Entries are tried in order and the first match wins. `unmatched` decides displays no entry
 * matches: `auto` (boards in screen order, a touch display becomes the kiosk), `board` (boards
 * only) or `none` (leave them dark, e.g. the operator's own monitor). `staffChord` opens the
 * staff console over a wall or the kiosk; it closes after `staffIdleMinutes` without input.
 * `nightlyReload` (local time, or null for never) reloads every window once a night inside the
 * hall's closed hours; a window whose renderer stays above `memoryBudgetMb` is recycled (a
 * board at its next page change). `receiptPrinter` (the OS printer name, or
 * `{ "name": …, "paperWidthMm": 58 }` for a narrow roll) makes the kiosk print its confirmation
 * slip silently; without it the kiosk simply shows the number.
 */
export const DisplayMatchSchema = z.union([
  z.strictObject({ id: z.number().int() }),
  z.strictObject({ label: z.string().min(1).max(200) }),
  z.strictObject({
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    x: z.number().int().optional(),
    y: z.number().int().optional(),
  }),
]);
export type DisplayMatch = z.infer<typeof DisplayMatchSchema>;

const PrinterNameSchema = z.string().trim().min(1).max(200);

const ScreenIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, { message: '1–32 letters, digits, _ or -' });

export const DisplayRuleSchema = z.discriminatedUnion('role', [
  z.strictObject({ match: DisplayMatchSchema, role: z.literal('board'), screenId: ScreenIdSchema }),
  z.strictObject({ match: DisplayMatchSchema, role: z.literal('kiosk') }),
  z.strictObject({ match: DisplayMatchSchema, role: z.literal('staff') }),
  z.strictObject({ match: DisplayMatchSchema, role: z.literal('none') }),
]);
export type DisplayRule = z.infer<typeof DisplayRuleSchema>;

export const ShellConfigSchema = z.strictObject({
  displays: z.array(DisplayRuleSchema).max(64).default([]),
  unmatched: z.enum(['auto', 'board', 'none']).default('auto'),
  staffChord: z
    .string()
    .default(DEFAULT_STAFF_CHORD)
    .superRefine((text, ctx) => {
      try {
        parseChord(text);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
      }
    }),
  staffIdleMinutes: z.number().min(1).max(240).default(5),
  nightlyReload: z
    .string()
    .nullable()
    .default('03:00-04:00')
    .superRefine((text, ctx) => {
      if (text === null) return;
      try {
        parseQuietHours(text);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
      }
    }),
  memoryBudgetMb: z.number().int().min(128).max(16_384).default(1200),
  receiptPrinter: z
    .union([
      PrinterNameSchema.transform((name): ReceiptPrinter => ({ name, paperWidthMm: 80 })),
      z.strictObject({ name: PrinterNameSchema, paperWidthMm: z.union([z.literal(58), z.literal(80)]).default(80) }),
    ])
    .nullable()
    .default(null),
});
export type ShellConfig = z.infer<typeof ShellConfigSchema>;

export const DEFAULT_SHELL_CONFIG: ShellConfig = {
  displays: [],
  unmatched: 'auto',
  staffChord: DEFAULT_STAFF_CHORD,
  staffIdleMinutes: 5,
  nightlyReload: '03:00-04:00',
  memoryBudgetMb: 1200,
  receiptPrinter: null,
};
export const SHELL_CONFIG_FILE = 'displays.json';

export class ShellConfigError extends Error {
  override readonly name = 'ShellConfigError';
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(message);
  }
}

/** Parses the text of displays.json; throws ShellConfigError naming the file and the fields. */
export function parseShellConfig(text: string, file = SHELL_CONFIG_FILE): ShellConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ShellConfigError(`parseShellConfig: ${file} is not JSON (${(error as Error).message})`, file);
  }
  const parsed = ShellConfigSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new ShellConfigError(`parseShellConfig: ${file} is invalid — ${issues.join('; ')}`, file);
  }
  return parsed.data;
}

export interface LoadedShellConfig {
  config: ShellConfig;
  /** Why the defaults are in use, when they are (missing file is normal and gives no warning). */
  warning: string | null;
}

/**
 * Reads displays.json from the data dir. A missing file means "defaults"; a broken one also
 * falls back to defaults, with a warning, because a typo must not leave a hall's walls dark.
 */
export async function loadShellConfig(dataDir: string): Promise<LoadedShellConfig> {
  const file = join(dataDir, SHELL_CONFIG_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { config: DEFAULT_SHELL_CONFIG, warning: null };
    return {
      config: DEFAULT_SHELL_CONFIG,
      warning: `loadShellConfig: cannot read ${file}: ${(error as Error).message}`,
    };
  }
  try {
    return { config: parseShellConfig(text, file), warning: null };
  } catch (error) {
    return { config: DEFAULT_SHELL_CONFIG, warning: (error as Error).message };
  }
}
