/** Real databases for store tests: a fresh tmp file or :memory:, built by the real migrations. */
import type { Posting } from '../../../shared/schemas/posting';

export const NOW = Date.parse('2026-11-27T10:00:00+08:00');
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export const iso = (ms: number): string => new Date(ms).toISOString();

/** Valid from an hour before `now` until a week after: live throughout a test that runs on the real clock. */
export const validAround = (now: number): Pick<Posting, 'validFrom' | 'validUntil'> => ({
  validFrom: iso(now - HOUR),
  validUntil: iso(now + 7 * DAY),
});

let counter = 0;

/** A valid posting in 信州区, active at NOW, with overrides. */
export function makePosting(overrides: Partial<Posting> = {}): Posting {
  counter += 1;
  return {
    id: `t-${counter}`,
    employerName: '上饶市信江物流有限公司',
    employerKind: 'enterprise',
    employerVerified: true,
    title: '叉车司机',
    occupation: 'driving',
    description: '仓库叉车装卸作业，包午餐。',
    requirements: '持叉车证。',
    payMin: 250,
    payMax: 300,
    payUnit: 'day',
    settlement: 'daily',
    headcount: 2,
    employmentType: 'gig',
    districtCode: '361102',
    address: '信州区凤凰大道88号',
    workTime: '8:00-17:30',
    contactName: '王经理',
    contactPhone: '13812348000',
    maskPhone: false,
    validFrom: iso(NOW - DAY),
    validUntil: iso(NOW + 7 * DAY),
    urgent: false,
    source: '上饶市零工市场窗口',
    revision: 1,
    updatedAt: iso(NOW - DAY),
    ...overrides,
  };
}
