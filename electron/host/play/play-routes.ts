/**
 * Proof of play in the console: per posting totals for the postings page ("本周展示 N 次 ·
 * M 块屏 · 共 T 分钟") and the employer report (JSON for the printable page, and CSV): posting,
 * screens, times, minutes and the kiosk sign-ups it drew. Counts only — no phone, no name of
 * anyone who signed up ever goes into it.
 */
import type { FastifyInstance } from 'fastify';
import Papa from 'papaparse';
import { PLAY_ROUTES } from '../../../shared/api/hall-routes';
import type { PlayReport, PlayReportQuery, PlayReportRow, PlaySummary } from '../../../shared/api/play-routes';
import type { WritableDatabase } from '../db/handles';
import { apiRoute } from '../server/api-route';
import type { StaffGuard } from '../staff/staff-guard';
import { hallDay, hallDayBefore } from './play-credit';
import type { PlayStore, PlayTotals } from './play-store';

/** Rows an employer report lists at most (the most shown first). */
export const REPORT_MAX_ROWS = 5000;

export interface PlayRouteDeps {
  db: WritableDatabase;
  play: PlayStore;
  guard: StaffGuard;
  clock: () => number;
}

const minutes = (ms: number) => Math.round(ms / 60_000);
/** The first ms of a hall day (China, UTC+8). */
const dayStart = (day: string) => Date.parse(`${day}T00:00:00+08:00`);

const CSV_HEADER = ['岗位编号', '岗位', '用人单位', '展示屏幕数', '展示次数', '展示分钟', '报名人数'];

export function reportToCsv(report: PlayReport): string {
  const rows = report.rows.map((r) => [r.postingId, r.title, r.employerName, r.screens, r.shows, r.minutes, r.signups]);
  return `\uFEFF${Papa.unparse([CSV_HEADER, ...rows], { newline: '\r\n', escapeFormulae: true })}\r\n`;
}

export function playRoutes(deps: PlayRouteDeps) {
  const { db, play, guard, clock } = deps;
  const postingsOf = db.prepare<{ ids: string }, { id: string; title: string; employerName: string }>(
    'SELECT id, title, employer_name AS employerName FROM postings WHERE id IN (SELECT value FROM json_each(@ids))',
  );
  const signupsOf = db.prepare<{ ids: string; from: number; until: number }, { id: string; n: number }>(
    `SELECT listing_id AS id, COUNT(*) AS n FROM signups
     WHERE listing_id IN (SELECT value FROM json_each(@ids)) AND created_at >= @from AND created_at < @until
     GROUP BY listing_id`,
  );

  function report(query: PlayReportQuery): PlayReport {
    const employer = query.employer ? query.employer : null;
    const totals = play.totals(query.from, query.to);
    const ids = JSON.stringify(totals.map((t) => t.postingId));
    const postings = new Map(postingsOf.all({ ids }).map((p) => [p.id, p]));
    const from = dayStart(query.from);
    const until = dayStart(query.to) + 86_400_000;
    const signups = new Map(signupsOf.all({ ids, from, until }).map((s) => [s.id, Number(s.n)]));
    const rows: PlayReportRow[] = [];
    for (const t of totals) {
      const posting = postings.get(t.postingId);
      const employerName = posting?.employerName ?? '';
      if (employer !== null && !employerName.includes(employer)) continue;
      rows.push({
        postingId: t.postingId,
        title: posting?.title ?? '',
        employerName,
        shows: t.shows,
        screens: t.screens,
        minutes: minutes(t.shownMs),
        signups: signups.get(t.postingId) ?? 0,
      });
    }
    rows.sort((a, b) => b.shows - a.shows || b.minutes - a.minutes || (a.postingId < b.postingId ? -1 : 1));
    return {
      from: query.from,
      to: query.to,
      employer,
      generatedAt: clock(),
      rows: rows.slice(0, REPORT_MAX_ROWS),
      omitted: Math.max(0, rows.length - REPORT_MAX_ROWS),
    };
  }

  const view = (t: PlayTotals) => ({
    postingId: t.postingId,
    shows: t.shows,
    screens: t.screens,
    minutes: minutes(t.shownMs),
  });

  return (app: FastifyInstance) => {
    apiRoute(app, PLAY_ROUTES.playSummary, guard.options(), async (request): Promise<PlaySummary> => {
      const now = clock();
      const to = hallDay(now);
      const from = hallDayBefore(now, request.query.days - 1);
      const totals = request.query.ids.length === 0 ? [] : play.totals(from, to, request.query.ids);
      return { from, to, postings: totals.map(view) };
    });

    apiRoute(app, PLAY_ROUTES.playReport, guard.options(), async (request) => report(request.query));

    apiRoute(app, PLAY_ROUTES.playReportCsv, guard.options(), async (request, reply) => {
      const { from, to } = request.query;
      return reply
        .header('content-disposition', `attachment; filename="play-report-${from}-${to}.csv"`)
        .header('cache-control', 'no-store')
        .type('text/csv; charset=utf-8')
        .send(reportToCsv(report(request.query)));
    });
  };
}
