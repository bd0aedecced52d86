/**
 * Rows of the `postings` table and their mapping to the shared `Posting` type. SQLite has no
 * booleans, so flags are 0/1; a missing payMax is NULL.
 */
import type { Posting } from '../../../shared/schemas/posting';
import { formatDistrict } from '../../../shared/format';

export interface PostingRow {
  id: string;
  employer_name: string;
  employer_kind: Posting['employerKind'];
  employer_verified: number;
  title: string;
  occupation: Posting['occupation'];
  description: string;
  requirements: string;
  pay_min: number;
  pay_max: number | null;
  pay_unit: Posting['payUnit'];
  settlement: Posting['settlement'];
  headcount: number;
  employment_type: Posting['employmentType'];
  district_code: string;
  district_name: string;
  address: string;
  work_time: string;
  contact_name: string;
  contact_phone: string;
  mask_phone: number;
  valid_from: string;
  valid_until: string;
  valid_from_ms: number;
  valid_until_ms: number;
  urgent: number;
  source: string;
  booth: string | null;
  revision: number;
  updated_at: string;
  hidden: number;
}

/** The bound parameters of an insert: every column except `hidden`, which only staff set. */
export type PostingParams = Omit<PostingRow, 'hidden'>;

export const LISTING_PARAM_COLUMNS: readonly (keyof PostingParams)[] = [
  'id',
  'employer_name',
  'employer_kind',
  'employer_verified',
  'title',
  'occupation',
  'description',
  'requirements',
  'pay_min',
  'pay_max',
  'pay_unit',
  'settlement',
  'headcount',
  'employment_type',
  'district_code',
  'district_name',
  'address',
  'work_time',
  'contact_name',
  'contact_phone',
  'mask_phone',
  'valid_from',
  'valid_until',
  'valid_from_ms',
  'valid_until_ms',
  'urgent',
  'source',
  'booth',
  'revision',
  'updated_at',
];

export function postingToParams(l: Posting): PostingParams {
  return {
    id: l.id,
    employer_name: l.employerName,
    employer_kind: l.employerKind,
    employer_verified: l.employerVerified ? 1 : 0,
    title: l.title,
    occupation: l.occupation,
    description: l.description,
    requirements: l.requirements,
    pay_min: l.payMin,
    pay_max: l.payMax ?? null,
    pay_unit: l.payUnit,
    settlement: l.settlement,
    headcount: l.headcount,
    employment_type: l.employmentType,
    district_code: l.districtCode,
    district_name: formatDistrict(l.districtCode),
    address: l.address,
    work_time: l.workTime,
    contact_name: l.contactName,
    contact_phone: l.contactPhone,
    mask_phone: l.maskPhone ? 1 : 0,
    valid_from: l.validFrom,
    valid_until: l.validUntil,
    valid_from_ms: Date.parse(l.validFrom),
    valid_until_ms: Date.parse(l.validUntil),
    urgent: l.urgent ? 1 : 0,
    source: l.source,
    booth: l.booth ?? null,
    revision: l.revision,
    updated_at: l.updatedAt,
  };
}

export function rowToPosting(r: PostingRow): Posting {
  return {
    id: r.id,
    employerName: r.employer_name,
    employerKind: r.employer_kind,
    employerVerified: r.employer_verified === 1,
    title: r.title,
    occupation: r.occupation,
    description: r.description,
    requirements: r.requirements,
    payMin: r.pay_min,
    payMax: r.pay_max,
    payUnit: r.pay_unit,
    settlement: r.settlement,
    headcount: r.headcount,
    employmentType: r.employment_type,
    districtCode: r.district_code,
    address: r.address,
    workTime: r.work_time,
    contactName: r.contact_name,
    contactPhone: r.contact_phone,
    maskPhone: r.mask_phone === 1,
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    urgent: r.urgent === 1,
    source: r.source,
    ...(r.booth !== null ? { booth: r.booth } : {}),
    revision: r.revision,
    updatedAt: r.updated_at,
  };
}
