/**
 * The words of a match's reasons: i18n keys with parameters; the district parameter is a
 * GB/T 2260 code and is shown by its name ("同在信州区"). `t` is the renderer's i18next `t`.
 */
import { districtName } from '../districts';
import type { MatchReason } from './matcher';

export function reasonParams(reason: MatchReason): Record<string, string> {
  const params = { ...reason.params };
  if (params.district) params.district = districtName(params.district) ?? params.district;
  return params;
}

/** "工种相同 · 同在信州区 · 日结 · 薪资高于期望". */
export function reasonsLine(
  t: (key: string, params?: Record<string, string>) => string,
  reasons: readonly MatchReason[],
): string {
  return reasons.map((r) => t(r.key, reasonParams(r))).join(t('match.separator'));
}
