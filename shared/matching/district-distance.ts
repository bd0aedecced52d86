/**
 * How far apart two GB/T 2260 county-level codes are by the code's hierarchy: the first two
 * digits are the province, the first four the city. 0 the same district, 1 the same city,
 * 2 the same province, 3 farther. (Codes say nothing about kilometres; a neighbouring county
 * across a city line counts as farther. Halls sort "same city before other cities", DOMAIN.md.)
 */
export type DistrictDistance = 0 | 1 | 2 | 3;

export function districtDistance(a: string, b: string): DistrictDistance {
  if (a === b) return 0;
  if (a.slice(0, 4) === b.slice(0, 4)) return 1;
  if (a.slice(0, 2) === b.slice(0, 2)) return 2;
  return 3;
}

/** Distance from a city (4-digit code, e.g. the hall's 3611) to a district code. */
export function cityDistance(cityCode: string, district: string): DistrictDistance {
  if (district.startsWith(cityCode)) return 1;
  if (district.slice(0, 2) === cityCode.slice(0, 2)) return 2;
  return 3;
}
