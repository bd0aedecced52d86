/** A hub schema migration could not run, or the database is at a version this hub cannot use. */
export class HubMigrationError extends Error {
  override name = 'HubMigrationError';
}
