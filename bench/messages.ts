/**
 * `npm run bench:messages`: N messages through the HTTP API of a freshly started platform (the same
 * launcher as `npm start`, in its own data directory, with the carrier simulator), and — on the
 * same Temporal server, in the same run — N bare one-activity workflows, for comparison.
 *
 * Prints accepted/s, completed/s, p50/p99 API latency and end-to-end latency for both, and the ratios.
 * Options (env): BENCH_MESSAGES (default 500), BENCH_CONCURRENCY (default 32), BENCH_TYPE (sms | alimtalk).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, NativeConnection, Worker } from '@temporalio/worker';
import { installTemporalRuntime } from '../platform/temporal-runtime';
import { createLogger } from '../platform/logger';
import { runProcess } from '../platform/process';
import { launch, prepareLaunch, stopLaunched, waitUntilUp } from '../test/support/launcher';
import { BareWorkflow } from './bare-workflow';

const N = Number(process.env.BENCH_MESSAGES ?? 500);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const TYPE = process.env.BENCH_TYPE === 'alimtalk' ? 'alimtalk' : 'sms';

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

interface MessageItem {
  id: string;
  createdAt: string;
  finalizedAt: string | null;
}

interface Figures {
  acceptedPerSecond: number;
  completedPerSecond: number;
  apiP50: number;
  apiP99: number;
  e2eP50: number;
  e2eP99: number;
}

/** The figures of one run: N requests over `accepted.seconds`, all final within `spanMs`. */
function figures(accepted: { latencies: number[]; seconds: number }, e2e: number[], spanMs: number): Figures {
  return {
    acceptedPerSecond: N / accepted.seconds,
    completedPerSecond: N / (spanMs / 1000),
    apiP50: percentile(accepted.latencies, 50),
    apiP99: percentile(accepted.latencies, 99),
    e2eP50: percentile(e2e, 50),
    e2eP99: percentile(e2e, 99),
  };
}

/** Runs `fn` n times with at most `limit` at once; returns each call's duration in ms. */
async function load(
  n: number,
  limit: number,
  fn: (i: number) => Promise<void>,
): Promise<{ latencies: number[]; seconds: number }> {
  const latencies: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < n) {
        const i = next++;
        const start = performance.now();
        await fn(i);
        latencies.push(performance.now() - start);
      }
    }),
  );
  return { latencies, seconds: (performance.now() - t0) / 1000 };
}

async function main() {
  const { dataDir, env, ports } = await prepareLaunch('bench', { KAKAO_RESULT_TIMEOUT: '5s', RESULT_WINDOW: '1m' });
  console.log(`starting the platform (data in ${dataDir}) …`);
  const platform = launch(env);
  try {
    await waitUntilUp(platform, 180_000);
    const base = `http://127.0.0.1:${ports.api}`;
    const operatorKey = fs.readFileSync(path.join(dataDir, 'operator-key'), 'utf8').trim();
    // The few fields of the API's answers this benchmark reads.
    type Answer = {
      id: string;
      apiKey: string;
      senderNumbers: { id: string }[];
      data: MessageItem[];
      nextCursor: string | null;
    };
    const call = async (method: string, p: string, key: string, body?: unknown) => {
      const res = await fetch(base + p, {
        method,
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Answer };
    };

    // A merchant with an active contract, a verified sender number and an approved template.
    const merchant = (
      await call('POST', '/v1/merchants', operatorKey, {
        businessRegistrationNumber: '124-81-00998',
        name: '벤치상점',
        representative: '홍길동',
        address: '서울',
        kakaoSearchId: '@bench',
      })
    ).body;
    const pdf = Buffer.from('%PDF-1.4 bench').toString('base64');
    const contract = (
      await call('POST', '/v1/contracts', merchant.apiKey, {
        services: { sms: true, lms: true, alimtalk: true, fallbackSms: true },
        senderNumbers: [{ number: '02-2345-6789', proofDocument: { fileName: 'p.pdf', contentBase64: pdf } }],
      })
    ).body;
    await call('POST', `/v1/contracts/${contract.id}/approve`, operatorKey, {
      fees: { paymentNotice: 8, sms: 9, lms: 25, alimtalk: 7.5, friendtalkText: 12, friendtalkImage: 20 },
    });
    await call('POST', `/v1/sender-numbers/${contract.senderNumbers[0].id}/verify`, operatorKey, {});
    await call('POST', '/v1/templates', merchant.apiKey, { code: 'BENCH', text: '#{name}님 주문이 접수되었습니다.' });
    await delay(1000);

    console.log(`sending ${N} ${TYPE} messages with ${CONCURRENCY} concurrent requests …`);
    const ids: string[] = [];
    const body = (i: number) =>
      TYPE === 'sms'
        ? {
            type: 'sms',
            to: `010-7${String(i % 1000).padStart(3, '0')}-${String(1000 + (i % 8000)).padStart(4, '0')}`,
            text: `벤치 ${i}`,
          }
        : {
            type: 'alimtalk',
            to: `010-7${String(i % 1000).padStart(3, '0')}-${String(1000 + (i % 8000)).padStart(4, '0')}`,
            templateCode: 'BENCH',
            variables: { name: `고객${i}` },
          };
    const accepted = await load(N, CONCURRENCY, async (i) => {
      const res = await call('POST', '/v1/messages', merchant.apiKey, body(i));
      if (res.status !== 202) throw new Error(`message ${i} refused: ${JSON.stringify(res.body)}`);
      ids.push(res.body.id);
    });

    const e2e: number[] = [];
    let firstCreated = Infinity;
    let lastFinalized = 0;
    const pending = new Set(ids);
    for (let waited = 0; pending.size > 0; waited += 1000) {
      if (waited > 600_000) throw new Error(`${pending.size} messages not final after 10 minutes`);
      await delay(1000);
      for (let cursor: string | null = null, first = true; first || cursor; first = false) {
        const page = await call('GET', `/v1/messages?limit=100${cursor ? `&cursor=${cursor}` : ''}`, merchant.apiKey);
        for (const m of page.body.data) {
          if (!pending.has(m.id) || !m.finalizedAt) continue;
          pending.delete(m.id);
          const created = Date.parse(m.createdAt);
          const finalized = Date.parse(m.finalizedAt);
          e2e.push(finalized - created);
          firstCreated = Math.min(firstCreated, created);
          lastFinalized = Math.max(lastFinalized, finalized);
        }
        cursor = page.body.nextCursor;
      }
    }
    const messages = figures(accepted, e2e, lastFinalized - firstCreated);

    console.log(`running ${N} bare one-activity workflows on the same server …`);
    installTemporalRuntime(createLogger('bench', 'warn'));
    const address = `127.0.0.1:${ports.temporal}`;
    const connection = await NativeConnection.connect({ address });
    const worker = await Worker.create({
      connection,
      taskQueue: 'bench-bare',
      workflowBundle: await bundleWorkflowCode({ workflowsPath: require.resolve('./bare-workflow') }),
      activities: { echo: async (n: number) => n },
    });
    const running = worker.run();
    const client = new Client({ connection: await Connection.connect({ address }) });
    const bareE2e: number[] = [];
    let bareFirst = Infinity;
    let bareLast = 0;
    const results: Promise<void>[] = [];
    const started = await load(N, CONCURRENCY, async (i) => {
      const t0 = Date.now();
      bareFirst = Math.min(bareFirst, t0);
      const handle = await client.workflow.start(BareWorkflow, {
        taskQueue: 'bench-bare',
        workflowId: `bare-${i}-${t0}`,
        args: [i],
      });
      results.push(
        handle.result().then(() => {
          const t1 = Date.now();
          bareE2e.push(t1 - t0);
          bareLast = Math.max(bareLast, t1);
        }),
      );
    });
    await Promise.all(results);
    worker.shutdown();
    await running;
    await client.connection.close();
    await connection.close();
    const bare = figures(started, bareE2e, bareLast - bareFirst);

    const row = (name: string, f: (x: Figures) => number, unit: string) =>
      `${name.padEnd(22)}${f(messages).toFixed(1).padStart(12)}${f(bare).toFixed(1).padStart(12)}${(f(messages) / f(bare)).toFixed(2).padStart(10)}  ${unit}`;
    console.log(`\n${N} ${TYPE} messages vs ${N} bare workflows, ${CONCURRENCY} concurrent, ${os.cpus().length} cores`);
    console.log(`${''.padEnd(22)}${'messages'.padStart(12)}${'bare'.padStart(12)}${'ratio'.padStart(10)}`);
    console.log(row('accepted/s', (x) => x.acceptedPerSecond, 'requests (API 202 | workflow start)'));
    console.log(row('completed/s', (x) => x.completedPerSecond, 'to final status'));
    console.log(row('API latency p50', (x) => x.apiP50, 'ms'));
    console.log(row('API latency p99', (x) => x.apiP99, 'ms'));
    console.log(row('end-to-end p50', (x) => x.e2eP50, 'ms (acceptance → final status)'));
    console.log(row('end-to-end p99', (x) => x.e2eP99, 'ms'));
    console.log(
      '\nEnd-to-end for messages includes the carrier simulator reporting 200–800 ms after each send (SPEC §8).',
    );
  } finally {
    await stopLaunched(platform);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

runProcess(main);
