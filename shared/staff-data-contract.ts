/**
 * The schemas of the console's data routes (postings and their spreadsheet import, sign-ups,
 * market pulse), the building blocks of shared/api/hall-routes.ts. Every route needs the staff
 * Bearer token; every change is written to the staff audit log.
 */
import { z } from 'zod';
import { typedText } from './schemas/invisible-text';
import { OCCUPATION_CODES } from './occupations';
import { PostingSchema } from './schemas/posting';
import { POSTING_SEARCH_FIELDS } from './contract';
import { MarketPulseSchema } from './pulse/market-pulse-schema';
import { IMPORT_MESSAGES } from './import-messages';

/** Ids the hall gives postings it made itself; upstream ids never start like this. */
export const LOCAL_ID_PREFIX = 'local-';
export const IMPORT_ID_PREFIX = 'imp-';

export function isHallPosting(id: string): boolean {
  return id.startsWith(LOCAL_ID_PREFIX) || id.startsWith(IMPORT_ID_PREFIX);
}

const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

export const PostingQuerySchema = z.strictObject({
  ...POSTING_SEARCH_FIELDS,
  /** `shown`: on the boards; `hidden`: taken off by staff; `all`. */
  visibility: z.enum(['all', 'shown', 'hidden']).default('all'),
  /** Include postings that expired or have not started. */
  includeExpired: flag.default(false),
  /** Only postings this hall made (window or import). */
  hallOnly: flag.default(false),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** Skip this many (paging, in the order the list shows). */
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type PostingQuery = z.infer<typeof PostingQuerySchema>;

export const StaffPostingSchema = PostingSchema.safeExtend({
  hidden: z.boolean(),
  /** Made by this hall (window or import), so staff may edit it. */
  editable: z.boolean(),
});
export type StaffPosting = z.infer<typeof StaffPostingSchema>;

export const PostingsResponseSchema = z.object({
  postings: z.array(StaffPostingSchema),
  total: z.number().int().nonnegative(),
  serverNow: z.number().int(),
});
export type PostingsResponse = z.infer<typeof PostingsResponseSchema>;

/**
 * What staff fill in for a posting of their own; the host adds id, revision, source and time.
 * In the order of the import template's columns (electron/host/postings/import/import-columns.ts).
 */
export const LOCAL_POSTING_FIELDS = [
  'title',
  'occupation',
  'employerName',
  'employerKind',
  'employerVerified',
  'description',
  'requirements',
  'payMin',
  'payMax',
  'payUnit',
  'settlement',
  'headcount',
  'employmentType',
  'districtCode',
  'address',
  'workTime',
  'contactName',
  'contactPhone',
  'maskPhone',
  'validFrom',
  'validUntil',
  'urgent',
  'booth',
] as const;

/**
 * The body of `POST`/`PUT /api/staff/postings[/:id]`: some of LOCAL_POSTING_FIELDS (the host
 * merges them with what it sets, and validates the whole posting with ListingSchema).
 */
export const PostingFieldsSchema = z.record(z.string(), z.unknown()).superRefine((body, ctx) => {
  const allowed = new Set<string>(LOCAL_POSTING_FIELDS);
  const unknown = Object.keys(body).filter((k) => !allowed.has(k));
  if (unknown.length > 0)
    ctx.addIssue({ code: 'custom', message: `unknown or host-set fields: ${unknown.slice(0, 5).join(', ')}` });
});

export const IMPORT_PROBLEMS = [
  'missing',
  'markup',
  'bad_number',
  'bad_phone',
  'unknown_district',
  'bad_choice',
  'bad_date',
  'bad_id',
  'duplicate_id',
  'bad_booth',
  'invalid',
] as const;

/**
 * One reason a row was refused: which column, a code, the message the console shows (an i18n
 * key with parameters, shared/import-messages.ts) and an English line for logs.
 */
export const ImportProblemSchema = z.object({
  /** The column's header as the file has it (or the template's name when the column is missing). */
  column: z.string(),
  code: z.enum(IMPORT_PROBLEMS),
  text: z.enum(IMPORT_MESSAGES),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblemSchema>;

export const ImportRowErrorSchema = z.object({
  /** Spreadsheet row number as the spreadsheet program shows it (the header is row 1). */
  row: z.number().int(),
  /** The row's id column, when it had one. */
  id: z.string().nullable(),
  reasons: z.array(ImportProblemSchema),
});
export type ImportRowError = z.infer<typeof ImportRowErrorSchema>;

export const ImportReportSchema = z.object({
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  /** How the file's text was decoded (CSV only). */
  encoding: z.enum(['utf-8', 'utf-8-bom', 'gb18030', 'utf-16le', 'utf-16be']).nullable(),
  /** Data rows read (empty rows not counted). */
  rows: z.number().int().nonnegative(),
  /** New or changed postings written. */
  imported: z.number().int().nonnegative(),
  /** Rows identical to what the hall already has. */
  unchanged: z.number().int().nonnegative(),
  rejected: z.array(ImportRowErrorSchema),
  /** Columns of the header the import did not recognise (ignored). */
  ignoredColumns: z.array(z.string()),
  /** True for a dry run: nothing was written. */
  dryRun: z.boolean(),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;

/** A console-made id (a UUID) naming one import, for its progress. */
export const ImportJobIdSchema = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, { message: 'a job id (letters, digits, -)' });

/** `POST /api/staff/postings/import?name=FILE[&dryRun=1][&job=ID]`. */
export const ImportQuerySchema = z.strictObject({
  name: typedText()
    .min(1, { message: 'the file name is required' })
    .max(200)
    .refine((s) => !/[<>\p{Cc}/\\]/u.test(s), { message: 'a plain file name' }),
  dryRun: flag.default(false),
  /** The console's id for this import, to ask for its progress while it runs. */
  job: ImportJobIdSchema.optional(),
});

/** How far an import has got: rows read from the file, checked, and written to the store. */
export const ImportProgressSchema = z.object({
  job: z.string(),
  fileName: z.string(),
  dryRun: z.boolean(),
  /** `uploading` (the file is on its way), `reading` it, `checking` its rows, `writing` the good ones; then `done` or `failed`. */
  phase: z.enum(['uploading', 'reading', 'checking', 'writing', 'done', 'failed']),
  read: z.number().int().nonnegative(),
  checked: z.number().int().nonnegative(),
  written: z.number().int().nonnegative(),
  /** Data rows in the file, once it is read; rows to write while writing. */
  rows: z.number().int().nonnegative().nullable(),
  toWrite: z.number().int().nonnegative().nullable(),
  startedAt: z.number().int(),
});
export type ImportProgress = z.infer<typeof ImportProgressSchema>;

export const SignupViewSchema = z.object({
  id: z.string(),
  number: z.string(),
  /** Masked unless this is the answer to an audited reveal. */
  phone: z.string(),
  name: z.string(),
  occupations: z.array(z.enum(OCCUPATION_CODES)),
  districts: z.array(z.string()),
  availability: z.array(z.string()),
  expectedPay: z.number().nullable(),
  payUnit: z.string().nullable(),
  listingId: z.string().nullable(),
  listingTitle: z.string().nullable(),
  kioskId: z.string(),
  createdAt: z.number().int(),
  contactedAt: z.number().int().nullable(),
  contactedBy: z.string().nullable(),
  /** Upstream has acked it (its outbox item was delivered). */
  delivered: z.boolean(),
  /** Numbers of the other sign-ups with the same phone, newest first (at most 5): the same person again. */
  samePhone: z.array(z.string()).default([]),
  /** A newer sign-up has the same phone: staff call the person about that one. */
  superseded: z.boolean().default(false),
  /** Purged on or after this time (the retention period from createdAt). */
  purgeAfter: z.number().int(),
});
export type SignupView = z.infer<typeof SignupViewSchema>;

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
        z
          .string()
          .regex(/^[A-Z]-\d{4,}$/)
          .transform((value) => ({ by: 'number' as const, value })),
        z
          .string()
          .regex(/^\d{4}$/)
          .transform((value) => ({ by: 'last4' as const, value })),
        z
          .string()
          .regex(/^1\d{2}-?\d{4}-?\d{4}$/)
          .transform((value) => ({ by: 'phone' as const, value: value.replace(/-/g, '') })),
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
  /** Skip this many (paging, newest first). */
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type SignupQuery = z.infer<typeof SignupQuerySchema>;

export const SignupsResponseSchema = z.object({
  signups: z.array(SignupViewSchema),
  total: z.number().int().nonnegative(),
  retentionDays: z.number().int(),
  lastPurge: z.lazy(() => PurgeReportSchema).nullable(),
  serverNow: z.number().int(),
  /** False in a standalone hall: sign-ups stay here, nothing waits to go to a city platform. */
  upstream: z.boolean().default(true),
});
export type SignupsResponse = z.infer<typeof SignupsResponseSchema>;

export const RevealInputSchema = z.strictObject({
  /** Why staff need the number (kept in the audit log). */
  reason: typedText()
    .min(2, { message: 'say why (at least 2 characters)' })
    .max(100)
    .refine((s) => !/[<>]/.test(s), { message: 'plain text only' }),
});

export const ContactedInputSchema = z.strictObject({ contacted: z.boolean() });

export const ExportQuerySchema = z.strictObject({
  reveal: flag.default(false),
  reason: typedText().max(100).optional(),
});

export const RetentionInputSchema = z.strictObject({ days: z.number().int().min(1).max(3650) });

export const RevealedSignupSchema = z.object({ id: z.string(), phone: z.string(), name: z.string() });
export const RetentionResponseSchema = z.object({ retentionDays: z.number().int() });

export const PurgeReportSchema = z.object({
  at: z.number().int(),
  cutoff: z.number().int(),
  /** Sign-ups deleted. */
  removed: z.number().int().nonnegative(),
  /** Delivered outbox items of purged sign-ups deleted (their copy of the personal data). */
  outboxRemoved: z.number().int().nonnegative(),
  /** Outbox items of purged sign-ups still waiting for upstream; removed once delivered. */
  outboxWaiting: z.number().int().nonnegative(),
  /**
   * Outbox items past retention that never reached the platform, dropped with their copy of
   * the personal data (the platform will not get these sign-ups; the purge's audit row says so).
   */
  outboxDropped: z.number().int().nonnegative(),
  by: z.string().nullable(),
});
export type PurgeReport = z.infer<typeof PurgeReportSchema>;

export const PulseSettingsSchema = z.strictObject({
  minDemand: z.number().int().min(1).max(10_000),
  windowDays: z.number().int().min(1).max(365),
  /** The fewest seekers behind a ratio the boards show (absent: unchanged, or the default). */
  minSeekers: z.number().int().min(1).max(10_000).optional(),
});
export type PulseSettings = z.infer<typeof PulseSettingsSchema>;

export const PulseScreenInputSchema = z.strictObject({ pulsePage: z.boolean() });

export const PulseResponseSchema = z.object({
  pulse: MarketPulseSchema,
  settings: PulseSettingsSchema,
  /** The local day of the year-ago snapshot compared with, or null when there is none. */
  yearAgoDay: z.string().nullable(),
  screens: z.array(z.object({ id: z.string(), name: z.string(), pulsePage: z.boolean(), layout: z.string() })),
});
export type PulseResponse = z.infer<typeof PulseResponseSchema>;
