/** Full-area messages and status bands: empty plan, screen too small, unknown screen, stale data, lost host. */
import { useTranslation } from 'react-i18next';
import { formatClock } from '../common/format-time';

export type NoticeKind = 'connecting' | 'empty' | 'screen-too-small' | 'screen-error' | 'invalid-screen-id' | 'bad-plan';

export function BoardNotice({ kind, title, hint }: { kind: NoticeKind; title: string; hint?: string | undefined }) {
  return (
    <div className="notice" data-testid="board-notice" data-notice={kind} role="status">
      <div className="notice__title">{title}</div>
      {hint ? <div className="notice__hint">{hint}</div> : null}
    </div>
  );
}

export function StaleBanner({ since, locale }: { since: number | null; locale: string }) {
  const { t } = useTranslation();
  return (
    <div className="stale-banner" data-testid="board-stale-banner" role="alert">
      {'⚠ '}
      {t('board.staleBanner')}
      {since !== null ? t('board.staleSince', { time: formatClock(since, locale) }) : null}
    </div>
  );
}

export function LinkLostIndicator({ since, locale }: { since: number; locale: string }) {
  const { t } = useTranslation();
  return (
    <div className="link-lost" data-testid="board-disconnected" role="status">
      {t('board.disconnectedSince', { time: formatClock(since, locale) })}
    </div>
  );
}
