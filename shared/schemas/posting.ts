import { z } from 'zod';
import { OCCUPATION_CODES } from '../occupations';
import { isKnownDistrict } from '../districts';
import { stripInvisible, typedText } from './invisible-text';

import { EMPLOYER_KINDS, EMPLOYMENT_TYPES, PAY_UNITS, SETTLEMENTS } from './posting-enums';

export * from './posting-enums';

/** Limits keep one oversized posting from breaking a board or the store. */
export const LIMITS = {
  id: 64,
  title: 40,
  employerName: 60,
  text: 2000,
  address: 120,
  workTime: 60,
  contactName: 30,
  source: 120,
  booth: 8,
} as const;

/** Characters that make text look like markup; postings are plain text, so they are refused. */
const MARKUP = /[<>]/;

const plainText = (max: number) =>
  typedText()
    .max(max, { message: `at most ${max} characters` })
    .refine((s) => !MARKUP.test(s), { message: 'must be plain text (no < or >)' });

const requiredText = (max: number) => plainText(max).pipe(z.string().min(1, { message: 'required' }));

/** Phone numbers as employers give them: mobile (11 digits) or landline with area code. */
export const ContactPhoneSchema = z
  .string()
  .trim()
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8}(-\d{1,6})?|400-?\d{3}-?\d{4})$/, {
    message: 'must be a mainland mobile (11 digits) or a landline with area code',
  });

export const MobilePhoneSchema = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, { message: 'must be an 11-digit mainland mobile number starting with 1' });

const isoTimestamp = z.iso.datetime({ offset: true });

/**
 * A booth code as the hall paints it on the booth: `A12`, `B-03`, `2F-A12`. Letters, digits and
 * inner hyphens, at most 8: the hall's signs use short Latin codes, and a fixed narrow alphabet
 * and length let the planner reserve the room for "展位 A12" on every card, row and ticker line
 * before it knows the code. Full-width input (`Ａ１２`, typed with a Chinese IME) is folded to
 * half-width and letters to upper case, so the console, an import and the platform agree.
 */
export const BOOTH_PATTERN = /^[A-Z0-9](?:[A-Z0-9-]{0,6}[A-Z0-9])?$/;

/** Folds full-width ASCII (U+FF01–FF5E, the ideographic space) to half-width. */
function halfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Normalises a booth code the way the schema stores it; `''` for blank. */
export function normaliseBooth(raw: string): string {
  return halfWidth(stripInvisible(raw)).trim().toUpperCase();
}

/** `booth`: optional; blank (or null from an upstream) is no booth, and the key is then absent. */
export const BoothSchema = z
  .string()
  .max(64, { message: `at most ${LIMITS.booth} characters`, abort: true })
  .overwrite(normaliseBooth)
  .refine((s) => s === '' || BOOTH_PATTERN.test(s), {
    message: `a booth code like A12: letters, digits and - , at most ${LIMITS.booth} characters`,
  })
  .nullish()
  .transform((s) => (s ? s : undefined))
  .optional();

export const PostingSchema = z
  .object({
    id: z
      .string()
      .trim()
      .min(1)
      .max(LIMITS.id)
      .regex(/^[A-Za-z0-9._:-]+$/, { message: 'letters, digits and . _ : - only' }),
    employerName: requiredText(LIMITS.employerName),
    employerKind: z.enum(EMPLOYER_KINDS),
    employerVerified: z.boolean(),
    title: requiredText(LIMITS.title),
    occupation: z.enum(OCCUPATION_CODES),
    description: plainText(LIMITS.text).default(''),
    requirements: plainText(LIMITS.text).default(''),
    payMin: z.number().finite().nonnegative().max(1_000_000),
    payMax: z.number().finite().nonnegative().max(1_000_000).nullable().default(null),
    payUnit: z.enum(PAY_UNITS),
    settlement: z.enum(SETTLEMENTS),
    headcount: z.number().int().min(1).max(10_000),
    employmentType: z.enum(EMPLOYMENT_TYPES),
    districtCode: z
      .string()
      .regex(/^\d{6}$/, { message: 'a 6-digit GB/T 2260 code' })
      .refine(isKnownDistrict, {
        message: 'unknown GB/T 2260 district code',
      }),
    address: plainText(LIMITS.address).default(''),
    workTime: plainText(LIMITS.workTime).default(''),
    contactName: plainText(LIMITS.contactName).default(''),
    contactPhone: ContactPhoneSchema,
    /** An individual employer may ask for the phone to be masked on boards. */
    maskPhone: z.boolean().default(false),
    validFrom: isoTimestamp,
    validUntil: isoTimestamp,
    urgent: z.boolean().default(false),
    source: requiredText(LIMITS.source),
    /** The employer's booth in the hall today (DOMAIN.md), e.g. A12. */
    booth: BoothSchema,
    revision: z.number().int().nonnegative(),
    updatedAt: isoTimestamp,
  })
  .superRefine((l, ctx) => {
    if (l.payMax !== null && l.payMax < l.payMin) {
      ctx.addIssue({ code: 'custom', path: ['payMax'], message: 'payMax is below payMin' });
    }
    if (Date.parse(l.validUntil) <= Date.parse(l.validFrom)) {
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'validUntil must be after validFrom' });
    }
  });

export type Posting = z.output<typeof PostingSchema>;
export type PostingInput = z.input<typeof PostingSchema>;

export { PublicPostingSchema, type PublicPosting } from './public-posting';

/** Formats a zod error as one readable line: `title: at most 40 characters; payUnit: …`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 8)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}
