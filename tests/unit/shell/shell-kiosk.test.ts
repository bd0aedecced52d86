import { describe, expect, it } from 'vitest';
import { fakePrinting } from './fake-electron';
import { HALL_URL, KIOSK_TOKEN, PRELOADS, useShellHarness } from './shell-harness';

// The kiosk window in the shell's wiring (fake `electron`, see shell-harness.ts): its device
// token, the per-role preloads, and the one IPC channel — printing the confirmation slip.
const { start, writeConfig } = useShellHarness();

describe('runShell kiosk authorisation', () => {
  const kioskConfig = () => writeConfig({ displays: [{ match: { id: 2 }, role: 'kiosk' }] });

  it('opens the kiosk window with the host’s per-start device token in the URL fragment', async () => {
    kioskConfig();
    const { windows } = await start();
    const kiosk = windows()[1]!;
    expect(kiosk.loadedUrls).toEqual([`${HALL_URL}/kiosk#device=${KIOSK_TOKEN}`]);
    expect(windows()[0]!.loadedUrls).toEqual([`${HALL_URL}/board/1`]);
    // The page drops the fragment from the address bar; in-kiosk navigation stays allowed.
    expect(kiosk.webContents.tryNavigate(`${HALL_URL}/kiosk`)).toBe(true);
    expect(kiosk.webContents.tryNavigate(`${HALL_URL}/kiosk#device=${KIOSK_TOKEN}`)).toBe(true);
  });

  it('reloads a crashed or recycled kiosk with its token again, so it does not fall back to pairing', async () => {
    kioskConfig();
    const { windows, timers, shell } = await start();
    const kiosk = windows()[1]!;
    kiosk.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    timers.advance(1_000);
    expect(kiosk.loadedUrls).toEqual([
      `${HALL_URL}/kiosk#device=${KIOSK_TOKEN}`,
      `${HALL_URL}/kiosk#device=${KIOSK_TOKEN}`,
    ]);
    shell!.windows.recycle(2);
    expect(windows()[2]!.loadedUrls).toEqual([`${HALL_URL}/kiosk#device=${KIOSK_TOKEN}`]);
  });

  it('never writes the token to the log, whatever happens to the kiosk window', async () => {
    kioskConfig();
    const { windows, timers, log, shell } = await start();
    const kiosk = windows()[1]!;
    kiosk.webContents.emit(
      'did-fail-load',
      {},
      -102,
      'ERR_CONNECTION_REFUSED',
      `${HALL_URL}/kiosk#device=${KIOSK_TOKEN}`,
      true,
    );
    timers.advance(1_000);
    kiosk.webContents.tryNavigate(`https://evil.example/#device=${KIOSK_TOKEN}`);
    kiosk.webContents.windowOpenHandler?.({ url: `${HALL_URL}/kiosk#device=${KIOSK_TOKEN}` });
    kiosk.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 1 });
    timers.advance(5_000);
    shell!.windows.recycle(2);
    shell!.windows.reloadAll();
    expect(log.lines.some((l) => l.includes(`${HALL_URL}/kiosk#…`))).toBe(true);
    expect(log.lines.filter((l) => l.includes(KIOSK_TOKEN))).toEqual([]);
  });
});

describe('runShell preloads and IPC', () => {
  const PRINT = 'hall:kiosk:print-slip';
  const SLIP = {
    id: '0195c4a0-7b1c-7d3e-8f00-123456789abc',
    number: 'A-0427',
    listingTitle: '装修小工（日结）',
    listingId: 'L-1001',
  };
  const withKiosk = (extra: object = {}) => writeConfig({ displays: [{ match: { id: 2 }, role: 'kiosk' }], ...extra });
  const flush = async () => {
    for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
  };

  it('gives each window only its own role’s preload, and tells the kiosk whether a printer is configured', async () => {
    withKiosk({ receiptPrinter: 'EPSON TM-T88' });
    const { windows } = await start();
    const [board, kiosk] = windows();
    expect(board!.options.webPreferences).toMatchObject({
      preload: PRELOADS.board,
      additionalArguments: ['--hall-role=board', '--hall-screen=1'],
    });
    expect(kiosk!.options.webPreferences).toMatchObject({
      preload: PRELOADS.kiosk,
      additionalArguments: ['--hall-role=kiosk', '--hall-printer=1'],
    });
    kiosk!.webContents.pressKey('s', { control: true, alt: true, shift: true });
    expect(windows()[2]!.options.webPreferences).toMatchObject({
      preload: PRELOADS.staff,
      additionalArguments: ['--hall-role=staff'],
    });
  });

  it('registers the one IPC channel there is, and removes it on quit', async () => {
    const { ipcMain, app } = await start();
    expect([...ipcMain.handlers.keys()]).toEqual([PRINT]);
    app.quit();
    expect([...ipcMain.handlers.keys()]).toEqual([]);
  });

  it('prints the kiosk’s slip silently on the configured printer, in a hidden window without scripts, then closes it', async () => {
    withKiosk({ receiptPrinter: 'EPSON TM-T88' });
    fakePrinting.printers = [
      { name: 'HP_LaserJet', displayName: 'HP LaserJet' },
      { name: 'EPSON_TM_T88', displayName: 'EPSON TM-T88' },
    ];
    const { windows, ipcMain, log } = await start();
    const kiosk = windows()[1]!;
    const result = await ipcMain.invoke(PRINT, { id: kiosk.webContents.id, url: `${HALL_URL}/kiosk` }, SLIP);
    expect(result).toEqual({ printed: true });
    expect(fakePrinting.jobs).toHaveLength(1);
    const job = fakePrinting.jobs[0]!;
    expect(job.options).toMatchObject({ silent: true, deviceName: 'EPSON_TM_T88', pageSize: { width: 80_000 } });
    expect(job.html).toContain('A-0427');
    expect(job.html).toContain('装修小工（日结）');
    expect(job.html).toContain('2026-03-10 12:00');
    const printWindow = windows()[2]!;
    expect(printWindow.options).toMatchObject({
      show: false,
      webPreferences: { javascript: false, sandbox: true, contextIsolation: true },
    });
    expect(printWindow.destroyed).toBe(true);
    expect(log.lines).toContain('info print: slip A-0427 printed on "EPSON_TM_T88"');
  });

  it('answers available: false and prints nothing where no printer is configured', async () => {
    withKiosk();
    const { windows, ipcMain } = await start();
    const kiosk = windows()[1]!;
    expect(kiosk.options.webPreferences?.additionalArguments).toContain('--hall-printer=0');
    const result = await ipcMain.invoke(PRINT, { id: kiosk.webContents.id, url: `${HALL_URL}/kiosk` }, SLIP);
    expect(result).toEqual({ printed: false, available: false, reason: 'no-printer' });
    expect(fakePrinting.jobs).toEqual([]);
    expect(windows()).toHaveLength(2);
  });

  it('refuses a print from anyone but the kiosk’s own page, and a slip with personal fields, without logging them', async () => {
    withKiosk({ receiptPrinter: 'EPSON TM-T88' });
    fakePrinting.printers = [{ name: 'EPSON TM-T88', displayName: 'EPSON TM-T88' }];
    const { windows, ipcMain, log } = await start();
    const [board, kiosk] = windows();
    const tries: [string, { id: number; url: string; subframe?: boolean }, unknown[]][] = [
      ['a board', { id: board!.webContents.id, url: `${HALL_URL}/board/1` }, [SLIP]],
      ['a stranger webContents', { id: 9_999, url: `${HALL_URL}/kiosk` }, [SLIP]],
      ['an iframe in the kiosk', { id: kiosk!.webContents.id, url: `${HALL_URL}/kiosk`, subframe: true }, [SLIP]],
      ['the kiosk gone off the hall', { id: kiosk!.webContents.id, url: 'https://evil.example/kiosk' }, [SLIP]],
      [
        'a slip with a phone number',
        { id: kiosk!.webContents.id, url: `${HALL_URL}/kiosk` },
        [{ ...SLIP, phone: '13812345678' }],
      ],
      ['a slip without a number', { id: kiosk!.webContents.id, url: `${HALL_URL}/kiosk` }, [{ id: SLIP.id }]],
      ['two arguments', { id: kiosk!.webContents.id, url: `${HALL_URL}/kiosk` }, [SLIP, SLIP]],
    ];
    for (const [, from, args] of tries) {
      expect(await ipcMain.invoke(PRINT, from, ...args)).toEqual({
        printed: false,
        available: true,
        reason: 'refused',
      });
    }
    expect(fakePrinting.jobs).toEqual([]);
    const refusals = log.lines.filter((l) => l.startsWith(`warn ipc: refused ${PRINT}`));
    expect(refusals).toHaveLength(tries.length);
    expect(refusals.join('\n')).not.toContain('13812345678');
    expect(refusals.join('\n')).toContain('unexpected phone');
  });

  it('tells the kiosk when the printer is not installed or the driver fails, and keeps no print window', async () => {
    withKiosk({ receiptPrinter: { name: 'EPSON TM-T88', paperWidthMm: 58 } });
    const { windows, ipcMain } = await start();
    const kiosk = { id: windows()[1]!.webContents.id, url: `${HALL_URL}/kiosk` };
    expect(await ipcMain.invoke(PRINT, kiosk, SLIP)).toEqual({
      printed: false,
      available: true,
      reason: 'printer-missing',
    });
    fakePrinting.printers = [{ name: 'EPSON TM-T88', displayName: 'EPSON TM-T88' }];
    fakePrinting.outcome = { success: false, failureReason: 'Print job failed' };
    expect(await ipcMain.invoke(PRINT, kiosk, SLIP)).toEqual({ printed: false, available: true, reason: 'failed' });
    expect(fakePrinting.jobs[0]?.options.pageSize).toEqual({ width: 58_000, height: 110_000 });
    expect(
      windows()
        .slice(2)
        .every((w) => w.destroyed),
    ).toBe(true);
  });

  it('gives up on a print the driver never answers, and prints the next one', async () => {
    withKiosk({ receiptPrinter: 'EPSON TM-T88' });
    fakePrinting.printers = [{ name: 'EPSON TM-T88', displayName: 'EPSON TM-T88' }];
    fakePrinting.outcome = null;
    const { windows, ipcMain, timers } = await start();
    const kiosk = { id: windows()[1]!.webContents.id, url: `${HALL_URL}/kiosk` };
    const hung = ipcMain.invoke(PRINT, kiosk, SLIP);
    await flush();
    expect(await ipcMain.invoke(PRINT, kiosk, { ...SLIP, id: 'other-signup' })).toEqual({
      printed: false,
      available: true,
      reason: 'busy',
    });
    timers.advance(30_000);
    expect(await hung).toEqual({ printed: false, available: true, reason: 'failed' });
    fakePrinting.outcome = { success: true, failureReason: '' };
    expect(await ipcMain.invoke(PRINT, kiosk, SLIP)).toEqual({ printed: true });
  });

  it('prints a sign-up’s slip twice at most (the slip and one reprint)', async () => {
    withKiosk({ receiptPrinter: 'EPSON TM-T88' });
    fakePrinting.printers = [{ name: 'EPSON TM-T88', displayName: 'EPSON TM-T88' }];
    const { windows, ipcMain } = await start();
    const kiosk = { id: windows()[1]!.webContents.id, url: `${HALL_URL}/kiosk` };
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await ipcMain.invoke(PRINT, kiosk, SLIP));
    expect(results).toEqual([
      { printed: true },
      { printed: true },
      { printed: false, available: true, reason: 'copies-used' },
    ]);
  });
});
