import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ROOT, startHallProcess } from '../../support/hall-process';
import { tmpDir } from '../../support/tmp-dir';

function runCli(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'electron/host/cli.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('npm run serve (electron/host/cli.ts)', () => {
  it('refuses an unknown flag in one line and exits 1', () => {
    const result = runCli(['--prot', '8080']);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      'hall: hallOptionsFrom: unknown option --prot (known: --port, --host, --data, --hub, --hall-id, --hub-token, --play-retention-days)',
    );
  });

  it('refuses a database written by a newer Hall Board and leaves it untouched', () => {
    const dataDir = tmpDir();
    const file = join(dataDir, 'hall.db');
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.exec('CREATE TABLE precious (x)');
    db.close();
    const result = runCli(['--port', '0', '--data', dataDir]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^hall: openDatabase: database schema version 99 is newer than this Hall Board/);
    const after = new Database(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(99);
    expect(after.prepare("SELECT name FROM sqlite_master WHERE name = 'precious'").get()).toBeTruthy();
    after.close();
  });

  it('stops cleanly on SIGTERM and keeps its data for the next start', async () => {
    const first = await startHallProcess();
    const health = (await (await fetch(`${first.url}/healthz`)).json()) as { listings: number };
    expect(await first.stop('SIGTERM')).toBe(0);
    const second = await startHallProcess({ dataDir: first.dataDir });
    const again = (await (await fetch(`${second.url}/healthz`)).json()) as { listings: number };
    expect(again.listings).toBe(health.listings);
    expect(await second.stop('SIGTERM')).toBe(0);
  });
});
