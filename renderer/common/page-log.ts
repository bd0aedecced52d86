/**
 * The renderers' one way to report a problem: the page's console (DevTools, or Electron's
 * console-message event), each line named by the module it comes from. Pages have no pino;
 * this file is the one place in renderer/ the lint lets reach the console. Never give it
 * personal data: the page logs what failed, not what a visitor typed.
 */
export interface PageLog {
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}

export function pageLog(module: string): PageLog {
  const line = (message: string) => `[${module}] ${message}`;
  return {
    warn: (message, detail) =>
      detail === undefined ? console.warn(line(message)) : console.warn(line(message), detail),
    error: (message, detail) =>
      detail === undefined ? console.error(line(message)) : console.error(line(message), detail),
  };
}
