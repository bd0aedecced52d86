/**
 * The hub store contract on PostgreSQL: a fresh database per case, a second pool (another
 * hub node) as the sibling.
 */
import { openPostgresHubStore } from '../../../../scripts/hub/postgres-store';
import { dropTestDatabases, freshDatabaseUrl } from '../../../support/postgres';
import { describeHubStoreContract } from './hub-store-contract';

let url = '';

describeHubStoreContract('PostgreSQL', {
  async fresh() {
    url = await freshDatabaseUrl();
    return openPostgresHubStore(url);
  },
  sibling: async () => openPostgresHubStore(url),
  done: dropTestDatabases,
});
