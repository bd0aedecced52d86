/**
 * Header names staff are likely to type, in Chinese or English, mapped to posting fields.
 * Matching ignores case, spaces, brackets and a trailing `*` (a "required" mark), so
 * `联系电话*`, `联系电话（必填）` and `contactPhone` all land on the same field.
 */
export const IMPORT_FIELDS = [
  'id',
  'title',
  'occupation',
  'employerName',
  'employerKind',
  'employerVerified',
  'description',
  'requirements',
  'payMin',
  'payMax',
  'payUnit',
  'settlement',
  'headcount',
  'employmentType',
  'district',
  'address',
  'workTime',
  'contactName',
  'contactPhone',
  'maskPhone',
  'validFrom',
  'validUntil',
  'urgent',
  'booth',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

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

/** The template staff can download: one header row in Chinese, then an example posting. */
export const TEMPLATE_HEADER = [
  '编号',
  '岗位',
  '工种',
  '雇主',
  '雇主类型',
  '已核验',
  '工作内容',
  '要求',
  '最低薪资',
  '最高薪资',
  '薪资单位',
  '结算方式',
  '人数',
  '用工类型',
  '区县',
  '工作地点',
  '工作时间',
  '联系人',
  '联系电话',
  '开始日期',
  '截止日期',
  '急聘',
  '展位',
];
export const TEMPLATE_EXAMPLE = [
  'SR-0001',
  '叉车司机',
  '驾驶司机',
  '上饶市顺达物流有限公司',
  '企业',
  '是',
  '仓库装卸',
  '持叉车证',
  '200',
  '260',
  '元/天',
  '日结',
  '3',
  '零工',
  '信州区',
  '上饶市信州区茶圣路 8 号',
  '8:00-17:00',
  '王经理',
  '13812348000',
  '2025-07-01',
  '2025-07-31',
  '否',
  'A12',
];
