/**
 * Proof of play in the console (part of the route map, hall-routes.ts): how often and how long
 * each posting was on a painted board page (electron/host/play/), for the postings page and as
 * an employer report. Counts only: no phones, no names of sign-ups.
 */
import { z } from 'zod';
import { defineRoute } from './define-route';

const DAY = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day is YYYY-MM-DD');

/** `GET /api/staff/play/summary?ids=a,b,c`: the last `days` hall days (today included). */
export const PlaySummaryQuerySchema = z.strictObject({
  ids: z
    .string()
    .max(20_000)
    .transform((s) => [...new Set(s.split(',').filter((id) => id !== ''))])
    .pipe(z.array(z.string().max(100)).max(200)),
  days: z.coerce.number().int().min(1).max(366).default(7),
});

export const PlayTotalsSchema = z.object({
  postingId: z.string(),
  shows: z.number().int().nonnegative(),
  screens: z.number().int().nonnegative(),
  /** Whole minutes, rounded. */
  minutes: z.number().int().nonnegative(),
});
export type PlayTotalsView = z.infer<typeof PlayTotalsSchema>;

export const PlaySummarySchema = z.object({
  from: DAY,
  to: DAY,
  postings: z.array(PlayTotalsSchema),
});
export type PlaySummary = z.infer<typeof PlaySummarySchema>;

/** The employer report: hall days `from`–`to`, optionally one employer's postings (name contains). */
export const PlayReportQuerySchema = z
  .strictObject({
    from: DAY,
    to: DAY,
    employer: z.string().trim().max(100).optional(),
  })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['from'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 366 * 86_400_000, {
    message: 'a report covers at most 366 days',
    path: ['to'],
  });
export type PlayReportQuery = z.infer<typeof PlayReportQuerySchema>;

export const PlayReportRowSchema = PlayTotalsSchema.extend({
  title: z.string(),
  employerName: z.string(),
  /** Sign-ups at the kiosk for this posting in the report's days. */
  signups: z.number().int().nonnegative(),
});
export type PlayReportRow = z.infer<typeof PlayReportRowSchema>;

export const PlayReportSchema = z.object({
  from: DAY,
  to: DAY,
  employer: z.string().nullable(),
  generatedAt: z.number().int(),
  rows: z.array(PlayReportRowSchema),
  /** Rows left out past the cap (the report lists the most shown first). */
  omitted: z.number().int().nonnegative(),
});
export type PlayReport = z.infer<typeof PlayReportSchema>;

export const PLAY_ROUTES = {
  playSummary: defineRoute({
    method: 'GET',
    path: '/api/staff/play/summary',
    auth: 'staff',
    label: 'play summary',
    query: PlaySummaryQuerySchema,
    response: PlaySummarySchema,
  }),
  playReport: defineRoute({
    method: 'GET',
    path: '/api/staff/play/report',
    auth: 'staff',
    label: 'play report',
    query: PlayReportQuerySchema,
    response: PlayReportSchema,
  }),
  playReportCsv: defineRoute({
    method: 'GET',
    path: '/api/staff/play/report.csv',
    auth: 'staff',
    label: 'play report',
    query: PlayReportQuerySchema,
    response: 'file',
  }),
} as const;
