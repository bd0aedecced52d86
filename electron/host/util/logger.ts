import { join } from 'node:path';
import { pino, type DestinationStream, type Logger } from 'pino';
import pinoRoll from 'pino-roll';

export type { Logger };

/**
 * The process's one logger: JSON lines, on stdout unless `destination` says otherwise. Each
 * part takes a child of it: the Electron app names its two halves (`log.child({ name: 'hall' })`,
 * `{ name: 'shell' }`, electron/main.ts), and hall.ts gives every module its own
 * (`log.child({ module: 'sync' })`). `name` here is for a process with one part only (the
 * headless host, a test). Personal data never reaches a log line unmasked: callers mask phones
 * (shared/format.ts maskPhone) and the redact list is a second line of defence.
 */
export function createLogger(options: { level?: string; name?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      ...(options.name ? { name: options.name } : {}),
      level: options.level ?? process.env.HALL_LOG_LEVEL ?? 'info',
      // Top-level too (`log.info({ phone })`), except `name`, which is pino's own logger name.
      redact: {
        paths: [
          'phone',
          'contactPhone',
          'pin',
          'token',
          '*.phone',
          '*.name',
          '*.contactPhone',
          '*.pin',
          '*.token',
          'req.headers.authorization',
        ],
        censor: '[redacted]',
      },
    },
    options.destination,
  );
}

/** Size-based rotation of the log file: 10 MB a file, the current one plus 9 older (≤ 100 MB). */
export const LOG_FILE_ROTATION = { size: '10m', keep: 9 } as const;

/**
 * hall.<n>.log files in `dir`, rotated by size with pino-roll (pinojs' own rolling
 * destination), the newest with the highest number, and a `current.log` link to it where
 * links can be made without privileges (not Windows). Written synchronously: the log is a few
 * lines a minute, and the line just before a crash is the one an installer needs.
 */
export async function openLogFile(dir: string, options: { symlink?: boolean } = {}): Promise<DestinationStream> {
  return pinoRoll({
    file: join(dir, 'hall.log'),
    size: LOG_FILE_ROTATION.size,
    limit: { count: LOG_FILE_ROTATION.keep },
    mkdir: true,
    symlink: options.symlink ?? process.platform !== 'win32',
    sync: true,
  });
}

/** Several destinations as one (pino.multistream): the log file, and stdout where someone reads it. */
export function logDestinations(streams: readonly DestinationStream[]): DestinationStream {
  return pino.multistream(streams.map((stream) => ({ stream, level: 'trace' as const })));
}

/** stderr, written synchronously: the shell's lines before the log's destinations are known. */
export function stderrDestination(): DestinationStream {
  return pino.destination({ dest: 2, sync: true });
}

/** stdout, written synchronously so the last lines before an exit are not lost. */
export function stdoutDestination(): DestinationStream {
  return pino.destination({ dest: 1, sync: true });
}
