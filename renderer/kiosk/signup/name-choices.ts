/**
 * The name step's choices that need no pinyin: a grid of the most frequent surnames, then
 * "先生 / 女士 / 只留姓". Staff call people by surname and title; that is enough.
 */
import { SURNAMES } from '../../../shared/names/surnames';

/** The grid holds the 100 most frequent surnames (they cover most people), most frequent first. */
export const GRID_SURNAME_COUNT = 100;

export const GRID_SURNAMES: readonly string[] = SURNAMES.slice(0, GRID_SURNAME_COUNT);

/** 5 × 5 buttons a page: four pages for the hundred surnames. */
export const SURNAMES_PER_PAGE = 25;

export type NameTitle = 'mr' | 'ms' | 'none';

/** "王" + mr → "王先生"; the titles are Chinese forms of address, not UI text. */
export function nameWithTitle(surname: string, title: NameTitle): string {
  return surname + (title === 'mr' ? '先生' : title === 'ms' ? '女士' : '');
}
