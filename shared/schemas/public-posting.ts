import { z } from 'zod';
import { OCCUPATION_CODES } from '../occupations';
import { EMPLOYER_KINDS, EMPLOYMENT_TYPES, PAY_UNITS, SETTLEMENTS } from './posting-enums';

/**
 * What any visitor may see: everything except the contact phone when the employer asked for
 * masking (then the masked form is given instead).
 */
export const PublicPostingSchema = z.object({
  id: z.string(),
  employerName: z.string(),
  employerKind: z.enum(EMPLOYER_KINDS),
  employerVerified: z.boolean(),
  title: z.string(),
  occupation: z.enum(OCCUPATION_CODES),
  description: z.string(),
  requirements: z.string(),
  payMin: z.number(),
  payMax: z.number().nullable(),
  payUnit: z.enum(PAY_UNITS),
  settlement: z.enum(SETTLEMENTS),
  headcount: z.number(),
  employmentType: z.enum(EMPLOYMENT_TYPES),
  districtCode: z.string(),
  address: z.string(),
  workTime: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
  validFrom: z.string(),
  validUntil: z.string(),
  urgent: z.boolean(),
  source: z.string(),
  /** The employer's booth in the hall today, absent when none. */
  booth: z.string().optional(),
  updatedAt: z.string(),
});
export type PublicPosting = z.infer<typeof PublicPostingSchema>;
