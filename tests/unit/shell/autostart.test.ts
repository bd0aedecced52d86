import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// The OS restarts the hall host when it dies: a systemd user unit on Linux, a scheduled task
// running a restart loop on Windows. Neither can run here; these checks keep them honest
// against the packaging config they point into (names drift when one side is renamed).

const root = resolve(import.meta.dirname, '../../..');
const read = (path: string) => readFileSync(resolve(root, path), 'utf8');
const builder = parse(read('electron-builder.yml')) as { productName: string; linux: { executableName: string } };

/** `[Section]` → key → values, as systemd reads a unit (comments and blank lines skipped). */
function unitFile(text: string): Map<string, Map<string, string[]>> {
  const sections = new Map<string, Map<string, string[]>>();
  let current: Map<string, string[]> | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      current = new Map();
      sections.set(header[1]!, current);
      continue;
    }
    const eq = line.indexOf('=');
    if (!current || eq === -1) throw new Error(`not a unit line: ${line}`);
    const key = line.slice(0, eq);
    current.set(key, [...(current.get(key) ?? []), line.slice(eq + 1)]);
  }
  return sections;
}

describe('systemd user unit (scripts/autostart/hall-board.service)', () => {
  const unit = unitFile(read('scripts/autostart/hall-board.service'));
  const value = (section: string, key: string) => unit.get(section)?.get(key);

  it('restarts the hall whenever it ends, a few seconds later, without ever hitting the start limit', () => {
    expect(value('Service', 'Restart')).toEqual(['always']);
    expect(Number(value('Service', 'RestartSec')?.[0])).toBeGreaterThan(0);
    expect(value('Unit', 'StartLimitIntervalSec')).toEqual(['0']);
  });

  it('runs the executable the deb installs, with the graphical session', () => {
    expect(value('Service', 'ExecStart')).toEqual([
      `/usr/bin/${builder.linux.executableName} --ozone-platform=\${HALL_OZONE_PLATFORM}`,
    ]);
    expect(value('Install', 'WantedBy')).toEqual(['graphical-session.target']);
    expect(value('Unit', 'After')?.[0]).toContain('graphical-session.target');
  });

  it('puts Chromium on X11 unless hall.env says HALL_OZONE_PLATFORM=wayland (an env file overrides Environment=)', () => {
    expect(value('Service', 'Environment')).toEqual(['HALL_OZONE_PLATFORM=x11']);
    const lines = read('scripts/autostart/hall-board.service').split('\n');
    expect(lines.findIndex((l) => l.startsWith('Environment='))).toBeLessThan(
      lines.findIndex((l) => l.startsWith('EnvironmentFile=')),
    );
  });

  it('stops with SIGTERM and time to close the database, and reads hall settings from an optional env file', () => {
    expect(value('Service', 'KillSignal')).toEqual(['SIGTERM']);
    expect(Number(value('Service', 'TimeoutStopSec')?.[0])).toBeGreaterThanOrEqual(10);
    expect(value('Service', 'EnvironmentFile')).toEqual(['-%h/.config/hall-board/hall.env']);
  });
});

describe('Windows autostart (scripts/autostart/windows)', () => {
  const loop = read('scripts/autostart/windows/hall-board-loop.ps1');
  const install = read('scripts/autostart/windows/install-autostart.ps1');

  it('starts the exe the NSIS installer puts under Program Files, again and again', () => {
    expect(loop).toContain(`'${builder.productName}\\${builder.productName}.exe'`);
    expect(loop).toMatch(/while \(\$true\) \{[\s\S]*Start-Process[\s\S]*-Wait[\s\S]*Start-Sleep/);
  });

  it('registers a logon task that runs the loop hidden and restarts the loop itself', () => {
    expect(install).toContain('hall-board-loop.ps1');
    expect(install).toContain('-AtLogOn');
    expect(install).toContain('-WindowStyle Hidden');
    expect(install).toMatch(/-RestartCount \d+ -RestartInterval/);
    expect(install).toContain('-ExecutionTimeLimit ([TimeSpan]::Zero)');
  });
});
