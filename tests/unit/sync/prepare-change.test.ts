import { describe, expect, it } from 'vitest';
import { HubRequestError } from '../../../electron/host/sync/hub-api';
import { payloadText, prepareChange, sequencePage } from '../../../electron/host/sync/prepare-change';
import { makePosting } from '../db/fixtures';

const change = (seq: number, body: Record<string, unknown>) => ({ seq, raw: { seq, ...body } });

describe('preparing an upstream change', () => {
  it('checks a posting with the shared schema and passes it on parsed', () => {
    const { maskPhone: _m, urgent: _u, ...withoutDefaults } = makePosting();
    const prepared = prepareChange(
      change(7, { type: 'listing', op: 'upsert', id: withoutDefaults.id, data: withoutDefaults }),
    );
    expect(prepared).toEqual({
      seq: 7,
      kind: 'posting-upsert',
      posting: { ...withoutDefaults, maskPhone: false, urgent: false },
    });
  });

  it('passes deletes and urgent notices on by id', () => {
    expect(prepareChange(change(1, { type: 'listing', op: 'delete', id: 'a' }))).toEqual({
      seq: 1,
      kind: 'posting-delete',
      id: 'a',
    });
    expect(prepareChange(change(2, { type: 'urgent', op: 'upsert', id: 'u', data: { title: '急' } }))).toEqual({
      seq: 2,
      kind: 'urgent-upsert',
      id: 'u',
      data: { title: '急' },
    });
    expect(prepareChange(change(3, { type: 'urgent', op: 'delete', id: 'u' }))).toEqual({
      seq: 3,
      kind: 'urgent-delete',
      id: 'u',
    });
  });

  it('turns a bad envelope, a bad posting and a mismatched id into quarantine entries with reasons', () => {
    const good = makePosting();
    const cases = [
      [change(1, { type: 'weather', op: 'upsert', id: 'w' }), /^change: type:/],
      [{ seq: 2, raw: 'not an object' }, /^change: \(root\):/],
      [
        change(3, { type: 'listing', op: 'upsert', id: good.id, data: { ...good, title: '<b>高薪</b>' } }),
        /^listing: title: must be plain text/,
      ],
      [change(4, { type: 'listing', op: 'upsert', id: 'other', data: good }), /differs from the change id "other"/],
    ] as const;
    for (const [input, reason] of cases) {
      const prepared = prepareChange(input);
      expect(prepared).toMatchObject({ seq: input.seq, kind: 'quarantine' });
      if (prepared.kind !== 'quarantine') throw new Error('unreachable');
      expect(prepared.reason).toMatch(reason);
      expect(prepared.payload).toBe(JSON.stringify(input.raw));
    }
  });

  it('keeps at most 16 KB of a quarantined payload and says how long it was', () => {
    const text = payloadText({ description: 'x'.repeat(1024 * 1024) });
    expect(text.length).toBeLessThan(16 * 1024 + 64);
    expect(text).toMatch(/…\[truncated, 1048\d{3} characters\]$/);
    expect(payloadText(undefined)).toBe('undefined');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(payloadText(cyclic)).toBe('[object Object]');
  });
});

describe('putting a page in seq order', () => {
  it('reads the seqs of a page that continues from `since`', () => {
    expect(sequencePage(10, [{ seq: 11 }, { seq: 15 }], true).map((c) => c.seq)).toEqual([11, 15]);
    expect(sequencePage(10, [], false)).toEqual([]);
  });

  it('refuses a page whose seqs do not strictly increase from `since`, or that is empty but says there is more', () => {
    for (const [since, changes, hasMore] of [
      [10, [{ seq: 10 }], false],
      [10, [{ seq: 12 }, { seq: 11 }], false],
      [10, [{ seq: 11 }, { id: 'no seq' }], false],
      [10, [{ seq: 11.5 }], false],
      [10, ['text'], false],
      [10, [], true],
    ] as const) {
      const attempt = () => sequencePage(since, changes, hasMore);
      expect(attempt).toThrow(HubRequestError);
      expect(attempt).toThrow(expect.objectContaining({ code: 'bad_page' }));
    }
  });
});
