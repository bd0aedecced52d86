/**
 * The board pages of a load run, in a process of their own (started by board-fleet.ts): taking
 * in 200 pages' plans — hundreds of megabytes a minute at 20,000 postings — must not slow the
 * loop that times `/healthz`, or the figure would measure the load generator.
 */
import { closeBoards, connectBoard, type BoardClient, type BoardClientSpec } from './board-clients';

export type ToFleet =
  { type: 'connect'; url: string; specs: BoardClientSpec[]; heartbeatEveryMs: number } | { type: 'close' };
export type FromFleet =
  | { type: 'plan'; index: number; at: number; totalItems: number; chars: number; via: 'plan' | 'patch' }
  | { type: 'closed' };

const clients: BoardClient[] = [];
const send = (m: FromFleet) => process.send!(m);

process.on('message', (m: ToFleet) => {
  if (m.type === 'connect') {
    m.specs.forEach((spec, index) => {
      clients.push(
        connectBoard(m.url, spec, {
          heartbeatEveryMs: m.heartbeatEveryMs,
          onPlan: (_c, plan, at, via) =>
            send({ type: 'plan', index, at, totalItems: plan.totalItems, chars: plan.chars, via }),
        }),
      );
    });
  } else {
    closeBoards(clients);
    send({ type: 'closed' });
    setTimeout(() => process.exit(0), 100);
  }
});
process.on('disconnect', () => process.exit(0));
