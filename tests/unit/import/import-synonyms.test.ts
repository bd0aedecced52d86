import { describe, expect, it } from 'vitest';
import { CHOICES, payUnitWord, yesNo } from '../../../electron/host/postings/import/import-synonyms';
import {
  IMPORT_FIELDS,
  TEMPLATE_HEADER,
  mapColumns,
  templateRows,
} from '../../../electron/host/postings/import/import-columns';
import { rowToPosting } from '../../../electron/host/postings/import/row-to-posting';
import { EMPLOYER_KINDS, EMPLOYMENT_TYPES, PAY_UNITS, SETTLEMENTS } from '../../../shared/schemas/posting-enums';

const NOW = Date.parse('2026-12-02T09:30:00+08:00');

function imported(edit: Partial<Record<(typeof IMPORT_FIELDS)[number], string>>) {
  const cells = [...templateRows(NOW)[0]!];
  for (const [f, v] of Object.entries(edit)) cells[IMPORT_FIELDS.indexOf(f as never)] = v;
  const r = rowToPosting(cells, {
    map: mapColumns(TEMPLATE_HEADER),
    header: TEMPLATE_HEADER,
    now: NOW,
    source: 't',
    existing: () => undefined,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.reasons));
  return r.posting;
}

describe('import synonyms (one table)', () => {
  it.each([
    ['个体', 'individual-business'],
    ['个体工商户', 'individual-business'],
    ['公司', 'enterprise'],
    ['有限公司', 'enterprise'],
    ['私人', 'individual'],
    ['个人', 'individual'],
    ['enterprise', 'enterprise'],
  ])('雇主类型 %s → %s', (word, kind) => {
    expect(imported({ employerKind: word }).employerKind).toBe(kind);
  });

  it.each([
    ['元/天', 'day'],
    ['天', 'day'],
    ['日', 'day'],
    ['元 / 小时', 'hour'],
    ['时', 'hour'],
    ['月', 'month'],
    ['件', 'piece'],
    ['单', 'order'],
    ['课时', 'lesson'],
  ])('薪资单位 %s → %s', (word, unit) => {
    expect(imported({ payUnit: word }).payUnit).toBe(unit);
  });

  it('reads the unit inside the pay cell from the same table', () => {
    expect(imported({ payMin: '120-200元/课时', payMax: '', payUnit: '' })).toMatchObject({
      payMin: 120,
      payMax: 200,
      payUnit: 'lesson',
    });
    expect(payUnitWord('小时')).toBe('hour');
  });

  it.each([
    ['日结', 'daily'],
    ['当天结', 'daily'],
    ['周结', 'weekly'],
    ['月结', 'monthly'],
    ['完工结', 'on-completion'],
  ])('结算方式 %s → %s', (word, s) => {
    expect(imported({ settlement: word }).settlement).toBe(s);
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
