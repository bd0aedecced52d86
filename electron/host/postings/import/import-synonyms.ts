/**
 * The one table of words an import accepts for each choice column, as hall staff and employers
 * write them: 个体 for 个体户, 公司 for 企业, 元/天 or 天 for a day's pay, 当天结 for 日结. The first
 * word of each list is the one the template and the error messages use. Matching ignores case,
 * spaces and slashes (`元 / 天` = `元天`); the schema's own value (`day`) is always accepted.
 */
import {
  EMPLOYER_KINDS,
  EMPLOYMENT_TYPES,
  PAY_UNITS,
  SETTLEMENTS,
  type EmployerKind,
  type EmploymentType,
  type PayUnit,
  type Settlement,
} from '../../../../shared/schemas/posting-enums';

export const EMPLOYER_KIND_WORDS: Record<EmployerKind, readonly string[]> = {
  enterprise: ['企业', '公司', '有限公司', '有限责任公司', '股份有限公司', '单位', '工厂', '厂'],
  'individual-business': ['个体户', '个体', '个体工商户', '个体经营', '个体商户'],
  individual: ['个人', '私人', '自然人', '个人雇主', '家庭'],
};

export const PAY_UNIT_WORDS: Record<PayUnit, readonly string[]> = {
  hour: ['元/时', '时', '小时', '元/小时', '每小时', '时薪'],
  day: ['元/天', '天', '日', '元/日', '每天', '日薪'],
  piece: ['元/件', '件', '计件'],
  order: ['元/单', '单', '每单'],
  lesson: ['元/课时', '课时', '节', '元/节', '每课时'],
  month: ['元/月', '月', '每月', '月薪'],
};

export const SETTLEMENT_WORDS: Record<Settlement, readonly string[]> = {
  daily: ['日结', '当天结', '当日结', '天结', '每日结', '日清'],
  weekly: ['周结', '每周结', '按周结'],
  monthly: ['月结', '每月结', '按月结'],
  'on-completion': ['完工结', '完工结算', '完工后结', '做完结', '完工付款'],
};

export const EMPLOYMENT_TYPE_WORDS: Record<EmploymentType, readonly string[]> = {
  gig: ['零工', '散工', '短工'],
  'part-time': ['兼职'],
  temporary: ['临时', '临时工', '短期'],
  'full-time': ['全职', '长期', '全日制'],
};

export const YES_WORDS = ['是', '有', 'y', 'yes', 'true', '1', '√', '✓', '对'] as const;
export const NO_WORDS = ['否', '无', '没有', 'n', 'no', 'false', '0', '×', '不'] as const;

/** Case, spaces and slashes do not count: `元 / 天`, `元／天` and `元天` are one word. */
export const squash = (s: string) => s.toLowerCase().replace(/[\s/／]/g, '');

/** A choice column: its words to the schema's value, and the words a message lists. */
export interface ChoiceWords<T extends string> {
  lookup: ReadonlyMap<string, T>;
  /** The first word of each value, in the schema's order: `企业、个体户、个人`. */
  shown: readonly string[];
}

function choiceWords<T extends string>(values: readonly T[], words: Record<T, readonly string[]>): ChoiceWords<T> {
  const lookup = new Map<string, T>();
  for (const value of values) {
    lookup.set(squash(value), value);
    for (const w of words[value]) {
      const key = squash(w);
      const taken = lookup.get(key);
      if (taken !== undefined && taken !== value)
        throw new Error(`import-synonyms: "${w}" means both ${taken} and ${value}`);
      lookup.set(key, value);
    }
  }
  return { lookup, shown: values.map((v) => words[v][0]!) };
}

export const CHOICES = {
  employerKind: choiceWords(EMPLOYER_KINDS, EMPLOYER_KIND_WORDS),
  payUnit: choiceWords(PAY_UNITS, PAY_UNIT_WORDS),
  settlement: choiceWords(SETTLEMENTS, SETTLEMENT_WORDS),
  employmentType: choiceWords(EMPLOYMENT_TYPES, EMPLOYMENT_TYPE_WORDS),
} as const;

const YES = new Set<string>(YES_WORDS.map(squash));
const NO = new Set<string>([...NO_WORDS.map(squash), '']);

/** 是 / 否 and their synonyms; null for anything else. Blank is 否. */
export function yesNo(raw: string): boolean | null {
  const s = squash(raw);
  if (YES.has(s)) return true;
  if (NO.has(s)) return false;
  return null;
}

/** A pay unit after the amount (`120-200元/课时` → `课时`). */
export function payUnitWord(raw: string): PayUnit | undefined {
  const s = squash(raw);
  return CHOICES.payUnit.lookup.get(s) ?? CHOICES.payUnit.lookup.get(`元${s}`);
}
