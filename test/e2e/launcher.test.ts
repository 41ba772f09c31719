/**
 * The quick start itself: `npm start` (platform/start.ts) on a fresh data directory brings up
 * embedded PostgreSQL, the Temporal dev server with its Web UI, the simulator, the worker and the
 * API; Ctrl-C stops everything; a restart keeps every merchant and the operator key.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../platform/paths';
import { validBrn } from '../support/fixtures';

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

interface Running {
  child: ChildProcess;
  output: () => string;
}

function launch(env: NodeJS.ProcessEnv): Running {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'platform/start.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d.toString()));
  child.stderr!.on('data', (d) => (output += d.toString()));
  return { child, output: () => output };
}

async function waitFor(run: Running, text: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!run.output().includes(text)) {
    if (run.child.exitCode !== null)
      throw new Error(`launcher exited (${run.child.exitCode}) before "${text}":\n${run.output().slice(-3000)}`);
    if (Date.now() > until) throw new Error(`no "${text}" within ${timeoutMs} ms:\n${run.output().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function stop(run: Running): Promise<number | null> {
  if (run.child.exitCode !== null) return run.child.exitCode;
  const exited = new Promise<number | null>((resolve) => run.child.once('exit', (code) => resolve(code)));
  run.child.kill('SIGINT');
  return exited;
}

describe('npm start', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  const runs: Running[] = [];

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizmsg-launcher-'));
    // PostgreSQL runs as the `postgres` user when we are root: it must be able to enter the directory.
    fs.chmodSync(dataDir, 0o755);
    const [api, pg, temporal, ui, sim] = await Promise.all([
      freePort(),
      freePort(),
      freePort(),
      freePort(),
      freePort(),
    ]);
    env = {
      DATA_DIR: dataDir,
      PORT: String(api),
      EMBEDDED_POSTGRES_PORT: String(pg),
      TEMPORAL_PORT: String(temporal),
      TEMPORAL_UI_PORT: String(ui),
      SIMULATOR_PORT: String(sim),
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      TEMPORAL_ADDRESS: '',
      OPERATOR_API_KEY: '',
    };
    // Empty strings would count as set: remove them so the launcher provisions its own.
    for (const k of ['DATABASE_URL', 'TEMPORAL_ADDRESS', 'OPERATOR_API_KEY']) delete env[k];
  });

  afterAll(async () => {
    for (const run of runs) if (run.child.exitCode === null) run.child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('comes up healthy with the Temporal UI, stops on Ctrl-C, and keeps its data across a restart', async () => {
    const first = launch(env);
    runs.push(first);
    await waitFor(first, 'bizmsg is up.', 180_000);
    const api = `http://127.0.0.1:${env.PORT}`;
    expect((await fetch(`${api}/health`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${env.TEMPORAL_UI_PORT}/`)).status).toBe(200);

    const operatorKey = fs.readFileSync(path.join(dataDir, 'operator-key'), 'utf8').trim();
    expect(first.output()).toContain(operatorKey);
    const created = await fetch(`${api}/v1/merchants`, {
      method: 'POST',
      headers: { authorization: `Bearer ${operatorKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        businessRegistrationNumber: validBrn(),
        name: '재시작상점',
        representative: '홍길동',
        address: '서울',
      }),
    });
    expect(created.status).toBe(201);
    const merchant = (await created.json()) as { id: string };

    expect(await stop(first)).toBe(0);

    const second = launch(env);
    runs.push(second);
    await waitFor(second, 'bizmsg is up.', 180_000);
    const again = await fetch(`${api}/v1/merchants/${merchant.id}`, {
      headers: { authorization: `Bearer ${operatorKey}` },
    });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { name: string }).name).toBe('재시작상점');
    expect(await stop(second)).toBe(0);
  }, 420_000);
});
