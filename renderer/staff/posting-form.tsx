/** Create or edit a posting of the hall's own (window postings). The host validates it with the shared schema. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { districtsOfCity, HOME_CITY_CODE } from '../../shared/districts';
import { OCCUPATION_CODES } from '../../shared/occupations';
import { EMPLOYER_KINDS, EMPLOYMENT_TYPES, PAY_UNITS, SETTLEMENTS } from '../../shared/schemas/posting-enums';
import type { StaffPosting } from '../../shared/staff-data-contract';
import { apiErrorText } from '../common/api-error-text';
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
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });

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

  const select = (k: keyof typeof v, values: readonly string[], label: (x: string) => string) => (
    <select value={v[k]} onChange={set(k)} data-testid={`posting-${k}`}>
      {values.map((x) => (
        <option key={x} value={x}>
          {label(x)}
        </option>
      ))}
    </select>
  );

  return (
    <form className="panel posting-form" onSubmit={(e) => void submit(e)} data-testid="posting-form">
      <h2>{editing ? t('staff.postings.editTitle') : t('staff.postings.newTitle')}</h2>
      <div className="grid2">
        <label>
          {t('staff.postings.f.title')}
          <input value={v.title} onChange={set('title')} maxLength={40} required data-testid="posting-title" />
        </label>
        <label>
          {t('staff.postings.f.occupation')}
          {select('occupation', OCCUPATION_CODES, (x) => t(`occupation.${x}`))}
        </label>
        <label>
          {t('staff.postings.f.employerName')}
          <input
            value={v.employerName}
            onChange={set('employerName')}
            maxLength={60}
            required
            data-testid="posting-employer"
          />
        </label>
        <label>
          {t('staff.postings.f.employerKind')}
          {select('employerKind', EMPLOYER_KINDS, (x) => t(`staff.postings.kinds.${x}`))}
        </label>
        <label>
          {t('staff.postings.f.booth')}
          <input value={v.booth} onChange={set('booth')} maxLength={8} data-testid="posting-booth" />
          <span className="hint">{t('staff.postings.f.boothHint')}</span>
        </label>
        <label>
          {t('staff.postings.f.payMin')}
          <input
            type="number"
            min="0"
            step="0.5"
            value={v.payMin}
            onChange={set('payMin')}
            required
            data-testid="posting-pay"
          />
        </label>
        <label>
          {t('staff.postings.f.payMax')}
          <input type="number" min="0" step="0.5" value={v.payMax} onChange={set('payMax')} />
        </label>
        <label>
          {t('staff.postings.f.payUnit')}
          {select('payUnit', PAY_UNITS, (x) => t(`staff.postings.units.${x}`))}
        </label>
        <label>
          {t('staff.postings.f.settlement')}
          {select('settlement', SETTLEMENTS, (x) => t(`staff.postings.settlements.${x}`))}
        </label>
        <label>
          {t('staff.postings.f.employmentType')}
          {select('employmentType', EMPLOYMENT_TYPES, (x) => t(`staff.postings.types.${x}`))}
        </label>
        <label>
          {t('staff.postings.f.headcount')}
          <input type="number" min="1" max="10000" value={v.headcount} onChange={set('headcount')} required />
        </label>
        <label>
          {t('staff.postings.f.district')}
          {select(
            'districtCode',
            DISTRICTS.map((d) => d.code),
            (x) => DISTRICTS.find((d) => d.code === x)?.name ?? x,
          )}
        </label>
        <label>
          {t('staff.postings.f.address')}
          <input value={v.address} onChange={set('address')} maxLength={120} />
        </label>
        <label>
          {t('staff.postings.f.contactPhone')}
          <input
            value={v.contactPhone}
            onChange={set('contactPhone')}
            inputMode="tel"
            required
            data-testid="posting-phone"
          />
        </label>
        <label>
          {t('staff.postings.f.validUntil')}
          <input type="date" value={v.validUntil} onChange={set('validUntil')} required data-testid="posting-until" />
        </label>
      </div>
      {error ? (
        <p className="error" data-testid="posting-error">
          {error}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="primary" data-testid="posting-save">
          {t('staff.postings.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('staff.postings.cancel')}
        </button>
      </div>
    </form>
  );
}
