/** Create or edit a posting of the hall's own (window postings). The host validates it with the shared schema. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { districtsOfCity, HOME_CITY_CODE } from '../../shared/districts';
import { OCCUPATION_CODES } from '../../shared/occupations';
import { EMPLOYER_KINDS, EMPLOYMENT_TYPES, PAY_UNITS, SETTLEMENTS } from '../../shared/schemas/posting-enums';
import type { StaffPosting } from '../../shared/staff-data-contract';
import { apiErrorText } from '../common/api-error-text';
import { SaveCancel, Field, type FieldProps } from './form-fields';
import { STAFF_DATA_ROUTES, staffApi } from './staff-api';

const DISTRICTS = districtsOfCity(HOME_CITY_CODE);

function localDate(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
}

export function PostingForm({ editing, onDone }: { editing: StaffPosting | null; onDone: () => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState(() => ({
    title: editing?.title ?? '',
    occupation: editing?.occupation ?? 'construction',
    employerName: editing?.employerName ?? '',
    employerKind: editing?.employerKind ?? 'enterprise',
    booth: editing?.booth ?? '',
    payMin: editing ? String(editing.payMin) : '',
    payMax: editing?.payMax != null ? String(editing.payMax) : '',
    payUnit: editing?.payUnit ?? 'day',
    settlement: editing?.settlement ?? 'daily',
    employmentType: editing?.employmentType ?? 'gig',
    headcount: editing ? String(editing.headcount) : '1',
    districtCode: editing?.districtCode ?? DISTRICTS[0]?.code ?? '',
    address: editing?.address ?? '',
    contactPhone: editing?.contactPhone ?? '',
    validUntil: editing
      ? localDate(editing.validUntil)
      : localDate(new Date(Date.now() + 14 * 86_400_000).toISOString()),
  }));
  const [error, setError] = useState<string | null>(null);
  type Key = keyof typeof v;
  const set = (k: Key) => (value: string) => setV({ ...v, [k]: value });
  // a field's label is `staff.postings.f.<key>` (the district's: `…f.district`)
  const label = (k: Key) => t(`staff.postings.f.${k === 'districtCode' ? 'district' : k}`);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const body = {
      title: v.title,
      occupation: v.occupation,
      employerName: v.employerName,
      employerKind: v.employerKind,
      employerVerified: editing?.employerVerified ?? false,
      // blank clears the booth (the schema stores no empty booth)
      booth: v.booth,
      payMin: Number(v.payMin),
      payMax: v.payMax === '' ? null : Number(v.payMax),
      payUnit: v.payUnit,
      settlement: v.settlement,
      employmentType: v.employmentType,
      headcount: Number(v.headcount),
      districtCode: v.districtCode,
      address: v.address,
      contactPhone: v.contactPhone,
      validUntil: `${v.validUntil}T23:59:59+08:00`,
    };
    try {
      if (editing) await staffApi.call(STAFF_DATA_ROUTES.postingUpdate, { params: { id: editing.id }, body });
      else await staffApi.call(STAFF_DATA_ROUTES.postingCreate, { body });
      onDone();
    } catch (err) {
      setError(apiErrorText(t, err));
    }
  }

  const text = (k: Key, input: Omit<FieldProps, 'children' | 'value' | 'onValue'>) => (
    <Field value={v[k]} onValue={set(k)} {...input}>
      {label(k)}
    </Field>
  );
  const choice = (k: Key, values: readonly string[], optionLabel: (x: string) => string) => (
    <label>
      {label(k)}
      <select value={v[k]} onChange={(e) => set(k)(e.target.value)} data-testid={`posting-${k}`}>
        {values.map((x) => (
          <option key={x} value={x}>
            {optionLabel(x)}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <form className="panel posting-form" onSubmit={(e) => void submit(e)} data-testid="posting-form">
      <h2>{editing ? t('staff.postings.editTitle') : t('staff.postings.newTitle')}</h2>
      <div className="grid2">
        {text('title', { maxLength: 40, required: true, testId: 'posting-title' })}
        {choice('occupation', OCCUPATION_CODES, (x) => t(`occupation.${x}`))}
        {text('employerName', { maxLength: 60, required: true, testId: 'posting-employer' })}
        {choice('employerKind', EMPLOYER_KINDS, (x) => t(`staff.postings.kinds.${x}`))}
        {text('booth', { maxLength: 8, testId: 'posting-booth', hint: t('staff.postings.f.boothHint') })}
        {text('payMin', { type: 'number', min: '0', step: '0.5', required: true, testId: 'posting-pay' })}
        {text('payMax', { type: 'number', min: '0', step: '0.5' })}
        {choice('payUnit', PAY_UNITS, (x) => t(`staff.postings.units.${x}`))}
        {choice('settlement', SETTLEMENTS, (x) => t(`staff.postings.settlements.${x}`))}
        {choice('employmentType', EMPLOYMENT_TYPES, (x) => t(`staff.postings.types.${x}`))}
        {text('headcount', { type: 'number', min: '1', max: '10000', required: true })}
        {choice(
          'districtCode',
          DISTRICTS.map((d) => d.code),
          (x) => DISTRICTS.find((d) => d.code === x)?.name ?? x,
        )}
        {text('address', { maxLength: 120 })}
        {text('contactPhone', { inputMode: 'tel', required: true, testId: 'posting-phone' })}
        {text('validUntil', { type: 'date', required: true, testId: 'posting-until' })}
      </div>
      {error ? (
        <p className="error" data-testid="posting-error">
          {error}
        </p>
      ) : null}
      <div className="actions">
        <SaveCancel scope="staff.postings" onCancel={onDone} testId="posting-save" />
      </div>
    </form>
  );
}
