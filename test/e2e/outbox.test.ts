/**
 * Accept = one durable write (issue 13): a message is stored with the outbox entry of its workflow
 * start in one transaction and answered 202; the workflow is started from the outbox afterwards.
 * So nothing accepted is lost and nothing is started twice when
 * - Temporal is unreachable while messages are accepted (they stay `accepted` and go out, once
 *   each, when it is back),
 * - the API process is killed after the commit and before the start (another one starts it), and
 * - several dispatchers sweep the same outbox (each start is claimed by one of them).
 */
import type { ChildProcess } from 'node:child_process';
import net from 'node:net';
import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import { createLogger } from '../../platform/logger';
import { startOutboxDispatcher } from '../../platform/outbox';
import { countPendingStarts, insertWorkflowStarts } from '../../store/outbox';
import { messageWorkflowId } from '../../workflows/ids';
import { activeContract, finalMessage, type ActiveContract } from '../support/api-fixtures';
import { createTestDatabase } from '../support/db';
import {
  apiClient,
  eventually,
  OPERATOR_KEY,
  startPlatformWithTemporalLink,
  type TestPlatform,
} from '../support/platform';
import { spawnEntryPoint } from '../support/processes';
import { simulatorSends } from '../support/simulator';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';

let platform: TestPlatform;
let merchant: ActiveContract;
/** The API's way to Temporal (the workers connect directly). */
let temporalLink: TcpProxy;
const children: ChildProcess[] = [];

let middle = 2000 + Math.floor(Math.random() * 7000);
const mobile = () => `010-${String(middle++).padStart(4, '0')}-1234`;

beforeAll(async () => {
  ({ platform, temporalLink } = await startPlatformWithTemporalLink());
  merchant = await activeContract(platform.api);
}, 120_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  temporalLink?.restore();
  await platform?.close();
  await temporalLink?.close();
}, 60_000);

const send = (to: string, headers?: Record<string, string>) =>
  platform.api.call('POST', '/v1/messages', {
    key: merchant.merchant.apiKey,
    body: { type: 'sms', to, text: '[바른상점] 주문이 접수되었습니다.' },
    headers,
  });

async function workflowExists(id: string): Promise<boolean> {
  try {
    await platform.env.client.workflow.getHandle(messageWorkflowId(id)).describe();
    return true;
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return false;
    throw err;
  }
}

/** Delivered, sent to the carrier once, carried by one workflow run. */
async function expectSentOnce(id: string, to: string): Promise<void> {
  const m = await finalMessage(platform.api, merchant.merchant.apiKey, id, 60_000);
  expect(m).toMatchObject({ id, status: 'delivered', deliveredVia: 'sms' });
  expect(await simulatorSends(platform.simulator.url, to)).toHaveLength(1);
  const runs = await platform.env.client.workflow.list({ query: `WorkflowId = '${messageWorkflowId(id)}'` });
  let count = 0;
  for await (const _ of runs) count++;
  expect(count).toBe(1);
}

describe('Temporal unreachable while messages are accepted', () => {
  it('accepts them at once, keeps them `accepted`, and sends each once when Temporal is back', async () => {
    temporalLink.cut();
    const numbers = [mobile(), mobile(), mobile(), mobile()];
    const t0 = Date.now();
    const single = await send(numbers[0]);
    const keyed = await send(numbers[1], { 'Idempotency-Key': `outage-${Date.now()}` });
    const batch = await platform.api.call('POST', '/v1/messages/batch', {
      key: merchant.merchant.apiKey,
      body: {
        messages: numbers.slice(2).map((to) => ({ type: 'sms', to, text: '[바른상점] 배송이 시작되었습니다.' })),
      },
    });
    // Nothing on this path waits for Temporal.
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect([single.status, keyed.status, batch.status]).toEqual([202, 202, 202]);
    const ids: string[] = [single.body.id, keyed.body.id, ...batch.body.accepted.map((a: { id: string }) => a.id)];
    expect(ids).toHaveLength(4);

    for (const id of ids) {
      const m = await platform.api.call('GET', `/v1/messages/${id}`, { key: merchant.merchant.apiKey });
      expect(m.body.status).toBe('accepted');
      expect(await workflowExists(id)).toBe(false);
    }
    expect(await countPendingStarts(platform.db)).toBeGreaterThanOrEqual(4);
    // A while of failed start attempts (retried with backoff).
    await eventually(
      async () =>
        (await platform.db('workflow_starts').whereNotNull('last_error').count())[0].count ? true : undefined,
      30_000,
      'a failed start attempt',
    );

    temporalLink.restore();
    for (const [i, id] of ids.entries()) await expectSentOnce(id, numbers[i]);
    await eventually(
      async () => ((await countPendingStarts(platform.db)) === 0 ? true : undefined),
      10_000,
      'an empty outbox',
    );
  }, 110_000);
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The API as its own OS process (`node --import tsx api/main.ts`), as `npm start` runs it. */
async function startApiProcess(temporalAddress: string, settings: NodeJS.ProcessEnv = {}) {
  const port = await freePort();
  const child = spawnEntryPoint(
    platform,
    'api/main.ts',
    {
      PORT: String(port),
      TEMPORAL_ADDRESS: temporalAddress,
      OPERATOR_API_KEY: OPERATOR_KEY,
      OUTBOX_SWEEP_INTERVAL: '500ms',
      ...settings,
    },
    ['ignore', 'inherit', 'inherit'],
  );
  children.push(child);
  const api = apiClient(`http://127.0.0.1:${port}`);
  await eventually(
    async () => {
      try {
        await api.call('GET', '/health');
        return true;
      } catch {
        return undefined;
      }
    },
    60_000,
    'the API process to listen',
  );
  return { child, api };
}

describe('an API process killed after the commit, before the workflow start', () => {
  it('loses nothing: another API process starts the workflow, once, and the message is delivered once', async () => {
    // This process cannot reach Temporal, so it commits but cannot start; then it is killed. Its
    // claim on the start holds 10 s: no other dispatcher (the platform's own sweeps every 5 s) may
    // take it before the check below that the killed process started nothing.
    const unreachable = await startTcpProxy(platform.env.address);
    unreachable.cut();
    const first = await startApiProcess(unreachable.address, { OUTBOX_LEASE: '10s' });
    const to = mobile();
    const res = await first.api.call('POST', '/v1/messages', {
      key: merchant.merchant.apiKey,
      body: { type: 'sms', to, text: '[바른상점] 결제가 완료되었습니다.' },
    });
    expect(res.status).toBe(202);
    const id: string = res.body.id;
    await new Promise((resolve) => {
      first.child.once('exit', resolve);
      first.child.kill('SIGKILL');
    });
    await unreachable.close();
    expect(await workflowExists(id)).toBe(false);
    expect(
      await platform
        .db('workflow_starts')
        .where({ workflow_id: messageWorkflowId(id) })
        .count(),
    ).toEqual([{ count: 1 }]);

    await startApiProcess(platform.env.address);
    await expectSentOnce(id, to);
  }, 110_000);
});

describe('several dispatchers on one outbox', () => {
  it('claim each start once (FOR UPDATE SKIP LOCKED): every workflow is started exactly once', async () => {
    const t = await createTestDatabase();
    const started = new Map<string, number>();
    const byDispatcher = [0, 0, 0];
    const fakeTemporal = (n: number) =>
      ({
        connection: { withDeadline: (_d: number, fn: () => Promise<unknown>) => fn() },
        workflow: {
          start: async (_type: string, opts: { workflowId: string }) => {
            await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
            started.set(opts.workflowId, (started.get(opts.workflowId) ?? 0) + 1);
            byDispatcher[n]++;
          },
        },
      }) as unknown as Client;
    try {
      const ids = Array.from({ length: 600 }, (_, i) => `wf-${i}`);
      await insertWorkflowStarts(
        t.db,
        ids.map((workflowId) => ({
          workflowId,
          workflowType: 'MessageWorkflow',
          taskQueue: 'test',
          args: [],
          searchAttributes: {},
        })),
      );
      const logger = createLogger('test-outbox', 'silent');
      const dispatchers = [0, 1, 2].map((n) =>
        startOutboxDispatcher({ db: t.db, temporal: fakeTemporal(n), logger, concurrency: 16, sweepIntervalMs: 50 }),
      );
      await eventually(async () => ((await countPendingStarts(t.db)) === 0 ? true : undefined), 30_000, 'all started');
      await Promise.all(dispatchers.map((d) => d.stop()));
      expect(started.size).toBe(600);
      expect([...started.values()].every((n) => n === 1)).toBe(true);
      expect(byDispatcher.filter((n) => n > 0).length).toBeGreaterThan(1);
    } finally {
      await t.drop();
    }
  });
});
