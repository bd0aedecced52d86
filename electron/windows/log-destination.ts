// Pure: where the hall's log lines go. A packaged Windows app is a GUI program with no stdout
// (pino's default destination then fails with EBADF, pinojs/pino#1868) and installers are told
// to copy display ids from the log, so a packaged app always writes a file under the app's
// logs folder; stdout as well where someone reads it: a terminal, or systemd's journal (it
// sets JOURNAL_STREAM for a unit's stdout, so `journalctl --user -u hall-board` keeps working).

export interface LogDestinationInput {
  packaged: boolean;
  platform: NodeJS.Platform;
  stdoutIsTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
  /** Electron's app.getPath('logs'): <user data>/logs on Windows and Linux. */
  appLogsDir: string;
}

export interface LogDestination {
  /** Folder of the rotating hall.<n>.log files, or null for none. */
  fileDir: string | null;
  stdout: boolean;
}

export function logDestination(input: LogDestinationInput): LogDestination {
  const { packaged, platform, stdoutIsTTY, env } = input;
  const fileDir = env.HALL_LOG_DIR || (packaged ? input.appLogsDir : null);
  const journal = platform === 'linux' && Boolean(env.JOURNAL_STREAM);
  return { fileDir, stdout: !packaged || stdoutIsTTY || journal };
}

/** The one line the shell logs about it, so an installer knows where to look next time. */
export function describeLogDestination(destination: LogDestination, platform: NodeJS.Platform): string {
  if (!destination.fileDir) return 'logging to stdout only (set HALL_LOG_DIR for files)';
  const newest = platform === 'win32' ? 'the highest-numbered hall.<n>.log' : 'current.log';
  return `logging to ${destination.fileDir} (newest: ${newest})${destination.stdout ? ' and stdout' : ''}`;
}
