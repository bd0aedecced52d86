/**
 * What the Electron shell's preload puts on `window.hallShell`, per window role, and the one
 * message a page may send back (the kiosk's confirmation slip). Renderers feature-detect it:
 * in a plain browser `window.hallShell` is undefined and everything works without it.
 *
 *   const kiosk = window.hallShell?.kiosk;
 *   if (kiosk?.printerAvailable) await kiosk.printSlip({ id, number, listingTitle, listingId });
 *
 * The shell validates every message again (electron/windows/ipc-validation.ts), so these
 * schemas are the contract, not a courtesy.
 */
import { z } from 'zod';
import { LIMITS } from './schemas/posting';
import { SignupNumberSchema } from './schemas/signup';

/** Postings printed on a slip under "现在有 N 个适合您的岗位" (the confirmation screen shows three too). */
export const SLIP_MATCHES = 3;

/**
 * One matching posting as the slip prints it, in the kiosk's words (the page wrote them in its
 * language): public posting fields only — the trade and title, the pay, where to ask (district
 * and booth or the employer's phone, as on the boards).
 */
export const SlipMatchSchema = z.strictObject({
  title: z
    .string()
    .trim()
    .min(1)
    .max(LIMITS.title + 24),
  pay: z.string().trim().min(1).max(48),
  where: z.string().trim().min(1).max(96),
});

/**
 * The confirmation slip: the sign-up's number, the posting applied for and the best postings
 * matching the person; the shell adds the date. No phone, no name — a slip is left on counters
 * and in bins, so a strict object refuses any other field.
 */
export const PrintSlipSchema = z.strictObject({
  /** The sign-up's id (receipt.id): the shell prints at most two copies per sign-up. */
  id: z.string().regex(/^[A-Za-z0-9-]{1,64}$/),
  number: SignupNumberSchema,
  listingTitle: z.string().trim().min(1).max(LIMITS.title).nullable().default(null),
  listingId: z
    .string()
    .max(LIMITS.id)
    .regex(/^[A-Za-z0-9._:-]+$/)
    .nullable()
    .default(null),
  /** How many open postings fit the person now ("现在有 N 个"), and the best of them. */
  matchCount: z.number().int().min(0).max(100_000).default(0),
  matches: z.array(SlipMatchSchema).max(SLIP_MATCHES).default([]),
});
export type PrintSlipInput = z.input<typeof PrintSlipSchema>;
export type PrintSlip = z.output<typeof PrintSlipSchema>;

export type PrintSlipFailure =
  /** No receipt printer configured on this hall PC (printerAvailable is false too). */
  | 'no-printer'
  /** Configured, but the OS does not list it (unplugged, driver gone). */
  | 'printer-missing'
  /** The printer or driver reported a failure, or it took too long. */
  | 'failed'
  /** Another slip is printing, too many slips this minute, or this sign-up's copies are used up. */
  | 'busy'
  | 'too-many'
  | 'copies-used'
  /** The message or its sender did not pass the shell's checks. */
  | 'refused';

export type PrintSlipResult = { printed: true } | { printed: false; available: boolean; reason: PrintSlipFailure };

export type ShellRole = 'board' | 'kiosk' | 'staff';

/** `window.hallShell` in every shell window. */
export interface HallShellBridge {
  readonly kind: 'electron';
  readonly role: ShellRole;
  /** Boards: the screen id the shell opened this window for. */
  readonly screenId: string | null;
  /** Only in the kiosk window. */
  readonly kiosk?: KioskBridge;
}

export interface KioskBridge {
  /** A receipt printer is configured on this hall PC (displays.json `receiptPrinter`). */
  readonly printerAvailable: boolean;
  /** Prints the slip silently; never rejects (a failure comes back as `printed: false`). */
  printSlip(slip: PrintSlipInput): Promise<PrintSlipResult>;
}
