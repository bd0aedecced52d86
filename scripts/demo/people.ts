/**
 * Names, phones and places for demo postings: employer names as they appear in a Shangrao
 * hall (上饶市…有限公司, 个体户 shops, private persons like 王女士), mainland mobiles and
 * 0793 landlines, and street addresses in the city's districts and counties.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { EmployerKind } from '../../shared/schemas/posting';
import type { Random } from './prng';

/** The word lists are data, in people.json next to this file. */
const WordList = z.array(z.string().min(1)).min(1);
const WORDS = z
  .strictObject({
    surnames: WordList,
    brands: WordList,
    nicknames: WordList,
    roads: WordList,
    areas: WordList,
    villages: WordList,
    mobilePrefixes: z.array(z.string().regex(/^1\d\d$/)).min(1),
  })
  .parse(JSON.parse(readFileSync(join(import.meta.dirname, 'people.json'), 'utf8')));

function digits(rng: Random, n: number): string {
  let s = '';
  for (let i = 0; i < n; i += 1) s += String(rng.int(0, 9));
  return s;
}

export function mobilePhone(rng: Random): string {
  return `${rng.pick(WORDS.mobilePrefixes)}${digits(rng, 8)}`;
}

/** Shangrao landlines: area code 0793, seven-digit numbers starting with 8. */
export function landlinePhone(rng: Random): string {
  return `0793-8${digits(rng, 6)}`;
}

/** 信州区 → 信州, 德兴市 → 德兴: how people shorten a place in a shop name. */
export function shortPlace(districtName: string): string {
  return districtName.length > 2 ? districtName.slice(0, -1) : districtName;
}

export interface Employer {
  name: string;
  contactName: string;
}

export function makeEmployer(
  rng: Random,
  kind: EmployerKind,
  industries: readonly string[],
  shops: readonly string[],
  districtName: string,
): Employer {
  const surname = rng.pick(WORDS.surnames);
  const honorific = rng.pick(['女士', '先生']);
  switch (kind) {
    case 'enterprise': {
      const prefix = rng.weighted([
        ['上饶市', 5],
        ['江西', 2],
        [shortPlace(districtName), 2],
      ] as const);
      return {
        name: `${prefix}${rng.pick(WORDS.brands)}${rng.pick(industries)}有限公司`,
        contactName: `${surname}${rng.pick(['经理', '主管', '女士', '先生'])}`,
      };
    }
    case 'individual-business': {
      const owner = rng.chance(0.5) ? `老${surname}` : rng.pick(WORDS.nicknames);
      return {
        name: `${shortPlace(districtName)}${owner}${rng.pick(shops)}`,
        contactName: `${surname}${rng.pick(['老板', '师傅', honorific])}`,
      };
    }
    case 'individual':
      return { name: `${surname}${honorific}`, contactName: `${surname}${honorific}` };
  }
}

export function makeAddress(rng: Random, districtName: string, rural: boolean): string {
  if (rural && rng.chance(0.7)) return `${districtName}${rng.pick(WORDS.villages)}村`;
  if (rng.chance(0.25)) return `${districtName}${rng.pick(WORDS.areas)}`;
  return `${districtName}${rng.pick(WORDS.roads)}${rng.int(1, 399)}号`;
}
