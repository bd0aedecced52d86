import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_SHELL_CONFIG,
  loadShellConfig,
  parseShellConfig,
  ShellConfigError,
} from '../../../electron/windows/shell-config';

describe('parseShellConfig', () => {
  it('reads the documented example', () => {
    const config = parseShellConfig(
      JSON.stringify({
        displays: [
          { match: { label: 'LED-1' }, role: 'board', screenId: '1' },
          { match: { id: 123 }, role: 'kiosk' },
          { match: { width: 1920, height: 1080, x: 0 }, role: 'staff' },
        ],
      }),
    );
    expect(config.unmatched).toBe('auto');
    expect(config.displays.map((d) => d.role)).toEqual(['board', 'kiosk', 'staff']);
  });

  it.each([
    {
      name: 'a board without a screen',
      json: { displays: [{ match: { id: 1 }, role: 'board' }] },
      field: 'displays.0.screenId',
    },
    { name: 'an unknown role', json: { displays: [{ match: { id: 1 }, role: 'tv' }] }, field: 'displays.0.role' },
    { name: 'a match on nothing', json: { displays: [{ match: {}, role: 'kiosk' }] }, field: 'displays.0.match' },
    {
      name: 'a screen id with a slash',
      json: { displays: [{ match: { id: 1 }, role: 'board', screenId: '../x' }] },
      field: 'displays.0.screenId',
    },
    { name: 'a typo in a top-level key', json: { display: [] }, field: '(root)' },
    { name: 'a staff chord with one modifier', json: { staffChord: 'Ctrl+S' }, field: 'staffChord' },
    { name: 'a staff idle time of zero', json: { staffIdleMinutes: 0 }, field: 'staffIdleMinutes' },
    { name: 'quiet hours that are not a time range', json: { nightlyReload: '3am' }, field: 'nightlyReload' },
    { name: 'a memory budget too small to render a page', json: { memoryBudgetMb: 16 }, field: 'memoryBudgetMb' },
    { name: 'an empty receipt printer name', json: { receiptPrinter: ' ' }, field: 'receiptPrinter' },
    {
      name: 'a paper roll of an odd width',
      json: { receiptPrinter: { name: 'EPSON TM-T88', paperWidthMm: 110 } },
      field: 'receiptPrinter',
    },
  ])('refuses $name and names the field', ({ json, field }) => {
    expect(() => parseShellConfig(JSON.stringify(json))).toThrow(ShellConfigError);
    expect(() => parseShellConfig(JSON.stringify(json))).toThrow(field);
  });

  it('says when the file is not JSON', () => {
    expect(() => parseShellConfig('{ displays: ')).toThrow(/parseShellConfig: displays.json is not JSON/);
  });
});

describe('receiptPrinter', () => {
  it.each([
    { name: 'no printer by default', json: {}, want: null },
    {
      name: 'a printer by name, on 80 mm paper',
      json: { receiptPrinter: 'EPSON TM-T88' },
      want: { name: 'EPSON TM-T88', paperWidthMm: 80 },
    },
    {
      name: 'a narrow 58 mm roll',
      json: { receiptPrinter: { name: 'XP-58', paperWidthMm: 58 } },
      want: { name: 'XP-58', paperWidthMm: 58 },
    },
    {
      name: 'the object form without a width',
      json: { receiptPrinter: { name: 'EPSON TM-T88' } },
      want: { name: 'EPSON TM-T88', paperWidthMm: 80 },
    },
    { name: 'explicitly none', json: { receiptPrinter: null }, want: null },
  ])('reads $name', ({ json, want }) => {
    expect(parseShellConfig(JSON.stringify(json)).receiptPrinter).toEqual(want);
  });
});

it('turns the nightly reload off with null', () => {
  expect(parseShellConfig('{"nightlyReload": null}').nightlyReload).toBeNull();
});

describe('loadShellConfig', () => {
  let dir: string | null = null;
  const dataDir = (): string => (dir = mkdtempSync(join(tmpdir(), 'hall-shell-')));
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = null;
  });

  it('uses the defaults without a warning when there is no displays.json', async () => {
    expect(await loadShellConfig(dataDir())).toEqual({ config: DEFAULT_SHELL_CONFIG, warning: null });
  });

  it('reads displays.json from the data dir', async () => {
    const d = dataDir();
    writeFileSync(
      join(d, 'displays.json'),
      JSON.stringify({ displays: [{ match: { label: 'LED-1' }, role: 'kiosk' }], unmatched: 'none' }),
    );
    const loaded = await loadShellConfig(d);
    expect(loaded.warning).toBeNull();
    expect(loaded.config).toEqual({
      displays: [{ match: { label: 'LED-1' }, role: 'kiosk' }],
      unmatched: 'none',
      staffChord: 'Ctrl+Alt+Shift+S',
      staffIdleMinutes: 5,
      nightlyReload: '03:00-04:00',
      memoryBudgetMb: 1200,
      receiptPrinter: null,
    });
  });

  it('falls back to the defaults with a warning when displays.json is broken, so the walls still light up', async () => {
    const d = dataDir();
    writeFileSync(join(d, 'displays.json'), '{"displays": [{"role": "board"}]}');
    const loaded = await loadShellConfig(d);
    expect(loaded.config).toEqual(DEFAULT_SHELL_CONFIG);
    expect(loaded.warning).toMatch(/displays\.json is invalid/);
  });
});
