/**
 * Names, phones and places for demo postings: employer names as they appear in a Shangrao
 * hall (上饶市…有限公司, 个体户 shops, private persons like 王女士), mainland mobiles and
 * 0793 landlines, and street addresses in the city's districts and counties.
 */
import type { EmployerKind } from '../../shared/schemas/posting';
import type { Random } from './prng';

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '胡',
  '朱',
  '高',
  '林',
  '何',
  '郭',
  '余',
  '程',
  '汪',
  '方',
  '叶',
  '祝',
  '郑',
  '毛',
  '姜',
  '俞',
];
const BRANDS = [
  '信江',
  '三清',
  '灵山',
  '鄱湖',
  '饶城',
  '葛仙',
  '龙潭',
  '茶乡',
  '丰溪',
  '怀玉',
  '铜都',
  '带湖',
  '凤凰',
  '博山',
  '五府',
  '江湾',
  '鹅湖',
  '瑞丰',
  '恒达',
  '鑫源',
  '晨光',
  '众诚',
];
const NICKNAMES = ['阿芳', '阿强', '小李', '老何', '红姐', '建华', '志勇', '秀英', '金华', '春生'];
const ROADS = [
  '凤凰大道',
  '五三大道',
  '中山路',
  '解放路',
  '赣东北大道',
  '滨江东路',
  '建设路',
  '人民路',
  '胜利路',
  '新华路',
  '广场北路',
  '站前路',
  '书院路',
  '信美路',
  '茶圣路',
];
const AREAS = ['工业园区', '经济开发区', '物流园', '农贸市场旁', '高铁站片区', '万达广场'];
const VILLAGES = ['石门', '高源', '下溪', '江湾', '思口', '紫阳', '清湖', '双港', '港边', '华坛'];

const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '155',
  '157',
  '158',
  '159',
  '166',
  '173',
  '177',
  '180',
  '181',
  '183',
  '186',
  '187',
  '188',
  '189',
  '191',
  '199',
];

function digits(rng: Random, n: number): string {
  let s = '';
  for (let i = 0; i < n; i += 1) s += String(rng.int(0, 9));
  return s;
}

export function mobilePhone(rng: Random): string {
  return `${rng.pick(MOBILE_PREFIXES)}${digits(rng, 8)}`;
}

/** Shangrao landlines: area code 0793, seven-digit numbers starting with 8. */
export function landlinePhone(rng: Random): string {
  return `0793-8${digits(rng, 6)}`;
}

/** 信州区 → 信州, 德兴市 → 德兴: how people shorten a place in a shop name. */
export function shortPlace(districtName: string): string {
  return districtName.length > 2 ? districtName.slice(0, -1) : districtName;
}

export interface Employer {
  name: string;
  contactName: string;
}

export function makeEmployer(
  rng: Random,
  kind: EmployerKind,
  industries: readonly string[],
  shops: readonly string[],
  districtName: string,
): Employer {
  const surname = rng.pick(SURNAMES);
  const honorific = rng.pick(['女士', '先生']);
  switch (kind) {
    case 'enterprise': {
      const prefix = rng.weighted([
        ['上饶市', 5],
        ['江西', 2],
        [shortPlace(districtName), 2],
      ] as const);
      return {
        name: `${prefix}${rng.pick(BRANDS)}${rng.pick(industries)}有限公司`,
        contactName: `${surname}${rng.pick(['经理', '主管', '女士', '先生'])}`,
      };
    }
    case 'individual-business': {
      const owner = rng.chance(0.5) ? `老${surname}` : rng.pick(NICKNAMES);
      return {
        name: `${shortPlace(districtName)}${owner}${rng.pick(shops)}`,
        contactName: `${surname}${rng.pick(['老板', '师傅', honorific])}`,
      };
    }
    case 'individual':
      return { name: `${surname}${honorific}`, contactName: `${surname}${honorific}` };
  }
}

export function makeAddress(rng: Random, districtName: string, rural: boolean): string {
  if (rural && rng.chance(0.7)) return `${districtName}${rng.pick(VILLAGES)}村`;
  if (rng.chance(0.25)) return `${districtName}${rng.pick(AREAS)}`;
  return `${districtName}${rng.pick(ROADS)}${rng.int(1, 399)}号`;
}
