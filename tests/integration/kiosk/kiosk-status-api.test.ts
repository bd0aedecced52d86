/**
 * The kiosk's own routes added for visitors who read slowly and kiosks that may not take
 * sign-ups: what a kiosk says about its voice (staff see it), the pay choices, the hall's
 * service window, and paging, over real HTTP against a real host.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKioskHall, type TestHall } from './support/kiosk-harness';
import { LOCAL_KIOSK_ID } from '../../../electron/host/devices/kiosk-devices';
import { tmpDir } from '../../support/tmp-dir';

async function call(url: string, init: RequestInit = {}): Promise<{ status: number; json: Record<string, unknown> }> {
  const r = await fetch(url, init);
  return { status: r.status, json: (await r.json()) as Record<string, unknown> };
}

describe('kiosk status, pay choices and the service window', () => {
  let t: TestHall;
  beforeAll(async () => {
    const dataDir = tmpDir('kiosk-status-');
    writeFileSync(join(dataDir, 'hall.json'), JSON.stringify({ serviceWindow: '3号服务窗口' }));
    t = await startKioskHall({ dataDir });
  });
  afterAll(() => t?.hall.close());

  const status = (body: unknown, token: string | null) =>
    call(`${t.hall.url}/api/kiosk/device/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });

  it('takes a voice report only from an authorised kiosk, bounded, and keeps it for staff', async () => {
    expect((await status({ voice: 'x' }, null)).status).toBe(401);
    expect((await status({ voice: 'x' }, 'not-a-token')).status).toBe(403);
    const tooLong = await status({ voice: 'v'.repeat(121) }, t.hall.localKioskToken);
    expect(tooLong.status).toBe(400);
    expect(tooLong.json.error).toMatchObject({ code: 'invalid_kiosk_status' });
    // an unknown device is refused before its body is read
    expect((await status({ voice: 'v'.repeat(121) }, null)).status).toBe(401);
    expect((await status({ voice: null, extra: 1 }, t.hall.localKioskToken)).status).toBe(400);
    expect(t.hall.kiosk.statuses.of(LOCAL_KIOSK_ID)).toBeNull();

    expect(
      (await status({ voice: 'Microsoft Huihui - Chinese (Simplified, PRC)' }, t.hall.localKioskToken)).status,
    ).toBe(200);
    expect(t.hall.kiosk.statuses.of(LOCAL_KIOSK_ID)).toMatchObject({
      voice: 'Microsoft Huihui - Chinese (Simplified, PRC)',
    });
    await status({ voice: null }, t.hall.localKioskToken);
    expect(t.hall.kiosk.statuses.of(LOCAL_KIOSK_ID)).toMatchObject({ voice: null });
  });

  it("tells visitors the hall's service window on the start summary", async () => {
    const summary = await call(`${t.hall.url}/api/kiosk/summary`);
    expect(summary.json.hall).toEqual({ name: null, serviceWindow: '3号服务窗口', signupUrl: null });
  });

  it('answers pay choices for known trades only, and ignores the rest of what is sent', async () => {
    const ok = await call(`${t.hall.url}/api/kiosk/pay-presets?occupations=construction,nonsense,construction`);
    expect(ok.status).toBe(200);
    expect(ok.json.basis).toBe('trades');
    const long = await call(`${t.hall.url}/api/kiosk/pay-presets?occupations=${'x'.repeat(500)}`);
    expect(long.status).toBe(400);
  });

  it('pages the listings and refuses an offset past the counting cap', async () => {
    const first = await call(`${t.hall.url}/api/kiosk/listings?limit=20`);
    const second = await call(`${t.hall.url}/api/kiosk/listings?limit=20&offset=20`);
    const ids = (r: { json: Record<string, unknown> }) => (r.json.listings as Array<{ id: string }>).map((l) => l.id);
    expect(ids(first)).toHaveLength(20);
    expect(ids(second)).toHaveLength(20);
    expect(ids(first).filter((id) => ids(second).includes(id))).toEqual([]);
    expect((await call(`${t.hall.url}/api/kiosk/listings?offset=5000`)).status).toBe(400);
  });
});
