/**
 * A screen's cycle as the console shows it (screens list and the screen editor's preview): how
 * long one round of its pages takes, its pages and postings, its wall group's share, and, in red
 * when it is over its target, how long a visitor may wait and what to do about it.
 */
import { useTranslation } from 'react-i18next';
import type { ScreenCycle } from '../../shared/contract';

const seconds = (ms: number) => Math.round(ms / 1000);

export function CycleView({ cycle, testId = 'cycle' }: { cycle: ScreenCycle | null; testId?: string }) {
  const { t } = useTranslation();
  if (!cycle) return <span className="hint">{t('staff.screens.cycleUnknown')}</span>;
  const g = cycle.group;
  const short = cycle.warnings.includes('group-cycle-too-long');
  const over = cycle.overTarget || short;
  return (
    <div
      className={over ? 'cycle cycle--over' : 'cycle'}
      data-testid={testId}
      data-cycle-ms={cycle.cycleMs}
      data-over-target={String(over)}
    >
      <strong className={over ? 'error' : undefined}>
        {t('staff.screens.cycleLine', {
          seconds: seconds(cycle.cycleMs),
          pages: cycle.pages,
          postings: cycle.postings,
        })}
      </strong>
      <div className="hint">
        {t('staff.screens.cycleTarget', { seconds: seconds(cycle.maxCycleMs) })}{' '}
        {t(cycle.source === 'live' ? 'staff.screens.cycleLive' : 'staff.screens.cyclePreview')}
      </div>
      <div className="hint">
        {g
          ? t('staff.screens.groupShare', {
              group: g.groupId,
              screens: g.screens,
              trades: g.occupations.map((o) => t(`occupation.${o}`)).join(' · '),
            })
          : t('staff.screens.groupNone')}
      </div>
      {over ? (
        <div className="error" role="alert" data-testid={`${testId}-fix`}>
          {cycle.overTarget ? t('staff.screens.cycleOver', { seconds: seconds(cycle.cycleMs) }) : null}{' '}
          {short && g
            ? t('staff.screens.groupShort', {
                group: g.groupId,
                screens: g.screens,
                postings: g.groupPostings,
                capacity: g.groupCapacity,
                needed: g.screensNeeded ?? '—',
              })
            : null}{' '}
          {t('staff.screens.cycleFix')}
        </div>
      ) : null}
    </div>
  );
}
