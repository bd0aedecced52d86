/**
 * Matching end to end, on real hall hosts (real SQLite files, real HTTP) and a real hub: a
 * sign-up at the kiosk, postings arriving by import and by sync, the call list (待通知) staff
 * work through, outcomes upstream exactly once across a hub restart, and the retention purge.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { uuidv7 } from 'uuidv7';
import type { Hub } from '../../../scripts/hub/hub-server';
import type { Hall } from '../../../electron/host/hall';
import { openDatabase, closeDatabase } from '../../../electron/host/db/open-database';
import { createSignupIntake } from '../../../electron/host/signups/signup-intake';
import type { SignupData } from '../../../shared/schemas/signup';
import { MATCH_OUTCOME_OUTBOX_TYPE, type MatchView } from '../../../shared/matching-contract';
import { bigImportRow, dates, HEADER, utf8Csv } from '../../fixtures/import/import-sheets';
import { makePosting } from '../../unit/db/fixtures';
import { freePort } from '../../support/free-port';
import { tmpDir } from '../../support/tmp-dir';
import { call } from '../staff/staff-support';
import { hallWithAdmin, upload } from '../postings/postings-support';
import { postSignup, signup } from '../kiosk/support/kiosk-harness';
import { ADMIN_TOKEN, adminPost, health, startTestHub, waitFor } from '../sync/support/sync-harness';

const DAY = 86_400_000;

async function queue(url: string, token: string, status = 'open'): Promise<MatchView[]> {
  const r = await call(url, 'GET', `/api/staff/matches?status=${status}&limit=500`, { token });
  expect(r.status).toBe(200);
  return r.json.matches as MatchView[];
}

const ofSignup = (matches: MatchView[], id: string) => matches.filter((m) => m.signupId === id);

/** A sign-up for 搬运装卸 in 信州区 as the kiosk posts it (the hall PC's own kiosk window). */
async function signUpForMoving(hall: Hall, phone: string): Promise<{ id: string; receipt: Record<string, unknown> }> {
  const body = signup({ phone, occupations: ['moving'], districts: ['361102'], availability: ['today'] });
  const r = await postSignup(hall.url, body, hall.localKioskToken);
  expect(r.status).toBe(201);
  return { id: body.id, receipt: r.body };
}

describe('matching sign-ups to postings', () => {
  const open: Array<Hall | Hub> = [];
  afterEach(async () => {
    for (const thing of open.splice(0).reverse()) await thing.close();
  });

  it('puts an imported posting of the trade and district in the call list, not one of another trade; outcomes are audited', async () => {
    const { hall, token } = await hallWithAdmin();
    open.push(hall);
    const { id, receipt } = await signUpForMoving(hall, '13712340001');
    // the kiosk's confirmation: the demo postings of the trade in 信州区, best first, public fields only
    const shown = receipt.matches as { count: number; postings: { posting: Record<string, unknown> }[] };
    expect(shown.count).toBeGreaterThan(0);
    expect(shown.postings.length).toBe(Math.min(3, shown.count));
    for (const { posting } of shown.postings) {
      expect(posting).toMatchObject({ occupation: 'moving', districtCode: '361102' });
      expect(Object.keys(posting)).not.toContain('hidden');
    }
    expect(JSON.stringify(receipt)).not.toContain('13712340001');

    const { from, until } = dates(Date.now());
    const vary = { trades: ['搬运装卸', '驾驶司机'], districts: ['信州区'] };
    const sheet = [HEADER, bigImportRow(0, 'MT', from, until, vary), bigImportRow(1, 'MT', from, until, vary)].map(
      (row) => row.map(String),
    );
    const imported = await upload(hall.url, token, '匹配.csv', utf8Csv(sheet));
    expect(imported.status).toBe(200);
    expect(imported.json.imported).toBe(2);

    const mine = await waitFor('the imported 搬运装卸 posting in the call list', async () => {
      const found = ofSignup(await queue(hall.url, token), id).find((m) => m.postingId === 'imp-MT-0');
      return found;
    });
    // the 驾驶司机 posting came in the same file and was matched in the same pass: never listed
    expect(ofSignup(await queue(hall.url, token, 'all'), id).map((m) => m.postingId)).not.toContain('imp-MT-1');
    expect(mine).toMatchObject({ number: expect.stringMatching(/^[A-Z]-\d{4}$/), phone: '137****0001', name: '王**' });
    expect(mine.reasons.map((r) => r.key)).toEqual(
      expect.arrayContaining(['match.reason.trade', 'match.reason.sameDistrict', 'match.reason.daily']),
    );
    expect(JSON.stringify(await queue(hall.url, token, 'all'))).not.toContain('13712340001');

    // one tap: 已通知; the match leaves the open list, the outcome is audited; a standalone hall queues nothing upstream
    const marked = await call(hall.url, 'PUT', `/api/staff/matches/${id}/imp-MT-0/outcome`, {
      token,
      body: { outcome: 'notified' },
    });
    expect(marked.status).toBe(200);
    expect(marked.json).toMatchObject({ outcome: 'notified', outcomeBy: '王主任' });
    expect(ofSignup(await queue(hall.url, token), id).map((m) => m.postingId)).not.toContain('imp-MT-0');
    const audit = await call(hall.url, 'GET', '/api/staff/audit?limit=50', { token });
    const actions = (audit.json.entries as { action: string; detail: Record<string, unknown> }[]).filter((e) =>
      e.action.startsWith('match.'),
    );
    expect(actions.map((e) => e.action)).toEqual(expect.arrayContaining(['match.outcome', 'match.queue']));
    expect(actions.find((e) => e.action === 'match.outcome')?.detail).toMatchObject({
      outcome: 'notified',
      postingId: 'imp-MT-0',
    });
    expect((await health(hall.url)).outboxPending).toBe(0);

    // the pulse counts the person under 搬运装卸: matched, called
    const pulse = await call(hall.url, 'GET', '/api/staff/matches/pulse', { token });
    expect(pulse.json.trades).toEqual(
      expect.arrayContaining([expect.objectContaining({ occupation: 'moving', signupsMatched: 1, notified: 1 })]),
    );

    // neither the list nor an outcome without a session; never on a public route
    expect((await call(hall.url, 'GET', '/api/staff/matches')).status).toBe(401);
    expect(
      (await call(hall.url, 'PUT', `/api/staff/matches/${id}/imp-MT-0/outcome`, { body: { outcome: 'placed' } }))
        .status,
    ).toBe(401);
    const bad = await call(hall.url, 'PUT', `/api/staff/matches/${id}/imp-MT-0/outcome`, {
      token,
      body: { outcome: 'hired' },
    });
    expect(bad.status).toBe(400);
    expect(
      (
        await call(hall.url, 'PUT', `/api/staff/matches/${uuidv7()}/imp-MT-0/outcome`, {
          token,
          body: { outcome: 'placed' },
        })
      ).status,
    ).toBe(404);
  });

  it('matches a sign-up stored before the host started (the re-match worker), and the purge removes its matches', async () => {
    const dataDir = tmpDir('hall-match-purge-');
    const db = openDatabase(join(dataDir, 'hall.db'));
    const id = uuidv7();
    createSignupIntake(db, { queueUpstream: false }).add(
      signup({ id, occupations: ['moving'], districts: [], availability: [] }) as SignupData,
      'kiosk-local',
      Date.now() - 20 * DAY,
    );
    closeDatabase(db);

    // a standalone hall seeds the demo postings, and its start's re-match pairs them with the sign-up
    const { hall, token } = await hallWithAdmin({ dataDir });
    open.push(hall);
    const found = await waitFor('the demo 搬运装卸 postings matched', async () => {
      const mine = ofSignup(await queue(hall.url, token), id);
      return mine.length > 0 ? mine : null;
    });
    expect(found.every((m) => m.occupation === 'moving')).toBe(true);
    expect(found.length).toBeLessThanOrEqual(20);

    // the same again, on demand: scored in the worker; the pairs already there are unchanged, so
    // nothing is rewritten and none is added twice
    const report = await hall.matching.rematch();
    expect(report).toMatchObject({ mode: 'worker', signups: 1, written: 0 });
    expect(hall.matching.store.count()).toBe(found.length);

    const retention = await call(hall.url, 'PUT', '/api/staff/signups/retention', { token, body: { days: 10 } });
    expect(retention.status).toBe(200);
    const purge = await call(hall.url, 'POST', '/api/staff/signups/purge', { token });
    expect(purge.json.removed).toBe(1);
    expect(ofSignup(await queue(hall.url, token, 'all'), id)).toEqual([]);
    expect(hall.matching.store.count()).toBe(0);
    expect(hall.matching.activeSignups()).toBe(0);
  });

  it('sends 已上岗 upstream exactly once across a hub restart', async () => {
    const port = await freePort();
    const hubDir = tmpDir('hub-match-');
    let hub = await startTestHub({ port, dataDir: hubDir });
    const { hall, token } = await hallWithAdmin({ dataDir: tmpDir('hall-match-hub-'), hubUrl: hub.url });
    open.push(hall);
    await waitFor('connected', async () => (await health(hall.url)).hub === 'connected');
    const { id } = await signUpForMoving(hall, '13912345678');
    await waitFor('the sign-up delivered', async () => (await health(hall.url)).outboxPending === 0);

    const now = Date.now();
    const posting = makePosting({
      id: 'hub-moving-1',
      occupation: 'moving',
      districtCode: '361102',
      validFrom: new Date(now - DAY).toISOString(),
      validUntil: new Date(now + 5 * DAY).toISOString(),
    });
    expect((await adminPost(hub.url, '/api/v1/listings', posting)).status).toBe(200);
    await waitFor('the synced posting in the call list', async () =>
      ofSignup(await queue(hall.url, token), id).find((m) => m.postingId === 'hub-moving-1'),
    );

    // the hub goes away; staff record 已上岗 meanwhile; the hub comes back on its address
    await hub.close();
    const placed = await call(hall.url, 'PUT', `/api/staff/matches/${id}/hub-moving-1/outcome`, {
      token,
      body: { outcome: 'placed' },
    });
    expect(placed.status).toBe(200);
    // a second tap on the same outcome changes nothing and queues nothing
    await call(hall.url, 'PUT', `/api/staff/matches/${id}/hub-moving-1/outcome`, {
      token,
      body: { outcome: 'placed' },
    });
    expect((await health(hall.url)).outboxPending).toBe(1);
    hub = await startTestHub({ port, dataDir: hubDir });
    open.unshift(hub);
    await waitFor('the outcome delivered', async () => (await health(hall.url)).outboxPending === 0);

    const outcomes = (await hub.store.submissions('', 1000)).filter((s) => s.type === MATCH_OUTCOME_OUTBOX_TYPE);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]!.receivedCount).toBe(1);
    expect(outcomes[0]!.payload).toMatchObject({
      signupId: id,
      postingId: 'hub-moving-1',
      occupation: 'moving',
      outcome: 'placed',
    });
    expect(JSON.stringify(outcomes[0]!.payload)).not.toContain('13912345678');
    // and the platform lists them by type
    const listed = await fetch(`${hub.url}/api/v1/submissions?type=${MATCH_OUTCOME_OUTBOX_TYPE}`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(((await listed.json()) as { submissions: { id: string }[] }).submissions.map((s) => s.id)).toEqual([
      outcomes[0]!.id,
    ]);
  });
});
