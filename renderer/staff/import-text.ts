/** An import problem in the staff member's language: its i18n key with its parameters. */
import type { TFunction } from 'i18next';
import { importMessageKey, importMessageParams } from '../../shared/import-messages';
import type { ImportProblem } from '../../shared/staff-data-contract';
import { apiErrorText } from '../common/api-error-text';
import { ApiError } from '../common/api-error';

export function problemText(t: TFunction, p: Pick<ImportProblem, 'text' | 'params'>): string {
  return t(importMessageKey(p.text), importMessageParams(p.params, t('importError.separator')));
}

/**
 * A refused file in words: the import's own text for its code, filled in with what the host
 * said (the header's missing columns), else the general one.
 */
export function importErrorText(t: TFunction, e: unknown): string {
  const code = e instanceof ApiError && e.code !== 'offline' ? e.code : 'network';
  const params = e instanceof ApiError && e.params ? importMessageParams(e.params, t('importError.separator')) : {};
  return t(`staff.import.errors.${code}`, { ...params, defaultValue: apiErrorText(t, e) });
}
