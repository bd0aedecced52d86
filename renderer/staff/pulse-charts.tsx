/**
 * The market pulse as pictures, beside its table: one trade at a time (or the whole hall), its
 * demand and seekers on each of the last 90 days, and this week's daily mean against the same
 * ISO week last year. Each line and bar is named in words (legend, line ends, bar labels) and
 * the two lines differ in stroke too, so nothing rests on colour alone. A day with no snapshot
 * is a break in the line.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { OccupationCode } from '../../shared/occupations';
import type { PulseHistory, WeekFigures } from '../../shared/pulse/pulse-history';
import { STAFF_DATA_ROUTES, staffApi } from './staff-api';
import { usePoll } from './use-poll';
import { EChart, type ChartOption } from './echart';
import { TradeOptions } from './form-fields';

const DEMAND_COLOUR = '#1f5eff';
const SEEKERS_COLOUR = '#c25400';
const LAST_YEAR_COLOUR = '#7a8494';
const AXIS = { color: '#5b6573', fontSize: 13 };

type Choice = OccupationCode | 'total';

function dayLabel(t: TFunction, day: string): string {
  return t('staff.pulse.chart.day', { month: Number(day.slice(5, 7)), day: Number(day.slice(8, 10)) });
}

function dailyOption(t: TFunction, history: PulseHistory, series: PulseHistory['total']): ChartOption {
  const demand = t('staff.pulse.chart.demand');
  const seekers = t('staff.pulse.chart.seekers');
  const end = (name: string, colour: string) => ({ show: true, formatter: name, color: colour, fontSize: 13 });
  return {
    grid: { left: 48, right: 76, top: 52, bottom: 28 },
    legend: { top: 0, left: 0, itemWidth: 28, textStyle: { fontSize: 14 }, data: [demand, seekers] },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'category',
      data: history.days.map((d) => (d === history.today ? t('staff.pulse.chart.today') : dayLabel(t, d))),
      boundaryGap: false,
      // every fortnight counted back from today, so today is always labelled
      axisLabel: { ...AXIS, interval: (i: number) => (history.days.length - 1 - i) % 14 === 0 },
    },
    yAxis: {
      type: 'value',
      name: t('staff.pulse.chart.people'),
      nameTextStyle: AXIS,
      axisLabel: AXIS,
      minInterval: 1,
    },
    series: [
      {
        name: demand,
        type: 'line',
        data: series.demand,
        connectNulls: false,
        showSymbol: false,
        color: DEMAND_COLOUR,
        lineStyle: { width: 2.5, type: 'solid' },
        endLabel: end(demand, DEMAND_COLOUR),
      },
      {
        name: seekers,
        type: 'line',
        data: series.seekers,
        connectNulls: false,
        showSymbol: false,
        color: SEEKERS_COLOUR,
        lineStyle: { width: 2.5, type: 'dashed' },
        endLabel: end(seekers, SEEKERS_COLOUR),
      },
    ],
  };
}

function weekOption(t: TFunction, current: WeekFigures | null, lastYear: WeekFigures | null): ChartOption {
  const now = t('staff.pulse.chart.thisWeek');
  const before = t('staff.pulse.chart.lastYearWeek');
  // Bars lie flat, so each can carry its name and figure at its end in full.
  const bar = (name: string, figures: WeekFigures | null, colour: string) => ({
    name,
    type: 'bar' as const,
    barMaxWidth: 22,
    color: colour,
    data: figures ? [figures.demand, figures.seekers] : [null, null],
    label: { show: true, position: 'right' as const, formatter: `${name} {c}`, fontSize: 13, color: '#14181f' },
  });
  return {
    grid: { left: 72, right: 120, top: 32, bottom: 24 },
    legend: { top: 0, left: 0, textStyle: { fontSize: 14 }, data: [now, before] },
    tooltip: { trigger: 'axis' },
    yAxis: {
      type: 'category',
      inverse: true,
      data: [t('staff.pulse.chart.demand'), t('staff.pulse.chart.seekers')],
      axisLabel: { ...AXIS, fontSize: 14, color: '#14181f' },
    },
    xAxis: { type: 'value', axisLabel: AXIS, minInterval: 1 },
    series: [bar(now, current, DEMAND_COLOUR), bar(before, lastYear, LAST_YEAR_COLOUR)],
  };
}

export function PulseCharts(props: { windowDays: number }) {
  const { t } = useTranslation();
  const { data } = usePoll(() => staffApi.call(STAFF_DATA_ROUTES.pulseHistory, {}), 60_000);
  const [choice, setChoice] = useState<Choice>('total');

  const picked = useMemo(() => {
    if (!data) return null;
    const series = choice === 'total' ? data.total : data.trades.find((tr) => tr.occupation === choice);
    return series ?? data.total;
  }, [data, choice]);
  const tradeName = choice === 'total' ? t('staff.pulse.chart.allTrades') : t(`occupation.${choice}`);
  const daily = useMemo(() => (data && picked ? dailyOption(t, data, picked) : null), [t, data, picked]);
  const week = useMemo(() => (picked ? weekOption(t, picked.current, picked.lastYear) : null), [t, picked]);

  return (
    <section className="panel pulse-charts" data-testid="pulse-charts">
      <h2>{t('staff.pulse.chart.title')}</h2>
      <label className="pulse-charts__picker">
        {t('staff.pulse.chart.trade')}
        <select value={choice} onChange={(e) => setChoice(e.target.value as Choice)} data-testid="pulse-chart-trade">
          <option value="total">{t('staff.pulse.chart.allTrades')}</option>
          <TradeOptions />
        </select>
      </label>
      {!data || !picked || !daily || !week ? (
        <p className="hint">{t('staff.pulse.chart.loading')}</p>
      ) : (
        <>
          <EChart
            option={daily}
            height={250}
            label={t('staff.pulse.chart.dailyAria', { trade: tradeName })}
            testId="pulse-chart-daily"
          />
          <p className="hint">{t('staff.pulse.chart.gaps', { days: props.windowDays })}</p>
          <h3>{t('staff.pulse.chart.weekTitle')}</h3>
          <p className="hint" data-testid="pulse-chart-weeks">
            {t('staff.pulse.chart.thisWeekLong', {
              from: dayLabel(t, data.week.current.from),
              to: dayLabel(t, data.week.current.to),
              days: picked.current?.days ?? 0,
            })}
            {' · '}
            {t('staff.pulse.chart.lastYearWeekLong', {
              year: data.week.lastYear.year,
              week: data.week.lastYear.week,
              from: dayLabel(t, data.week.lastYear.from),
              to: dayLabel(t, data.week.lastYear.to),
            })}
          </p>
          <EChart
            option={week}
            height={190}
            label={t('staff.pulse.chart.weekAria', { trade: tradeName })}
            testId="pulse-chart-week"
          />
          {picked.lastYear === null ? <p className="hint">{t('staff.pulse.chart.noLastYear')}</p> : null}
          {picked.current === null ? <p className="hint">{t('staff.pulse.chart.noThisWeek')}</p> : null}
        </>
      )}
    </section>
  );
}
