// Small injectable services the shell's wiring uses, so tests drive time and read the logs.

/**
 * What the shell writes its lines through: the process's one pino logger as main.ts hands it
 * over (`log.child({ name: 'shell' })`), or a test's memory log. `child` names the module a
 * line comes from, as the host's modules do.
 */
export interface ShellLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  child(bindings: { module: string }): ShellLog;
}

export interface ShellTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: ShellTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
