/**
 * An audit entry in the words staff use: its target named as they see it — the sign-up number
 * (A-0004), the posting's or urgent posting's title, the screen's or kiosk's name — never a
 * UUID; the reason given for a reveal or an export; and the whole list as a CSV for Excel.
 */
import type { TFunction } from 'i18next';
import type { AuditEntry } from '../../shared/staff-contract';

export interface AuditNames {
  /** Screen id → its name (from the screens page's data). */
  screens: ReadonlyMap<string, string>;
  /** Kiosk id → the name staff gave it. */
  kiosks: ReadonlyMap<string, string>;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

export function auditAction(t: TFunction, e: AuditEntry): string {
  return t(`staff.audit.actions.${e.action.replace('.', '_')}`, { defaultValue: t('staff.audit.otherAction') });
}

export function auditTarget(t: TFunction, e: AuditEntry, names: AuditNames): string {
  const d = e.detail;
  const number = text(d.number);
  if (number) return t('staff.audit.signupTarget', { number });
  const title = text(d.title);
  if (title) return title;
  if (e.action.startsWith('notice.')) return text(d.text) ?? '';
  if (e.action === 'account.create' || e.action === 'setup.first_admin') return text(d.name) ?? '';
  if (e.target && (e.action.startsWith('screen.') || e.action.startsWith('pulse.')))
    return names.screens.get(e.target) ?? t('staff.audit.screenTarget', { id: e.target });
  if (e.target && e.action.startsWith('device.'))
    return text(d.label) ?? names.kiosks.get(e.target) ?? t('staff.audit.deviceTarget');
  if (e.action === 'pairing.approve') return t(`staff.audit.pairedAs.${d.role === 'kiosk' ? 'kiosk' : 'board'}`);
  if (typeof d.rows === 'number') return t('staff.audit.rows', { count: d.rows });
  return '';
}

/** The reason a staff member gave (a reveal, an export with phones), or ''. */
export const auditReason = (e: AuditEntry): string => text(e.detail.reason) ?? '';

const cell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** CSV with a BOM, so Excel and WPS open the Chinese text right. */
export function auditCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
