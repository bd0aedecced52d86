/** An import problem in the staff member's language: its i18n key with its parameters. */
import type { TFunction } from 'i18next';
import { importMessageKey, importMessageParams } from '../../shared/import-messages';
import type { ImportProblem } from '../../shared/staff-data-contract';

export function problemText(t: TFunction, p: Pick<ImportProblem, 'text' | 'params'>): string {
  return t(importMessageKey(p.text), importMessageParams(p.params, t('importError.separator')));
}
