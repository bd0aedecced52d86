/**
 * Trade categories shown on boards and kiosk pictograms. The code is what postings carry;
 * labels live in the i18n catalogues (key `occupation.<code>`), the pictogram is an emoji-free
 * SVG id under assets/pictograms so every hall PC draws the same thing.
 */
export const OCCUPATION_CODES = [
  'construction',
  'moving',
  'delivery',
  'driving',
  'cleaning',
  'catering',
  'retail',
  'repair',
  'factory',
  'care',
  'teaching',
  'media',
  'office',
  'farming',
  'other',
] as const;

export type OccupationCode = (typeof OCCUPATION_CODES)[number];

/** zh-CN labels, used where no i18n runtime exists (host-side text, demo data, search). */
export const OCCUPATION_LABELS_ZH: Record<OccupationCode, string> = {
  construction: '建筑工地',
  moving: '搬运装卸',
  delivery: '快递外卖',
  driving: '驾驶司机',
  cleaning: '保洁家政',
  catering: '餐饮服务',
  retail: '零售客服',
  repair: '维修安装',
  factory: '工厂普工',
  care: '保姆护工',
  teaching: '教育培训',
  media: '直播新媒体',
  office: '文员文案',
  farming: '农业种养',
  other: '其他',
};

export function isOccupationCode(value: string): value is OccupationCode {
  return (OCCUPATION_CODES as readonly string[]).includes(value);
}
