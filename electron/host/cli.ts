/**
 * `npm run serve` — the hall host without Electron. Prints where every screen is, then runs
 * until SIGINT/SIGTERM, closing the database cleanly.
 */
import { hallOptionsFrom, ConfigError } from './config';
import { startHall } from './hall';
import { ScreenConfigError } from './screens/screen-config';
import { RendererMissingError } from './server/http-server';
import { DatabaseTooNewError, NativeBindingError } from './db/errors';

async function main(): Promise<void> {
  const options = hallOptionsFrom(process.argv.slice(2), process.env);
  const hall = await startHall(options);
  const lines = [
    `Hall Board host is running (data: ${options.dataDir}, upstream: ${options.hub ? options.hub.url : 'standalone'})`,
    ...hall.screens().map((s) => `  board ${s.id} (${s.name}): ${hall.url}/board/${s.id}`),
    `  kiosk: ${hall.url}/kiosk`,
    `  staff console: ${hall.url}/staff`,
    `  health: ${hall.url}/healthz`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`Stopping (${signal})…\n`);
    hall.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  // Configuration mistakes are the operator's to fix: one clear line. Anything else: the stack.
  const expected =
    error instanceof ConfigError ||
    error instanceof ScreenConfigError ||
    error instanceof RendererMissingError ||
    error instanceof DatabaseTooNewError ||
    error instanceof NativeBindingError;
  process.stderr.write(`hall: ${expected ? (error as Error).message : ((error as Error)?.stack ?? String(error))}\n`);
  process.exit(1);
});
