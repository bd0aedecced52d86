/**
 * The words of an import's problems: the host sends an i18n key (`importError.<name>`) with
 * parameters — the column as the file names it, the value staff typed, the accepted choices —
 * and the console renders them in the staff member's language. The host's own `message` is
 * English for logs and API clients; no screen shows it.
 */
export const IMPORT_MESSAGES = [
  'missing',
  'markup',
  'badPay',
  'badNumber',
  'badWhole',
  'badPhone',
  'unknownDistrict',
  'unknownDistrictCode',
  'ambiguousDistrict',
  'choice',
  'yesNo',
  'badTrade',
  'badDate',
  'badId',
  'duplicate',
  'duplicateContent',
  'badBooth',
  'tooLong',
  'tooBig',
  'tooSmall',
  'payMaxBelowMin',
  'untilBeforeFrom',
  'invalid',
] as const;
export type ImportMessage = (typeof IMPORT_MESSAGES)[number];

/** A parameter: text, a number, or a list the console joins with its language's separator. */
export type ImportMessageParam = string | number | readonly string[];

/** The i18n key of a message. */
export const importMessageKey = (m: ImportMessage) => `importError.${m}` as const;

/** Parameters ready for i18next: lists joined with `separator` (、 in Chinese, ", " in English). */
export function importMessageParams(
  params: Readonly<Record<string, ImportMessageParam>>,
  separator: string,
): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) out[k] = typeof v === 'object' ? v.join(separator) : v;
  return out;
}
