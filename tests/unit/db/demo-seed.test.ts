import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeDatabase, openDatabase } from '../../../electron/host/db/open-database';
import type { WritableDatabase } from '../../../electron/host/db/handles';
import { createPostingStore, type PostingStore } from '../../../electron/host/db/posting-store';
import { DemoDataError, loadDemoFile, seedDemoIfEmpty } from '../../../electron/host/db/demo-seed';
import { DAY, makePosting } from './fixtures';
import { removableTmpDir } from '../../support/tmp-dir';

const DEMO_FILE = fileURLToPath(new URL('../../../assets/demo/postings.json', import.meta.url));

let db: WritableDatabase;
let store: PostingStore;
let dir: string;
let cleanup: () => void;

beforeEach(() => {
  ({ dir, cleanup } = removableTmpDir());
  db = openDatabase(join(dir, 'hall.db'));
  store = createPostingStore(db);
});

afterEach(() => {
  closeDatabase(db);
  cleanup();
});

describe('seedDemoIfEmpty', () => {
  it('seeds every demo posting, shifted so that all of them are live a year later', () => {
    const demo = loadDemoFile(DEMO_FILE);
    const now = Date.parse(demo.generatedAt) + 365 * DAY + 12_345;
    const seeded = seedDemoIfEmpty(store, DEMO_FILE, now);

    expect(seeded).toBe(demo.postings.length);
    expect(seeded).toBeGreaterThanOrEqual(200);
    expect(store.countActive(now)).toBe(seeded);
    const shift = now - Date.parse(demo.generatedAt);
    for (const original of demo.postings.slice(0, 20)) {
      const stored = store.get(original.id);
      expect(stored && Date.parse(stored.validFrom) - Date.parse(original.validFrom)).toBe(shift);
      expect(stored && Date.parse(stored.validUntil) - Date.parse(original.validUntil)).toBe(shift);
      expect(stored && Date.parse(stored.updatedAt) - Date.parse(original.updatedAt)).toBe(shift);
      expect(stored?.title).toBe(original.title);
    }
    expect(store.search({ q: '中国舞教师', limit: 5, now }).total).toBeGreaterThanOrEqual(1);
  });

  it('leaves a hall that already has postings alone, even expired ones', () => {
    const expired = makePosting({
      validFrom: '2020-01-01T00:00:00Z',
      validUntil: '2020-01-02T00:00:00Z',
      updatedAt: '2020-01-01T00:00:00Z',
    });
    store.upsertMany([expired]);
    expect(seedDemoIfEmpty(store, DEMO_FILE, Date.now())).toBe(0);
    expect(store.count()).toBe(1);
  });

  it('refuses a demo file with an invalid posting and seeds nothing', () => {
    const file = join(dir, 'bad.json');
    const demo = loadDemoFile(DEMO_FILE);
    writeFileSync(
      file,
      JSON.stringify({
        generatedAt: demo.generatedAt,
        postings: [demo.postings[0], { ...demo.postings[1], payUnit: 'week' }],
      }),
    );
    expect(() => seedDemoIfEmpty(store, file, Date.now())).toThrow(DemoDataError);
    expect(() => seedDemoIfEmpty(store, file, Date.now())).toThrow(/posting 1: payUnit/);
    expect(store.count()).toBe(0);
  });

  it('names the file when it cannot be read', () => {
    expect(() => seedDemoIfEmpty(store, join(dir, 'missing.json'), Date.now())).toThrow(
      /loadDemoFile: cannot read .*missing\.json/,
    );
  });
});
