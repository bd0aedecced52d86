import { describe, expect, it } from 'vitest';
import { IPC_CHANNELS } from '../../../shared/ipc-channels';
import { validateIpc, type IpcSender } from '../../../electron/windows/ipc-validation';

const HALL = 'http://127.0.0.1:8080';
const PRINT = IPC_CHANNELS.printSlip;
const SLIP = { id: '0195c4a0-7b1c-7d3e-8f00-123456789abc', number: 'A-0427', listingTitle: '搬运工', listingId: 'L-1' };
const kiosk: IpcSender = { role: 'kiosk', frameUrl: `${HALL}/kiosk`, isMainFrame: true };

describe('validateIpc: the sender', () => {
  const cases: { name: string; channel?: string; sender: IpcSender; reason: string | null }[] = [
    { name: 'the kiosk’s own page', sender: kiosk, reason: null },
    {
      name: 'the kiosk after its page dropped the token fragment',
      sender: { ...kiosk, frameUrl: `${HALL}/kiosk` },
      reason: null,
    },
    {
      name: 'the kiosk with its token still in the URL',
      sender: { ...kiosk, frameUrl: `${HALL}/kiosk#device=abc` },
      reason: null,
    },
    { name: 'a kiosk sub-page', sender: { ...kiosk, frameUrl: `${HALL}/kiosk/listing/7` }, reason: null },
    { name: 'a channel nobody registered', channel: 'hall:shell:exec', sender: kiosk, reason: 'unknown-channel' },
    {
      name: 'a webContents that is not a shell window (print window, devtools)',
      sender: { ...kiosk, role: null },
      reason: 'unknown-sender',
    },
    {
      name: 'a board',
      sender: { role: 'board', frameUrl: `${HALL}/board/1`, isMainFrame: true },
      reason: 'wrong-role',
    },
    {
      name: 'the staff console',
      sender: { role: 'staff', frameUrl: `${HALL}/staff`, isMainFrame: true },
      reason: 'wrong-role',
    },
    { name: 'an iframe inside the kiosk', sender: { ...kiosk, isMainFrame: false }, reason: 'subframe' },
    {
      name: 'the kiosk window on another origin',
      sender: { ...kiosk, frameUrl: 'https://evil.example/kiosk' },
      reason: 'wrong-page',
    },
    {
      name: 'the kiosk window on another port',
      sender: { ...kiosk, frameUrl: 'http://127.0.0.1:8081/kiosk' },
      reason: 'wrong-page',
    },
    { name: 'the kiosk window on a staff page', sender: { ...kiosk, frameUrl: `${HALL}/staff` }, reason: 'wrong-page' },
    {
      name: 'a data: page in the kiosk window',
      sender: { ...kiosk, frameUrl: 'data:text/html,hi' },
      reason: 'wrong-page',
    },
    { name: 'a frame that is gone', sender: { ...kiosk, frameUrl: null }, reason: 'wrong-page' },
  ];
  it.each(cases)('$name → $reason', ({ channel, sender, reason }) => {
    const verdict = validateIpc(channel ?? PRINT, [SLIP], sender, HALL);
    expect(verdict.ok ? null : verdict.reason).toBe(reason);
  });
});

describe('validateIpc: the slip', () => {
  const cases: { name: string; args: unknown[]; ok: boolean; detail?: string }[] = [
    { name: 'a full slip', args: [SLIP], ok: true },
    { name: 'a slip without a posting', args: [{ id: SLIP.id, number: 'B-0001' }], ok: true },
    { name: 'no argument', args: [], ok: false, detail: 'takes one argument, got 0' },
    { name: 'two arguments', args: [SLIP, SLIP], ok: false, detail: 'takes one argument, got 2' },
    { name: 'a string', args: ['A-0427'], ok: false, detail: 'invalid (root)' },
    { name: 'a phone number', args: [{ ...SLIP, phone: '13812345678' }], ok: false, detail: 'unexpected phone' },
    { name: 'a name', args: [{ ...SLIP, name: '张三' }], ok: false, detail: 'unexpected name' },
    { name: 'a number not like A-0427', args: [{ ...SLIP, number: '<b>1</b>' }], ok: false, detail: 'invalid number' },
    {
      name: 'a posting title longer than any posting’s',
      args: [{ ...SLIP, listingTitle: '长'.repeat(41) }],
      ok: false,
      detail: 'invalid listingTitle',
    },
    { name: 'an id with markup', args: [{ ...SLIP, id: '<script>' }], ok: false, detail: 'invalid id' },
  ];
  it.each(cases)('$name → ok $ok', ({ args, ok, detail }) => {
    const verdict = validateIpc(PRINT, args, kiosk, HALL);
    expect(verdict.ok).toBe(ok);
    if (!verdict.ok) expect(verdict.detail).toContain(detail);
  });

  it('hands on the parsed slip with its defaults', () => {
    expect(validateIpc(PRINT, [{ id: SLIP.id, number: 'B-0001' }], kiosk, HALL)).toEqual({
      ok: true,
      payload: { id: SLIP.id, number: 'B-0001', listingTitle: null, listingId: null, matchCount: 0, matches: [] },
    });
  });

  it('never puts the refused values in its detail', () => {
    const verdict = validateIpc(PRINT, [{ ...SLIP, phone: '13812345678', number: '13987654321' }], kiosk, HALL);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.detail).not.toMatch(/1381234|1398765/);
  });
});
