import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { PostingSchema, describeIssues } from '../../../shared/schemas/posting';
import { OCCUPATION_CODES } from '../../../shared/occupations';
import { HOME_CITY_CODE, districtsOfCity } from '../../../shared/districts';
import { formatPay, formatSettlement } from '../../../shared/format';
import { generatePostings } from '../../../scripts/demo/generate-postings';
import { buildDemoFile, serializeDemoFile } from '../../../scripts/demo/demo-file';
import { createRandom } from '../../../scripts/demo/prng';

const NOW = Date.parse('2026-11-27T00:00:00+08:00');
const DAY = 86_400_000;

describe('generateListings', () => {
  it('gives the same postings for the same seed and time, and different ones for another seed', () => {
    const a = generatePostings(300, { seed: 7, now: NOW });
    expect(generatePostings(300, { seed: 7, now: NOW })).toEqual(a);
    expect(generatePostings(300, { seed: 8, now: NOW }).slice(6)).not.toEqual(a.slice(6));
    // a shorter run is a prefix of a longer one, so counts can change without reshuffling
    expect(generatePostings(50, { seed: 7, now: NOW })).toEqual(a.slice(0, 50));
  });

  it('makes 10,000 postings that all pass the shared ListingSchema', () => {
    const postings = generatePostings(10_000, { seed: 20261127, now: NOW });
    const invalid = postings.flatMap((l) => {
      const r = PostingSchema.safeParse(l);
      return r.success ? [] : [`${l.id}: ${describeIssues(r.error)}`];
    });
    expect(invalid).toEqual([]);
    expect(new Set(postings.map((l) => l.id)).size).toBe(10_000);
  });

  it('opens with the postings quoted in DOMAIN.md', () => {
    const [dance, service, driver, hourly, daily, rider] = generatePostings(6, { seed: 1, now: NOW });
    expect(dance && [dance.title, dance.employmentType, formatPay(dance.payMin, dance.payMax, dance.payUnit)]).toEqual([
      '中国舞教师',
      'part-time',
      '120–200元/课时',
    ]);
    expect(
      service && [
        service.title,
        service.employmentType,
        formatPay(service.payMin, service.payMax, service.payUnit),
        service.districtCode,
      ],
    ).toEqual(['客服', 'part-time', '10元/单', '361104']);
    expect(service?.description).toContain('大概一天150元/200元');
    expect(driver && [driver.title, driver.districtCode]).toEqual(['司机', '361103']);
    expect(hourly && formatPay(hourly.payMin, hourly.payMax, hourly.payUnit)).toBe('26元/时');
    expect(daily && [formatPay(daily.payMin, daily.payMax, daily.payUnit), formatSettlement(daily.settlement)]).toEqual(
      ['300元/天', '日结'],
    );
    expect(rider && formatPay(rider.payMin, rider.payMax, rider.payUnit)).toBe('8.5元/单');
  });

  it('spreads postings over every trade and every district of 上饶市, with many paid daily', () => {
    const postings = generatePostings(2000, { seed: 3, now: NOW });
    const districts = districtsOfCity(HOME_CITY_CODE).map((d) => d.code);
    expect(new Set(postings.map((l) => l.occupation))).toEqual(new Set(OCCUPATION_CODES));
    expect(new Set(postings.map((l) => l.districtCode))).toEqual(new Set(districts));
    expect(new Set(postings.map((l) => l.payUnit))).toEqual(
      new Set(['hour', 'day', 'piece', 'order', 'lesson', 'month']),
    );
    expect(new Set(postings.map((l) => l.employerKind))).toEqual(
      new Set(['enterprise', 'individual-business', 'individual']),
    );
    const daily = postings.filter((l) => l.settlement === 'daily').length;
    expect(daily / postings.length).toBeGreaterThan(0.3);
  });

  it('uses mainland mobiles and 0793 landlines, and names a source when forwarded', () => {
    const postings = generatePostings(2000, { seed: 4, now: NOW });
    for (const l of postings) {
      expect(l.contactPhone).toMatch(/^(1[3-9]\d{9}|0793-8\d{6})$/);
      expect(l.source.length).toBeGreaterThan(0);
    }
    const forwarded = postings.filter((l) => l.source.startsWith('转载'));
    expect(forwarded.length).toBeGreaterThan(0);
    for (const l of forwarded) expect(l.source).toMatch(/^转载自 \S+/);
    // both kinds of phone are there
    expect(postings.some((l) => l.contactPhone.startsWith('0793-'))).toBe(true);
    expect(postings.some((l) => l.contactPhone.startsWith('1'))).toBe(true);
  });

  it('starts postings in the 3 days before the reference time and ends them 1–31 days after', () => {
    for (const l of generatePostings(2000, { seed: 5, now: NOW })) {
      const from = Date.parse(l.validFrom);
      const until = Date.parse(l.validUntil);
      expect(from).toBeLessThanOrEqual(NOW);
      expect(from).toBeGreaterThanOrEqual(NOW - 3 * DAY);
      expect(until).toBeGreaterThan(NOW + DAY - 3_600_000);
      expect(until).toBeLessThanOrEqual(NOW + 31 * DAY);
      expect(l.revision).toBe(1);
    }
  });

  it('never asks for sex, ethnicity, religion, household registration or origin', () => {
    const banned = /男性|女性|限男|限女|男士优先|女士优先|民族|汉族|宗教|信仰|户籍|户口|本地人|籍贯|老乡/;
    for (const l of generatePostings(5000, { seed: 6, now: NOW })) {
      expect(`${l.title} ${l.description} ${l.requirements}`).not.toMatch(banned);
    }
  });
});

describe('createRandom', () => {
  it('repeats its sequence for a seed and stays within bounds', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const seq = Array.from({ length: 100 }, () => a.int(1, 6));
    expect(Array.from({ length: 100 }, () => b.int(1, 6))).toEqual(seq);
    expect(seq.every((n) => n >= 1 && n <= 6)).toBe(true);
    expect(new Set(seq).size).toBe(6);
  });
});

describe('assets/demo/postings.json', () => {
  it('is exactly what the generator makes with the committed recipe', () => {
    const committed = readFileSync(new URL('../../../assets/demo/postings.json', import.meta.url), 'utf8');
    expect(committed).toBe(serializeDemoFile(buildDemoFile()));
  });
});
