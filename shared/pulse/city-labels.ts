/**
 * Texts of the city's picture (/city), Chinese first. The hub renders the page on the server
 * (no script, no external asset), so its catalogue lives here beside the board's pulse texts
 * rather than in a renderer's i18n files; trade names come from pulse-labels.ts.
 */
import type { Locale } from '../format';

export interface CityTexts {
  htmlLang: string;
  title: string;
  subtitle: string;
  updated: (time: string) => string;
  summary: {
    demand: string;
    seekers: (windowDays: number) => string;
    gap: string;
    ratio: string;
    halls: string;
    screens: string;
  };
  shortageHeading: string;
  tradesHeading: string;
  columns: {
    rank: string;
    trade: string;
    demand: string;
    seekers: string;
    gap: string;
    ratio: string;
    yearAgo: string;
  };
  yearAgoPending: string;
  yearAgoOf: (day: string) => string;
  noSeekers: string;
  none: string;
  noRanked: string;
  hallsHeading: string;
  hallColumns: {
    hall: string;
    node: string;
    status: string;
    heartbeat: string;
    outbox: string;
    screens: string;
    behind: string;
  };
  online: string;
  offline: string;
  agoSeconds: (s: number) => string;
  outboxLag: (pending: number, lagS: number) => string;
  outboxEmpty: string;
  unknown: string;
  noHalls: string;
  method: (windowDays: number, minDemand: number) => string;
  privacy: string;
  servedBy: (node: string) => string;
  otherLanguage: { label: string; href: string };
}

const group = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

function zhAgo(s: number): string {
  if (s < 5) return '刚刚';
  if (s < 60) return `${s}秒前`;
  if (s < 3600) return `${Math.floor(s / 60)}分钟前`;
  if (s < 86_400) return `${Math.floor(s / 3600)}小时前`;
  return `${Math.floor(s / 86_400)}天前`;
}

function enAgo(s: number): string {
  if (s < 5) return 'just now';
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86_400)} d ago`;
}

export const CITY_TEXT: Record<Locale, CityTexts> = {
  'zh-CN': {
    htmlLang: 'zh-CN',
    title: '全市零工市场用工景气',
    subtitle: '各零工市场、服务站点的用工需求与求职登记（汇总数据，不含个人信息）',
    updated: (t) => `更新于 ${t}`,
    summary: {
      demand: '今日用工需求',
      seekers: (w) => `近${w}天求职登记`,
      gap: '缺口',
      ratio: '求人倍率',
      halls: '在线市场',
      screens: '在线屏幕',
    },
    shortageHeading: '紧缺工种排行',
    tradesHeading: '各工种供需',
    columns: {
      rank: '排名',
      trade: '工种',
      demand: '需求（人）',
      seekers: '求职（人）',
      gap: '缺口',
      ratio: '求人倍率',
      yearAgo: '去年同期倍率',
    },
    yearAgoPending: '去年同期数据满一年后显示',
    yearAgoOf: (d) => `去年同期：${d}`,
    noSeekers: '无人求职',
    none: '—',
    noRanked: '目前没有达到最低需求的紧缺工种',
    hallsHeading: '各市场（站点）运行状态',
    hallColumns: {
      hall: '市场',
      node: '平台节点',
      status: '状态',
      heartbeat: '最近心跳',
      outbox: '待上报',
      screens: '屏幕在线',
      behind: '待同步',
    },
    online: '在线',
    offline: '离线',
    agoSeconds: zhAgo,
    outboxLag: (n, s) =>
      `${group(n)}条，最久已等${s < 60 ? `${s}秒` : s < 3600 ? `${Math.floor(s / 60)}分钟` : `${Math.floor(s / 3600)}小时`}`,
    outboxEmpty: '0',
    unknown: '—',
    noHalls: '尚无市场接入',
    method: (w, m) =>
      `统计口径：需求 = 当前有效岗位的招聘人数；求职 = 近${w}天在各市场登记求职的人数（同一人只计一次）；缺口 = 需求 − 求职；求人倍率 = 需求 ÷ 求职，需求不足${m}人的工种不计倍率、不参与排行。紧缺排行按缺口排序。`,
    privacy: '本页只显示汇总数字，不含任何姓名、电话等个人信息。',
    servedBy: (n) => `平台节点 ${n}`,
    otherLanguage: { label: 'English', href: '?lang=en' },
  },
  en: {
    htmlLang: 'en',
    title: 'City gig market: demand and supply',
    subtitle:
      'Openings and job-seeker sign-ups across every gig market hall and service point (totals only, no personal data)',
    updated: (t) => `Updated ${t}`,
    summary: {
      demand: 'Openings today',
      seekers: (w) => `Seekers, last ${w} days`,
      gap: 'Gap',
      ratio: 'Vacancy ratio',
      halls: 'Halls online',
      screens: 'Screens online',
    },
    shortageHeading: 'Trades most short of workers',
    tradesHeading: 'Every trade',
    columns: {
      rank: 'Rank',
      trade: 'Trade',
      demand: 'Openings',
      seekers: 'Seekers',
      gap: 'Gap',
      ratio: 'Ratio',
      yearAgo: 'Ratio a year ago',
    },
    yearAgoPending: 'Same week last year: shown once a year of data exists',
    yearAgoOf: (d) => `Same week last year: ${d}`,
    noSeekers: 'no seekers',
    none: '—',
    noRanked: 'No trade reaches the minimum demand for the ranking yet',
    hallsHeading: 'Halls and service points',
    hallColumns: {
      hall: 'Hall',
      node: 'Hub node',
      status: 'Status',
      heartbeat: 'Last heartbeat',
      outbox: 'To send',
      screens: 'Screens online',
      behind: 'Changes behind',
    },
    online: 'online',
    offline: 'offline',
    agoSeconds: enAgo,
    outboxLag: (n, s) =>
      `${group(n)}, oldest waiting ${s < 60 ? `${s} s` : s < 3600 ? `${Math.floor(s / 60)} min` : `${Math.floor(s / 3600)} h`}`,
    outboxEmpty: '0',
    unknown: '—',
    noHalls: 'No hall has connected yet',
    method: (w, m) =>
      `Method: openings = headcount of postings valid now; seekers = people who signed up at any hall in the last ${w} days (each person once); gap = openings − seekers; vacancy ratio = openings ÷ seekers, not shown and not ranked below ${m} openings. Shortage is ranked by the gap.`,
    privacy: 'Totals only: no name, phone or other personal data is shown on this page.',
    servedBy: (n) => `Hub node ${n}`,
    otherLanguage: { label: '中文', href: '?lang=zh-CN' },
  },
};

export { group as groupDigits };
