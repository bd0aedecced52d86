/**
 * What postings in a Shangrao gig hall look like, trade by trade and job by job: titles, pay
 * in the units halls really use (元/时, 元/天, 元/单, 元/件, 元/课时, 元/月), duties,
 * requirements, hours and who typically hires. Each job carries its own details so a 叉车司机
 * never asks for a teaching licence.
 *
 * Requirements never name ethnicity, sex, religion, household registration or origin (the
 * 2025 notice bans them); skills, certificates and health are what employers may ask for.
 *
 * The trades and jobs are data, in trades.json next to this file, checked here as they are
 * read: per trade its weight, the defaults its jobs share (hours, employers, headcount) and
 * the jobs, each overriding any default; pay options as [unit, min, max, step, rangeChance].
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { OCCUPATION_CODES, type OccupationCode } from '../../shared/occupations';
import type { EmployerKind, EmploymentType, PayUnit } from '../../shared/schemas/posting';
import { EMPLOYER_KINDS, EMPLOYMENT_TYPES, PAY_UNITS } from '../../shared/schemas/posting-enums';

export interface PayOption {
  unit: PayUnit;
  /** Range the lower bound is drawn from, in yuan. */
  min: number;
  max: number;
  /** Amounts are multiples of this (0.5 for 元/单, 100 for 元/月 …). */
  step: number;
  /** How often the posting gives a range rather than one figure. */
  rangeChance: number;
}

export interface Job {
  title: string;
  duties: readonly string[];
  requirements: readonly string[];
  pay: readonly PayOption[];
  workTimes: readonly string[];
  employment: readonly EmploymentType[];
  /** Company name industry words: 上饶市信江{物流}有限公司. */
  industries: readonly string[];
  /** Shop names of 个体户: 老李{水电维修部}. */
  shops: readonly string[];
  kinds: readonly EmployerKind[];
  headcount: readonly [number, number];
}

export interface Trade {
  occupation: OccupationCode;
  jobs: readonly Job[];
  /** Relative frequency in the demo hall. */
  weight: number;
}

const JobDefaultsSchema = z.strictObject({
  workTimes: z.array(z.string().min(1)).min(1),
  employment: z.array(z.enum(EMPLOYMENT_TYPES)).min(1),
  industries: z.array(z.string().min(1)).min(1),
  shops: z.array(z.string().min(1)).min(1),
  kinds: z.array(z.enum(EMPLOYER_KINDS)).min(1),
  headcount: z.tuple([z.number().int().positive(), z.number().int().positive()]),
});

const PayOptionSchema = z
  .tuple([z.enum(PAY_UNITS), z.number().positive(), z.number().positive(), z.number().positive(), z.number()])
  .transform(([unit, min, max, step, rangeChance]): PayOption => ({ unit, min, max, step, rangeChance }));

const TradesFileSchema = z.strictObject({
  trades: z.array(
    z.strictObject({
      occupation: z.enum(OCCUPATION_CODES),
      weight: z.number().positive(),
      defaults: JobDefaultsSchema,
      jobs: z
        .array(
          JobDefaultsSchema.partial().extend({
            title: z.string().min(1),
            duties: z.array(z.string().min(1)).min(1),
            requirements: z.array(z.string().min(1)).min(1),
            pay: z.array(PayOptionSchema).min(1),
          }),
        )
        .min(1),
    }),
  ),
});

const TRADES_FILE = join(import.meta.dirname, 'trades.json');

export const TRADES: readonly Trade[] = TradesFileSchema.parse(
  JSON.parse(readFileSync(TRADES_FILE, 'utf8')),
).trades.map(({ occupation, weight, defaults, jobs }) => ({
  occupation,
  weight,
  jobs: jobs.map((job) => ({ ...defaults, ...job })),
}));
