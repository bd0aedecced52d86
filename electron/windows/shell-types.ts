// Small injectable services the shell's wiring uses, so tests drive time and read the logs.

export interface ShellLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface ShellTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: ShellTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export const consoleLog: ShellLog = {
  info: (message) => console.log(`[shell] ${message}`),
  warn: (message) => console.warn(`[shell] ${message}`),
  error: (message) => console.error(`[shell] ${message}`),
};

/** The shell's lines on a pino logger (main.ts: the same file and stdout as the host's). */
export function shellLogOn(logger: { info(message: string): void; warn(message: string): void; error(message: string): void }): ShellLog {
  return {
    info: (message) => logger.info(message),
    warn: (message) => logger.warn(message),
    error: (message) => logger.error(message),
  };
}
