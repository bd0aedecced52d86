import { PostingSchema, type Posting, type PostingInput } from '../../../shared/schemas/posting';
import { DEFAULT_SCREEN, type ScreenProfile } from '../../../shared/schemas/screen';
import { NOW } from './planner-arbitraries';

const HOUR = 3_600_000;

/** A valid posting live at NOW (posted two days ago, open for a week), with overrides. */
export function posting(id: string, over: Partial<PostingInput> = {}): Posting {
  return PostingSchema.parse({
    id,
    employerName: '上饶市顺达物流有限公司',
    employerKind: 'enterprise',
    employerVerified: true,
    title: '叉车司机',
    occupation: 'driving',
    payMin: 300,
    payMax: null,
    payUnit: 'day',
    settlement: 'weekly',
    headcount: 3,
    employmentType: 'gig',
    districtCode: '361102',
    contactPhone: '13812348000',
    validFrom: new Date(NOW - 48 * HOUR).toISOString(),
    validUntil: new Date(NOW + 7 * 24 * HOUR).toISOString(),
    source: 'platform',
    revision: 1,
    updatedAt: new Date(NOW - 48 * HOUR).toISOString(),
    ...over,
  });
}

export function screen(over: Partial<ScreenProfile> = {}): ScreenProfile {
  return { ...DEFAULT_SCREEN, ...over };
}

export { NOW, HOUR };
