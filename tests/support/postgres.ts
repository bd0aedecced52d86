/**
 * A fresh, empty PostgreSQL database for one test (or one test file), on the server the global
 * setup provides. Databases are named hub_t_<pid>_<n>; they go when the server goes (embedded)
 * or are dropped by `dropTestDatabases()` (a server named by HUB_TEST_DATABASE_URL).
 */
import { inject } from 'vitest';
import pg from 'pg';

let counter = 0;
const made: string[] = [];

function adminUrl(): string {
  const url = inject('hubTestDatabaseUrl');
  if (!url)
    throw new Error('freshDatabaseUrl: no test PostgreSQL (tests/support/postgres-global-setup.ts did not run)');
  return url;
}

function urlFor(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

export async function freshDatabaseUrl(): Promise<string> {
  const name = `hub_t_${process.pid}_${++counter}_${Date.now() % 100_000}`;
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  made.push(name);
  return urlFor(name);
}

export async function dropTestDatabases(): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    for (const name of made.splice(0)) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
