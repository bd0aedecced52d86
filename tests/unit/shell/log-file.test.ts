import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, LOG_FILE_ROTATION, logDestinations, openLogFile } from '../../../electron/host/util/logger';

// The packaged app's log file: JSON lines rotated by size with pino-roll, the newest linked
// as current.log (not on Windows, where links need privileges). Real files, real rotation.

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'hall-logs-'));
  dirs.push(dir);
  return join(dir, 'logs');
};

describe('openLogFile', () => {
  it('creates the folder and writes JSON lines to hall.1.log, linked as current.log', async () => {
    const dir = tempDir();
    const file = await openLogFile(dir, { symlink: true });
    const log = createLogger({ name: 'shell', destination: logDestinations([file]) });
    log.info('display 1 "LED-1" 1920×1080+0+0 ×1 → board 1 (default)');
    log.info({ phone: '13800138000' }, 'sign-up stored');
    expect(readlinkSync(join(dir, 'current.log'))).toBe('hall.1.log');
    const lines = readFileSync(join(dir, 'hall.1.log'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => line.msg)).toEqual([
      'display 1 "LED-1" 1920×1080+0+0 ×1 → board 1 (default)',
      'sign-up stored',
    ]);
    // The redact list still applies to the file.
    expect(lines[1]?.phone).toBe('[redacted]');
  });

  it(`starts hall.2.log once hall.1.log reaches ${LOG_FILE_ROTATION.size}, and moves current.log with it`, async () => {
    const dir = tempDir();
    const file = await openLogFile(dir, { symlink: true });
    const log = createLogger({ destination: logDestinations([file]) });
    const filler = 'x'.repeat(1000);
    for (let i = 0; i < 11_000; i++) log.info({ i, filler }, 'filler');
    await new Promise((resolveDone) => setTimeout(resolveDone, 200));
    log.info('after the roll');
    await new Promise((resolveDone) => setTimeout(resolveDone, 200));
    expect(readdirSync(dir).sort()).toEqual(['current.log', 'hall.1.log', 'hall.2.log']);
    expect(statSync(join(dir, 'hall.1.log')).size).toBeGreaterThanOrEqual(10 * 1024 * 1024);
    expect(readlinkSync(join(dir, 'current.log'))).toBe('hall.2.log');
    expect(readFileSync(join(dir, 'hall.2.log'), 'utf8')).toContain('after the roll');
  });

  it('makes no link when told not to (Windows)', async () => {
    const dir = tempDir();
    const log = createLogger({ destination: logDestinations([await openLogFile(dir, { symlink: false })]) });
    log.info('hello');
    expect(readdirSync(dir)).toEqual(['hall.1.log']);
  });
});
