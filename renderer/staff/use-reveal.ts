/**
 * The audited reveal of a sign-up's phone and name, as the sign-ups page and the call list
 * (待通知) use it: asks for a reason, calls the reveal route (which writes the audit row) and
 * keeps what it showed for this view only.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STAFF_DATA_ROUTES, staffApi } from './staff-api';

export function useReveal(fail: (e: unknown) => void) {
  const { t } = useTranslation();
  const [revealed, setRevealed] = useState<Record<string, { phone: string; name: string }>>({});
  async function reveal(id: string, number: string) {
    const reason = window.prompt(t('staff.signups.revealReason', { number }));
    if (!reason) return;
    try {
      const shown = await staffApi.call(STAFF_DATA_ROUTES.signupReveal, { params: { id }, body: { reason } });
      setRevealed((r) => ({ ...r, [id]: shown }));
    } catch (e) {
      fail(e);
    }
  }
  return { revealed, reveal };
}
