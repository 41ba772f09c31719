/**
 * `npm start`: the whole platform on embedded defaults, in one process tree (SPEC §9):
 * PostgreSQL (unless DATABASE_URL), the Temporal dev server with its Web UI (unless
 * TEMPORAL_ADDRESS), migrations, search attributes, then the carrier simulator, the worker and the
 * API as child processes, restarted if they die. Ctrl-C stops everything; data stays in .data/.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { formatDuration } from '../domain/duration';
import { CONSOLE_DIR } from '../api/console';
import { loadConfig } from './config';
import { createDb, migrateLatest } from './db';
import { createLogger } from './logger';
import { installTemporalRuntime } from './temporal-runtime';
import { DATA_DIR, PROJECT_ROOT } from './paths';
import { startEmbeddedPostgres, type RunningPostgres } from './postgres';
import { loadOperatorKey } from './secrets';
import { Connection } from '@temporalio/client';
import { ensureSearchAttributes, startDevServer, type RunningTemporal } from './temporal';

const log = createLogger('platform');

interface Service {
  name: string;
  entry: string;
  /** Node flags of this service besides the launcher's own. */
  nodeArgs?: string[];
  /** Environment of this service besides the platform's. */
  env?: NodeJS.ProcessEnv;
  child?: ChildProcess;
  restarts: number;
}

/**
 * The worker's memory stays bounded (issue 13, README "Worker memory"): its V8 heaps (the main
 * thread's and each task queue's workflow thread's) collect garbage long before the default limits
 * (a quarter of the machine's memory), and glibc keeps two malloc arenas instead of one per thread
 * (MALLOC_ARENA_MAX in the environment overrides that).
 */
const WORKER_NODE_ARGS = ['--max-old-space-size=256', '--max-semi-space-size=4'];
const WORKER_ENV = { MALLOC_ARENA_MAX: '2' };

const ext = path.extname(__filename);
const entry = (rel: string) => path.join(__dirname, '..', `${rel}${ext}`);

function spawnService(service: Service, env: NodeJS.ProcessEnv, stopping: () => boolean): void {
  // The same runtime flags (e.g. tsx's loader under `npm start`) for the children.
  const child = spawn(process.execPath, [...process.execArgv, ...(service.nodeArgs ?? []), service.entry], {
    env: { ...service.env, ...env },
    stdio: 'inherit',
  });
  service.child = child;
  child.on('exit', (code, signal) => {
    if (stopping()) return;
    service.restarts += 1;
    const wait = Math.min(30_000, 1_000 * 2 ** Math.min(service.restarts, 5));
    log.error({ service: service.name, code, signal, restartInMs: wait }, 'service exited; restarting');
    setTimeout(() => !stopping() && spawnService(service, env, stopping), wait).unref();
  });
}

async function stopService(service: Service): Promise<void> {
  const child = service.child;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

async function waitForHealth(url: string, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // not up yet
    }
    await delay(500);
  }
  return false;
}

/** A fresh clone has no console bundle yet: build it (Vite, a few seconds) when the tools are there. */
function buildConsoleIfMissing(): void {
  const vite = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'vite');
  if (fs.existsSync(path.join(CONSOLE_DIR, 'index.html')) || !fs.existsSync(vite)) return;
  log.info('building the console (npm run console:build)');
  try {
    execFileSync(vite, ['build', '--config', 'console/vite.config.mts', '--logLevel', 'warn'], {
      cwd: PROJECT_ROOT,
      stdio: 'inherit',
    });
  } catch (err) {
    log.error({ err }, 'the console did not build; /console says how to build it');
  }
}

async function main() {
  const config = loadConfig();
  installTemporalRuntime(log);
  fs.mkdirSync(DATA_DIR, { recursive: true });
  let postgres: RunningPostgres | undefined;
  let temporal: RunningTemporal | undefined;
  const services: Service[] = [];
  let stopping = false;

  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping bizmsg');
    await Promise.all([...services].reverse().map(stopService));
    await temporal?.stop().catch((e) => log.error({ err: e }, 'temporal stop failed'));
    await postgres?.stop().catch((e) => log.error({ err: e }, 'postgres stop failed'));
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    log.info({ port: config.embeddedPostgresPort }, 'starting embedded PostgreSQL');
    postgres = await startEmbeddedPostgres({
      dataDir: path.join(DATA_DIR, 'postgres'),
      port: config.embeddedPostgresPort,
      database: 'bizmsg',
      log: (line) => log.info(line),
    });
    databaseUrl = postgres.url;
  }
  const db = createDb(databaseUrl, { max: 2 });
  const applied = await migrateLatest(db);
  await db.destroy();
  log.info({ applied }, 'database migrated');

  let temporalAddress = config.temporal.address;
  if (!temporalAddress) {
    log.info({ port: config.temporal.port, uiPort: config.temporal.uiPort }, 'starting Temporal dev server');
    temporal = await startDevServer({
      port: config.temporal.port,
      uiPort: config.temporal.uiPort,
      dbFilename: path.join(DATA_DIR, 'temporal.sqlite'),
      namespace: config.temporal.namespace,
      resolve: { log: (line) => log.info(line) },
    });
    temporalAddress = temporal.address;
  } else {
    const connection = await Connection.connect({ address: temporalAddress });
    await ensureSearchAttributes(connection, config.temporal.namespace);
    await connection.close();
  }

  buildConsoleIfMissing();
  const operator = loadOperatorKey(config.operatorApiKey, DATA_DIR);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    OPERATOR_API_KEY: operator.key,
  };
  if (config.simulator.enabled) services.push({ name: 'simulator', entry: entry('simulator/main'), restarts: 0 });
  services.push(
    { name: 'worker', entry: entry('workers/main'), nodeArgs: WORKER_NODE_ARGS, env: WORKER_ENV, restarts: 0 },
    { name: 'api', entry: entry('api/main'), restarts: 0 },
  );
  for (const s of services) spawnService(s, env, () => stopping);

  const api = `http://127.0.0.1:${config.port}`;
  const consoleBuilt = fs.existsSync(path.join(CONSOLE_DIR, 'index.html'));
  const healthy = await waitForHealth(`${api}/health`, 120_000);
  const ui = temporal
    ? `http://127.0.0.1:${config.temporal.uiPort}/namespaces/${config.temporal.namespace}/workflows`
    : '(external Temporal: its own Web UI)';
  const banner = [
    '',
    healthy ? 'bizmsg is up.' : 'bizmsg started, but /health does not answer 200 yet (see the logs above).',
    `  API            ${api}`,
    consoleBuilt
      ? `  Console        ${api}/console/   (first operator account: npm run create-operator)`
      : `  Console        not built: run npm run build, then open ${api}/console/`,
    `  API docs       ${api}/docs   (OpenAPI: ${api}/openapi.json)`,
    `  Temporal UI    ${ui}`,
    `  Temporal gRPC  ${temporalAddress}  namespace ${config.temporal.namespace}`,
    `  PostgreSQL     ${postgres ? `embedded, data in ${path.join(DATA_DIR, 'postgres')}` : 'DATABASE_URL'}`,
    config.simulator.enabled
      ? `  Carriers       simulator at ${config.simulator.url} (test numbers: SPEC §8)`
      : `  Carriers       ${config.providers.kakaoUrl}, ${config.providers.smsUrl}`,
    `  Timers         Kakao result timeout ${formatDuration(config.kakaoResultTimeoutMs)}, result window ${formatDuration(config.resultWindowMs)}, send deadlines ${formatDuration(config.sendDeadlines.kakaoMs)} Kakao / ${formatDuration(config.sendDeadlines.smsMs)} SMS`,
    `  Operator key   ${operator.key}${operator.source === 'env' ? '' : `   (kept in ${path.join(DATA_DIR, 'operator-key')})`}`,
    '',
    `  Ctrl-C stops everything; data stays in ${DATA_DIR}.`,
    '',
  ].join('\n');
  process.stdout.write(`${banner}\n`);
}

main().catch((err) => {
  log.fatal({ err }, 'bizmsg failed to start');
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
