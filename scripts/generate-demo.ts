/**
 * Writes assets/demo/postings.json, the postings a standalone hall seeds into an empty
 * database, and beside it pulse-history.json, the daily pulse figures its console's charts
 * start from. A fixed reference time keeps the files stable in git; the host rebases the
 * timestamps when seeding, so the demo never expires.
 *
 *   node scripts/run-ts.mjs scripts/generate-demo.ts [--count 240] [--seed 20261127] [--out FILE]
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { PostingSchema, describeIssues } from '../shared/schemas/posting';
import { DEMO_DEFAULT_COUNT, DEMO_DEFAULT_SEED, buildDemoFile, serializeDemoFile } from './demo/demo-file';
import { generatePulseHistory, serializePulseHistory } from './demo/pulse-history';

const DEMO_FILE = resolve(dirname(fileURLToPath(import.meta.url)), '../assets/demo/postings.json');

function nonNegativeInt(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 0)
    throw new RangeError(`generate-demo: --${name} must be a non-negative integer, got ${raw}`);
  return n;
}

function main(): void {
  const { values } = parseArgs({
    options: { count: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' } },
  });
  const count = nonNegativeInt(values.count, DEMO_DEFAULT_COUNT, 'count');
  const seed = nonNegativeInt(values.seed, DEMO_DEFAULT_SEED, 'seed');
  const out = values.out ? resolve(values.out) : DEMO_FILE;
  const content = buildDemoFile(count, seed);
  // the host refuses an invalid demo file at start-up; better to fail here, at the author's desk
  for (const l of content.postings) {
    const parsed = PostingSchema.safeParse(l);
    if (!parsed.success) throw new Error(`generate-demo: posting ${l.id} is invalid: ${describeIssues(parsed.error)}`);
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, serializeDemoFile(content));
  console.log(`generate-demo: wrote ${content.postings.length} postings (seed ${seed}) to ${out}`);
  const history = generatePulseHistory(content.postings, { seed, now: Date.parse(content.generatedAt) });
  const historyOut = join(dirname(out), 'pulse-history.json');
  writeFileSync(historyOut, serializePulseHistory(history));
  console.log(`generate-demo: wrote ${history.days.length} days of pulse history to ${historyOut}`);
}

main();
