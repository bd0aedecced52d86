/**
 * `npm run test:electron [-- --app <Hall Board executable>]`: starts the real Electron app on a
 * temporary data dir and checks what only Electron can show: every window the shell assigns
 * opens its hall page with text on it, the kiosk's window.hallShell offers printSlip and a
 * board's has no kiosk, no page can reach `require`, and the database opened through the
 * Electron build of better-sqlite3. One line per check; exit 0 when all pass, 1 when one
 * fails, 2 when it cannot run here (no Electron binary). Not part of `npm test`.
 *
 * This checkout runs under Playwright's Electron support (_electron.launch). An installed app
 * (--app) has the inspect-arguments fuse off, which Playwright's Electron launcher needs
 * (playwright.dev/docs/api/class-electron, "Known issues"), so it is driven over Chromium's
 * DevTools port instead; the page checks are the same.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { _electron, chromium, type Page } from 'playwright-core';
import { launchDisplayServerArgs } from '../electron/windows/display-server';
import { bindingCacheRoot, packagedBindingPath } from '../electron/windows/sqlite-binding';
import { buildElectron } from './build-electron.mjs';
import { ensureRenderer } from './ensure-renderer.mjs';
import { ensureElectronBinding } from './launcher/electron-binding';
import { ensureElectronBinary } from './launcher/electron-binary';
import {
  assignedWindows,
  cannotRunLine,
  checkLine,
  databaseCheck,
  EXIT,
  exitCodeFor,
  parseLogLines,
  parseSmokeArgs,
  pagePath,
  pathFor,
  windowChecks,
  windowCountCheck,
  type CheckResult,
  type ExpectedWindow,
  type LogLine,
} from './launcher/electron-smoke';
import { readElectronTarget, ROOT } from './launcher/electron-target';
import { decideSandbox, sandboxFacts } from './launcher/sandbox';
import { pageFacts, WINDOW_TIMEOUT_MS } from './launcher/smoke-page';

interface Running {
  pages(): Page[];
  close(): Promise<void>;
}

function readLog(logDir: string): LogLine[] {
  if (!existsSync(logDir)) return [];
  return readdirSync(logDir)
    .filter((file) => /^hall\.\d+\.log$/.test(file))
    .sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]))
    .flatMap((file) => parseLogLines(readFileSync(join(logDir, file), 'utf8')));
}

async function until<T>(
  what: string,
  probe: () => T | null | undefined | Promise<T | null | undefined>,
  timeoutMs = WINDOW_TIMEOUT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolveWait) => setTimeout(resolveWait, 250));
  }
}

async function launchCheckout(executablePath: string, args: string[], env: NodeJS.ProcessEnv): Promise<Running> {
  const app = await _electron.launch({
    executablePath,
    args,
    env: env as Record<string, string>,
    cwd: ROOT,
    timeout: WINDOW_TIMEOUT_MS,
  });
  return { pages: () => app.windows(), close: () => app.close() };
}

/** An installed app, over the DevTools port its fuses leave (Chromium prints the endpoint on stderr). */
async function launchInstalled(executablePath: string, args: string[], env: NodeJS.ProcessEnv): Promise<Running> {
  const child: ChildProcess = spawn(executablePath, ['--remote-debugging-port=0', ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout!.resume();
  const endpoint = await until('the DevTools endpoint', () => /DevTools listening on (ws:\/\/\S+)/.exec(stderr)?.[1]);
  const browser = await chromium.connectOverCDP(endpoint);
  return {
    pages: () => browser.contexts().flatMap((context) => context.pages()),
    async close() {
      await browser.close().catch(() => undefined);
      const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolveWait) => setTimeout(resolveWait, 30_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/** One start of the app: waits for every assigned window, checks each, then closes the app. */
async function phase(
  launch: (env: NodeJS.ProcessEnv) => Promise<Running>,
  dirs: { data: string; logs: string },
  expectedBinding: string,
  abi: string,
): Promise<{ results: CheckResult[]; windows: ExpectedWindow[]; firstDisplay: number | null }> {
  rmSync(dirs.logs, { recursive: true, force: true });
  const env: NodeJS.ProcessEnv = { ...process.env, HALL_DATA_DIR: dirs.data, HALL_LOG_DIR: dirs.logs, HALL_PORT: '0' };
  delete env.ELECTRON_RUN_AS_NODE;
  const running = await launch(env);
  const results: CheckResult[] = [];
  try {
    const expected = await until('the shell to assign the displays', () => {
      const windows = assignedWindows(readLog(dirs.logs));
      return windows.length > 0 ? windows : null;
    });
    const hallPage = (page: Page) => /^http:\/\/127\.0\.0\.1:\d+\//.test(page.url());
    await until(`${expected.length} window(s) to load`, () =>
      running.pages().filter(hallPage).length >= expected.length ? true : null,
    ).catch(() => undefined);
    const pages = running.pages().filter(hallPage);
    const facts = await Promise.all(pages.map((page) => pageFacts(page)));
    results.push(windowCountCheck(expected, pages.length));
    const unused = [...facts];
    for (const window of expected) {
      const index = unused.findIndex((f) => pagePath(f.url) === pathFor(window));
      const page = index === -1 ? null : unused.splice(index, 1)[0]!;
      results.push(...windowChecks(window, page));
    }
    results.push(databaseCheck(readLog(dirs.logs), expectedBinding, abi));
    return { results, windows: expected, firstDisplay: expected[0]?.displayId ?? null };
  } finally {
    await running.close();
  }
}

async function main(): Promise<number> {
  const { app } = parseSmokeArgs(process.argv.slice(2));
  const target = readElectronTarget();
  let executable: string;
  let expectedBinding: string;
  let launch: (env: NodeJS.ProcessEnv) => Promise<Running>;
  const displayServerArgs = launchDisplayServerArgs({ platform: process.platform, env: process.env, argv: [] });

  if (app) {
    if (!existsSync(app)) {
      console.log(cannotRunLine(`no executable at ${app}`));
      return EXIT.cannotRun;
    }
    executable = app;
    // resources/ sits next to the executable in the deb, the AppImage and the Windows install.
    expectedBinding = packagedBindingPath(join(dirname(app), 'resources'));
    launch = (env) => launchInstalled(executable, [...displayServerArgs, '--port', '0'], env);
  } else {
    const electron = await ensureElectronBinary(target.electronVersion);
    if (electron.path === null) {
      console.log(cannotRunLine(`no Electron binary (${electron.reason})`));
      return EXIT.cannotRun;
    }
    const binding = await ensureElectronBinding(target, {
      cacheRoot: bindingCacheRoot(ROOT, process.env),
      status: (line) => console.log(line),
    });
    if (binding.path === null) {
      console.log(cannotRunLine(binding.reason));
      return EXIT.cannotRun;
    }
    executable = electron.path;
    expectedBinding = binding.path;
    ensureRenderer();
    await buildElectron({ quiet: true });
    const sandbox = decideSandbox(sandboxFacts(electron.path));
    if (sandbox.line) console.log(sandbox.line);
    launch = (env) =>
      launchCheckout(executable, [...(sandbox.sandbox ? [] : ['--no-sandbox']), ...displayServerArgs, ROOT], env);
  }

  const temp = mkdtempSync(join(tmpdir(), 'hall-test-electron-'));
  const dirs = { data: join(temp, 'data'), logs: join(temp, 'logs') };
  const results: CheckResult[] = [];
  try {
    const first = await phase(launch, dirs, expectedBinding, target.abi);
    results.push(...first.results);
    // One display (a laptop, a single test monitor) gives a board only: start again with that
    // display made the kiosk, so the kiosk's checks run everywhere.
    if (!first.windows.some((w) => w.role === 'kiosk') && first.firstDisplay !== null) {
      writeFileSync(
        join(dirs.data, 'displays.json'),
        `${JSON.stringify({ displays: [{ match: { id: first.firstDisplay }, role: 'kiosk' }], unmatched: 'none' })}\n`,
      );
      const second = await phase(launch, dirs, expectedBinding, target.abi);
      results.push(...second.results.filter((r) => r.name.startsWith('kiosk') || r.name.startsWith('every window')));
    }
    const logFiles = existsSync(dirs.logs) ? readdirSync(dirs.logs) : [];
    results.push({
      name: 'the log went to files under HALL_LOG_DIR',
      ok: logFiles.some((f) => /^hall\.\d+\.log$/.test(f)),
      detail: logFiles.join(', '),
    });
  } catch (error) {
    results.push({
      name: 'the app started and opened its windows',
      ok: false,
      detail: (error as Error).message.split('\n')[0]!,
    });
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  for (const result of results) console.log(checkLine(result));
  return exitCodeFor(results);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`test:electron: ${(error as Error)?.message ?? String(error)}`);
    process.exit(EXIT.failed);
  },
);
