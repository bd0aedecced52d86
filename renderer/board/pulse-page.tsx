/**
 * The market-pulse page (shared/planner/pulse-layout.ts): headline, summary of today's demand,
 * the trades most short of workers, and how the ratio is counted. Every string and size comes
 * from the plan; this only draws them. A shortage row says its rank in text; the coloured bar
 * only repeats it (never colour alone).
 */
import type { PulsePage } from '../../shared/schemas/pulse-page';
import { pxVars } from './board-style';
import './pulse.css';

export function PulseBoardPage({ pulse, live }: { pulse: PulsePage; live: boolean }) {
  const style = pxVars({
    '--pulse-title': pulse.titlePx,
    '--pulse-body': pulse.bodyPx,
    '--pulse-row': pulse.rowHeightPx,
  });
  return (
    <section className="pulse" style={style} data-testid={live ? 'pulse-page' : undefined}>
      <h2 className="pulse__headline line">{pulse.headline}</h2>
      {pulse.summary ? <p className="pulse__summary line">{pulse.summary}</p> : null}
      {pulse.empty !== null ? (
        <p className="pulse__empty line">{pulse.empty}</p>
      ) : (
        <div className="pulse__table" role="table">
          <div className="pulse__row pulse__row--head" role="row">
            {pulse.columns.map((c) => (
              <span
                key={c.key}
                role="columnheader"
                className={`pulse__cell pulse__cell--${c.key}`}
                style={{ width: c.widthPx }}
              >
                <span className="line">{c.label}</span>
              </span>
            ))}
          </div>
          {pulse.rows.map((row, i) => (
            <div
              key={row.occupation}
              role="row"
              className={`pulse__row${i % 2 === 1 ? ' pulse__row--alt' : ''}${row.shortage ? ' pulse__row--short' : ''}`}
              data-testid={live ? 'pulse-row' : undefined}
              data-occupation={row.occupation}
            >
              {pulse.columns.map((c, j) => (
                <span
                  key={c.key}
                  role="cell"
                  className={`pulse__cell pulse__cell--${c.key}`}
                  style={{ width: c.widthPx }}
                >
                  <span className="line">{row.cells[j]}</span>
                </span>
              ))}
            </div>
          ))}
        </div>
      )}
      {pulse.note ? <p className="pulse__note line">{pulse.note}</p> : null}
    </section>
  );
}
