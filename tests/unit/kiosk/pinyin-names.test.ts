/**
 * The name step's data, through the functions the kiosk keyboard uses: every character of
 * 通用规范汉字表 一级字表 and of the 500 most frequent surnames can be typed by pinyin and
 * found by paging the candidate row; the surname grid is the top 100 in frequency order.
 */
import { describe, expect, it } from 'vitest';
import { pinyin } from 'pinyin-pro';
import { buildPinyinIndex, levelOneCharacters, SURNAME_COUNT } from '../../../scripts/names/name-data';
import { PINYIN_INDEX } from '../../../shared/names/pinyin-index';
import { SURNAMES } from '../../../shared/names/surnames';
import { candidatePage, normalizePinyin, pinyinCandidates } from '../../../renderer/kiosk/signup/pinyin';
import { GRID_SURNAMES, nameWithTitle } from '../../../renderer/kiosk/signup/name-choices';

/** The fewest candidates one page of the row shows (portrait, large text). */
const PAGE = 6;
/** The keyboard takes syllables of up to six letters (zhuang, shuang). */
const LONGEST_SYLLABLE = 6;

/** Types `syllable`, then pages through the row: the 1-based page `ch` is on, or null. */
function pageOf(ch: string, syllable: string): number | null {
  const all = pinyinCandidates(syllable);
  const { pages } = candidatePage(all, 0, PAGE);
  for (let p = 0; p < pages; p++) if (candidatePage(all, p, PAGE).items.includes(ch)) return p + 1;
  return null;
}

/** Every reading pinyin-pro knows for one character, as the keyboard spells it (ü → v). */
const readings = (ch: string) =>
  [...new Set(pinyin(ch, { toneType: 'none', type: 'array', multiple: true, v: true }))].map(normalizePinyin);

function unreachable(chars: Iterable<string>): string[] {
  const missing: string[] = [];
  for (const ch of chars) {
    const rs = readings(ch);
    if (rs.length === 0) missing.push(`${ch} (no reading)`);
    for (const r of rs) {
      if (r.length > LONGEST_SYLLABLE) missing.push(`${ch} ${r} (too long to type)`);
      else if (pageOf(ch, r) === null) missing.push(`${ch} ${r}`);
    }
  }
  return missing;
}

describe('name data', () => {
  it('has the 3,500 characters of the general-use list and 500 distinct surnames', () => {
    const levelOne = levelOneCharacters();
    expect(levelOne).toHaveLength(3500);
    expect(new Set(levelOne).size).toBe(3500);
    expect(levelOne.slice(0, 5)).toEqual(['一', '乙', '二', '十', '丁']);
    expect(SURNAMES).toHaveLength(SURNAME_COUNT);
    expect(new Set(SURNAMES).size).toBe(SURNAME_COUNT);
    for (const s of SURNAMES) expect(s).toMatch(/^\p{Script=Han}{1,2}$/u);
  });

  it('the committed index is what the generator builds from the packages today', () => {
    const built = buildPinyinIndex(levelOneCharacters(), SURNAMES);
    const committed = Object.fromEntries(
      Object.entries(PINYIN_INDEX).map(([s, v]) => {
        const [surnames, others] = v.split('|');
        return [s, { surnames, others }];
      }),
    );
    expect(committed).toEqual(built);
  });
});

describe('pinyin input reaches every character', () => {
  it('every character of 通用规范汉字表 一级字表, under every reading', () => {
    expect(unreachable(levelOneCharacters())).toEqual([]);
  });

  it('every character of the 500 most frequent surnames, under every reading and as a surname', () => {
    const chars = new Set(SURNAMES.flatMap((s) => [...s]));
    expect(unreachable(chars)).toEqual([]);
    const asSurname: string[] = [];
    for (const s of SURNAMES) {
      const rs = pinyin(s, { toneType: 'none', type: 'array', surname: 'all', v: true });
      [...s].forEach((ch, i) => {
        if (pageOf(ch, normalizePinyin(rs[i] ?? '')) === null) asSurname.push(`${s}: ${ch} ${rs[i]}`);
      });
    }
    expect(asSurname).toEqual([]);
  });

  it('reaches the characters the old 14-candidate list could not (石 史 魏 韦 吕 闫 淑)', () => {
    const cases: [string, string][] = [
      ['石', 'shi'],
      ['史', 'shi'],
      ['魏', 'wei'],
      ['韦', 'wei'],
      ['吕', 'lv'],
      ['吕', 'lü'],
      ['闫', 'yan'],
      ['淑', 'shu'],
      ['女', 'nv'],
    ];
    for (const [ch, typed] of cases) expect(pageOf(ch, typed), `${ch} by ${typed}`).not.toBeNull();
    // surnames come first under their surname reading
    expect(pinyinCandidates('shi').slice(0, 2)).toEqual(['石', '史']);
    expect(pinyinCandidates('lv')[0]).toBe('吕');
  });

  it('puts a heteronym under each of its readings (单 shan/dan, 曾 zeng/ceng, 区 ou/qu)', () => {
    for (const [ch, rs] of [
      ['单', ['shan', 'dan']],
      ['曾', ['zeng', 'ceng']],
      ['区', ['ou', 'qu']],
    ] as const) {
      for (const r of rs) expect(pinyinCandidates(r), `${ch} under ${r}`).toContain(ch);
    }
    // as a surname 单 is read shan, so it leads there and not under dan
    expect(pinyinCandidates('shan')[0]).toBe('单');
    expect(pinyinCandidates('dan')[0]).not.toBe('单');
  });

  it('matches by prefix, surnames first: zh → 张 周 郑 …', () => {
    const zh = candidatePage(pinyinCandidates('zh'), 0, 10).items;
    for (const ch of ['张', '周', '郑']) expect(zh).toContain(ch);
    expect(zh[0]).toBe('张');
    expect(pinyinCandidates('')).toEqual([]);
    expect(pinyinCandidates('xyzq')).toEqual([]);
    expect(pinyinCandidates('WANG').slice(0, 2)).toEqual(['王', '汪']);
    expect(normalizePinyin('Lü')).toBe('lv');
    expect(normalizePinyin('nu:')).toBe('nv');
  });

  it('pages clamp into range and never lose or repeat a candidate', () => {
    const all = pinyinCandidates('yi');
    const seen: string[] = [];
    const { pages } = candidatePage(all, 0, 7);
    for (let p = 0; p < pages; p++) seen.push(...candidatePage(all, p, 7).items);
    expect(seen).toEqual(all);
    expect(candidatePage(all, -3, 7).page).toBe(0);
    expect(candidatePage(all, 999, 7).page).toBe(pages - 1);
    expect(candidatePage([], 0, 7)).toEqual({ items: [], page: 0, pages: 1 });
  });
});

describe('surname grid', () => {
  it('holds the top 100 surnames in frequency order', () => {
    expect(GRID_SURNAMES).toEqual(SURNAMES.slice(0, 100));
    expect(GRID_SURNAMES.slice(0, 5)).toEqual(['王', '李', '张', '刘', '陈']);
    for (const ch of ['石', '史', '魏', '韦', '吕', '闫']) expect(GRID_SURNAMES).toContain(ch);
  });

  it('names a person by surname and title', () => {
    expect(nameWithTitle('王', 'mr')).toBe('王先生');
    expect(nameWithTitle('王', 'ms')).toBe('王女士');
    expect(nameWithTitle('王', 'none')).toBe('王');
  });
});
