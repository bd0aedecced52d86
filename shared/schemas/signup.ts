/**
 * A worker's sign-up at the kiosk (DOMAIN.md, "A worker's sign-up at the kiosk"). The kiosk
 * posts `SignupInput`; the host adds the number, the kiosk device id and the time.
 * Personal fields (phone, name) never leave the host except upstream through the outbox.
 */
import { z } from 'zod';
import { OCCUPATION_CODES } from '../occupations';
import { isKnownDistrict } from '../districts';
import { MobilePhoneSchema, PAY_UNITS } from './posting';
import { KioskMatchesSchema } from '../matching-contract';

export const AVAILABILITY = ['today', 'weekdays', 'weekends', 'evenings'] as const;
export type Availability = (typeof AVAILABILITY)[number];

/** Bumped whenever the consent text changes; a sign-up records the version it agreed to. */
export const CONSENT_VERSION = 'kiosk-2025-1';

export const SIGNUP_LIMITS = { name: 20, occupations: OCCUPATION_CODES.length, districts: 30 } as const;

/** UUIDv7 (made at the kiosk; also the idempotency key upstream). */
export const Uuidv7Schema = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i, { message: 'must be a UUIDv7' })
  .transform((s) => s.toLowerCase());

/**
 * A person's name as people write it: letters of any script, combining marks, spaces, the
 * middle dot of transcribed names (阿卜杜·热合曼) and hyphens. No digits, emoji or markup.
 */
const NAME = /^[\p{L}\p{M}][\p{L}\p{M} ·.\-'’]*$/u;

export const SignupNameSchema = z
  .string()
  .trim()
  .max(SIGNUP_LIMITS.name, { message: `at most ${SIGNUP_LIMITS.name} characters` })
  .refine((s) => s === '' || NAME.test(s), { message: 'letters only (no digits, symbols, emoji or markup)' });

const DistrictCodeSchema = z
  .string()
  .regex(/^\d{6}$/)
  .refine(isKnownDistrict, { message: 'unknown GB/T 2260 district code' });

const uniqueList = <T extends z.ZodType<string>>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((a) => new Set(a).size === a.length, { message: 'no duplicates' });

export const SignupInputSchema = z
  .object({
    id: Uuidv7Schema,
    phone: MobilePhoneSchema,
    name: SignupNameSchema.default(''),
    occupations: uniqueList(z.enum(OCCUPATION_CODES), SIGNUP_LIMITS.occupations).default([]),
    districts: uniqueList(DistrictCodeSchema, SIGNUP_LIMITS.districts).default([]),
    availability: uniqueList(z.enum(AVAILABILITY), AVAILABILITY.length).default([]),
    expectedPay: z.number().finite().positive().max(100_000).nullable().default(null),
    payUnit: z.enum(PAY_UNITS).nullable().default(null),
    listingId: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[A-Za-z0-9._:-]+$/)
      .nullable()
      .default(null),
    consentVersion: z.literal(CONSENT_VERSION, { message: `consent must be given to version ${CONSENT_VERSION}` }),
    consentAt: z.iso.datetime({ offset: true }),
  })
  .strict()
  .superRefine((r, ctx) => {
    if ((r.expectedPay === null) !== (r.payUnit === null)) {
      ctx.addIssue({ code: 'custom', path: ['payUnit'], message: 'expectedPay and payUnit go together' });
    }
  });

export type SignupInput = z.input<typeof SignupInputSchema>;
export type SignupData = z.output<typeof SignupInputSchema>;

/** What the host keeps and sends upstream. */
export interface Signup extends SignupData {
  number: string;
  kioskId: string;
  createdAt: string;
}

/** `A-0427`: a letter and four digits, counted per day by the hall. */
export const SignupNumberSchema = z.string().regex(/^[A-Z]-\d{4,}$/);

export const SignupReceiptSchema = z.object({
  id: z.string(),
  number: SignupNumberSchema,
  /** The person's matches now (hosts before matching leave it out). */
  matches: KioskMatchesSchema.optional(),
});
export type SignupReceipt = z.infer<typeof SignupReceiptSchema>;
