/** A real pino logger that writes nothing, for code under test that must be given one. */
import { pino, type Logger } from 'pino';

export function silentLog(): Logger {
  return pino({ level: 'silent' });
}
