import { hallArgsFrom } from '../../electron/windows/hall-args';

// Pure: `npm start -- …` carries the launcher's own flag (--browser), the hall's flags and, for
// Electron, Chromium switches (--ozone-platform=wayland, --devtools). Browser mode hands the
// host only the hall's flags, which its parser knows.

export function splitStartArgs(argv: readonly string[]): {
  browser: boolean;
  electronArgs: string[];
  hallArgs: string[];
} {
  const electronArgs = argv.filter((arg) => arg !== '--browser');
  return { browser: electronArgs.length !== argv.length, electronArgs, hallArgs: hallArgsFrom(electronArgs) };
}

/** The one line `npm start` prints when it runs the hall without Electron. */
export function fallbackMessage(what: string, reason: string): string {
  return `${what} not available (${reason}); starting Hall Board in browser mode.`;
}

/** Electron's command line: sandbox and display-server switches, the app folder, then the rest. */
export function electronCommandLine(options: {
  appDir: string;
  sandbox: boolean;
  displayServerArgs: readonly string[];
  args: readonly string[];
}): string[] {
  return [...(options.sandbox ? [] : ['--no-sandbox']), ...options.displayServerArgs, options.appDir, ...options.args];
}
