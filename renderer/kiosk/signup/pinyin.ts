/**
 * Pinyin → Chinese characters for the on-screen keyboard, over the generated index in
 * shared/names/pinyin-index.ts (通用规范汉字表 一级字表 + the 500 most frequent surnames,
 * readings from pinyin-pro). Names are typed a syllable at a time: "wang" → 王 汪 望 往 …;
 * the candidate row pages through all of them, so every character of the index is reachable.
 */
import { PINYIN_INDEX } from '../../../shared/names/pinyin-index';
import { SURNAMES } from '../../../shared/names/surnames';

interface Entry {
  syllable: string;
  surnames: string[];
  others: string[];
}

let entries: Entry[] | null = null;
let surnameRank: Map<string, number> | null = null;

/** Splits the index once, on the first keystroke, not at kiosk start (a few milliseconds). */
function load(): { entries: Entry[]; surnameRank: Map<string, number> } {
  if (!entries || !surnameRank) {
    entries = Object.entries(PINYIN_INDEX).map(([syllable, value]) => {
      const [surnames = '', others = ''] = value.split('|');
      return { syllable, surnames: [...surnames], others: [...others] };
    });
    surnameRank = new Map();
    SURNAMES.forEach((surname, rank) => {
      for (const ch of surname) if (!surnameRank!.has(ch)) surnameRank!.set(ch, rank);
    });
  }
  return { entries, surnameRank };
}

/** What the letter keys typed, as the index spells it: lower case, ü (or u:) as v, letters only. */
export function normalizePinyin(typed: string): string {
  return typed
    .toLowerCase()
    .replace(/ü|u:/g, 'v')
    .replace(/[^a-z]/g, '');
}

/**
 * Every candidate for what was typed, most likely first: the syllable itself (its surnames
 * by rank, then common characters), then every longer syllable that starts with it ("zh" →
 * 张 周 郑 朱 …): their surname characters by rank, then the others taken in turn.
 */
export function pinyinCandidates(typed: string): string[] {
  const key = normalizePinyin(typed);
  if (key === '') return [];
  const { entries, surnameRank } = load();
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (ch: string | undefined) => {
    if (ch !== undefined && !seen.has(ch)) {
      seen.add(ch);
      out.push(ch);
    }
  };
  const exact = entries.find((e) => e.syllable === key);
  if (exact) [...exact.surnames, ...exact.others].forEach(add);
  const longer = entries.filter((e) => e.syllable !== key && e.syllable.startsWith(key));
  longer
    .flatMap((e) => e.surnames)
    .sort((a, b) => (surnameRank.get(a) ?? Infinity) - (surnameRank.get(b) ?? Infinity))
    .forEach(add);
  const longest = Math.max(0, ...longer.map((e) => e.others.length));
  for (let i = 0; i < longest; i++) for (const e of longer) add(e.others[i]);
  return out;
}

export interface CandidatePage {
  items: string[];
  /** 0-based, clamped into range. */
  page: number;
  pages: number;
}

/** One page of `size` candidates; a page past the end shows the last one. */
export function candidatePage(all: readonly string[], page: number, size: number): CandidatePage {
  const per = Math.max(1, Math.floor(size));
  const pages = Math.max(1, Math.ceil(all.length / per));
  const at = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  return { items: all.slice(at * per, at * per + per), page: at, pages };
}
