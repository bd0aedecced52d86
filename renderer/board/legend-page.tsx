/**
 * A wall group's legend page, "哪块屏有哪些工种" (shared/planner/group-layout.ts): one row per
 * screen of the group, its name and its trades, the row of this screen marked by text (▶) as
 * well as colour. Every string and size comes from the plan.
 */
import type { GroupLegend } from '../../shared/schemas/board-plan';
import { pxVars } from './board-style';
import './group.css';

const legendStyle = (l: GroupLegend) =>
  pxVars({
    '--legend-title': l.titlePx,
    '--legend-body': l.bodyPx,
    '--legend-row': l.rowHeightPx,
    '--legend-name': l.nameWidthPx,
  });

export function GroupLegendPage({ legend, live }: { legend: GroupLegend; live: boolean }) {
  return (
    <section className="legend" style={legendStyle(legend)} data-testid={live ? 'legend-page' : undefined}>
      <h2 className="legend__title line">{legend.title}</h2>
      <div className="legend__rows" role="table">
        {legend.rows.map((row) => (
          <div
            key={row.screenId}
            role="row"
            className={`legend__row${row.self ? ' legend__row--self' : ''}`}
            data-screen-id={row.screenId}
          >
            <span role="cell" className="legend__name line">
              {row.name}
            </span>
            <span role="cell" className="legend__trades line">
              {row.trades}
            </span>
          </div>
        ))}
      </div>
    </section>
  );
}
