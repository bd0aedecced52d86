/**
 * `npm run hub -- [--port 4000] [--host 127.0.0.1] [--data DIR] [--database postgres://…]
 * [--node NAME] [--seed N] [--admin-token T] [--hall-token T]` — the reference upstream.
 * Prints `hub: http://HOST:PORT` once it listens. SIGTERM or SIGINT stops it gracefully: new
 * halls are refused, submissions being stored are acked, then the halls move on.
 */
import { startHub } from './hub-server';
import { hubOptionsFrom, HubConfigError, redactDatabaseUrl } from './hub-options';

async function main(): Promise<void> {
  const options = hubOptionsFrom(process.argv.slice(2), process.env);
  const hub = await startHub({ ...options });
  const where = options.databaseUrl
    ? `database: ${redactDatabaseUrl(options.databaseUrl)} (node ${hub.nodeId})`
    : `data: ${options.dataDir}`;
  const lines = [
    `hub: ${hub.url}`,
    `  ${where} (${await hub.store.countPostings()} postings, last seq ${await hub.store.lastSeq()})`,
    `  city: ${hub.url}/city`,
  ];
  if (options.defaultTokens) {
    lines.push(`  development tokens in use — admin: ${options.adminToken}  hall: ${options.hallToken}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    hub.shutdown().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const expected = error instanceof HubConfigError || (error as Error)?.name === 'HubMigrationError';
  process.stderr.write(`hub: ${expected ? (error as Error).message : ((error as Error)?.stack ?? String(error))}\n`);
  process.exit(1);
});
