// Pure: Electron's argv carries more than the hall's flags (the executable, the app path in
// development, Chromium switches such as --no-sandbox or --enable-logging), and the host's
// parser rightly refuses unknown flags. So the shell hands on only the hall's own.

/** The hall host's flags (DESIGN.md, `npm run serve`), each taking one value. */
export const HALL_FLAGS = ['--port', '--host', '--data', '--hub', '--hall-id', '--hub-token'] as const;

/** Picks `--flag value` and `--flag=value` pairs of the hall's flags out of any argv, in order. */
export function hallArgsFrom(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const flag = eq === -1 ? arg : arg.slice(0, eq);
    if (!(HALL_FLAGS as readonly string[]).includes(flag)) continue;
    if (eq !== -1) {
      out.push(arg);
      continue;
    }
    const value = argv[i + 1];
    if (value !== undefined && !value.startsWith('--')) {
      out.push(flag, value);
      i++;
    } else {
      // Let the host say that the flag needs a value instead of silently dropping it.
      out.push(flag);
    }
  }
  return out;
}

/** `--devtools` or HALL_DEVTOOLS=1 opens DevTools access; off in the hall. */
export function devToolsWanted(argv: readonly string[], env: Record<string, string | undefined>): boolean {
  return argv.includes('--devtools') || env.HALL_DEVTOOLS === '1';
}
