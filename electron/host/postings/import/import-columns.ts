/**
 * Header names staff are likely to type, in Chinese or English, mapped to posting fields.
 * Matching ignores case, spaces, brackets and a trailing `*` (a "required" mark), so
 * `联系电话*`, `联系电话（必填）` and `contactPhone` all land on the same field.
 */
import { LOCAL_POSTING_FIELDS } from '../../../../shared/staff-data-contract';

/**
 * The columns a file may carry: the posting's own id, then every field staff fill in for a
 * posting (LOCAL_POSTING_FIELDS, in the template's order), the district by name or code in the
 * place of districtCode.
 */
export const IMPORT_FIELDS = [
  'id',
  ...LOCAL_POSTING_FIELDS.map((f) => (f === 'districtCode' ? ('district' as const) : f)),
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** The import column of a posting field (districtCode is the 区县 column); null for a field no column fills. */
const IMPORT_FIELD_OF = new Map<string, ImportField>(
  IMPORT_FIELDS.map((f) => [f === 'district' ? 'districtCode' : f, f]),
);
export const importFieldOf = (postingField: string): ImportField | null => IMPORT_FIELD_OF.get(postingField) ?? null;

const ALIASES: Record<ImportField, readonly string[]> = {
  id: ['id', '编号', '岗位编号', '序号编号'],
  title: ['title', '岗位', '岗位名称', '职位', '工种名称', '招聘岗位'],
  occupation: ['occupation', '工种', '工种类别', '行业', '类别'],
  employerName: ['employername', 'employer', '雇主', '用工单位', '单位名称', '招聘单位', '雇主名称'],
  employerKind: ['employerkind', '雇主类型', '单位类型'],
  employerVerified: ['employerverified', 'verified', '已核验', '资质已核验', '核验'],
  description: ['description', '工作内容', '岗位描述', '描述'],
  requirements: ['requirements', '要求', '岗位要求', '任职要求'],
  payMin: ['paymin', 'pay', '薪资', '最低薪资', '薪资下限', '工资', '报酬'],
  payMax: ['paymax', '最高薪资', '薪资上限'],
  payUnit: ['payunit', '薪资单位', '计薪单位'],
  settlement: ['settlement', '结算', '结算方式'],
  headcount: ['headcount', '人数', '招聘人数', '需求人数'],
  employmentType: ['employmenttype', '用工类型', '用工形式'],
  district: ['district', 'districtcode', '区县', '地区', '区域', '区县代码', '工作区县'],
  address: ['address', '地址', '工作地点', '工作地址'],
  workTime: ['worktime', '工作时间', '上班时间'],
  contactName: ['contactname', '联系人'],
  contactPhone: ['contactphone', 'phone', '联系电话', '电话', '手机'],
  maskPhone: ['maskphone', '隐藏电话', '电话打码'],
  validFrom: ['validfrom', '开始日期', '开始时间', '发布日期', '生效日期'],
  validUntil: ['validuntil', '截止日期', '截止时间', '有效期至', '结束日期', '到期日期'],
  urgent: ['urgent', '急聘', '紧急'],
  booth: ['booth', '展位', '展位号', '摊位', '摊位号'],
};

export function normaliseHeader(h: string): string {
  return h
    .toLowerCase()
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[\s*＊:：_-]/g, '');
}

const LOOKUP = new Map<string, ImportField>();
for (const field of IMPORT_FIELDS) for (const alias of ALIASES[field]) LOOKUP.set(normaliseHeader(alias), field);

export interface ColumnMap {
  /** Field → column index. */
  fields: Partial<Record<ImportField, number>>;
  ignored: string[];
  /** Header names that appear twice for one field. */
  duplicates: string[];
}

export function mapColumns(header: readonly string[]): ColumnMap {
  const fields: Partial<Record<ImportField, number>> = {};
  const ignored: string[] = [];
  const duplicates: string[] = [];
  header.forEach((h, i) => {
    if (h === '') return;
    const field = LOOKUP.get(normaliseHeader(h));
    if (!field) ignored.push(h);
    else if (fields[field] !== undefined) duplicates.push(h);
    else fields[field] = i;
  });
  return { fields, ignored, duplicates };
}

/**
 * The name of each column in the downloadable template, the README and the messages (a column
 * the file lacks is named so). One source: the template's header is this, in IMPORT_FIELDS order.
 */
export const COLUMN_NAMES: Record<ImportField, string> = {
  id: '编号',
  title: '岗位',
  occupation: '工种',
  employerName: '雇主',
  employerKind: '雇主类型',
  employerVerified: '已核验',
  description: '工作内容',
  requirements: '要求',
  payMin: '最低薪资',
  payMax: '最高薪资',
  payUnit: '薪资单位',
  settlement: '结算方式',
  headcount: '人数',
  employmentType: '用工类型',
  district: '区县',
  address: '工作地点',
  workTime: '工作时间',
  contactName: '联系人',
  contactPhone: '联系电话',
  maskPhone: '隐藏电话',
  validFrom: '开始日期',
  validUntil: '截止日期',
  urgent: '急聘',
  booth: '展位',
};

/**
 * Columns without which no row could ever be a posting: a file whose header lacks one is refused
 * whole (`no_header`, naming the missing ones by COLUMN_NAMES), not row by row.
 */
export const FILE_NEEDED_FIELDS: readonly ImportField[] = ['title', 'payMin', 'contactPhone', 'validUntil'];

/** The needed columns a header lacks, by their template names (all of them for a header with none). */
export function missingNeededColumns(map: ColumnMap | null): string[] {
  return FILE_NEEDED_FIELDS.filter((f) => map?.fields[f] === undefined).map((f) => COLUMN_NAMES[f]);
}

/** The template staff can download: one header row in Chinese. */
export const TEMPLATE_HEADER: readonly string[] = IMPORT_FIELDS.map((f) => COLUMN_NAMES[f]);

const DAY_MS = 86_400_000;
/** A day in the hall's time zone (China Standard Time, no daylight saving) as `2026-12-31`. */
const hallDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * The template's example rows, dated from the day it is downloaded (`now`) to 30 days on, so a
 * staff member who imports the template as it is gets live postings, never expired ones.
 */
export function templateRows(now: number): string[][] {
  const from = hallDay(now);
  const until = hallDay(now + 30 * DAY_MS);
  const rows: Record<ImportField, string>[] = [
    {
      id: 'SR-0001',
      title: '叉车司机',
      occupation: '驾驶司机',
      employerName: '上饶市顺达物流有限公司',
      employerKind: '企业',
      employerVerified: '是',
      description: '仓库装卸',
      requirements: '持叉车证',
      payMin: '200',
      payMax: '260',
      payUnit: '元/天',
      settlement: '日结',
      headcount: '3',
      employmentType: '零工',
      district: '信州区',
      address: '上饶市信州区茶圣路 8 号',
      workTime: '8:00-17:00',
      contactName: '王经理',
      contactPhone: '13812348000',
      maskPhone: '否',
      validFrom: from,
      validUntil: until,
      urgent: '否',
      booth: 'A12',
    },
    {
      id: 'SR-0002',
      title: '中国舞教师',
      occupation: '教育培训',
      employerName: '星光舞蹈工作室',
      employerKind: '个体户',
      employerVerified: '否',
      description: '少儿班周末授课',
      requirements: '',
      payMin: '120',
      payMax: '200',
      payUnit: '元/课时',
      settlement: '完工结',
      headcount: '2',
      employmentType: '兼职',
      district: '广丰区',
      address: '永丰街道',
      workTime: '周六、周日',
      contactName: '李老师',
      contactPhone: '0793-8221234',
      maskPhone: '否',
      validFrom: from,
      validUntil: until,
      urgent: '是',
      booth: '',
    },
  ];
  return rows.map((r) => IMPORT_FIELDS.map((f) => r[f]));
}
