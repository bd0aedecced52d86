import { z } from 'zod';
import { typedText } from './invisible-text';

const text = (max: number) => typedText().max(max);

/**
 * The hall's own words on the visitor-facing screens (data dir `hall.json`): the boards' header
 * line — the hall's name, its service hotline and where to sign up — what a board says in
 * place of a phone the employer asked to keep off the wall, and how often an urgent posting's
 * takeover comes back. Every field is optional; an empty
 * one is left out of the header, and the two sentences fall back to the defaults in
 * shared/planner/hall-line.ts (per locale).
 */
export const HallProfileSchema = z
  .object({
    /** e.g. 上饶市零工市场 */
    name: text(30).optional(),
    /** e.g. 0793-8208000; digits, spaces and dashes only, it is read aloud and dialled. */
    hotline: text(20)
      .regex(/^[0-9 -]*$/, { message: 'digits, spaces and "-" only' })
      .optional(),
    /** e.g. 到自助机报名 */
    callToAction: text(20).optional(),
    /** Where people sign up in person, e.g. 3号服务窗口: an unpaired kiosk sends visitors there. */
    serviceWindow: text(20).optional(),
    /** The hall's own sign-up page (http/https), shown as a QR code on a kiosk that cannot take sign-ups. */
    signupUrl: text(300)
      .regex(/^https?:\/\/[^\s]+$/, { message: 'an http:// or https:// address' })
      .optional(),
    /** Shown instead of a masked phone, e.g. 电话请到服务窗口咨询. */
    maskedPhoneText: text(20).optional(),
    /** How often a live urgent posting takes over the screens again, s (default 120; 0: only when new). */
    urgentTakeoverEveryS: z
      .number()
      .int()
      .min(0)
      .max(3600)
      .refine((s) => s === 0 || s >= 10, { message: '0 (only when new) or at least 10 seconds' })
      .optional(),
  })
  .strict();
export type HallProfile = z.infer<typeof HallProfileSchema>;
