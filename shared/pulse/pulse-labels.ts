/**
 * Texts of the market-pulse board page. The planner measures and cuts them, so they live here
 * (not in a renderer catalogue); the console shows the same figures through its own i18n.
 */
import type { Locale } from '../format';
import { OCCUPATION_LABELS_ZH, type OccupationCode } from '../occupations';
import type { PulseColumn } from '../schemas/pulse-page';

export const OCCUPATION_LABELS_EN: Record<OccupationCode, string> = {
  construction: 'Construction',
  moving: 'Moving & loading',
  delivery: 'Delivery',
  driving: 'Driving',
  cleaning: 'Cleaning & home',
  catering: 'Catering',
  retail: 'Retail & service',
  repair: 'Repair & install',
  factory: 'Factory',
  care: 'Care',
  teaching: 'Teaching',
  media: 'Live-stream & media',
  office: 'Office',
  farming: 'Farming',
  other: 'Other',
};

export function tradeLabel(occupation: OccupationCode, locale: Locale): string {
  return locale === 'zh-CN' ? OCCUPATION_LABELS_ZH[occupation] : OCCUPATION_LABELS_EN[occupation];
}

export interface PulseTexts {
  headline: string;
  columns: Record<PulseColumn, string>;
  people: (n: number) => string;
  summary: (demand: number, seekers: number, windowDays: number, ratio: string) => string;
  /** Where there is demand but too few seekers for a ratio that means anything (public screens). */
  fewSeekers: string;
  noRatio: string;
  unranked: string;
  note: (windowDays: number, minDemand: number, minSeekers: number) => string;
  empty: string;
}

const group = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export const PULSE_TEXT: Record<Locale, PulseTexts> = {
  'zh-CN': {
    headline: '紧缺工种 · 今日用工需求',
    columns: {
      rank: '排名',
      trade: '工种',
      demand: '需求',
      seekers: '求职',
      gap: '缺口',
      ratio: '倍率',
      yearAgo: '去年同期',
    },
    people: (n) => `${group(n)}人`,
    summary: (d, s, w, r) => `今日需求 ${group(d)}人 · 近${w}天求职 ${group(s)}人 · 求人倍率 ${r}`,
    fewSeekers: '供不应求',
    noRatio: '—',
    unranked: '—',
    note: (w, m, s) => `求人倍率 = 需求人数 ÷ 近${w}天求职人数；需求不足${m}人或求职不足${s}人不计倍率`,
    empty: '今日暂无用工需求',
  },
  en: {
    headline: 'Trades short of workers · demand today',
    columns: {
      rank: 'Rank',
      trade: 'Trade',
      demand: 'Wanted',
      seekers: 'Seekers',
      gap: 'Gap',
      ratio: 'Ratio',
      yearAgo: 'Last year',
    },
    people: (n) => group(n),
    summary: (d, s, w, r) => `Wanted today ${group(d)} · seekers (${w} days) ${group(s)} · ratio ${r}`,
    fewSeekers: 'More jobs than seekers',
    noRatio: '—',
    unranked: '—',
    note: (w, m, s) =>
      `Ratio = openings ÷ seekers of the last ${w} days; not shown below ${m} openings or ${s} seekers`,
    empty: 'No openings today',
  },
};

/**
 * The ratio as a public screen shows it: D/S only where demand reaches `minDemand` and seekers
 * `minSeekers`; 供不应求 where demand is there but seekers too few (and fewer than the demand);
 * "—" otherwise.
 */
export function publicRatio(
  demand: number,
  seekers: number,
  minima: { minDemand: number; minSeekers: number },
  locale: Locale,
): string {
  const x = PULSE_TEXT[locale];
  if (demand <= 0 || demand < minima.minDemand) return x.noRatio;
  if (seekers < minima.minSeekers) return demand > seekers ? x.fewSeekers : x.noRatio;
  return formatRatio(Math.round((demand / seekers) * 100) / 100);
}

/** `2.18`, always two decimals so a column of ratios lines up. */
export function formatRatio(ratio: number): string {
  return ratio.toFixed(2);
}
