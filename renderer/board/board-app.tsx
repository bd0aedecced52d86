/**
 * The LED board page: joins the host as screen `:screenId`, rotates the plan's pages on
 * absolute deadlines and draws the page in the planned layout. It never measures text: every
 * size and every cut string comes from the plan.
 */
import { useEffect, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { i18n } from 'i18next';
import type { BoardPlan } from '../../shared/schemas/board-plan';
import { headerFit } from '../../shared/planner/board-frame';
import { applyLocale } from '../common/i18n';
import { createServerClock } from '../common/server-clock';
import { BoardHeader, type HeaderAlert } from './board-header';
import { BoardNotice, LinkLostText, PairingNotice, StaleText } from './board-notices';
import { useBoardPairing } from './board-pairing';
import { bareBoardStyle, boardStyle } from './board-style';
import { CardsPage } from './cards-page';
import { PageStack } from './page-stack';
import { PulseBoardPage } from './pulse-page';
import { GroupLegendPage } from './legend-page';
import { ShareStrip, shareShown, shareStyle } from './share-strip';
import { screenIdFromPath } from './screen-id';
import { TablePage } from './table-page';
import { TickerPage } from './ticker-page';
import { useBoardLink } from './use-board-link';
import { useHeartbeat } from './use-heartbeat';
import { useLinkLost } from './use-link-lost';
import { useRotation, type ShownPage } from './use-rotation';
import { useAlerts } from './use-alerts';
import { UrgentLayer } from './urgent-layer';

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

interface PlannedProps {
  plan: BoardPlan;
  /** When the hall's postings last changed (the status event's; the plan's for an older host). */
  dataUpdatedAt: number | null;
  shown: ShownPage | null;
  now: () => number;
  alert: HeaderAlert | null;
}

function PlannedBoard({ plan, dataUpdatedAt, shown, now, alert }: PlannedProps) {
  const { t } = useTranslation();
  const layout = drawableLayout(plan);
  const g = plan.geometry;
  const pageNumber = shown ? plan.pages.indexOf(shown.page) + 1 : 0;
  const pageCount = plan.pages.length;
  const hasItems = shown !== null && shown.page.items.length > 0;
  const pulse = shown?.page.pulse;
  const legend = shown?.page.legend;

  if (plan.warnings.includes('screen-too-small') || layout === null) {
    return (
      <BoardNotice kind="screen-too-small" title={t('board.screenTooSmall')} hint={t('board.screenTooSmallHint')} />
    );
  }

  if (layout === 'ticker') {
    if (!hasItems) return <BoardNotice kind="empty" title={t('board.empty')} hint={t('board.emptyHint')} />;
    return (
      <TickerPage
        items={shown.page.items}
        geometry={g}
        ticker={g.ticker!}
        startedAt={shown.startedAt}
        now={now}
        locale={plan.locale}
        dataUpdatedAt={dataUpdatedAt}
        pageNumber={pageNumber}
        pageCount={pageCount}
      />
    );
  }

  return (
    <>
      <BoardHeader
        headerLine={plan.headerLine}
        locale={plan.locale}
        now={now}
        dataUpdatedAt={dataUpdatedAt}
        pageNumber={pageNumber}
        pageCount={pageCount}
        showDate={headerFit(plan.viewport.width - 2 * g.paddingPx, g.headerPx, plan.locale).withDate}
        alert={alert}
      />
      {plan.group ? <ShareStrip share={plan.group} /> : null}
      <main className="board-content">
        {pulse && shown ? (
          <PageStack pageKey={shown.key} render={(live) => <PulseBoardPage pulse={pulse} live={live} />} />
        ) : legend && shown ? (
          <PageStack pageKey={shown.key} render={(live) => <GroupLegendPage legend={legend} live={live} />} />
        ) : hasItems ? (
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
  // Urgent postings, notice, emergency, identify (urgent-layer.tsx); painted ids go into the heartbeat.
  const { alerts, identify } = useAlerts(link.socket, clock);
  const [urgentShown, setUrgentShown] = useState<string[]>([]);
  const reportPaint = useHeartbeat(link.socket, clock, urgentShown);
  const locale = plan?.locale ?? i18n.language;

  // The effects read the plan's fields, not the plan: a new plan for the same locale, name or
  // id (every re-plan) must not re-run them.
  const planLocale = plan?.locale;
  const screenName = plan?.screenName;
  const planId = plan?.planId;

  useEffect(() => {
    if (planLocale !== undefined) applyLocale(i18n, planLocale);
  }, [i18n, planLocale]);

  useEffect(() => {
    document.title =
      screenName !== undefined ? t('board.documentTitle', { name: screenName }) : t('board.documentTitleDefault');
  }, [t, screenName, planLocale]);

  const pageIndex = shown?.page.index ?? 0;
  useLayoutEffect(() => {
    if (planId !== undefined) reportPaint(planId, pageIndex);
  }, [planId, pageIndex, reportPaint]);

  const rootProps = {
    'data-testid': 'board-root',
    'data-screen-id': screenId ?? '',
    'data-connected': String(link.connected),
  };

  const pairing = useBoardPairing(
    screenId ?? '',
    screenId !== null && link.refusal === 'pairing_required',
    link.paired,
  );
  const linkLost = useLinkLost(link.lostAt);
  const linkLostSince = linkLost && link.lostAt !== null ? link.lostAt + clock.skewMs : null;

  let body: ReactNode;
  if (screenId === null) {
    body = <BoardNotice kind="invalid-screen-id" title={t('board.invalidScreenId')} />;
  } else if (link.refusal === 'pairing_required') {
    body = <PairingNotice screenId={screenId} code={pairing.code} />;
  } else if (link.refusal !== null && !plan) {
    body = <BoardNotice kind="refused" title={t('board.refused')} hint={t('board.refusedHint')} />;
  } else if (link.screenError) {
    body = (
      <BoardNotice kind="screen-error" title={t('board.screenError')} hint={t('board.screenErrorHint', { screenId })} />
    );
  } else if (!plan) {
    body = link.badPlan ? (
      <BoardNotice kind="bad-plan" title={t('board.badPlan')} />
    ) : (
      <BoardNotice kind="connecting" title={t('board.connecting')} />
    );
  }
  if (body !== undefined || !plan) {
    return (
      <div className="board board--bare" style={bareBoardStyle()} {...rootProps}>
        {body}
        {linkLostSince !== null ? (
          <LinkLostText since={linkLostSince} locale={locale} className="corner-alert corner-alert--link" />
        ) : null}
      </div>
    );
  }

  const layout = drawableLayout(plan);
  const stale = status?.stale === true;
  const withHeader = layout === 'cards' || layout === 'table';
  const alert: HeaderAlert | null =
    stale || linkLostSince !== null
      ? {
          ...(stale ? { staleSince: status?.lastSyncAt ?? null } : {}),
          ...(linkLostSince !== null ? { linkLostSince } : {}),
        }
      : null;
  return (
    <div
      className={`board board--${layout ?? 'none'}${stale ? ' board--stale' : ''}${linkLostSince !== null ? ' board--link-lost' : ''}${shareShown(plan.group) ? ' board--grouped' : ''}`}
      style={{ ...boardStyle(plan.geometry), ...shareStyle(plan.group) }}
      {...rootProps}
      data-plan-id={plan.planId}
      data-page-index={pageIndex}
      data-layout={layout ?? 'none'}
      data-stale={String(stale)}
      data-warnings={plan.warnings.join(' ')}
    >
      <PlannedBoard
        plan={plan}
        dataUpdatedAt={status ? status.dataUpdatedAt : plan.dataUpdatedAt}
        shown={shown}
        now={clock.now}
        alert={withHeader ? alert : null}
      />
      <UrgentLayer
        alerts={alerts}
        identify={identify}
        geometry={plan.geometry}
        viewport={plan.viewport}
        locale={plan.locale}
        now={clock.now}
        onShowing={setUrgentShown}
      />
      {!withHeader && stale ? (
        <StaleText since={status?.lastSyncAt ?? null} locale={plan.locale} className="edge-alert" />
      ) : null}
      {!withHeader && linkLostSince !== null ? (
        <LinkLostText since={linkLostSince} locale={plan.locale} className="corner-alert corner-alert--link" />
      ) : null}
    </div>
  );
}
