/**
 * Pinyin → Chinese characters for the on-screen keyboard, from simple-keyboard-layouts'
 * Chinese candidate table (about 400 syllables, common characters first). Names are typed a
 * syllable at a time: "wang" → 王 望 往 …
 */
import chinese from 'simple-keyboard-layouts/build/layouts/chinese.js';

const table: Record<string, string> = (chinese as { layoutCandidates?: Record<string, string> }).layoutCandidates ?? {};
const syllables = Object.keys(table).sort();

/**
 * Candidates for what was typed: the exact syllable first, then syllables that start with it
 * (so "zh" already offers 张, 周, 郑 …), without repeats, at most `limit`.
 */
export function pinyinCandidates(typed: string, limit = 24): string[] {
  const key = typed
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .replace(/v/g, 'u');
  if (key === '') return [];
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (syllable: string, take: number) => {
    for (const ch of (table[syllable] ?? '').split(' ').filter(Boolean).slice(0, take)) {
      if (!seen.has(ch)) {
        seen.add(ch);
        out.push(ch);
      }
    }
  };
  add(key, limit);
  for (const s of syllables) {
    if (out.length >= limit) break;
    if (s !== key && s.startsWith(key)) add(s, 3);
  }
  return out.slice(0, limit);
}
