import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBoundaries } from '../../scripts/boundaries/check-boundaries';

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
    ['shared/c.ts', "export { x } from '../electron/host/hall';", 'shared must not import from electron/, renderer/ or scripts/'],
    ['renderer/board/a.tsx', "const fs = require('fs');", 'renderer must not import Node modules'],
    ['renderer/board/b.tsx', "const m = await import('../../electron/host/hall');", 'renderer must not import from electron/'],
    ['electron/host/b.ts', "import { x } from '../windows/shell';", 'electron/host must not import from renderer/ or the shell'],
    ['scripts/a.ts', "import type { App } from 'electron';", 'scripts must not import electron'],
  ])('flags %s', (file, source, rule) => {
    const found = checkBoundaries(tree({ [file]: `// header\n${source}\n` }));
    expect(found).toContainEqual(expect.objectContaining({ file, line: 2, rule }));
  });

  it('allows the shell to import electron and the host, and ignores imports in comments', () => {
    const root = tree({
      'electron/main.ts': "import { app } from 'electron';\nimport { startHall } from './host/hall';",
      'electron/host/hall.ts': "import { join } from 'node:path';\nimport { planBoard } from '../../shared/planner/board-planner';",
      'shared/doc.ts': "/** e.g. import { app } from 'electron' */\nexport const x = 1; // require('fs')",
    });
    expect(checkBoundaries(root)).toEqual([]);
  });
});
