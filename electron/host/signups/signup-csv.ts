/**
 * Sign-ups as a CSV that Excel and WPS open correctly: UTF-8 with a BOM, CRLF, Chinese
 * headers, and cells that start like a formula (`=`, `+`, `-`, `@`) defused by papaparse,
 * so an exported name can never run as a formula on a staff PC.
 */
import Papa from 'papaparse';
import { formatDistrict } from '../../../shared/format';
import { OCCUPATION_LABELS_ZH } from '../../../shared/occupations';
import type { SignupView } from '../../../shared/staff-data-contract';

const HEADER = [
  '编号',
  '电话',
  '姓名',
  '工种',
  '区县',
  '时间段',
  '期望薪资',
  '报名岗位',
  '报名时间',
  '已联系',
  '联系人',
  '已上报平台',
];

const AVAILABILITY_ZH: Record<string, string> = {
  today: '今天',
  weekdays: '工作日',
  weekends: '周末',
  evenings: '晚上',
};

function time(ms: number): string {
  // The hall's wall clock (China Standard Time), whatever zone the host runs in.
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

export function signupsToCsv(signups: readonly SignupView[]): string {
  const rows = signups.map((s) => [
    s.number,
    s.phone,
    s.name,
    s.occupations.map((o) => OCCUPATION_LABELS_ZH[o]).join('、'),
    s.districts.map(formatDistrict).join('、'),
    s.availability.map((a) => AVAILABILITY_ZH[a] ?? a).join('、'),
    s.expectedPay === null ? '' : `${s.expectedPay} ${s.payUnit ?? ''}`.trim(),
    s.listingTitle ?? s.listingId ?? '',
    time(s.createdAt),
    s.contactedAt === null ? '否' : `是 ${time(s.contactedAt)}`,
    s.contactedBy ?? '',
    s.delivered ? '是' : '否',
  ]);
  return `\uFEFF${Papa.unparse([HEADER, ...rows], { newline: '\r\n', escapeFormulae: true })}\r\n`;
}
