/**
 * Writes assets/demo/listings.json, the postings a standalone hall seeds into an empty
 * database. A fixed reference time keeps the file stable in git; the host rebases the
 * timestamps when seeding, so the demo never expires.
 *
 *   node scripts/run-ts.mjs scripts/generate-demo.ts [--count 240] [--seed 20261127] [--out FILE]
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ListingSchema, describeIssues } from '../shared/schemas/listing';
import { generateListings } from './demo/generate-listings';

export const DEMO_REFERENCE_TIME = '2026-11-27T00:00:00+08:00';
export const DEMO_DEFAULT_COUNT = 240;
export const DEMO_DEFAULT_SEED = 20261127;

const here = dirname(fileURLToPath(import.meta.url));
export const DEMO_FILE = resolve(here, '../assets/demo/listings.json');

function positiveInt(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`generate-demo: --${name} must be a non-negative integer, got ${raw}`);
  return n;
}

function main(): void {
  const { values } = parseArgs({
    options: { count: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' } },
  });
  const count = positiveInt(values.count, DEMO_DEFAULT_COUNT, 'count');
  const seed = positiveInt(values.seed, DEMO_DEFAULT_SEED, 'seed');
  const out = values.out ? resolve(values.out) : DEMO_FILE;
  const now = Date.parse(DEMO_REFERENCE_TIME);
  const listings = generateListings(count, { seed, now });
  for (const l of listings) {
    const parsed = ListingSchema.safeParse(l);
    if (!parsed.success) throw new Error(`generate-demo: posting ${l.id} is invalid: ${describeIssues(parsed.error)}`);
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ generatedAt: new Date(now).toISOString(), listings }, null, 2)}\n`);
  console.log(`generate-demo: wrote ${listings.length} postings (seed ${seed}) to ${out}`);
}

main();
