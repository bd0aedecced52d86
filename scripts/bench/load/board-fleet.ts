/** Starts the board pages of a load run in their own process and reports each plan they get. */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { BoardClientSpec } from './board-clients';
import type { FromFleet, ToFleet } from './board-fleet-process';
import { ROOT } from './processes';

export interface PlanReceipt {
  index: number;
  at: number;
  totalItems: number;
  /** Length of what arrived: the whole plan's text, or the patch's. */
  chars: number;
  via: 'plan' | 'patch';
}

export interface BoardFleet {
  firstPlanAt: (number | null)[];
  close(): Promise<void>;
}

export function startFleet(url: string, specs: BoardClientSpec[], onPlan: (r: PlanReceipt) => void): BoardFleet {
  // 200 pages taking whole first plans of a 20,000-posting hall at once hold several GB of strings
  // for a moment: on an idle machine they all arrive together and V8's default heap ran out
  const execArgv = ['--max-old-space-size=16384', '--import', 'tsx'];
  const child = fork(join(ROOT, 'scripts/bench/load/board-fleet-process.ts'), [], {
    cwd: ROOT,
    execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const fleet: BoardFleet = {
    firstPlanAt: specs.map(() => null),
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(kill);
          resolve();
        });
        child.send({ type: 'close' } satisfies ToFleet);
      }),
  };
  child.on('message', (m: FromFleet) => {
    if (m.type !== 'plan') return;
    fleet.firstPlanAt[m.index] ??= m.at;
    onPlan(m);
  });
  child.send({ type: 'connect', url, specs, heartbeatEveryMs: 10_000 } satisfies ToFleet);
  process.on('exit', () => child.kill('SIGKILL'));
  return fleet;
}
