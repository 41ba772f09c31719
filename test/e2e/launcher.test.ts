/**
 * The quick start itself: `npm start` (platform/start.ts) on a fresh data directory brings up
 * embedded PostgreSQL, the Temporal dev server with its Web UI, the simulator, the worker and the
 * API; Ctrl-C stops everything; a restart keeps every merchant and the operator key.
 */
import fs from 'node:fs';
import path from 'node:path';
import { validBrn } from '../support/fixtures';
import { launch, prepareLaunch, stopLaunched, waitUntilUp, type Launched, type LaunchSetup } from '../support/launcher';

describe('npm start', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let ports: LaunchSetup['ports'];
  const runs: Launched[] = [];

  beforeAll(async () => {
    ({ dataDir, env, ports } = await prepareLaunch('launcher'));
  });

  afterAll(async () => {
    for (const run of runs) if (run.child.exitCode === null) run.child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('comes up healthy with the Temporal UI, stops on Ctrl-C, and keeps its data across a restart', async () => {
    const first = launch(env);
    runs.push(first);
    await waitUntilUp(first, 180_000);
    const api = `http://127.0.0.1:${ports.api}`;
    expect((await fetch(`${api}/health`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${ports.temporalUi}/`)).status).toBe(200);

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

    expect(await stopLaunched(first)).toBe(0);

    const second = launch(env);
    runs.push(second);
    await waitUntilUp(second, 180_000);
    const again = await fetch(`${api}/v1/merchants/${merchant.id}`, {
      headers: { authorization: `Bearer ${operatorKey}` },
    });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { name: string }).name).toBe('재시작상점');
    expect(await stopLaunched(second)).toBe(0);
  }, 420_000);
});
