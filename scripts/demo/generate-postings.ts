/**
 * Deterministic demo postings for a Shangrao (上饶市) gig hall. Pure: the same count, seed
 * and reference time give the same postings, byte for byte, on any machine.
 *
 * The first six are the postings quoted in DOMAIN.md (中国舞教师 120—200元/课时, 客服 10元/单 in
 * 广信区, 司机 in 广丰区, 26元/时, 300元/天, 8.5元/单) so the demo opens with familiar examples.
 */
import type { Posting, PayUnit, Settlement, EmploymentType } from '../../shared/schemas/posting';
import { HOME_CITY_CODE, districtsOfCity } from '../../shared/districts';
import { createRandom, type Random } from './prng';
import { TRADES, type Job, type PayOption, type Trade } from './trades';
import { landlinePhone, makeAddress, makeEmployer, mobilePhone } from './people';
import { assignBooths } from './booths';

export interface GenerateOptions {
  seed: number;
  /** Reference time (ms): postings start in the 3 days before it and end 1–30 days after. */
  now: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const SETTLEMENT_BY_UNIT: Record<PayUnit, readonly (readonly [Settlement, number])[]> = {
  day: [
    ['daily', 8],
    ['weekly', 1],
    ['on-completion', 1],
  ],
  hour: [
    ['daily', 5],
    ['weekly', 4],
    ['monthly', 1],
  ],
  order: [
    ['daily', 6],
    ['weekly', 4],
  ],
  piece: [
    ['daily', 4],
    ['weekly', 3],
    ['on-completion', 3],
  ],
  lesson: [
    ['weekly', 4],
    ['monthly', 4],
    ['on-completion', 2],
  ],
  month: [['monthly', 1]],
};

const EXTRAS = [
  '包午餐',
  '提供住宿',
  '可长期合作',
  '工作环境好',
  '多劳多得',
  '有意者电话联系',
  '现场面试',
  '当天可上岗',
  '干满一周另有奖励',
  '交通方便',
];
const AGE_BANDS = ['18-50周岁', '18-55周岁', '20-45周岁', '18-60周岁'];
const SOURCES = [
  ['上饶市零工市场窗口', 5],
  ['城市就业平台', 4],
  ['转载自 上饶人社公众号', 1],
  ['转载自 信州区就业服务中心', 1],
  ['转载自 广丰区零工驿站', 1],
] as const;
const RURAL = new Set(['farming', 'construction']);

function roundTo(value: number, step: number): number {
  return Number((Math.round(value / step) * step).toFixed(2));
}

function makePay(rng: Random, option: PayOption): { payMin: number; payMax: number | null } {
  const payMin = Math.max(option.step, roundTo(option.min + rng.next() * (option.max - option.min), option.step));
  if (!rng.chance(option.rangeChance)) return { payMin, payMax: null };
  const payMax = Math.max(payMin + option.step, roundTo(payMin * (1.1 + rng.next() * 0.5), option.step));
  return { payMin, payMax: Number(payMax.toFixed(2)) };
}

/** Monthly pay means a steady job; gig and hourly pay rarely come with full-time work. */
function pickEmployment(rng: Random, job: Job, unit: PayUnit): EmploymentType {
  if (unit === 'month' && job.employment.includes('full-time')) return 'full-time';
  const choices = job.employment.filter((t) => unit === 'month' || t !== 'full-time');
  return rng.pick(choices.length > 0 ? choices : job.employment);
}

function pickSome(rng: Random, items: readonly string[], max: number): string[] {
  const pool = [...items];
  const out: string[] = [];
  const n = rng.int(1, max);
  while (out.length < n && pool.length > 0) out.push(pool.splice(rng.int(0, pool.length - 1), 1)[0] as string);
  return out;
}

function jobFor(title: string): { trade: Trade; job: Job } {
  for (const trade of TRADES) {
    const job = trade.jobs.find((j) => j.title === title);
    if (job) return { trade, job };
  }
  throw new Error(`generateListings: no job has the title ${title}`);
}

function makePosting(
  rng: Random,
  index: number,
  now: number,
  trade: Trade,
  job: Job,
  overrides: Partial<Posting> = {},
): Posting {
  const districts = districtsOfCity(HOME_CITY_CODE);
  const district = overrides.districtCode
    ? (districts.find((d) => d.code === overrides.districtCode) ?? rng.pick(districts))
    : // the central district has the most postings, as the hall itself is there
      rng.chance(0.3)
      ? (districts[0] ?? rng.pick(districts))
      : rng.pick(districts);
  const kind = rng.pick(job.kinds);
  const employer = makeEmployer(rng, kind, job.industries, job.shops, district.name);
  const option = rng.pick(job.pay);
  const { payMin, payMax } = makePay(rng, option);
  const unit = overrides.payUnit ?? option.unit;
  const title = rng.chance(0.08) ? `急招${job.title}` : job.title;
  const requirements = pickSome(rng, job.requirements, 2);
  if (rng.chance(0.35)) requirements.push(rng.pick(AGE_BANDS));
  const validFromMs = Math.floor((now - rng.int(0, 3 * 24 * 60) * MINUTE) / MINUTE) * MINUTE;
  const validUntilMs = Math.floor((now + rng.int(1, 30) * DAY + rng.int(0, 23) * HOUR) / HOUR) * HOUR;
  const verifiedChance = kind === 'enterprise' ? 0.85 : kind === 'individual-business' ? 0.6 : 0.3;
  const phone = kind === 'enterprise' && rng.chance(0.25) ? landlinePhone(rng) : mobilePhone(rng);
  const posting: Posting = {
    id: `demo-${String(index + 1).padStart(6, '0')}`,
    employerName: employer.name,
    employerKind: kind,
    employerVerified: rng.chance(verifiedChance),
    title,
    occupation: trade.occupation,
    description: `${rng.pick(job.duties)}，${pickSome(rng, EXTRAS, 2).join('，')}。`,
    requirements: `${requirements.join('，')}。`,
    payMin,
    payMax,
    payUnit: unit,
    settlement: rng.weighted(SETTLEMENT_BY_UNIT[unit]),
    headcount: rng.int(job.headcount[0], job.headcount[1]),
    employmentType: pickEmployment(rng, job, unit),
    districtCode: district.code,
    address: makeAddress(rng, district.name, RURAL.has(trade.occupation)),
    workTime: rng.pick(job.workTimes),
    contactName: employer.contactName,
    contactPhone: phone,
    maskPhone: kind === 'individual' && rng.chance(0.5),
    validFrom: new Date(validFromMs).toISOString(),
    validUntil: new Date(validUntilMs).toISOString(),
    urgent: rng.chance(0.04),
    source: rng.weighted(SOURCES),
    revision: 1,
    updatedAt: new Date(validFromMs).toISOString(),
  };
  return { ...posting, ...overrides };
}

/** The postings DOMAIN.md quotes, in that order. */
const FEATURED: readonly { title: string; overrides: Partial<Posting> }[] = [
  {
    title: '中国舞教师',
    overrides: {
      title: '中国舞教师',
      employmentType: 'part-time',
      payMin: 120,
      payMax: 200,
      payUnit: 'lesson',
      settlement: 'weekly',
      districtCode: '361102',
      urgent: false,
    },
  },
  {
    title: '客服',
    overrides: {
      title: '客服',
      employmentType: 'part-time',
      payMin: 10,
      payMax: null,
      payUnit: 'order',
      settlement: 'daily',
      districtCode: '361104',
      description: '电商店铺在线客服，按单计酬，大概一天150元/200元。',
      urgent: false,
    },
  },
  {
    title: '司机',
    overrides: {
      title: '司机',
      employmentType: 'full-time',
      payMin: 6000,
      payMax: 7500,
      payUnit: 'month',
      settlement: 'monthly',
      districtCode: '361103',
      urgent: false,
    },
  },
  {
    title: '服务员',
    overrides: {
      title: '服务员',
      employmentType: 'part-time',
      payMin: 26,
      payMax: null,
      payUnit: 'hour',
      settlement: 'daily',
      workTime: '每晚18:00-22:00',
      urgent: false,
    },
  },
  {
    title: '搬运工',
    overrides: {
      title: '搬运工',
      employmentType: 'gig',
      payMin: 300,
      payMax: null,
      payUnit: 'day',
      settlement: 'daily',
      urgent: false,
    },
  },
  {
    title: '外卖骑手',
    overrides: {
      title: '外卖骑手',
      employmentType: 'gig',
      payMin: 8.5,
      payMax: null,
      payUnit: 'order',
      settlement: 'daily',
      urgent: false,
    },
  },
];

export function generatePostings(count: number, opts: GenerateOptions): Posting[] {
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`generateListings: count must be a non-negative integer, got ${count}`);
  const rng = createRandom(opts.seed);
  const weighted = TRADES.map((t) => [t, t.weight] as const);
  const out: Posting[] = [];
  for (let i = 0; i < count; i += 1) {
    const featured = FEATURED[i];
    if (featured) {
      const { trade, job } = jobFor(featured.title);
      out.push(makePosting(rng, i, opts.now, trade, job, featured.overrides));
    } else {
      const trade = rng.weighted(weighted);
      out.push(makePosting(rng, i, opts.now, trade, rng.pick(trade.jobs)));
    }
  }
  return assignBooths(out, opts.seed);
}
