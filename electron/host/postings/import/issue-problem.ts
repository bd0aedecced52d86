/**
 * A zod issue of the whole-posting check (shared/schemas/posting.ts) as an import problem: an
 * i18n key with the column and the limit, so the console says "岗位太长：最多 40 个字" rather
 * than zod's English. Every issue kind the schema can raise has a message here; the unit test
 * import-messages.test.ts walks them.
 */
import type { z } from 'zod';
import type { ImportMessage, ImportMessageParam } from '../../../../shared/import-messages';
import type { ImportProblem } from '../../../../shared/staff-data-contract';
import { LIMITS } from '../../../../shared/schemas/posting';

function message(issue: z.core.$ZodIssue): { text: ImportMessage; params: Record<string, ImportMessageParam> } {
  const field = String(issue.path[0] ?? '');
  switch (issue.code) {
    case 'too_big':
      return issue.origin === 'string'
        ? { text: 'tooLong', params: { max: Number(issue.maximum) } }
        : { text: 'tooBig', params: { max: Number(issue.maximum) } };
    case 'too_small':
      return issue.origin === 'string'
        ? { text: 'missing', params: {} }
        : { text: 'tooSmall', params: { min: Number(issue.minimum) } };
    case 'custom':
      if (field === 'payMax') return { text: 'payMaxBelowMin', params: {} };
      if (field === 'validUntil') return { text: 'untilBeforeFrom', params: {} };
      if (field === 'districtCode') return { text: 'unknownDistrictCode', params: {} };
      if (field === 'booth') return { text: 'badBooth', params: { max: LIMITS.booth } };
      return { text: 'markup', params: {} };
    default:
      return { text: 'invalid', params: {} };
  }
}

export function issueProblem(issue: z.core.$ZodIssue, column: string, value: string): ImportProblem {
  const { text, params } = message(issue);
  return {
    column,
    code: 'invalid',
    text,
    params: { column, value, ...params },
    message: `${column}: ${issue.message}`,
  };
}
