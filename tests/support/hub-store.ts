/** A hub store (SQLite or PostgreSQL) for one part of a test, closed after whatever that part does. */
import type { HubStore } from '../../scripts/hub/hub-store';

export async function withHubStore(
  opened: HubStore | Promise<HubStore>,
  use: (store: HubStore) => Promise<void>,
): Promise<void> {
  const store = await opened;
  try {
    await use(store);
  } finally {
    await store.close();
  }
}
