/**
 * The posting's enumerations, in a file with no imports: screens that only need these (the
 * boards) must not pull the district table of posting.ts's validation into their bundle.
 */
export const PAY_UNITS = ['hour', 'day', 'piece', 'order', 'lesson', 'month'] as const;
export const SETTLEMENTS = ['daily', 'weekly', 'monthly', 'on-completion'] as const;
export const EMPLOYMENT_TYPES = ['gig', 'part-time', 'temporary', 'full-time'] as const;
export const EMPLOYER_KINDS = ['enterprise', 'individual-business', 'individual'] as const;

export type PayUnit = (typeof PAY_UNITS)[number];
export type Settlement = (typeof SETTLEMENTS)[number];
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];
export type EmployerKind = (typeof EMPLOYER_KINDS)[number];
