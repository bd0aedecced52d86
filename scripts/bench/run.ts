/**
 * `npm run bench`: runs every `scripts/bench/*.bench.ts` module in turn (one at a time, so they
 * do not compete for the two cores) and prints one JSON line per result. Each result carries
 * its figure and what it is compared to, measured in the same run.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

interface BenchModule {
  run(): Promise<Array<Record<string, unknown>>>;
}

const only = process.argv.slice(2);
const dir = import.meta.dirname;
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

if (files.length === 0) {
  console.error(`bench: no benchmark matched ${only.join(', ') || '(all)'}`);
  process.exit(1);
}

let failed = 0;
for (const file of files) {
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as BenchModule;
  try {
    for (const result of await mod.run()) {
      process.stdout.write(`${JSON.stringify({ file, ...result })}\n`);
    }
  } catch (error) {
    failed++;
    process.stdout.write(`${JSON.stringify({ file, error: (error as Error).message })}\n`);
  }
}
process.exit(failed > 0 ? 1 : 0);
