/**
 * `npm start` (platform/start.ts) as a child process, on free ports and in a fresh data directory,
 * the way a user runs it: for the launcher test and the benchmark (bench/messages.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { PROJECT_ROOT } from '../../platform/paths';

/** The line the launcher prints once everything is up. */
const UP = 'bizmsg is up.';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface LaunchSetup {
  dataDir: string;
  /** This process's environment with the data directory, the ports and `settings`. */
  env: NodeJS.ProcessEnv;
  ports: { api: number; postgres: number; temporal: number; temporalUi: number; simulator: number };
}

/** A fresh data directory and free ports; `settings` are further environment variables. */
export async function prepareLaunch(name: string, settings: NodeJS.ProcessEnv = {}): Promise<LaunchSetup> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `bizmsg-${name}-`));
  // A fresh mkdtemp directory (mode 700): as root, the launcher itself opens it to PostgreSQL's user.
  const [api, postgres, temporal, temporalUi, simulator] = await Promise.all(Array.from({ length: 5 }, freePort));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(api),
    EMBEDDED_POSTGRES_PORT: String(postgres),
    TEMPORAL_PORT: String(temporal),
    TEMPORAL_UI_PORT: String(temporalUi),
    SIMULATOR_PORT: String(simulator),
    LOG_LEVEL: 'warn',
    ...settings,
  };
  // Unset, so the launcher provisions its own PostgreSQL, Temporal server and operator key.
  for (const k of ['DATABASE_URL', 'TEMPORAL_ADDRESS', 'OPERATOR_API_KEY']) delete env[k];
  return { dataDir, env, ports: { api, postgres, temporal, temporalUi, simulator } };
}

export interface Launched {
  child: ChildProcess;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
}

/** `npm start`: under tsx from the sources, or (`compiled`) the JavaScript of `npm run build`, as in production. */
export function launch(env: NodeJS.ProcessEnv, opts: { compiled?: boolean } = {}): Launched {
  let output = '';
  const args = opts.compiled ? ['dist/platform/start.js'] : ['--import', 'tsx', 'platform/start.ts'];
  const child = spawn(process.execPath, args, {
    cwd: PROJECT_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d.toString()));
  child.stderr!.on('data', (d) => (output += d.toString()));
  return { child, output: () => output };
}

export async function waitUntilUp(run: Launched, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!run.output().includes(UP)) {
    if (run.child.exitCode !== null)
      throw new Error(`launcher exited (${run.child.exitCode}) before "${UP}":\n${run.output().slice(-3000)}`);
    if (Date.now() > until) throw new Error(`no "${UP}" within ${timeoutMs} ms:\n${run.output().slice(-3000)}`);
    await delay(250);
  }
}

/** Ctrl-C, as a user stops it; resolves with the exit code. */
export async function stopLaunched(run: Launched): Promise<number | null> {
  if (run.child.exitCode !== null) return run.child.exitCode;
  const exited = new Promise<number | null>((resolve) => run.child.once('exit', (code) => resolve(code)));
  run.child.kill('SIGINT');
  return exited;
}
