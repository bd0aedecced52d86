import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBoundaries } from '../../scripts/boundaries/boundary-rules';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'boundaries-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('process boundary check', () => {
  it('passes on this repository', () => {
    expect(checkBoundaries(resolve(import.meta.dirname, '../..'))).toEqual([]);
  });

  it.each([
    ['electron/host/a.ts', "import { app } from 'electron';", 'electron/host must not import electron'],
    ['shared/a.ts', "import { readFileSync } from 'node:fs';", 'shared must not import Node modules'],
    ['shared/b.ts', "import Database from 'better-sqlite3';", 'shared must not import Node modules'],
    [
      'shared/c.ts',
      "export { x } from '../electron/host/hall';",
      'shared must not import from electron/, renderer/ or scripts/',
    ],
    ['renderer/board/a.tsx', "const fs = require('fs');", 'renderer must not import Node modules'],
    [
      'renderer/board/b.tsx',
      "const m = await import('../../electron/host/hall');",
      'renderer must not import from electron/',
    ],
    [
      'electron/host/b.ts',
      "import { x } from '../windows/shell';",
      'electron/host must not import from renderer/ or the shell',
    ],
    ['scripts/a.ts', "import type { App } from 'electron';", 'scripts must not import electron'],
  ])('flags %s', (file, source, rule) => {
    const found = checkBoundaries(tree({ [file]: `// header\n${source}\n` }));
    expect(found).toContainEqual(expect.objectContaining({ file, line: 2, rule }));
  });

  // The preloads (sandboxed, bundled) and the shell's logic (tested under plain Node): planted
  // in real files of a temporary tree, each must fail with the rule it breaks.
  it.each([
    [
      'electron/preload/board.ts',
      "import { contextBridge, shell } from 'electron';",
      "electron/preload may take only contextBridge and ipcRenderer from 'electron'",
    ],
    [
      'electron/preload/kiosk.ts',
      "import electron from 'electron';",
      "electron/preload may take only contextBridge and ipcRenderer from 'electron'",
    ],
    [
      'electron/preload/staff.ts',
      "import { readFileSync } from 'node:fs';",
      'electron/preload imports only contextBridge and ipcRenderer from electron, shared/ and its own helpers',
    ],
    [
      'electron/preload/lib/a.ts',
      "import { X } from '../../windows/window-options';",
      'electron/preload imports only contextBridge and ipcRenderer from electron, shared/ and its own helpers',
    ],
    [
      'electron/preload/lib/b.ts',
      "import { startHall } from '../../host/hall';",
      'electron/preload imports only contextBridge and ipcRenderer from electron, shared/ and its own helpers',
    ],
    [
      'electron/windows/a.ts',
      "import { BrowserWindow } from 'electron';",
      "electron/windows imports 'electron' only as types (main.ts passes its modules in)",
    ],
    [
      'electron/windows/b.ts',
      "import { startHall } from '../host/hall';",
      'electron/windows imports only Node, universal packages, shared/ and itself (never the host, preloads or pages)',
    ],
    [
      'electron/windows/c.ts',
      "import { x } from '../preload/lib/preload-args';",
      'electron/windows imports only Node, universal packages, shared/ and itself (never the host, preloads or pages)',
    ],
    [
      'electron/windows/d.ts',
      "import { pino } from 'pino';",
      'electron/windows imports only Node, universal packages, shared/ and itself (never the host, preloads or pages)',
    ],
  ])('flags %s', (file, source, rule) => {
    const found = checkBoundaries(tree({ [file]: `// header\n${source}\n` }));
    expect(found).toEqual([{ file, line: 2, specifier: expect.any(String), rule }]);
  });

  it('allows a preload its two Electron modules and shared/, and the shell Electron types', () => {
    const root = tree({
      'electron/preload/kiosk.ts':
        "import { contextBridge, ipcRenderer } from 'electron';\nimport type { KioskBridge } from '../../shared/shell-bridge';\nimport { args } from './lib/preload-args';",
      'electron/preload/lib/preload-args.ts': "import { PRELOAD_ARGS } from '../../../shared/ipc-channels';",
      'electron/windows/window-options.ts':
        "import type { BrowserWindowConstructorOptions } from 'electron';\nimport { type WebContents } from 'electron';\nimport { join } from 'node:path';\nimport { z } from 'zod';\nimport { a } from './lockdown';",
    });
    expect(checkBoundaries(root)).toEqual([]);
  });

  it.each([
    [
      'electron/host/a.ts',
      "import leftPad from 'left-pad';",
      'left-pad',
      'cannot classify this import: a package scripts/boundaries/boundary-rules.ts does not know (add it to PACKAGES, with what it runs on)',
    ],
    [
      'electron/windows/a.ts',
      "import { x } from '@scope/unknown/sub';",
      '@scope/unknown/sub',
      'cannot classify this import: a package scripts/boundaries/boundary-rules.ts does not know (add it to PACKAGES, with what it runs on)',
    ],
    [
      'electron/preload/a.ts',
      "import { x } from '../../assets/x';",
      '../../assets/x',
      'cannot classify this import: a file outside the checked folders (assets/x)',
    ],
    [
      'shared/a.ts',
      "export * from '../node_modules/zod';",
      '../node_modules/zod',
      'cannot classify this import: a file outside the checked folders (node_modules/zod)',
    ],
    [
      'renderer/a.ts',
      "import { ipcRenderer } from 'electron/renderer';",
      'electron/renderer',
      "cannot classify this import: a sub-path of 'electron'",
    ],
  ])('fails on an import it cannot classify: %s', (file, source, specifier, rule) => {
    expect(checkBoundaries(tree({ [file]: source }))).toEqual([{ file, line: 1, specifier, rule }]);
  });

  it('fails on a file of electron/ outside its three folders and main.ts', () => {
    const found = checkBoundaries(tree({ 'electron/stray.ts': "import { join } from 'node:path';" }));
    expect(found).toEqual([
      {
        file: 'electron/stray.ts',
        line: 1,
        specifier: 'node:path',
        rule: expect.stringContaining('is in no known area'),
      },
    ]);
  });

  it('exits non-zero from the command line with each violation on a line of its own', () => {
    const root = tree({
      'electron/preload/board.ts': "import { app } from 'electron';\n",
      'scripts/check-boundaries.ts': '',
    });
    const run = spawnSync(
      process.execPath,
      [
        resolve(import.meta.dirname, '../../scripts/run-ts.mjs'),
        resolve(import.meta.dirname, '../../scripts/check-boundaries.ts'),
        root,
      ],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `electron/preload/board.ts:1: imports "electron" — electron/preload may take only contextBridge and ipcRenderer from 'electron'`,
    );
  });

  it('allows the shell to import electron and the host, and ignores imports in comments', () => {
    const root = tree({
      'electron/main.ts': "import { app } from 'electron';\nimport { startHall } from './host/hall';",
      'electron/host/hall.ts':
        "import { join } from 'node:path';\nimport { planBoard } from '../../shared/planner/board-planner';",
      'shared/doc.ts': "/** e.g. import { app } from 'electron' */\nexport const x = 1; // require('fs')",
    });
    expect(checkBoundaries(root)).toEqual([]);
  });
});
