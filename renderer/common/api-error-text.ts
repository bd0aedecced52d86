/**
 * What a screen says about a failed call: the translation of its error code (`apiError.<code>`
 * in the locale files), or a general line that names the code — never the host's English
 * message, which is for logs.
 */
import type { TFunction } from 'i18next';
import { ApiError } from './api-error';

export function apiErrorText(t: TFunction, error: unknown, prefix = 'apiError'): string {
  const code = error instanceof ApiError ? error.code : 'unexpected';
  return t(`${prefix}.${code}`, { defaultValue: t('apiError.fallback', { code }) });
}
