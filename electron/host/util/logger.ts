import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * JSON lines on stdout. Personal data never reaches a log line unmasked: callers mask phones
 * (shared/format.ts maskPhone) and the redact list is a second line of defence.
 */
export function createLogger(options: { level?: string; name?: string } = {}): Logger {
  return pino({
    name: options.name ?? 'hall',
    level: options.level ?? process.env.HALL_LOG_LEVEL ?? 'info',
    redact: { paths: ['*.phone', '*.name', '*.contactPhone', '*.pin', '*.token', 'req.headers.authorization'], censor: '[redacted]' },
  });
}
