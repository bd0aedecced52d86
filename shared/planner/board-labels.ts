import type { Locale } from '../format';
import type { TableColumn } from '../schemas/board-plan';

/**
 * Short texts a board draws next to the planner's strings. The planner reserves room for them,
 * so a renderer that shows a badge must use these texts (its i18n catalogue should hold the
 * same words) or anything no wider.
 */
export const BADGE_TEXT: Record<Locale, { urgent: string; new: string }> = {
  'zh-CN': { urgent: '急聘', new: '新' },
  en: { urgent: 'Urgent', new: 'New' },
};

/** Column labels of the table layout's first row; columns are never narrower than these. */
export const TABLE_LABELS: Record<Locale, Record<TableColumn, string>> = {
  'zh-CN': {
    title: '岗位',
    pay: '薪资',
    settlement: '结算',
    district: '地区',
    employer: '雇主',
    booth: '展位',
    phone: '电话',
  },
  en: {
    title: 'Job',
    pay: 'Pay',
    settlement: 'Settlement',
    district: 'District',
    employer: 'Employer',
    booth: 'Booth',
    phone: 'Phone',
  },
};

/** The booth tag on cards and in the ticker: "展位 A12" (the i18n key `board.booth` holds the same). */
export function boothTagText(booth: string, locale: Locale): string {
  return `${TABLE_LABELS[locale].booth} ${booth}`;
}

/** Mark drawn before a verified employer's name (room reserved in cards). */
export const VERIFIED_MARK = '✓';
