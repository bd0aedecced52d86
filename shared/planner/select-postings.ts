import type { Posting } from '../schemas/posting';
import type { ScreenFilter } from '../schemas/screen';
import { IdentityMemo } from './identity-memo';

/** A posting with its timestamps parsed once, so filtering and sorting 10 000 stay cheap. */
export interface SelectedPosting {
  posting: Posting;
  validFromMs: number;
}

/** A city-level filter code (`361100`) matches every district of the city. */
function districtMatcher(districts: readonly string[]): (code: string) => boolean {
  if (districts.length === 0) return () => true;
  const exact = new Set(districts);
  const cityPrefixes = districts.filter((d) => d.endsWith('00')).map((d) => d.slice(0, 4));
  return (code) => exact.has(code) || cityPrefixes.some((p) => code.startsWith(p));
}

/** A posting's validity in ms, parsed once per posting object. */
const validity = new IdentityMemo<Posting, { from: number; until: number }>();

type FilterMatcher = (posting: Pick<Posting, 'occupation' | 'districtCode'>) => boolean;
const matchers = new WeakMap<ScreenFilter, FilterMatcher>();

/** Whether a posting is for a screen with this filter, whatever the time (the host's plan cache asks this for every change). */
export function postingMatchesFilter(
  filter: ScreenFilter,
  posting: Pick<Posting, 'occupation' | 'districtCode'>,
): boolean {
  let matcher = matchers.get(filter);
  if (!matcher) {
    const occupations = new Set<string>(filter.occupations);
    const districtOk = districtMatcher(filter.districts);
    matcher = (l) => (occupations.size === 0 || occupations.has(l.occupation)) && districtOk(l.districtCode);
    matchers.set(filter, matcher);
  }
  return matcher(posting);
}

export interface SelectOrder {
  /** Postings with a booth in the hall today first (the screen's `boothFirst`), each part in the usual order. */
  boothFirst?: boolean | undefined;
}

/**
 * The postings a screen shows at `now`: matching its filter and valid (validFrom ≤ now <
 * validUntil), in a fixed order — urgent first, then 日结 (what visitors look for first), then
 * newest first, then id — so the same input always gives the same plan. With `boothFirst`,
 * the postings with a booth come before the others, each part in that same order.
 */
export function selectPostings(
  postings: readonly Posting[],
  filter: ScreenFilter,
  now: number,
  order: SelectOrder = {},
): SelectedPosting[] {
  const out: SelectedPosting[] = [];
  for (const posting of postings) {
    if (!postingMatchesFilter(filter, posting)) continue;
    const { from, until } = validity.get(posting, '', () => ({
      from: Date.parse(posting.validFrom),
      until: Date.parse(posting.validUntil),
    }));
    if (!(from <= now && now < until)) continue;
    out.push({ posting, validFromMs: from });
  }
  out.sort(order.boothFirst ? compareBoothFirst : compareSelected);
  return out;
}

function compareBoothFirst(a: SelectedPosting, b: SelectedPosting): number {
  const ba = a.posting.booth !== undefined;
  const bb = b.posting.booth !== undefined;
  if (ba !== bb) return ba ? -1 : 1;
  return compareSelected(a, b);
}

function compareSelected(a: SelectedPosting, b: SelectedPosting): number {
  const la = a.posting;
  const lb = b.posting;
  if (la.urgent !== lb.urgent) return la.urgent ? -1 : 1;
  const da = la.settlement === 'daily';
  const db = lb.settlement === 'daily';
  if (da !== db) return da ? -1 : 1;
  if (a.validFromMs !== b.validFromMs) return b.validFromMs - a.validFromMs;
  // Plain code-unit order, not localeCompare: it must not depend on the runtime's ICU.
  return la.id < lb.id ? -1 : la.id > lb.id ? 1 : 0;
}
