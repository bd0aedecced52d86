/**
 * The board socket (namespace `/board`) as data: every event either side sends, with its
 * payload's schema. The host validates what a page sends against `BOARD_CLIENT_EVENTS`; both
 * sides' socket.io types are derived from the two maps, so an event cannot be sent that the
 * other side does not know.
 */
import { z } from 'zod';
import { BoardHeartbeatSchema, HallStatusSchema } from '../contract';
export { BOARD_NAMESPACE } from '../contract';
import { BoardPlanSchema, PlanPatchSchema } from '../schemas/board-plan';
import { ViewportSchema } from '../schemas/screen';
import { BoardAlertsSchema, IdentifySchema } from '../schemas/urgent';
import { ErrorBodySchema } from './error-body';

/** Events the host sends to a board page (`null`: the event carries nothing). */
export const BOARD_SERVER_EVENTS = {
  plan: BoardPlanSchema,
  /** A live change, from the plan the page holds (only to pages with `auth.planPatch`). */
  'plan-patch': PlanPatchSchema,
  status: HallStatusSchema,
  /** The screen id is not configured (or was removed); the page shows a notice. */
  'screen-error': ErrorBodySchema.shape.error,
  /** Urgent postings, notice line and emergency for this screen (whole state, on connect and on change). */
  alerts: BoardAlertsSchema,
  /** Staff asked this screen to flash its name. */
  identify: IdentifySchema,
  /** Staff asked this screen to reload its page. */
  reload: null,
} as const;

/** Events a board page sends to the host; `ack` is the answer the sender's callback gets. */
export const BOARD_CLIENT_EVENTS = {
  viewport: { payload: ViewportSchema },
  heartbeat: { payload: BoardHeartbeatSchema, ack: z.boolean() },
  /** A patch did not fit the plan this page holds (or it holds none): send the whole plan. */
  'plan-resync': { payload: z.object({ have: z.string().max(100).nullable() }) },
} as const;

type ServerEventMap = typeof BOARD_SERVER_EVENTS;
type ClientEventMap = typeof BOARD_CLIENT_EVENTS;

/** socket.io's listener map of what the host sends, derived from BOARD_SERVER_EVENTS. */
export type BoardServerEvents = {
  [K in keyof ServerEventMap]: ServerEventMap[K] extends z.ZodType
    ? (payload: z.output<ServerEventMap[K]>) => void
    : () => void;
};

/** socket.io's listener map of what a page sends, derived from BOARD_CLIENT_EVENTS. */
export type BoardClientEvents = {
  [K in keyof ClientEventMap]: ClientEventMap[K] extends {
    payload: infer P extends z.ZodType;
    ack: infer A extends z.ZodType;
  }
    ? (payload: z.input<P>, ack: (answer: z.output<A>) => void) => void
    : ClientEventMap[K] extends { payload: infer P extends z.ZodType }
      ? (payload: z.input<P>) => void
      : never;
};
