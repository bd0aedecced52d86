/**
 * The console's data routes (postings and their spreadsheet import, sign-ups, market pulse).
 * Every route needs the staff Bearer token; every change is written to the staff audit log.
 */
import { z } from 'zod';
import { stripInvisible } from './schemas/invisible-text';
import { OCCUPATION_CODES, type OccupationCode } from './occupations';
import type { Listing } from './schemas/listing';
import type { MarketPulse } from './pulse/market-pulse';

export const STAFF_DATA_ROUTES = {
  postings: '/api/staff/postings',
  posting: '/api/staff/postings/:id',
  hide: '/api/staff/postings/:id/hide',
  unhide: '/api/staff/postings/:id/unhide',
  importPostings: '/api/staff/postings/import',
  importTemplate: '/api/staff/postings/import/template.csv',
  signups: '/api/staff/signups',
  signupReveal: '/api/staff/signups/:id/reveal',
  signupContacted: '/api/staff/signups/:id/contacted',
  signupsExport: '/api/staff/signups/export.csv',
  signupsRetention: '/api/staff/signups/retention',
  signupsPurge: '/api/staff/signups/purge',
  pulse: '/api/staff/pulse',
  pulseSettings: '/api/staff/pulse/settings',
  pulseScreen: '/api/staff/pulse/screens/:id',
} as const;

/** Ids the hall gives postings it made itself; upstream ids never start like this. */
export const LOCAL_ID_PREFIX = 'local-';
export const IMPORT_ID_PREFIX = 'imp-';

export function isHallPosting(id: string): boolean {
  return id.startsWith(LOCAL_ID_PREFIX) || id.startsWith(IMPORT_ID_PREFIX);
}

const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

export const PostingQuerySchema = z.strictObject({
  q: z.string().trim().max(50).optional(),
  occupation: z.enum(OCCUPATION_CODES).optional(),
  district: z.string().regex(/^\d{6}$/).optional(),
  /** `shown`: on the boards; `hidden`: taken off by staff; `all`. */
  visibility: z.enum(['all', 'shown', 'hidden']).default('all'),
  /** Include postings that expired or have not started. */
  includeExpired: flag.default(false),
  /** Only postings this hall made (window or import). */
  hallOnly: flag.default(false),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type PostingQuery = z.infer<typeof PostingQuerySchema>;

export interface StaffPosting extends Listing {
  hidden: boolean;
  /** Made by this hall (window or import), so staff may edit it. */
  editable: boolean;
}

export interface PostingsResponse {
  postings: StaffPosting[];
  total: number;
  serverNow: number;
}

/** What staff fill in for a posting of their own; the host adds id, revision, source and time. */
export const LOCAL_POSTING_FIELDS = [
  'employerName', 'employerKind', 'employerVerified', 'title', 'occupation', 'description', 'requirements',
  'payMin', 'payMax', 'payUnit', 'settlement', 'headcount', 'employmentType', 'districtCode', 'address',
  'workTime', 'contactName', 'contactPhone', 'maskPhone', 'validFrom', 'validUntil', 'urgent',
] as const;

export const IMPORT_PROBLEMS = [
  'missing', 'markup', 'bad_number', 'bad_phone', 'unknown_district', 'bad_choice', 'bad_date', 'bad_id', 'duplicate_id', 'invalid',
] as const;

/** One reason a row was refused: which column, a code the console translates, and an English message. */
export interface ImportProblem {
  /** The column's header as the file has it (or the field name when the column is missing). */
  column: string;
  code: (typeof IMPORT_PROBLEMS)[number];
  message: string;
}

export interface ImportRowError {
  /** Spreadsheet row number as the spreadsheet program shows it (the header is row 1). */
  row: number;
  /** The row's id column, when it had one. */
  id: string | null;
  reasons: ImportProblem[];
}

export interface ImportReport {
  fileName: string;
  format: 'csv' | 'xlsx';
  /** How the file's text was decoded (CSV only). */
  encoding: 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be' | null;
  /** Data rows read (empty rows not counted). */
  rows: number;
  /** New or changed postings written. */
  imported: number;
  /** Rows identical to what the hall already has. */
  unchanged: number;
  rejected: ImportRowError[];
  /** Columns of the header the import did not recognise (ignored). */
  ignoredColumns: string[];
  /** True for a dry run: nothing was written. */
  dryRun: boolean;
}

export interface SignupView {
  id: string;
  number: string;
  /** Masked unless this is the answer to an audited reveal. */
  phone: string;
  name: string;
  occupations: OccupationCode[];
  districts: string[];
  availability: string[];
  expectedPay: number | null;
  payUnit: string | null;
  listingId: string | null;
  listingTitle: string | null;
  kioskId: string;
  createdAt: number;
  contactedAt: number | null;
  contactedBy: string | null;
  /** Upstream has acked it (its outbox item was delivered). */
  delivered: boolean;
  /** Purged on or after this time (the retention period from createdAt). */
  purgeAfter: number;
}

/**
 * What the console's sign-up search takes: a sign-up number (`A-0427`), the last 4 digits of a
 * phone, or a whole mobile number. Never a name or part of a number: a masked phone would
 * otherwise be recovered a digit at a time. Searches by phone are audited.
 */
export const SignupSearchSchema = z
  .string()
  .transform((q) => q.replace(/\s+/g, '').toUpperCase())
  .pipe(
    z.union(
      [
        z.string().regex(/^[A-Z]-\d{4,}$/).transform((value) => ({ by: 'number' as const, value })),
        z.string().regex(/^\d{4}$/).transform((value) => ({ by: 'last4' as const, value })),
        z.string().regex(/^1\d{2}-?\d{4}-?\d{4}$/).transform((value) => ({ by: 'phone' as const, value: value.replace(/-/g, '') })),
      ],
      { error: 'search by sign-up number (A-0427), the last 4 digits of a phone, or a whole mobile number' },
    ),
  );
export type SignupSearch = z.output<typeof SignupSearchSchema>;

export const SignupQuerySchema = z.strictObject({
  q: SignupSearchSchema.optional(),
  occupation: z.enum(OCCUPATION_CODES).optional(),
  contacted: z.enum(['all', 'yes', 'no']).default('all'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type SignupQuery = z.infer<typeof SignupQuerySchema>;

export interface SignupsResponse {
  signups: SignupView[];
  total: number;
  retentionDays: number;
  lastPurge: PurgeReport | null;
  serverNow: number;
}

export const RevealInputSchema = z.strictObject({
  /** Why staff need the number (kept in the audit log). */
  reason: z.string().overwrite(stripInvisible).trim().min(2, { message: 'say why (at least 2 characters)' }).max(100).refine((s) => !/[<>]/.test(s), { message: 'plain text only' }),
});

export const ContactedInputSchema = z.strictObject({ contacted: z.boolean() });

export const ExportQuerySchema = z.strictObject({
  reveal: flag.default(false),
  reason: z.string().overwrite(stripInvisible).trim().max(100).optional(),
});

export const RetentionInputSchema = z.strictObject({ days: z.number().int().min(1).max(3650) });

export interface PurgeReport {
  at: number;
  cutoff: number;
  /** Sign-ups deleted. */
  removed: number;
  /** Delivered outbox items of purged sign-ups deleted (their copy of the personal data). */
  outboxRemoved: number;
  /** Outbox items of purged sign-ups still waiting for upstream; removed once delivered. */
  outboxWaiting: number;
  /**
   * Outbox items past retention that never reached the platform, dropped with their copy of
   * the personal data (the platform will not get these sign-ups; the purge's audit row says so).
   */
  outboxDropped: number;
  by: string | null;
}

export const PulseSettingsSchema = z.strictObject({
  minDemand: z.number().int().min(1).max(10_000),
  windowDays: z.number().int().min(1).max(365),
});
export type PulseSettings = z.infer<typeof PulseSettingsSchema>;

export const PulseScreenInputSchema = z.strictObject({ pulsePage: z.boolean() });

export interface PulseResponse {
  pulse: MarketPulse;
  settings: PulseSettings;
  /** The local day of the year-ago snapshot compared with, or null when there is none. */
  yearAgoDay: string | null;
  screens: { id: string; name: string; pulsePage: boolean; layout: string }[];
}
