// `npm run check:boundaries`: the process boundary check over this repository, or over the
// tree given as the one argument (the tests plant violations in one). The rules and what each
// folder may import are in ./boundaries/boundary-rules.ts.
import { resolve } from 'node:path';
import { checkBoundaries } from './boundaries/boundary-rules';

const root = resolve(process.argv[2] ?? resolve(import.meta.dirname, '..'));
const violations = checkBoundaries(root);
for (const v of violations) console.error(`${v.file}:${v.line}: imports "${v.specifier}" — ${v.rule}`);
if (violations.length > 0) {
  console.error(
    `check-boundaries: ${violations.length} import(s) cross a process boundary or cannot be classified (see scripts/boundaries/boundary-rules.ts).`,
  );
  process.exit(1);
}
console.log('check-boundaries: every import is classified and stays on its side of the process boundaries.');
