import { resolve } from 'node:path';
import { checkBoundaries } from './boundaries/check-boundaries';

const root = resolve(import.meta.dirname, '..');
const violations = checkBoundaries(root);
for (const v of violations) console.error(`${v.file}:${v.line}: imports "${v.specifier}" — ${v.rule}`);
if (violations.length > 0) {
  console.error(`check-boundaries: ${violations.length} import(s) cross a process boundary (see DESIGN.md).`);
  process.exit(1);
}
console.log('check-boundaries: every import stays on its side of the process boundaries.');
