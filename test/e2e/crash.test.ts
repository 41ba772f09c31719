/**
 * A worker process killed (kill -9) in the middle of a send loses nothing and sends once: the
 * workers run as a separate OS process (`node --import tsx workers/main.ts`, as in production), the
 * carrier answers slowly, the process dies while the send is at the carrier, and a new process
 * takes over. The activity's retry reuses the provider idempotency key, so the carrier sees one
 * message; the message is delivered, billed once, with one `sent` entry on its timeline.
 */
import type { ChildProcess } from 'node:child_process';
import { activeContract, finalMessage, type ActiveContract } from '../support/api-fixtures';
import { eventually, startTestPlatform, type TestPlatform } from '../support/platform';
import { spawnEntryPoint } from '../support/processes';
import { configureSimulator, simulatorSends } from '../support/simulator';

let platform: TestPlatform;
let merchant: ActiveContract;
/** The first worker process: started early, since it bundles the workflow code when it starts. */
let first: ChildProcess;
const children: ChildProcess[] = [];
let output = '';

const simSends = (to: string) => simulatorSends(platform.simulator.url, to);

/** The worker as its own OS process, configured like `npm start` configures it. */
function startWorkerProcess(): ChildProcess {
  const child = spawnEntryPoint(
    platform,
    'workers/main.ts',
    {
      TEMPORAL_ADDRESS: platform.env.address,
      TEMPORAL_NAMESPACE: platform.env.namespace ?? 'default',
      KAKAO_PROVIDER_URL: platform.simulator.url,
      SMS_PROVIDER_URL: platform.simulator.url,
      PUBLIC_URL: platform.api.url,
    },
    ['ignore', 'pipe', 'pipe'],
  );
  const tag = `[worker ${child.pid}] `;
  child.stdout?.on('data', (d: Buffer) => (output += tag + d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += tag + d.toString()));
  children.push(child);
  return child;
}

const alive = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

async function kill9(child: ChildProcess): Promise<void> {
  if (!alive(child)) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

beforeAll(async () => {
  // The SMS send deadline outlasts the crash and the new worker's start: this is a crash, not an outage.
  platform = await startTestPlatform({ kakaoResultTimeout: '1s', resultWindow: '10s', sendDeadlineSms: '2m' });
  first = startWorkerProcess();
  merchant = await activeContract(platform.api);
  // From here on the workers run only in separate processes.
  await platform.stopWorkers();
}, 120_000);

afterAll(async () => {
  for (const child of children) await kill9(child);
  await platform?.close();
}, 60_000);

describe('a worker killed in the middle of a send', () => {
  it('loses nothing and sends once: the message is delivered, carried by one send, billed once', async () => {
    try {
      await configureSimulator(platform.simulator.url, { responseDelayMs: 4_000 });
      const to = `010-${String(2000 + Math.floor(Math.random() * 7000))}-4321`;
      const res = await platform.api.call('POST', '/v1/messages', {
        key: merchant.merchant.apiKey,
        body: { type: 'sms', to, text: '[바른상점] 결제가 완료되었습니다.' },
      });
      expect(res.status).toBe(202);
      const id: string = res.body.id;

      // The carrier has the send and is slow to answer: the worker dies before it hears back.
      await eventually(
        async () => ((await simSends(to)).length > 0 ? true : undefined),
        30_000,
        'the send to reach the carrier',
      );
      expect(alive(first)).toBe(true);
      await kill9(first);
      expect(first.signalCode).toBe('SIGKILL');
      await configureSimulator(platform.simulator.url, { responseDelayMs: 0 });

      startWorkerProcess();
      const m = await finalMessage(platform.api, merchant.merchant.apiKey, id, 75_000);
      expect(m).toMatchObject({ id, status: 'delivered', deliveredVia: 'sms', failureReason: null });
      expect(m.attempts.filter((a: { status: string }) => a.status === 'sent')).toHaveLength(1);
      expect(m.attempts.map((a: { channel: string; status: string }) => `${a.channel}:${a.status}`)).toEqual([
        'sms:sent',
        'sms:delivered',
      ]);

      const sends = await simSends(to);
      expect(sends).toHaveLength(1);
      expect(sends[0]).toMatchObject({ provider: 'sms', idempotencyKey: `${id}:sms`, status: 'delivered' });
      expect(sends[0].attempts).toBeGreaterThanOrEqual(2);
      expect(await platform.db('usage_records').where({ message_id: id }).select('usage_type')).toEqual([
        { usage_type: 'sms' },
      ]);
    } catch (err) {
      if (output) console.error(`worker process output:\n${output}`);
      throw err;
    }
  }, 110_000);
});
