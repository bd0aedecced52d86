/**
 * In-memory index of posting headlines (title, employer, place, hours) for 1–2 character
 * kiosk searches. SQLite's trigram index cannot match fewer than three characters, and a
 * LIKE scan over 100 000 rows costs hundreds of milliseconds; a plain substring test over
 * short strings held in memory, in display order, costs a few.
 *
 * The snapshot is rebuilt when the postings change (the store's `data.updatedAt` stamp):
 * the first build is synchronous, later ones run in the background while the previous
 * snapshot keeps answering. Matches are re-read from SQLite and re-checked, so a posting
 * changed or removed since the snapshot is never shown stale.
 */
import type { Database } from '../db/handles';
import { META_KEYS, createMetaStore } from '../db/meta-store';

interface Snapshot {
  stamp: string;
  builtAt: number;
  rowids: Int32Array;
  text: string[];
  occupation: string[];
  district: string[];
  daily: Uint8Array;
  validFrom: Float64Array;
  validUntil: Float64Array;
}

interface HeadlineRow {
  rowid: number;
  text: string;
  occupation: string;
  district_code: string;
  settlement: string;
  valid_from_ms: number;
  valid_until_ms: number;
}

export interface HeadlineFilter {
  terms: string[];
  occupation: string | null;
  district: string | null;
  daily: boolean;
  now: number;
  limit: number;
}

export interface HeadlineIndex {
  /** Row ids of the first `limit` matches in display order, and how many match in all. */
  find(filter: HeadlineFilter): { rowids: number[]; total: number };
}

export function createHeadlineIndex(db: Database): HeadlineIndex {
  const meta = createMetaStore(db);
  const selectAll = db.prepare<[], HeadlineRow>(
    `SELECT rowid, lower(title || char(10) || employer_name || char(10) || district_name || char(10) || address || char(10) || work_time) AS text,
            occupation, district_code, settlement, valid_from_ms, valid_until_ms
       FROM listings WHERE hidden = 0
      ORDER BY urgent DESC, valid_from_ms DESC, id ASC`,
  );
  let snapshot: Snapshot | null = null;
  let rebuilding = false;

  const stamp = (): string => `${meta.get(META_KEYS.dataUpdatedAt) ?? ''}`;
  /**
   * The stamp has millisecond resolution: a write in the same millisecond as the build
   * leaves it unchanged, so a stamp not older than the build counts as a change too.
   */
  const stale = (s: Snapshot): boolean => {
    const at = stamp();
    return at !== s.stamp || Number(at) >= s.builtAt;
  };

  function build(): Snapshot {
    const at = stamp();
    const rows = selectAll.all();
    const n = rows.length;
    const s: Snapshot = {
      stamp: at,
      builtAt: Date.now(),
      rowids: new Int32Array(n),
      text: new Array<string>(n),
      occupation: new Array<string>(n),
      district: new Array<string>(n),
      daily: new Uint8Array(n),
      validFrom: new Float64Array(n),
      validUntil: new Float64Array(n),
    };
    rows.forEach((r, i) => {
      s.rowids[i] = r.rowid;
      s.text[i] = r.text;
      s.occupation[i] = r.occupation;
      s.district[i] = r.district_code;
      s.daily[i] = r.settlement === 'daily' ? 1 : 0;
      s.validFrom[i] = r.valid_from_ms;
      s.validUntil[i] = r.valid_until_ms;
    });
    return s;
  }

  function current(): Snapshot {
    if (!snapshot) return (snapshot = build());
    if (!rebuilding && stale(snapshot)) {
      rebuilding = true;
      setImmediate(() => {
        try {
          if (db.open) snapshot = build();
        } finally {
          rebuilding = false;
        }
      });
    }
    return snapshot;
  }

  return {
    find({ terms, occupation, district, daily, now, limit }) {
      const s = current();
      const needles = terms.map((t) => t.toLowerCase());
      const rowids: number[] = [];
      let total = 0;
      for (let i = 0; i < s.rowids.length; i++) {
        if (s.validUntil[i]! <= now || s.validFrom[i]! > now) continue;
        if (daily && s.daily[i] === 0) continue;
        if (occupation !== null && s.occupation[i] !== occupation) continue;
        if (district !== null && s.district[i] !== district) continue;
        const text = s.text[i]!;
        if (!needles.every((n) => text.includes(n))) continue;
        total++;
        if (rowids.length < limit) rowids.push(s.rowids[i]!);
      }
      return { rowids, total };
    },
  };
}
