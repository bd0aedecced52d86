/** The hub store contract on SQLite: a real file per case, a second connection as the sibling. */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { openSqliteHubStore } from '../../../../scripts/hub/sqlite-store';
import { tmpDir } from '../../../support/tmp-dir';
import { describeHubStoreContract } from './hub-store-contract';

const dirs: string[] = [];
let file = '';

describeHubStoreContract('SQLite', {
  async fresh() {
    const dir = tmpDir('hub-contract-sqlite-');
    dirs.push(dir);
    file = join(dir, 'hub.db');
    return openSqliteHubStore(file);
  },
  sibling: async () => openSqliteHubStore(file),
  async done() {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  },
});
