/** Full-area messages and status texts: empty plan, screen too small, unknown screen, stale data, lost host. */
import { useTranslation } from 'react-i18next';
import { formatClock } from '../common/format-time';

export type NoticeKind =
  | 'connecting'
  | 'empty'
  | 'screen-too-small'
  | 'screen-error'
  | 'invalid-screen-id'
  | 'bad-plan'
  | 'pairing'
  | 'refused';

export function BoardNotice({ kind, title, hint }: { kind: NoticeKind; title: string; hint?: string | undefined }) {
  return (
    <div className={`notice notice--${kind}`} data-testid="board-notice" data-notice={kind} role="status">
      <div className="notice__title">{title}</div>
      {hint ? <div className="notice__hint">{hint}</div> : null}
    </div>
  );
}

/** A board page on the hall network waiting for staff to approve it: the code, as big as the screen allows. */
export function PairingNotice({ screenId, code }: { screenId: string; code: string | null }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice--pairing" data-testid="board-pairing" role="status">
      <div className="notice__title">{t('board.pairing.title', { screenId })}</div>
      <div className="pairing-code" data-testid="board-pairing-code">
        {code ? `${code.slice(0, 3)} ${code.slice(3)}` : '— — —'}
      </div>
      <div className="notice__hint">{t('board.pairing.hint')}</div>
    </div>
  );
}

/** "⚠ 数据可能不是最新：与城市平台的连接已中断（自 HH:MM）". */
export function StaleText({ since, locale, className }: { since: number | null; locale: string; className: string }) {
  const { t } = useTranslation();
  return (
    <span className={className} data-testid="board-stale-banner" role="alert">
      {'⚠ '}
      {t('board.staleBanner')}
      {since !== null ? t('board.staleSince', { time: formatClock(since, locale) }) : null}
    </span>
  );
}

/** "与主机断开（自 HH:MM）"; `since` is on the host's clock. */
export function LinkLostText({ since, locale, className }: { since: number; locale: string; className: string }) {
  const { t } = useTranslation();
  return (
    <span className={className} data-testid="board-disconnected" role="status">
      {t('board.disconnectedSince', { time: formatClock(since, locale) })}
    </span>
  );
}
