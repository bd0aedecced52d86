import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../electron/host/db/open-database';
import { NativeBindingError } from '../../../electron/host/db/errors';
import { addonAbiOf, bindingLoadError, currentRuntime } from '../../../electron/host/db/native-binding';

// One better-sqlite3 build per runtime (issue 11): the host opens the database with
// node_modules' own build under Node, and with the path it is given (the Electron shell's
// build for Electron's ABI) otherwise. A file built for another ABI must give one line naming
// the file and both NODE_MODULE_VERSIONs. That file is real: a minimal addon compiled here
// against this Node's headers with NODE_MODULE_VERSION set to Electron 45's 150, so Node's
// own loader refuses it exactly as it refuses an Electron build of better-sqlite3.

const root = resolve(import.meta.dirname, '../../..');
const nodeBuild = join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
const require = createRequire(import.meta.url);
let dir: string;
let wrongAbiBuild: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hall-binding-'));
  mkdirSync(join(dir, 'abi150'));
  const source = join(dir, 'abi150', 'addon.cc');
  writeFileSync(
    source,
    '#include <node.h>\n#undef NODE_MODULE_VERSION\n#define NODE_MODULE_VERSION 150\nNODE_MODULE_INIT() {}\n',
  );
  wrongAbiBuild = join(dir, 'abi150', 'better_sqlite3.node');
  const headers = join(dirname(process.execPath), '..', 'include', 'node');
  execFileSync('g++', ['-shared', '-fPIC', '-std=c++20', `-I${headers}`, '-o', wrongAbiBuild, source], {
    stdio: 'pipe',
  });
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('openDatabase and better-sqlite3’s native binding', () => {
  it('opens with node_modules’ own build when no binding is given (tests, serve, hub, browser mode)', () => {
    const db = openDatabase(':memory:');
    expect(db.prepare('SELECT sqlite_version() AS v').get()).toMatchObject({ v: expect.any(String) });
    closeDatabase(db);
    expect(Object.keys(require.cache)).toContain(nodeBuild);
  });

  it('loads the binding file it is given instead', () => {
    const elsewhere = join(dir, 'given', 'better_sqlite3.node');
    mkdirSync(dirname(elsewhere), { recursive: true });
    copyFileSync(nodeBuild, elsewhere);
    const db = openDatabase(join(dir, 'given.db'), { nativeBinding: elsewhere });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    closeDatabase(db);
    expect(Object.keys(require.cache)).toContain(elsewhere);
  });

  it('names a missing binding file and the module version this runtime needs, in one line', () => {
    const missing = join(dir, 'nowhere', 'better_sqlite3.node');
    const error = catchError(() => openDatabase(join(dir, 'missing.db'), { nativeBinding: missing }));
    expect(error).toBeInstanceOf(NativeBindingError);
    expect(error.message).toBe(
      `openDatabase: cannot load better-sqlite3's native binding ${missing}: the file does not exist; ` +
        `this runtime (Node ${process.versions.node}) needs NODE_MODULE_VERSION ${process.versions.modules} (npm rebuild better-sqlite3)`,
    );
  });

  it('names a binding built for another ABI with both module versions, not the loader’s paragraph', () => {
    const error = catchError(() => openDatabase(join(dir, 'wrong.db'), { nativeBinding: wrongAbiBuild }));
    expect(error).toBeInstanceOf(NativeBindingError);
    expect(error).toMatchObject({ file: wrongAbiBuild, builtFor: 150 });
    expect(error.message).toBe(
      `openDatabase: cannot load better-sqlite3's native binding ${wrongAbiBuild}: it was built for NODE_MODULE_VERSION 150; ` +
        `this runtime (Node ${process.versions.node}) needs NODE_MODULE_VERSION ${process.versions.modules} (npm rebuild better-sqlite3)`,
    );
    expect(error.message).not.toContain('\n');
  });

  it('leaves errors that are not about the binding alone', () => {
    expect(
      bindingLoadError(new TypeError('Cannot open database because the directory does not exist'), null),
    ).toBeNull();
    const error = catchError(() => openDatabase(join(dir, 'no-such-dir', 'x.db')));
    expect(error).not.toBeInstanceOf(NativeBindingError);
    expect(error.message).toContain('directory does not exist');
  });

  it('words the Electron case for an installer', () => {
    const error = bindingLoadError(
      Object.assign(
        new Error(
          `The module '/opt/Hall Board/resources/native/better_sqlite3.node'\nwas compiled against a different Node.js version using\nNODE_MODULE_VERSION 115. This version of Node.js requires\nNODE_MODULE_VERSION 150. Please try re-compiling`,
        ),
        { code: 'ERR_DLOPEN_FAILED' },
      ),
      '/opt/Hall Board/resources/native/better_sqlite3.node',
      currentRuntime({ ...process.versions, electron: '45.5.0', modules: '150' }),
    );
    expect(error?.message).toBe(
      "openDatabase: cannot load better-sqlite3's native binding /opt/Hall Board/resources/native/better_sqlite3.node: it was built for NODE_MODULE_VERSION 115; " +
        'this runtime (Electron 45.5.0) needs NODE_MODULE_VERSION 150 (npm start builds it; a packaged app ships it in resources/native)',
    );
  });
});

describe('addonAbiOf', () => {
  it('reads the ABI an addon was built for from its exported initializer', () => {
    expect(addonAbiOf(readFileSync(nodeBuild))).toBe(Number(process.versions.modules));
    expect(addonAbiOf(readFileSync(wrongAbiBuild))).toBe(150);
    expect(addonAbiOf(Buffer.from('not an addon'))).toBeNull();
  });
});

function catchError(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}
