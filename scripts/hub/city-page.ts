/**
 * The /city page: the city's picture as a page a labour bureau can put on its website. Server-
 * rendered HTML with its own stylesheet (/city/city.css), no script, no font or image from
 * anywhere else, so its Content-Security-Policy can forbid everything but the stylesheet.
 * Every text comes from CITY_TEXT and goes through `escapeHtml`.
 */
import type { Locale } from '../../shared/format';
import { CITY_TEXT, groupDigits } from '../../shared/pulse/city-labels';
import { formatRatio, tradeLabel } from '../../shared/pulse/pulse-labels';
import { CITY_UTC_OFFSET_MINUTES, type CityPicture } from '../../shared/pulse/city-pulse';
import type { TradePulse } from '../../shared/pulse/market-pulse';

/** The page may load its own stylesheet and nothing else; it may be framed by a bureau's site. */
export const CITY_CSP = "default-src 'none'; style-src 'self'; img-src 'none'; base-uri 'none'; form-action 'none'";

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** `2026-11-27 10:05`, in the city's time zone. */
export function cityTime(ms: number): string {
  return new Date(ms + CITY_UTC_OFFSET_MINUTES * 60_000).toISOString().slice(0, 16).replace('T', ' ');
}

function ratioText(t: Pick<TradePulse, 'status' | 'ratio'>, locale: Locale): string {
  const texts = CITY_TEXT[locale];
  if (t.status === 'ratio' && t.ratio !== null) return formatRatio(t.ratio);
  if (t.status === 'no-seekers') return texts.noSeekers;
  return texts.none;
}

function tradeRow(t: TradePulse, locale: Locale, withRank: boolean): string {
  const texts = CITY_TEXT[locale];
  const yearAgo = t.yearAgo ? (t.yearAgo.ratio !== null ? formatRatio(t.yearAgo.ratio) : texts.none) : texts.none;
  const cells = [
    ...(withRank ? [`<td class="num rank">${t.shortageRank}</td>`] : []),
    `<th scope="row">${escapeHtml(tradeLabel(t.occupation, locale))}</th>`,
    `<td class="num">${groupDigits(t.demand)}</td>`,
    `<td class="num">${groupDigits(t.seekers)}</td>`,
    `<td class="num${t.gap > 0 ? ' short' : ''}">${t.gap > 0 ? '+' : ''}${groupDigits(t.gap)}</td>`,
    `<td class="num">${escapeHtml(ratioText(t, locale))}</td>`,
    `<td class="num">${escapeHtml(yearAgo)}</td>`,
  ];
  return `<tr>${cells.join('')}</tr>`;
}

/** A column of a table's header: its label and its class ('' for none). */
type HeadColumn = readonly [label: string, cls: string];

/** A table that scrolls sideways on a narrow screen: its caption, header row and body rows. */
function scrollTable(caption: string, columns: readonly HeadColumn[], body: string, tableClass = ''): string {
  const head = columns
    .map(([h, cls]) => `<th scope="col"${cls ? ` class="${cls}"` : ''}>${escapeHtml(h)}</th>`)
    .join('');
  return `<div class="scroll"><table${tableClass ? ` class="${tableClass}"` : ''}><caption>${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

function tradeTable(rows: readonly TradePulse[], locale: Locale, withRank: boolean, caption: string): string {
  const c = CITY_TEXT[locale].columns;
  const head: HeadColumn[] = [
    ...(withRank ? [[c.rank, 'rank'] as const] : []),
    [c.trade, ''],
    [c.demand, 'num'],
    [c.seekers, 'num'],
    [c.gap, 'num'],
    [c.ratio, 'num'],
    [c.yearAgo, 'num'],
  ];
  return scrollTable(caption, head, rows.map((t) => tradeRow(t, locale, withRank)).join(''));
}

export function renderCityPage(picture: CityPicture, locale: Locale, nodeId: string): string {
  const texts = CITY_TEXT[locale];
  const { pulse, hallTotals } = picture;
  const ranked = pulse.trades.filter((t) => t.shortageRank !== null);
  const others = pulse.trades.filter((t) => t.shortageRank === null && (t.demand > 0 || t.seekers > 0));
  const totalRatio = ratioText(
    {
      status:
        pulse.totals.ratio !== null
          ? 'ratio'
          : pulse.totals.demand >= pulse.minDemand && pulse.totals.seekers === 0
            ? 'no-seekers'
            : 'below-minimum',
      ratio: pulse.totals.ratio,
    },
    locale,
  );
  const card = (label: string, value: string, extra = '') =>
    `<div class="card${extra}"><div class="label">${escapeHtml(label)}</div><div class="value">${escapeHtml(value)}</div></div>`;
  const gap = pulse.totals.gap;
  const halls = picture.halls
    .map((h) => {
      const status = h.online
        ? `<span class="dot on"></span>${escapeHtml(texts.online)}`
        : `<span class="dot off"></span>${escapeHtml(texts.offline)}`;
      const outbox =
        h.outboxPending === null
          ? texts.unknown
          : h.outboxPending === 0
            ? texts.outboxEmpty
            : texts.outboxLag(h.outboxPending, h.outboxLagS ?? 0);
      const screens =
        h.screensTotal === null ? texts.unknown : `${h.online ? (h.screensOnline ?? 0) : 0} / ${h.screensTotal}`;
      return `<tr class="${h.online ? '' : 'gone'}"><th scope="row">${escapeHtml(h.hallId)}</th><td>${escapeHtml(h.nodeId)}</td><td>${status}</td><td>${escapeHtml(
        texts.agoSeconds(h.heartbeatAgeS),
      )}</td><td class="num">${escapeHtml(outbox)}</td><td class="num">${escapeHtml(screens)}</td><td class="num">${groupDigits(h.behindChanges)}</td></tr>`;
    })
    .join('');
  const hc = texts.hallColumns;
  const hallColumns: HeadColumn[] = [
    [hc.hall, ''],
    [hc.node, ''],
    [hc.status, ''],
    [hc.heartbeat, ''],
    [hc.outbox, 'num'],
    [hc.screens, 'num'],
    [hc.behind, 'num'],
  ];

  return `<!doctype html>
<html lang="${texts.htmlLang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="60">
<title>${escapeHtml(texts.title)}</title>
<link rel="stylesheet" href="/city/city.css">
</head>
<body>
<header>
<h1>${escapeHtml(texts.title)}</h1>
<p class="sub">${escapeHtml(texts.subtitle)}</p>
<p class="meta">${escapeHtml(texts.updated(cityTime(picture.computedAt)))} · <a href="${texts.otherLanguage.href}" lang="${locale === 'zh-CN' ? 'en' : 'zh-CN'}">${escapeHtml(texts.otherLanguage.label)}</a></p>
</header>
<main>
<section class="cards">
${card(texts.summary.demand, groupDigits(pulse.totals.demand))}
${card(texts.summary.seekers(pulse.windowDays), groupDigits(pulse.totals.seekers))}
${card(texts.summary.gap, `${gap > 0 ? '+' : ''}${groupDigits(gap)}`, gap > 0 ? ' short' : '')}
${card(texts.summary.ratio, totalRatio)}
${card(texts.summary.halls, `${hallTotals.online} / ${hallTotals.halls}`)}
${card(texts.summary.screens, `${hallTotals.screensOnline} / ${hallTotals.screensTotal}`)}
</section>
<section>
<h2>${escapeHtml(texts.shortageHeading)}</h2>
<p class="note">${escapeHtml(picture.yearAgoDay ? texts.yearAgoOf(picture.yearAgoDay) : texts.yearAgoPending)}</p>
${ranked.length > 0 ? tradeTable(ranked, locale, true, texts.shortageHeading) : `<p class="empty">${escapeHtml(texts.noRanked)}</p>`}
</section>
${others.length > 0 ? `<section><h2>${escapeHtml(texts.tradesHeading)}</h2>${tradeTable(others, locale, false, texts.tradesHeading)}</section>` : ''}
<section>
<h2>${escapeHtml(texts.hallsHeading)}</h2>
${picture.halls.length > 0 ? scrollTable(texts.hallsHeading, hallColumns, halls, 'halls') : `<p class="empty">${escapeHtml(texts.noHalls)}</p>`}
</section>
</main>
<footer>
<p>${escapeHtml(texts.method(pulse.windowDays, pulse.minDemand))}</p>
<p>${escapeHtml(texts.privacy)} ${escapeHtml(texts.servedBy(nodeId))}</p>
</footer>
</body>
</html>
`;
}

/** Legible at arm's length on a phone and across a room on a monitor; 4.5:1 contrast or more. */
export const CITY_CSS = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #4a4a4a; --line: #d0d4da; --band: #f3f5f8; --accent: #0b4f9c; --short: #a4161a; --ok: #1b7a3a; }
* { box-sizing: border-box; }
html { font-size: 18px; -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff; line-height: 1.5;
  font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Hiragino Sans GB", system-ui, sans-serif; }
header { background: var(--accent); color: #fff; padding: 1.2rem 1.5rem 1rem; }
header h1 { margin: 0; font-size: 1.9rem; letter-spacing: 0.04em; }
header .sub { margin: 0.3rem 0 0; font-size: 1rem; }
header .meta { margin: 0.5rem 0 0; font-size: 0.95rem; }
header a { color: #fff; }
main { padding: 1rem 1.5rem; max-width: 1400px; }
h2 { font-size: 1.35rem; margin: 1.6rem 0 0.4rem; border-left: 6px solid var(--accent); padding-left: 0.6rem; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(10.5rem, 1fr)); gap: 0.8rem; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 0.7rem 0.9rem; background: var(--band); }
.card .label { font-size: 0.95rem; color: var(--muted); }
.card .value { font-size: 2rem; font-weight: 700; font-variant-numeric: tabular-nums; }
.card.short .value { color: var(--short); }
.note, .empty { color: var(--muted); margin: 0.2rem 0 0.6rem; }
.scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; }
table { border-collapse: collapse; width: 100%; min-width: 36rem; font-size: 1rem; }
caption { position: absolute; left: -9999px; }
th, td { padding: 0.45rem 0.7rem; border-bottom: 1px solid var(--line); text-align: left; white-space: nowrap; }
thead th { background: var(--band); font-size: 0.95rem; color: var(--muted); font-weight: 600; }
tbody th { font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.rank, th.rank { text-align: center; }
td.rank { font-weight: 700; color: var(--accent); }
td.short { color: var(--short); font-weight: 700; }
tr.gone { color: var(--muted); }
.dot { display: inline-block; width: 0.7rem; height: 0.7rem; border-radius: 50%; margin-right: 0.4rem; vertical-align: 0.05rem; }
.dot.on { background: var(--ok); }
.dot.off { background: #8a8a8a; }
footer { padding: 0.5rem 1.5rem 2rem; color: var(--muted); font-size: 0.9rem; max-width: 1400px; }
@media (max-width: 600px) {
  html { font-size: 16px; }
  header { padding: 1rem; }
  header h1 { font-size: 1.5rem; }
  main, footer { padding-left: 1rem; padding-right: 1rem; }
  .cards { grid-template-columns: repeat(2, 1fr); }
  .card .value { font-size: 1.6rem; }
  /* the trade tables fit a phone: narrow cells, headings that wrap */
  table { min-width: 0; font-size: 0.9rem; }
  th, td { padding: 0.4rem 0.3rem; }
  thead th { white-space: normal; font-size: 0.875rem; }
  table.halls { min-width: 34rem; }
}
`;
