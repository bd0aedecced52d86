/**
 * /city on a real hub, SQLite and PostgreSQL alike: the hand-computed city of
 * tests/fixtures/city-fixture.ts goes in through the real routes and the hall protocol (admin
 * postings, sign-ups submitted by halls, heartbeats), and the page and its JSON show exactly
 * the hand-computed figures — and not one phone or name of the fixture. Real Chromium renders
 * the page at a desktop and a phone width (screenshots in test-output/screenshots/).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { uuidv7 } from 'uuidv7';
import type { Hub } from '../../../../scripts/hub/hub-server';
import { cityDay } from '../../../../shared/pulse/city-pulse';
import { launchChromium, screenshotPath } from '../../../support/browser';
import { dropTestDatabases, freshDatabaseUrl } from '../../../support/postgres';
import {
  expectCityFigures,
  CITY_NOW,
  CITY_PERSONAL,
  CITY_POSTINGS,
  CITY_SIGNUPS,
  CITY_YEAR_AGO,
} from '../../../fixtures/city-fixture';
import { adminPost, startTestHub, waitFor } from '../../sync/support/sync-harness';
import { HALL_TOKEN } from '../../../support/in-process-hall';
import { tmpDir } from '../../../support/tmp-dir';

const DAY = 86_400_000;

interface CityJson {
  node: string;
  lastSeq: number;
  yearAgoDay: string | null;
  pulse: {
    minDemand: number;
    windowDays: number;
    trades: Array<{
      occupation: string;
      demand: number;
      seekers: number;
      gap: number;
      ratio: number | null;
      status: string;
      shortageRank: number | null;
      yearAgo: { ratio: number | null } | null;
    }>;
    totals: { demand: number; seekers: number; gap: number; ratio: number | null };
  };
  halls: Array<{
    hallId: string;
    nodeId: string;
    online: boolean;
    outboxPending: number | null;
    outboxLagS: number | null;
    screensOnline: number | null;
    screensTotal: number | null;
    behindChanges: number;
  }>;
  hallTotals: { halls: number; online: number; screensOnline: number; screensTotal: number };
}

function hallSocket(hubUrl: string, hallId: string): Socket {
  return io(`${hubUrl}/hall`, {
    transports: ['websocket'],
    auth: { hallId, token: HALL_TOKEN, since: 0 },
    reconnection: false,
  });
}

function emitAck(socket: Socket, event: string, body: unknown): Promise<{ ok: boolean }> {
  return socket.timeout(10_000).emitWithAck(event, body) as Promise<{ ok: boolean }>;
}

function describeCity(
  label: string,
  options: () => Promise<{ dataDir: string; databaseUrl?: string }>,
  screenshots: boolean,
): void {
  describe(`/city on ${label}`, () => {
    let hub: Hub;
    const sockets: Socket[] = [];
    let json: CityJson;
    let html: string;
    let headers: Headers;

    beforeAll(async () => {
      hub = await startTestHub({ ...(await options()), clock: () => CITY_NOW, cityCacheMs: 0, nodeId: 'node-1' });
      expect((await adminPost(hub.url, '/api/v1/listings', CITY_POSTINGS)).status).toBe(200);

      const [a, b] = [hallSocket(hub.url, 'hall-a'), hallSocket(hub.url, 'hall-b')];
      sockets.push(a, b);
      await waitFor('both halls connected', () => a.connected && b.connected);
      for (const s of CITY_SIGNUPS) {
        const payload = {
          id: uuidv7(),
          number: 'A-0001',
          phone: s.phone,
          name: s.name,
          occupations: s.occupations,
          listingId: s.listingId,
          createdAt: new Date(CITY_NOW - s.daysAgo * DAY).toISOString(),
        };
        const ack = await emitAck(s.hallId === 'hall-a' ? a : b, 'submit', {
          id: payload.id,
          type: 'registration',
          payload,
        });
        expect(ack.ok).toBe(true);
      }
      const lastSeq = await hub.store.lastSeq();
      await emitAck(a, 'heartbeat', {
        hallId: 'hall-a',
        cursor: lastSeq - 2,
        outboxPending: 2,
        outboxOldestAt: CITY_NOW - 90_000,
        screensOnline: 3,
        screensTotal: 4,
      });
      await emitAck(b, 'heartbeat', {
        hallId: 'hall-b',
        cursor: lastSeq,
        outboxPending: 0,
        outboxOldestAt: null,
        screensOnline: 2,
        screensTotal: 2,
      });
      await waitFor(
        'both heartbeats stored',
        async () => (await hub.store.hallStatuses()).filter((h) => h.screensTotal !== null).length === 2,
      );
      b.close();
      await waitFor('hall-b gone', async () =>
        (await hub.store.hallStatuses()).some((h) => h.hallId === 'hall-b' && !h.connected),
      );
      // the same week last year, as the daily snapshot of that day left it
      await hub.store.recordCitySnapshot(cityDay(CITY_NOW - 364 * DAY), CITY_YEAR_AGO, CITY_NOW - 364 * DAY);

      json = (await (await fetch(`${hub.url}/api/v1/city`)).json()) as CityJson;
      const res = await fetch(`${hub.url}/city`);
      headers = res.headers;
      html = await res.text();
    });

    afterAll(async () => {
      for (const s of sockets) s.close();
      await hub?.close();
    });

    it('gives the hand-computed figures per trade and in total', () => {
      expectCityFigures(json.pulse);
      expect(json.pulse.trades.find((t) => t.occupation === 'driving')).toMatchObject({
        demand: 0,
        status: 'no-demand',
      });
      expect(json.pulse).toMatchObject({ minDemand: 5, windowDays: 30 });
      expect(json.yearAgoDay).toBe('2025-11-28');
    });

    it('shows each hall: online or not, outbox lag, screens, changes behind', () => {
      expect(
        json.halls.map((h) => [
          h.hallId,
          h.nodeId,
          h.online,
          h.outboxPending,
          h.outboxLagS,
          h.screensOnline,
          h.screensTotal,
          h.behindChanges,
        ]),
      ).toEqual([
        ['hall-a', 'node-1', true, 2, 90, 3, 4, 2],
        ['hall-b', 'node-1', false, 0, 0, 2, 2, 0],
      ]);
      expect(json.hallTotals).toEqual({ halls: 2, online: 1, screensOnline: 3, screensTotal: 6, outboxPending: 2 });
    });

    it('renders the same figures as a page with a strict CSP and no external asset', () => {
      expect(headers.get('content-type')).toMatch(/text\/html; charset=utf-8/);
      expect(headers.get('content-security-policy')).toBe(
        "default-src 'none'; style-src 'self'; img-src 'none'; base-uri 'none'; form-action 'none'",
      );
      expect(html).toContain('<html lang="zh-CN">');
      expect(html).toContain('全市零工市场用工景气');
      // moving: rank 1, D 20, S 2, gap +18, ratio 10.00, a year ago 2.50
      expect(html).toMatch(
        /<td class="num rank">1<\/td><th scope="row">搬运装卸<\/th><td class="num">20<\/td><td class="num">2<\/td><td class="num short">\+18<\/td><td class="num">10\.00<\/td><td class="num">2\.50<\/td>/,
      );
      expect(html).toMatch(
        /<th scope="row">保洁家政<\/th><td class="num">3<\/td><td class="num">1<\/td><td class="num short">\+2<\/td><td class="num">—<\/td>/,
      );
      expect(html).toContain('去年同期：2025-11-28');
      expect(html).not.toMatch(/<script|https?:\/\/(?!127\.0\.0\.1)|src=/i);
    });

    it('carries no phone and no name of the fixture, in the page or the JSON', async () => {
      const english = await (await fetch(`${hub.url}/city?lang=en`)).text();
      expect(english).toContain('Trades most short of workers');
      for (const text of [html, english, JSON.stringify(json)]) {
        for (const personal of CITY_PERSONAL) expect(text, `"${personal}" leaked`).not.toContain(personal);
        expect(text).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
      }
    });

    if (screenshots) {
      it('reads well in Chromium at a desktop and a phone width', async () => {
        const browser = await launchChromium();
        try {
          for (const [width, height] of [
            [1366, 768],
            [390, 844],
          ] as const) {
            const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
            const problems: string[] = [];
            page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
            page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`));
            await page.goto(`${hub.url}/city`);
            const layout = await page.evaluate(() => ({
              scrollWidth: document.documentElement.scrollWidth,
              styled: getComputedStyle(document.querySelector('header')!).backgroundColor,
              smallest: Math.min(
                ...[...document.querySelectorAll('td, th, p, .label')].map((e) =>
                  parseFloat(getComputedStyle(e).fontSize),
                ),
              ),
            }));
            expect(problems).toEqual([]);
            expect(layout.styled).toBe('rgb(11, 79, 156)'); // the stylesheet loaded under the CSP
            expect(layout.scrollWidth).toBeLessThanOrEqual(width); // wide tables scroll inside their box
            expect(layout.smallest).toBeGreaterThanOrEqual(14);
            await page.screenshot({ path: screenshotPath(`city-${width}x${height}.png`), fullPage: true });
            await page.close();
          }
        } finally {
          await browser.close();
        }
      });
    }
  });
}

describeCity('SQLite', async () => ({ dataDir: tmpDir('hub-city-') }), false);
describeCity('PostgreSQL', async () => ({ dataDir: ':memory:', databaseUrl: await freshDatabaseUrl() }), true);

afterAll(dropTestDatabases);
