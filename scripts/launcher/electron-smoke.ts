/**
 * Pure: the checks of `npm run test:electron`, the one command that proves on a machine with
 * Electron what the tests here can only prove by construction. Given what was observed of the
 * real app (the shell's log lines, each window's page), each check is one line and the exit
 * code says whether all held: 0 all passed, 1 one failed, 2 the check could not run here.
 */

export const EXIT = { passed: 0, failed: 1, cannotRun: 2 } as const;

export interface CheckResult {
  name: string;
  ok: boolean;
  detail: string;
}

export function checkLine(result: CheckResult): string {
  return `${result.ok ? 'ok  ' : 'FAIL'} ${result.name}${result.detail ? ` — ${result.detail}` : ''}`;
}

export function exitCodeFor(results: readonly CheckResult[]): number {
  return results.length > 0 && results.every((r) => r.ok) ? EXIT.passed : EXIT.failed;
}

export function cannotRunLine(reason: string): string {
  return `test:electron: cannot run here: ${reason}`;
}

export interface SmokeArgs {
  /** An installed or unpacked Hall Board executable; null: this checkout with node_modules' Electron. */
  app: string | null;
}

export function parseSmokeArgs(argv: readonly string[]): SmokeArgs {
  let app: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--app' && argv[i + 1]) app = argv[++i]!;
    else if (arg.startsWith('--app=')) app = arg.slice('--app='.length);
    else
      throw new Error(
        `test:electron: unknown argument ${arg} (usage: npm run test:electron [-- --app <Hall Board executable>])`,
      );
  }
  return { app };
}

/** One log line as pino writes it. */
export interface LogLine {
  name?: string;
  msg?: string;
  binding?: string;
  modules?: string;
}

export function parseLogLines(text: string): LogLine[] {
  return text.split('\n').flatMap((line) => {
    if (!line.startsWith('{')) return [];
    try {
      return [JSON.parse(line) as LogLine];
    } catch {
      return [];
    }
  });
}

export interface ExpectedWindow {
  displayId: number;
  role: 'board' | 'kiosk' | 'staff';
  screenId: string | null;
}

/** The windows the shell assigned, from its per-display lines (electron/windows/display-assignment.ts describeDisplay). */
export function assignedWindows(lines: readonly LogLine[]): ExpectedWindow[] {
  const latest = new Map<number, ExpectedWindow | null>();
  for (const line of lines) {
    if (line.name !== 'shell' || !line.msg) continue;
    const match =
      /^display (\d+) ".*" \S+ ×\S+(?: touch)? → (board|kiosk|staff|nothing)(?: (\S+))? \(/.exec(line.msg) ??
      /^display (\d+) ".*" \S+ ×\S+(?: touch)? → (nothing)$/.exec(line.msg);
    if (!match) continue;
    const role = match[2] as ExpectedWindow['role'] | 'nothing';
    latest.set(
      Number(match[1]),
      role === 'nothing'
        ? null
        : { displayId: Number(match[1]), role, screenId: role === 'board' ? (match[3] ?? null) : null },
    );
  }
  return [...latest.values()].filter((w): w is ExpectedWindow => w !== null);
}

/** What a window's page showed (gathered with page.evaluate). */
export interface PageFacts {
  /** location.href without its fragment (the kiosk's carries the device token). */
  url: string;
  textLength: number;
  hallShell: { kind?: string; role?: string; screenId?: string; hasKiosk: boolean; printSlip: string } | null;
  requireType: string;
}

export function pagePath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

export function pathFor(window: Pick<ExpectedWindow, 'role' | 'screenId'>): string {
  return window.role === 'board' ? `/board/${encodeURIComponent(window.screenId ?? '1')}` : `/${window.role}`;
}

/** The checks of one window. */
export function windowChecks(expected: ExpectedWindow, page: PageFacts | null): CheckResult[] {
  const label = expected.role === 'board' ? `board ${expected.screenId ?? ''}`.trim() : expected.role;
  const where = `display ${expected.displayId}`;
  if (!page) return [{ name: `${label} window on ${where} opened`, ok: false, detail: 'no window loaded its page' }];
  const results: CheckResult[] = [
    {
      name: `${label} window on ${where} loaded its hall page with text on it`,
      ok: pagePath(page.url) === pathFor(expected) && page.textLength > 0,
      detail: `${page.url}, ${page.textLength} characters`,
    },
    {
      name: `${label} window: require is undefined in the page`,
      ok: page.requireType === 'undefined',
      detail: `typeof require = ${page.requireType}`,
    },
  ];
  if (expected.role === 'kiosk') {
    results.push({
      name: 'kiosk window: window.hallShell offers kiosk.printSlip',
      ok: page.hallShell?.role === 'kiosk' && page.hallShell.printSlip === 'function',
      detail: page.hallShell
        ? `role ${page.hallShell.role}, printSlip ${page.hallShell.printSlip}`
        : 'no window.hallShell',
    });
  } else if (expected.role === 'board') {
    results.push({
      name: `${label} window: window.hallShell exists and has no kiosk`,
      ok: page.hallShell?.role === 'board' && !page.hallShell.hasKiosk,
      detail: page.hallShell
        ? `role ${page.hallShell.role}, kiosk ${page.hallShell.hasKiosk ? 'present' : 'absent'}`
        : 'no window.hallShell',
    });
  }
  return results;
}

/** The database opened through the Electron build, not node_modules' own. */
export function databaseCheck(lines: readonly LogLine[], expectedBinding: string, abi: string): CheckResult {
  const opened = lines.find((line) => line.name === 'hall' && line.msg === 'database opened');
  return {
    name: `database opened through the Electron build of better-sqlite3 (NODE_MODULE_VERSION ${abi})`,
    ok: opened?.binding === expectedBinding && opened?.modules === abi,
    detail: opened
      ? `binding ${opened.binding}, NODE_MODULE_VERSION ${opened.modules}`
      : 'no "database opened" line in the log',
  };
}

export function windowCountCheck(expected: readonly ExpectedWindow[], opened: number): CheckResult {
  return {
    name: 'every window the shell assigned a display opened',
    ok: expected.length > 0 && opened === expected.length,
    detail: `${opened} of ${expected.length} (${expected.map((w) => (w.role === 'board' ? `board ${w.screenId}` : w.role)).join(', ') || 'none assigned'})`,
  };
}
