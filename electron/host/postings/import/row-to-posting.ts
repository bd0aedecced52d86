/**
 * One spreadsheet row to a posting, or the reasons it cannot be one. Cells are read the way
 * people fill them in (`日结`, `元/天`, `120-200`, `2025/7/1`, `信州区`, `是`), then the whole
 * posting is checked with the shared ListingSchema, so an imported posting obeys exactly the
 * rules of one that came from the platform. A row is all or nothing: any problem refuses it.
 */
import { createHash } from 'node:crypto';
import { BOOTH_PATTERN, LIMITS, PostingSchema, normaliseBooth, type Posting } from '../../../../shared/schemas/posting';
import type { ImportMessage, ImportMessageParam } from '../../../../shared/import-messages';
import { OCCUPATION_CODES, OCCUPATION_LABELS_ZH, type OccupationCode } from '../../../../shared/occupations';
import { IMPORT_ID_PREFIX, type ImportProblem } from '../../../../shared/staff-data-contract';
import { COLUMN_NAMES, importFieldOf, type ColumnMap, type ImportField } from './import-columns';
import { CHOICES, payUnitWord, squash, yesNo, type ChoiceWords } from './import-synonyms';
import { issueProblem } from './issue-problem';
import type { Cell } from './read-table';
import { lookupDistrict } from './district-lookup';

/** The hall's wall clock: China Standard Time has no daylight saving. */
const HALL_OFFSET = '+08:00';
/** How the messages show a date. */
const DATE_EXAMPLE = '2026-12-31';

export interface RowContext {
  map: ColumnMap;
  header: readonly string[];
  now: number;
  source: string;
  /** The stored posting with this id, to keep its start date and bump its revision. */
  existing: (id: string) => Posting | undefined;
}

export type RowResult =
  | { ok: true; posting: Posting; rawId: string | null; changed: boolean }
  | { ok: false; rawId: string | null; reasons: ImportProblem[] };

const OCCUPATION_WORDS = new Map<string, OccupationCode>();
for (const code of OCCUPATION_CODES) {
  OCCUPATION_WORDS.set(code, code);
  OCCUPATION_WORDS.set(OCCUPATION_LABELS_ZH[code], code);
}

/** What staff typed, short enough for a message. */
const shown = (s: string, max = 20) => (s.length > max ? `${s.slice(0, max)}…` : s);

function text(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString();
  if (typeof cell === 'number') return Number.isInteger(cell) ? String(cell) : String(cell);
  return String(cell).trim();
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A date as the hall's local wall time, to an ISO string with the hall's offset. */
function dateCell(cell: Cell, endOfDay: boolean): string | null {
  if (cell instanceof Date) {
    // exceljs hands Excel's zone-less date-times over as if they were UTC: read them back so.
    const d = cell;
    const midnight = d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0;
    const time =
      midnight && endOfDay ? '23:59:59' : `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${time}${HALL_OFFSET}`;
  }
  const s = text(cell);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s))
    return Number.isNaN(Date.parse(s)) ? null : s;
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[\sT]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  if (!m) return null;
  const [, y, mo, d, h, mi, sec] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const time = h === undefined ? (endOfDay ? '23:59:59' : '00:00:00') : `${pad(Number(h))}:${mi}:${sec ?? '00'}`;
  const iso = `${y}-${pad(month)}-${pad(day)}T${time}${HALL_OFFSET}`;
  const parsed = new Date(iso);
  // 2025-02-30 parses as March 2nd: refuse dates that do not exist.
  if (Number.isNaN(parsed.getTime()) || new Date(parsed.getTime() + 8 * 3600_000).getUTCDate() !== day) return null;
  return iso;
}

function numberCell(cell: Cell): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  const s = text(cell)
    .replace(/[,，\s]/g, '')
    .replace(/元$/, '');
  if (!/^\d+(\.\d+)?$/.test(s)) return null;
  return Number(s);
}

/** `120-200元/课时`, `300`, `8.5元/单` in one pay cell. */
function payCell(cell: Cell): { min: number; max: number | null; unit: Posting['payUnit'] | null } | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? { min: cell, max: null, unit: null } : null;
  const s = text(cell).replace(/[,，\s]/g, '');
  const m = /^(\d+(?:\.\d+)?)(?:[-–—~～至到](\d+(?:\.\d+)?))?(?:元)?(?:[/／每](.+))?$/.exec(s);
  if (!m) return null;
  const unit = m[3] === undefined ? null : payUnitWord(m[3]);
  if (unit === undefined) return null;
  return { min: Number(m[1]), max: m[2] === undefined ? null : Number(m[2]), unit };
}

function phoneCell(cell: Cell): string {
  if (typeof cell === 'number') return Number.isInteger(cell) ? String(cell) : String(cell);
  return text(cell).replace(/\s+/g, '');
}

export function rowToPosting(cells: readonly Cell[], ctx: RowContext): RowResult {
  const { map, header } = ctx;
  const problems: ImportProblem[] = [];
  const column = (f: ImportField) =>
    map.fields[f] !== undefined ? header[map.fields[f]!] || COLUMN_NAMES[f] : COLUMN_NAMES[f];
  const cell = (f: ImportField): Cell => (map.fields[f] === undefined ? null : (cells[map.fields[f]!] ?? null));
  const has = (f: ImportField) => text(cell(f)) !== '';
  const value = (f: ImportField) => shown(text(cell(f)));
  const problem = (
    f: ImportField,
    code: ImportProblem['code'],
    message: ImportMessage,
    params: Record<string, ImportMessageParam>,
    english: string,
  ) =>
    problems.push({
      column: column(f),
      code,
      text: message,
      params: { column: column(f), ...params },
      message: `${column(f)}: ${english}`,
    });
  const required = (f: ImportField) => {
    if (!has(f)) problem(f, 'missing', 'missing', {}, 'required');
    return has(f);
  };
  const choice = <T extends string>(f: ImportField, words: ChoiceWords<T>, fallback: T | null): T | undefined => {
    if (!has(f)) {
      if (fallback === null) required(f);
      return fallback ?? undefined;
    }
    const v = words.lookup.get(squash(text(cell(f))));
    if (v === undefined)
      problem(
        f,
        'bad_choice',
        'choice',
        { choices: words.shown, value: value(f) },
        `"${value(f)}" is not one of ${words.shown.join(' ')}`,
      );
    return v;
  };
  /** A date cell (validUntil: the end of its day); a cell that is no date is a problem. */
  const date = (f: ImportField, endOfDay: boolean): string | undefined => {
    const v = dateCell(cell(f), endOfDay) ?? undefined;
    const written = shown(text(cell(f)), 24);
    if (!v)
      problem(
        f,
        'bad_date',
        'badDate',
        { value: written, example: DATE_EXAMPLE },
        `"${written}" is not a date like ${DATE_EXAMPLE}`,
      );
    return v;
  };
  const bool = (f: ImportField): boolean => {
    const v = yesNo(text(cell(f)));
    if (v === null) problem(f, 'bad_choice', 'yesNo', { value: value(f) }, `"${value(f)}" must be 是 or 否`);
    return v === true;
  };

  // Markup first: a cell with HTML in it refuses the row whatever else it holds.
  for (const [i, c] of cells.entries()) {
    if (typeof c === 'string' && /[<>]/.test(c)) {
      const name = header[i] || `#${i + 1}`;
      problems.push({
        column: name,
        code: 'markup',
        text: 'markup',
        params: { column: name },
        message: `${name}: contains HTML or markup (< or >); postings are plain text`,
      });
    }
  }

  const rawId = has('id') ? text(cell('id')) : null;
  if (rawId !== null && !/^[A-Za-z0-9._:-]{1,58}$/.test(rawId))
    problem(
      'id',
      'bad_id',
      'badId',
      { value: shown(rawId) },
      `"${shown(rawId)}" must be 1–58 letters, digits or . _ : -`,
    );

  const occupationText = text(cell('occupation'));
  let occupation: OccupationCode | undefined;
  if (required('occupation')) {
    occupation = OCCUPATION_WORDS.get(occupationText) ?? OCCUPATION_WORDS.get(occupationText.toLowerCase());
    if (!occupation)
      problem(
        'occupation',
        'bad_choice',
        'badTrade',
        { choices: Object.values(OCCUPATION_LABELS_ZH), value: value('occupation') },
        `"${value('occupation')}" is not a trade`,
      );
  }

  let payMin: number | undefined;
  let payMax: number | null = null;
  let payUnit: Posting['payUnit'] | undefined;
  if (required('payMin')) {
    const pay = payCell(cell('payMin'));
    if (!pay)
      problem(
        'payMin',
        'bad_number',
        'badPay',
        { value: value('payMin') },
        `"${value('payMin')}" is not an amount like 200 or 120-200元/天`,
      );
    else {
      payMin = pay.min;
      payMax = pay.max;
      payUnit = pay.unit ?? undefined;
    }
  }
  if (has('payMax')) {
    const n = numberCell(cell('payMax'));
    if (n === null)
      problem('payMax', 'bad_number', 'badNumber', { value: value('payMax') }, `"${value('payMax')}" is not a number`);
    else payMax = n;
  }
  if (has('payUnit') || payUnit === undefined) payUnit = choice('payUnit', CHOICES.payUnit, null);

  let headcount: number | undefined;
  if (required('headcount')) {
    const n = numberCell(cell('headcount'));
    if (n === null || !Number.isInteger(n))
      problem(
        'headcount',
        'bad_number',
        'badWhole',
        { value: value('headcount') },
        `"${value('headcount')}" is not a whole number`,
      );
    else headcount = n;
  }

  let districtCode: string | undefined;
  if (required('district')) {
    const found = lookupDistrict(text(cell('district')));
    if ('error' in found)
      problem(
        'district',
        'unknown_district',
        found.error === 'code'
          ? 'unknownDistrictCode'
          : found.error === 'ambiguous'
            ? 'ambiguousDistrict'
            : 'unknownDistrict',
        found.error === 'ambiguous' ? { value: value('district'), count: found.count } : { value: value('district') },
        found.message,
      );
    else districtCode = found.code;
  }

  const contactPhone = phoneCell(cell('contactPhone'));
  if (required('contactPhone') && !/^(1\d{10}|0\d{2,3}-?\d{7,8}(-\d{1,6})?|400-?\d{3}-?\d{4})$/.test(contactPhone)) {
    problem(
      'contactPhone',
      'bad_phone',
      'badPhone',
      { value: shown(contactPhone) },
      `"${shown(contactPhone)}" is not a mobile (11 digits) or a landline with area code`,
    );
  }

  const prefixedId = rawId !== null ? `${IMPORT_ID_PREFIX}${rawId}` : null;
  const existingById = prefixedId ? ctx.existing(prefixedId) : undefined;
  const validUntil = required('validUntil') ? date('validUntil', true) : undefined;
  const validFrom = has('validFrom') ? date('validFrom', false) : undefined;

  const booth = normaliseBooth(text(cell('booth')));
  if (booth !== '' && !BOOTH_PATTERN.test(booth))
    problem(
      'booth',
      'bad_booth',
      'badBooth',
      { value: shown(booth), max: LIMITS.booth },
      `"${shown(booth)}" is not a booth code like A12 (letters, digits and -, at most ${LIMITS.booth})`,
    );

  const employerKind = choice('employerKind', CHOICES.employerKind, 'enterprise');
  const settlement = choice('settlement', CHOICES.settlement, null);
  const employmentType = choice('employmentType', CHOICES.employmentType, 'gig');
  required('title');
  required('employerName');

  if (problems.length > 0) return { ok: false, rawId, reasons: problems };

  const base = {
    employerName: text(cell('employerName')),
    employerKind,
    employerVerified: bool('employerVerified'),
    title: text(cell('title')),
    occupation,
    description: text(cell('description')),
    requirements: text(cell('requirements')),
    payMin,
    payMax,
    payUnit,
    settlement,
    headcount,
    employmentType,
    districtCode,
    address: text(cell('address')),
    workTime: text(cell('workTime')),
    contactName: text(cell('contactName')),
    contactPhone,
    maskPhone: bool('maskPhone'),
    urgent: bool('urgent'),
  };
  if (problems.length > 0) return { ok: false, rawId, reasons: problems };

  // Without an id column the content is the id: the same row imported again is the same posting.
  const id =
    prefixedId ??
    `${IMPORT_ID_PREFIX}${createHash('sha256')
      .update(JSON.stringify([base, validFrom ?? null, validUntil]))
      .digest('hex')
      .slice(0, 24)}`;
  const existing = existingById ?? ctx.existing(id);
  const candidate = {
    ...base,
    id,
    // Not part of the content id: a booth changes from day to day, the posting stays the same.
    ...(booth !== '' ? { booth } : {}),
    // No start date given: a posting already stored keeps its own, a new one starts now.
    validFrom: validFrom ?? existing?.validFrom ?? new Date(ctx.now).toISOString(),
    validUntil,
    source: existing?.source ?? ctx.source,
    revision: existing?.revision ?? 1,
    updatedAt: existing?.updatedAt ?? new Date(ctx.now).toISOString(),
  };
  const parsed = PostingSchema.safeParse(candidate);
  if (!parsed.success) {
    return {
      ok: false,
      rawId,
      reasons: parsed.error.issues.slice(0, 8).map((issue) => {
        const field = fieldOfPath(issue.path);
        const col = field ? column(field) : COLUMN_NAMES.title;
        return issueProblem(issue, col, field ? value(field) : '');
      }),
    };
  }
  if (existing && sameContent(existing, parsed.data)) return { ok: true, posting: existing, rawId, changed: false };
  const posting: Posting = existing
    ? {
        ...parsed.data,
        revision: existing.revision + 1,
        updatedAt: new Date(ctx.now).toISOString(),
        source: ctx.source,
      }
    : parsed.data;
  return { ok: true, posting, rawId, changed: true };
}

/** The import column of a posting field the schema names (districtCode is the 区县 column). */
export function fieldOfPath(path: readonly PropertyKey[]): ImportField | null {
  return importFieldOf(String(path[0] ?? ''));
}

/** Equal apart from bookkeeping (revision, time, where it came from). */
export function sameContent(a: Posting, b: Posting): boolean {
  const strip = ({ revision: _r, updatedAt: _u, source: _s, validFrom: _f, validUntil: _t, ...rest }: Posting) => rest;
  const x = strip(a);
  const y = strip(b);
  // both sides' keys: an optional field (booth) may be absent on one of them
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]) as Set<keyof typeof x>;
  return (
    [...keys].every((k) => x[k] === y[k]) &&
    Date.parse(a.validFrom) === Date.parse(b.validFrom) &&
    Date.parse(a.validUntil) === Date.parse(b.validUntil)
  );
}
