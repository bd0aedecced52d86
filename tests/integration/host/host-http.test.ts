import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HealthSchema, PostingsResponseSchema } from '../../../shared/contract';
import { generatePostings } from '../../../scripts/demo/generate-postings';
import type { Hall } from '../../../electron/host/hall';
import { startTestHall, writePostings } from '../../support/in-process-hall';

describe('hall host HTTP routes', () => {
  let hall: Hall & { dataDir: string };
  const get = (path: string) => fetch(`${hall.url}${path}`);

  beforeAll(async () => {
    hall = await startTestHall();
    const [masked] = generatePostings(1, { seed: 99, now: Date.now() });
    writePostings(hall.dataDir, [
      { ...masked!, id: 'masked-1', title: '住家保姆王阿姨', contactPhone: '13812348000', maskPhone: true },
    ]);
  });
  afterAll(() => hall?.close());

  it('answers /healthz in the contract shape for a standalone hall with demo postings', async () => {
    const res = await get('/healthz');
    expect(res.status).toBe(200);
    const body = HealthSchema.parse(await res.json());
    expect(body.hub).toBe('standalone');
    expect(body.listings).toBeGreaterThan(100);
  });

  it.each([
    ['司', 1],
    ['司机', 2],
    ['叉车司机', 4],
  ])('finds postings by a %s-character Chinese query (%i)', async (q) => {
    const res = await get(`/api/listings?q=${encodeURIComponent(q)}&limit=200`);
    const body = PostingsResponseSchema.parse(await res.json());
    expect(body.total).toBeGreaterThan(0);
    expect(body.listings.length).toBe(Math.min(200, body.total));
    for (const l of body.listings) expect(JSON.stringify(l)).toContain(q);
  });

  it('filters by trade and district and returns public fields only', async () => {
    const now = Date.now();
    // what the filter should find, counted straight from the database file
    const db = new BetterSqlite3(join(hall.dataDir, 'hall.db'), { readonly: true });
    const count = (where: string) =>
      (
        db
          .prepare(
            `SELECT COUNT(*) AS n FROM postings WHERE valid_from_ms <= @now AND valid_until_ms > @now AND hidden = 0 ${where}`,
          )
          .get({ now }) as { n: number }
      ).n;
    const matching = count("AND occupation = 'driving' AND district_code = '361102'");
    const live = count('');
    db.close();
    expect(matching).toBeGreaterThan(0);
    expect(live).toBeGreaterThan(matching);

    const res = await get('/api/listings?occupation=driving&district=361102&limit=50');
    const body = PostingsResponseSchema.parse(await res.json());
    expect(body.total).toBe(matching);
    expect(body.listings.length).toBe(Math.min(50, matching));
    for (const l of body.listings) {
      expect(l).toMatchObject({ occupation: 'driving', districtCode: '361102' });
      expect(Object.keys(l)).not.toContain('maskPhone');
      expect(Object.keys(l)).not.toContain('revision');
    }
  });

  it('masks an individual employer phone that asked for masking', async () => {
    const body = PostingsResponseSchema.parse(
      await (await get(`/api/listings?q=${encodeURIComponent('王阿姨')}`)).json(),
    );
    expect(body.listings.map((l) => l.contactPhone)).toEqual(['138****8000']);
  });

  it.each([
    ['/api/listings?limit=0', 400, 'invalid_query'],
    ['/api/listings?limit=abc', 400, 'invalid_query'],
    ['/api/listings?occupation=astronaut', 400, 'invalid_query'],
    ['/api/listings?district=%3Cscript%3E', 400, 'invalid_query'],
    [`/api/listings?q=${'长'.repeat(500)}`, 400, 'invalid_query'],
    ['/api/nothing-here', 404, 'not_found'],
    ['/board/..%2F..%2Fetc', 404, 'unknown_screen'],
  ])('answers %s with %i and a contract error body', async (path, status, code) => {
    const res = await get(path);
    expect(res.status).toBe(status);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(3);
  });

  it('survives hostile search text and still answers', async () => {
    for (const q of ['"', '*', 'OR', 'NEAR(', '%', '_', "'; DROP TABLE postings; --", '\u0000司机']) {
      const res = await get(`/api/listings?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
    }
    expect(HealthSchema.parse(await (await get('/healthz')).json()).listings).toBeGreaterThan(100);
  });

  it('serves a board page for any screen id with a content security policy', async () => {
    const res = await get('/board/7');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain('<div id="root"');
  });

  it('sends / to the first board', async () => {
    const res = await fetch(`${hall.url}/`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/board/1');
  });
});
