import { useTranslation } from 'react-i18next';
import { HugeButton } from './huge-button';

/** For staff (a long-press on the hall's name): the code this browser kiosk asks to be approved with. */
export function PairingScreen({
  code,
  expired,
  onBrowse,
}: {
  code: string | null;
  expired: boolean;
  onBrowse: () => void;
}) {
  const { t } = useTranslation();
  return (
    <main className="pairing" data-testid="pairing-screen">
      <h1>{t('kiosk.pairing.title')}</h1>
      <p>{t('kiosk.pairing.body')}</p>
      <p className="pairing-label">{t('kiosk.pairing.code')}</p>
      <p className="pairing-code" data-testid="pairing-code">
        {code ? `${code.slice(0, 3)} ${code.slice(3)}` : '— — —'}
      </p>
      <p className="muted">{expired ? t('kiosk.pairing.expired') : t('kiosk.pairing.waiting')}</p>
      <HugeButton kind="secondary" testId="pairing-back" onClick={onBrowse}>
        {t('kiosk.pairing.back')}
      </HugeButton>
    </main>
  );
}
