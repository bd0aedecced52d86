/**
 * Writes the name step's data modules (see ./name-data.ts):
 *
 *   node scripts/run-ts.mjs scripts/names/generate-name-data.ts [--ranking familyname.csv]
 *
 * With --ranking (the CSV `data-csv/familyname.csv` of the ChineseNames dataset, see
 * SURNAME_SOURCE) it rewrites shared/names/surnames.ts first; without it, it keeps the
 * committed ranking and rebuilds shared/names/pinyin-index.ts from the npm packages.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  buildPinyinIndex,
  levelOneCharacters,
  pinyinIndexModule,
  surnamesFromRankingCsv,
  surnamesModule,
} from './name-data';

const OUT = resolve(dirname(fileURLToPath(import.meta.url)), '../../shared/names');

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { ranking: { type: 'string' } } });
  const surnamesFile = resolve(OUT, 'surnames.ts');
  let surnames: readonly string[];
  if (values.ranking) {
    surnames = surnamesFromRankingCsv(readFileSync(resolve(values.ranking), 'utf8'));
    writeFileSync(surnamesFile, surnamesModule(surnames));
    console.log(`generate-name-data: wrote ${surnames.length} surnames to ${surnamesFile}`);
  } else {
    if (!existsSync(surnamesFile)) throw new Error('generate-name-data: no surnames.ts yet; pass --ranking <csv>');
    surnames = ((await import(pathToFileURL(surnamesFile).href)) as { SURNAMES: readonly string[] }).SURNAMES;
  }
  const started = performance.now();
  const index = buildPinyinIndex(levelOneCharacters(), surnames);
  const ms = performance.now() - started;
  const file = resolve(OUT, 'pinyin-index.ts');
  writeFileSync(file, pinyinIndexModule(index));
  const entries = Object.values(index).reduce((n, v) => n + v.surnames.length + v.others.length, 0);
  console.log(
    `generate-name-data: ${Object.keys(index).length} syllables, ${entries} entries, built in ${ms.toFixed(0)} ms → ${file}`,
  );
}

await main();
