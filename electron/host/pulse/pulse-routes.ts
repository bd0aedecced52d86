/**
 * The market pulse in the console: the figures, the two settings (minimum demand for a ratio,
 * the seekers' window), and which board screens show the pulse page in their rotation.
 * Switching a screen writes screens.json like the screens page does and re-plans the boards.
 */
import type { FastifyInstance } from 'fastify';
import { SCREEN_ID, ScreenProfileSchema, type ScreenProfile } from '../../../shared/schemas/screen';
import type { PulseResponse } from '../../../shared/staff-data-contract';
import { STAFF_DATA_ROUTES } from '../../../shared/api/hall-routes';
import { apiRoute } from '../server/api-route';
import { writeScreens } from '../screens/screen-config';
import { foundById } from '../server/http-error';
import type { StaffRouteDeps } from '../staff/staff-guard';
import type { PulseService } from './pulse-service';

export interface PulseRouteDeps extends StaffRouteDeps {
  pulse: PulseService;
  dataDir: string;
  /** The hall's screens array, edited in place (the same array the screens page edits). */
  screens: ScreenProfile[];
  /** Re-plan every board (settings or a screen's pulse page changed). */
  replan: () => void;
}

export function pulseRoutes(deps: PulseRouteDeps) {
  const { pulse, audit, guard, clock, screens } = deps;

  function response(): PulseResponse {
    const { pulse: current, yearAgoDay } = pulse.current(clock());
    return {
      pulse: current,
      settings: pulse.settings(),
      yearAgoDay,
      screens: screens.map((s) => ({ id: s.id, name: s.name, pulsePage: s.pulsePage === true, layout: s.layout })),
    };
  }

  return (app: FastifyInstance) => {
    apiRoute(app, STAFF_DATA_ROUTES.pulse, guard.options(), async () => response());

    apiRoute(app, STAFF_DATA_ROUTES.pulseHistory, guard.options(), async () => pulse.history(clock()));

    apiRoute(app, STAFF_DATA_ROUTES.pulseSettings, guard.options(), async (request) => {
      const who = guard.who(request);
      const next = request.body;
      const before = pulse.settings();
      audit.recordWith({ who, action: 'pulse.settings', detail: { from: before, to: next }, source: request.ip }, () =>
        pulse.setSettings(next),
      );
      deps.replan();
      return response();
    });

    apiRoute(app, STAFF_DATA_ROUTES.pulseScreen, guard.options(), async (request) => {
      const who = guard.who(request);
      const screen = foundById(
        request.params.id,
        SCREEN_ID,
        (id) => screens.find((s) => s.id === id),
        'unknown_screen',
        'screen',
      );
      const { pulsePage } = request.body;
      const updated = ScreenProfileSchema.parse({ ...screen, pulsePage });
      const next = screens.map((s) => (s.id === screen.id ? updated : s));
      // The file first: if writing fails, nothing in memory changed either.
      writeScreens(deps.dataDir, next);
      screens.splice(0, screens.length, ...next);
      audit.record({ who, action: 'pulse.screen', target: screen.id, detail: { pulsePage }, source: request.ip });
      deps.replan();
      return response();
    });
  };
}
