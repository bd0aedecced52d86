/**
 * The console's call list (待通知) and the outcomes of matches: what the host's matching routes
 * (electron/host/matching/match-routes.ts) answer. The person is masked as on the sign-ups
 * page; the phone comes only through the sign-ups' audited reveal. Never on a board or a
 * public route.
 */
import { z } from 'zod';
import { OCCUPATION_CODES } from './occupations';
import { PAY_UNITS, SETTLEMENTS } from './schemas/posting-enums';
import { PublicPostingSchema } from './schemas/public-posting';

/** 已通知, 未接通, 不合适, 已上岗. */
export const MATCH_OUTCOMES = ['notified', 'unreachable', 'unsuitable', 'placed'] as const;
export type MatchOutcome = (typeof MATCH_OUTCOMES)[number];

/** A match's outbox and submission type: one item per outcome staff record. */
export const MATCH_OUTCOME_OUTBOX_TYPE = 'match-outcome';

const count = z.number().int().nonnegative();
/** The host's clock when it answered. */
const stamped = { serverNow: z.number().int() };

export const MatchReasonSchema = z.object({
  key: z.templateLiteral(['match.reason.', z.string()]),
  params: z.record(z.string(), z.string()).optional(),
});

export const MatchViewSchema = z.object({
  signupId: z.string(),
  number: z.string(),
  /** Masked (`138****8000`, `张*`). */
  phone: z.string(),
  name: z.string(),
  signedUpAt: z.number().int(),
  postingId: z.string(),
  title: z.string(),
  occupation: z.enum(OCCUPATION_CODES),
  employerName: z.string(),
  districtCode: z.string(),
  payMin: z.number(),
  payMax: z.number().nullable(),
  payUnit: z.enum(PAY_UNITS),
  settlement: z.enum(SETTLEMENTS),
  score: z.number().int(),
  reasons: z.array(MatchReasonSchema),
  matchedAt: z.number().int(),
  validUntil: z.number().int(),
  outcome: z.enum(MATCH_OUTCOMES).nullable(),
  outcomeAt: z.number().int().nullable(),
  outcomeBy: z.string().nullable(),
});
export type MatchView = z.infer<typeof MatchViewSchema>;

/** `open`: to call (no outcome yet, or 未接通 — call again); `done`: the rest; the posting still valid. */
export const MatchQueueQuerySchema = z.strictObject({
  status: z.enum(['open', 'done', 'all']).default('open'),
  occupation: z.enum(OCCUPATION_CODES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type MatchQueueQuery = z.infer<typeof MatchQueueQuerySchema>;

export const MatchQueueResponseSchema = z.object({
  matches: z.array(MatchViewSchema),
  total: count,
  ...stamped,
});
export type MatchQueueResponse = z.infer<typeof MatchQueueResponseSchema>;

export const MatchParamsSchema = z.object({ signupId: z.string(), postingId: z.string() });

export const MatchOutcomeInputSchema = z.strictObject({ outcome: z.enum(MATCH_OUTCOMES) });

/** Per trade: people with at least one match, median time from sign-up to 已通知, 已上岗. */
export const MatchPulseRowSchema = z.object({
  occupation: z.enum(OCCUPATION_CODES),
  signupsMatched: count,
  notified: count,
  medianToNotifiedMs: count.nullable(),
  placed: count,
});
export type MatchPulseRow = z.infer<typeof MatchPulseRowSchema>;

export const MatchPulseResponseSchema = z.object({
  trades: z.array(MatchPulseRowSchema),
  /** Days the figures look back (sign-ups made since). */
  windowDays: z.number().int().positive(),
  ...stamped,
});
export type MatchPulseResponse = z.infer<typeof MatchPulseResponseSchema>;

/**
 * What the kiosk's confirmation shows right after a sign-up: how many open matches the person
 * has now and the best few postings (public fields only), each with its reasons. The posting
 * signed up for is left out: the others like it are what to show.
 */
export const KioskMatchesSchema = z.object({
  count,
  postings: z.array(z.object({ posting: PublicPostingSchema, reasons: z.array(MatchReasonSchema) })).max(10),
});
export type KioskMatches = z.infer<typeof KioskMatchesSchema>;
