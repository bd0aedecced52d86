/**
 * The LED board page: joins the host as screen `:screenId`, rotates the plan's pages on
 * absolute deadlines and draws the page in the planned layout. It never measures text: every
 * size and every cut string comes from the plan.
 */
import { useEffect, useLayoutEffect, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { i18n } from 'i18next';
import type { BoardPlan } from '../../shared/schemas/board-plan';
import { applyLocale } from '../common/i18n';
import { createServerClock } from '../common/server-clock';
import { BoardHeader } from './board-header';
import { BoardNotice, StaleBanner } from './board-notices';
import { boardStyle } from './board-style';
import { CardsPage } from './cards-page';
import { LinkLost } from './link-lost';
import { PageStack } from './page-stack';
import { screenIdFromPath } from './screen-id';
import { TablePage } from './table-page';
import { TickerPage } from './ticker-page';
import { useBoardLink } from './use-board-link';
import { useHeartbeat } from './use-heartbeat';
import { useRotation, type ShownPage } from './use-rotation';

type DrawnLayout = 'cards' | 'table' | 'ticker' | null;

/** The layout we can actually draw: the planned one, or whichever geometry the plan did give. */
function drawableLayout(plan: BoardPlan): DrawnLayout {
  const g = plan.geometry;
  if (plan.layout === 'cards' && g.cards) return 'cards';
  if (plan.layout === 'table' && g.table) return 'table';
  if (plan.layout === 'ticker' && g.ticker) return 'ticker';
  if (g.ticker) return 'ticker';
  if (g.table) return 'table';
  if (g.cards) return 'cards';
  return null;
}

function PlannedBoard({ plan, shown, now }: { plan: BoardPlan; shown: ShownPage | null; now: () => number }) {
  const { t } = useTranslation();
  const layout = drawableLayout(plan);
  const g = plan.geometry;
  const pageNumber = shown ? plan.pages.indexOf(shown.page) + 1 : 0;
  const pageCount = plan.pages.length;
  const hasItems = shown !== null && shown.page.items.length > 0;

  if (plan.warnings.includes('screen-too-small') || layout === null) {
    return (
      <div className="notice--tiny">
        <BoardNotice kind="screen-too-small" title={t('board.screenTooSmall')} hint={t('board.screenTooSmallHint')} />
      </div>
    );
  }

  if (layout === 'ticker') {
    if (!hasItems) return <BoardNotice kind="empty" title={t('board.empty')} hint={t('board.emptyHint')} />;
    return (
      <TickerPage
        items={shown.page.items}
        ticker={g.ticker!}
        startedAt={shown.startedAt}
        now={now}
        locale={plan.locale}
        dataUpdatedAt={plan.dataUpdatedAt}
        pageNumber={pageNumber}
        pageCount={pageCount}
      />
    );
  }

  return (
    <>
      <BoardHeader
        screenName={plan.screenName}
        locale={plan.locale}
        now={now}
        dataUpdatedAt={plan.dataUpdatedAt}
        pageNumber={pageNumber}
        pageCount={pageCount}
      />
      <main className="board-content">
        {hasItems ? (
          <PageStack
            pageKey={shown.key}
            render={(live) =>
              layout === 'cards' ? (
                <CardsPage items={shown.page.items} cards={g.cards!} live={live} />
              ) : (
                <TablePage items={shown.page.items} table={g.table!} live={live} />
              )
            }
          />
        ) : (
          <BoardNotice kind="empty" title={t('board.empty')} hint={t('board.emptyHint')} />
        )}
      </main>
    </>
  );
}

export function BoardApp({ i18n }: { i18n: i18n }) {
  const { t } = useTranslation();
  const screenId = useMemo(() => screenIdFromPath(window.location.pathname), []);
  const clock = useMemo(() => createServerClock(), []);
  const link = useBoardLink(screenId, clock);
  const { plan, status } = link;
  const shown = useRotation(plan, clock, link.clockEpoch);
  const reportPaint = useHeartbeat(link.socket, clock);
  const locale = plan?.locale ?? i18n.language;

  useEffect(() => {
    if (plan) applyLocale(i18n, plan.locale);
  }, [i18n, plan?.locale]);

  useEffect(() => {
    document.title = plan ? t('board.documentTitle', { name: plan.screenName }) : t('board.documentTitleDefault');
  }, [t, plan?.screenName, plan?.locale]);

  const pageIndex = shown?.page.index ?? 0;
  useLayoutEffect(() => {
    if (plan) reportPaint(plan.planId, pageIndex);
  }, [plan?.planId, pageIndex, reportPaint]);

  const rootProps = {
    'data-testid': 'board-root',
    'data-screen-id': screenId ?? '',
    'data-connected': String(link.connected),
  };

  let body: ReactNode;
  if (screenId === null) {
    body = <BoardNotice kind="invalid-screen-id" title={t('board.invalidScreenId')} />;
  } else if (link.screenError) {
    body = <BoardNotice kind="screen-error" title={t('board.screenError')} hint={t('board.screenErrorHint', { screenId })} />;
  } else if (!plan) {
    body = link.badPlan ? (
      <BoardNotice kind="bad-plan" title={t('board.badPlan')} />
    ) : (
      <BoardNotice kind="connecting" title={t('board.connecting')} />
    );
  }
  if (body !== undefined || !plan) {
    return (
      <div className="board board--bare" {...rootProps}>
        {body}
        <LinkLost lostAt={link.lostAt} clock={clock} locale={locale} />
      </div>
    );
  }

  const layout = drawableLayout(plan);
  const stale = status?.stale === true;
  return (
    <div
      className={`board board--${layout ?? 'none'}${stale ? ' board--stale' : ''}`}
      style={boardStyle(plan.geometry)}
      {...rootProps}
      data-plan-id={plan.planId}
      data-page-index={pageIndex}
      data-layout={layout ?? 'none'}
      data-stale={String(stale)}
    >
      <PlannedBoard plan={plan} shown={shown} now={clock.now} />
      {stale ? <StaleBanner since={status?.lastSyncAt ?? null} locale={plan.locale} /> : null}
      <LinkLost lostAt={link.lostAt} clock={clock} locale={plan.locale} />
    </div>
  );
}
