/** Fresh directories in the system temp folder, one per test or hall: real files, never shared. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function tmpDir(prefix = 'hall-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A fresh directory and the function that removes it (for tests that clean up after themselves). */
export function removableTmpDir(prefix = 'hall-test-'): { dir: string; cleanup: () => void } {
  const dir = tmpDir(prefix);
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
