import { describe, expect, it } from 'vitest';
import { CHOICES, payUnitWord, yesNo } from '../../../electron/host/postings/import/import-synonyms';
import type { ImportField } from '../../../electron/host/postings/import/import-columns';
import { EMPLOYER_KINDS, EMPLOYMENT_TYPES, PAY_UNITS, SETTLEMENTS } from '../../../shared/schemas/posting-enums';
import { readRow, templateRow } from '../../fixtures/import/template-row';

const NOW = Date.parse('2026-12-02T09:30:00+08:00');

function imported(edit: Partial<Record<ImportField, string>>) {
  const r = readRow(templateRow(NOW, edit), NOW);
  if (!r.ok) throw new Error(JSON.stringify(r.reasons));
  return r.posting;
}

describe('import synonyms (one table)', () => {
  it.each([
    ['employerKind', '个体', 'individual-business'],
    ['employerKind', '个体工商户', 'individual-business'],
    ['employerKind', '公司', 'enterprise'],
    ['employerKind', '有限公司', 'enterprise'],
    ['employerKind', '私人', 'individual'],
    ['employerKind', '个人', 'individual'],
    ['employerKind', 'enterprise', 'enterprise'],
    ['payUnit', '元/天', 'day'],
    ['payUnit', '天', 'day'],
    ['payUnit', '日', 'day'],
    ['payUnit', '元 / 小时', 'hour'],
    ['payUnit', '时', 'hour'],
    ['payUnit', '月', 'month'],
    ['payUnit', '件', 'piece'],
    ['payUnit', '单', 'order'],
    ['payUnit', '课时', 'lesson'],
    ['settlement', '日结', 'daily'],
    ['settlement', '当天结', 'daily'],
    ['settlement', '周结', 'weekly'],
    ['settlement', '月结', 'monthly'],
    ['settlement', '完工结', 'on-completion'],
    ['employmentType', '临时工', 'temporary'],
  ] as const)('%s %s → %s', (field, word, value) => {
    expect(imported({ [field]: word })[field]).toBe(value);
  });

  it('reads the unit inside the pay cell from the same table', () => {
    expect(imported({ payMin: '120-200元/课时', payMax: '', payUnit: '' })).toMatchObject({
      payMin: 120,
      payMax: 200,
      payUnit: 'lesson',
    });
    expect(payUnitWord('小时')).toBe('hour');
  });

  it('covers every value of the schema, each shown by its first word, and no word means two things', () => {
    expect([...new Set(CHOICES.employerKind.lookup.values())].sort()).toEqual([...EMPLOYER_KINDS].sort());
    expect([...new Set(CHOICES.payUnit.lookup.values())].sort()).toEqual([...PAY_UNITS].sort());
    expect([...new Set(CHOICES.settlement.lookup.values())].sort()).toEqual([...SETTLEMENTS].sort());
    expect([...new Set(CHOICES.employmentType.lookup.values())].sort()).toEqual([...EMPLOYMENT_TYPES].sort());
    expect(CHOICES.employerKind.shown).toEqual(['企业', '个体户', '个人']);
  });

  it('reads 是/否 and their synonyms, blank as 否, and nothing else', () => {
    expect([yesNo('是'), yesNo('有'), yesNo('Y'), yesNo('否'), yesNo(''), yesNo('无'), yesNo('也许')]).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
      null,
    ]);
  });
});
