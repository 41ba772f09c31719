/**
 * `npm run bench` (= `npm run bench:messages`): every figure of issue 13 in one run, on a freshly
 * started platform — the compiled code of `npm run build`, launched like `npm start` in its own data
 * directory with the carrier simulator and RESULT_WINDOW=48h — and, on the same Temporal server,
 * bare one-activity workflows as the yardstick.
 *
 *   P1  completed messages/s ÷ completed bare workflows/s                       goal ≥ 0.7
 *   P2  one batch of 10,000 accepted vs 10,000 single sends, 32 concurrent       goal ≥ 20× faster
 *   P3  10,000 messages parked in their result window (9004): worker RSS         goal ≤ 400 MB, flat
 *       and single-send p99 while parked ÷ idle                                  goal ≤ 1.2
 *   P4  single-send p50, 32 concurrent                                           goal ≤ 30 ms
 *   history events of a delivered SMS and AlimTalk
 *
 * Each phase starts on a drained platform (every message of the one before is final or parked).
 * Options (env): BENCH_MESSAGES (single sends and bare workflows, 10000), BENCH_BATCH (10000),
 * BENCH_PARKED (10000), BENCH_PROBE (single sends of each P3 latency probe, 1000),
 * BENCH_CONCURRENCY (32), BENCH_BUILD (0: use dist/ as it is).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { Client, Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { bundleWorkflowCode, NativeConnection, Worker } from '@temporalio/worker';
import { createDb, type Db } from '../platform/db';
import { createLogger } from '../platform/logger';
import { PROJECT_ROOT } from '../platform/paths';
import { embeddedPostgresUrl } from '../platform/postgres';
import { runProcess } from '../platform/process';
import { installTemporalRuntime } from '../platform/temporal-runtime';
import { launch, prepareLaunch, stopLaunched, waitUntilUp, type Launched } from '../test/support/launcher';
import { messageWorkflowId } from '../workflows/ids';
import { BareWorkflow } from './bare-workflow';

const N = Number(process.env.BENCH_MESSAGES ?? 10_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 10_000);
const PARKED = Number(process.env.BENCH_PARKED ?? 10_000);
const PROBE = Number(process.env.BENCH_PROBE ?? 1_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const PARK_STEPS = 4;
const DRAIN_TIMEOUT_MS = 30 * 60_000;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const fmt = (n: number, digits = 1) => n.toLocaleString('en-US', { maximumFractionDigits: digits });
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

/** Runs `fn` n times with at most `limit` at once; each call's duration in ms, and the whole run's. */
async function load(
  n: number,
  limit: number,
  fn: (i: number) => Promise<void>,
): Promise<{ latencies: number[]; seconds: number }> {
  const latencies: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(limit, n) }, async () => {
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

/** A process's resident memory in MB (Linux /proc). */
function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

/** The child process of `parent` whose command line mentions `entry` (the launcher's api/worker). */
function childProcess(parent: number, entry: string): number {
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === parent && fs.readFileSync(`/proc/${name}/cmdline`, 'utf8').includes(entry)) return Number(name);
    } catch {
      // gone meanwhile
    }
  }
  throw new Error(`no child process running ${entry}`);
}

/** CPU seconds used so far by each process tree under the launcher (api, worker, simulator, Temporal, PostgreSQL). */
function cpuByService(launcher: number): Map<string, number> {
  const ticks = 100; // USER_HZ on Linux
  const procs = new Map<number, { ppid: number; cpu: number; cmd: string }>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime, stime, cutime, cstime: fields 14–17 (11–14 after the command)
      const cpu = (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / ticks;
      procs.set(Number(name), { ppid: Number(f[1]), cpu, cmd: fs.readFileSync(`/proc/${name}/cmdline`, 'utf8') });
    } catch {
      // gone meanwhile
    }
  }
  const serviceOf = (cmd: string) =>
    ['api/main', 'workers/main', 'simulator/main', 'temporal', 'postgres'].find((k) => cmd.includes(k)) ?? 'other';
  const total = new Map<string, number>();
  const add = (pid: number, service: string) => {
    total.set(service, (total.get(service) ?? 0) + procs.get(pid)!.cpu);
    for (const [child, p] of procs) if (p.ppid === pid) add(child, service);
  };
  for (const [pid, p] of procs) if (p.ppid === launcher) add(pid, serviceOf(p.cmd));
  total.set('launcher', procs.get(launcher)?.cpu ?? 0);
  total.set('bench', (process.cpuUsage().user + process.cpuUsage().system) / 1e6);
  return total;
}

/** CPU milliseconds per message of each service between two cpuByService readings. */
function cpuPerMessage(before: Map<string, number>, after: Map<string, number>, messages: number): string {
  return [...after]
    .map(([k, v]) => [k.replace(/\/main$/, ''), ((v - (before.get(k) ?? 0)) * 1000) / messages] as const)
    .filter(([, ms]) => ms >= 0.05)
    .sort((a, b) => b[1] - a[1])
    .map(([k, ms]) => `${k} ${ms.toFixed(1)}`)
    .join(', ');
}

let middle = 0;
/** A mobile number ending in `last4`: the simulator's outcome (SPEC §8); 1234 delivers. */
const mobile = (last4 = '1234') => `010-${2000 + (middle++ % 8000)}-${last4}`;

const sms = (to: string, i: number) => ({ type: 'sms', to, text: `[벤치상점] 주문 ${i} 접수` });

/** Waits until all `ids` are final; first acceptance and last final status. */
async function drained(db: Db, ids: string[], what: string): Promise<{ firstCreated: number; lastFinal: number }> {
  const until = Date.now() + DRAIN_TIMEOUT_MS;
  for (let lastDone = -1; ;) {
    const { rows } = await db.raw(
      `SELECT count(*) FILTER (WHERE finalized_at IS NOT NULL) AS done, min(created_at) AS first, max(finalized_at) AS last
         FROM messages WHERE id = ANY(?)`,
      [ids],
    );
    const done = Number(rows[0].done);
    if (done === ids.length) return { firstCreated: +rows[0].first, lastFinal: +rows[0].last };
    if (Date.now() > until) throw new Error(`${what}: ${ids.length - done} not final after ${DRAIN_TIMEOUT_MS} ms`);
    if (done !== lastDone) log(`  ${what}: ${fmt(done, 0)} / ${fmt(ids.length, 0)} final`);
    lastDone = done;
    await delay(3_000);
  }
}

/** Waits until all `ids` went out to the carrier and wait for its result (the 9004 carrier never reports). */
async function parked(db: Db, ids: string[]): Promise<void> {
  const until = Date.now() + DRAIN_TIMEOUT_MS;
  for (;;) {
    const { rows } = await db.raw(
      `SELECT count(DISTINCT a.message_id) AS sent FROM message_attempts a WHERE a.message_id = ANY(?) AND a.status = 'sent'`,
      [ids],
    );
    if (Number(rows[0].sent) === ids.length) return;
    if (Date.now() > until) throw new Error(`${ids.length - Number(rows[0].sent)} messages not parked`);
    await delay(2_000);
  }
}

interface Api {
  // The few fields of the API's answers this benchmark reads.
  call(method: string, p: string, key: string, body?: unknown): Promise<{ status: number; body: Answer }>;
}

interface Answer {
  id: string;
  apiKey: string;
  senderNumbers: { id: string }[];
  accepted: { index: number; id: string }[];
  rejected?: unknown[];
}

async function historyEvents(client: Client, messageId: string): Promise<{ total: number; byType: string }> {
  const history = await client.workflow.getHandle(messageWorkflowId(messageId)).fetchHistory();
  const counts = new Map<string, number>();
  for (const e of history.events ?? []) {
    const name = (temporal.api.enums.v1.EventType[e.eventType ?? 0] ?? 'unknown').replace(/^EVENT_TYPE_/, '');
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return {
    total: history.events?.length ?? 0,
    byType: [...counts].map(([k, v]) => `${k.toLowerCase()} ${v}`).join(', '),
  };
}

async function main() {
  if (process.env.BENCH_BUILD !== '0') {
    log('building (npm run build) …');
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  }
  const { dataDir, env, ports } = await prepareLaunch('bench', {
    RESULT_WINDOW: '48h',
    KAKAO_RESULT_TIMEOUT: '30s',
    // The limiter stays on the path (one PostgreSQL statement per request) without refusing the load.
    RATE_LIMIT_PER_SECOND: '1000000',
  });
  const load0 = os.loadavg();
  log(`starting the platform, compiled (data in ${dataDir}); load average ${load0.map((l) => l.toFixed(2)).join(' ')}`);
  const platform: Launched = launch(env, { compiled: true });
  let db: Db | undefined;
  try {
    await waitUntilUp(platform, 180_000);
    const launcher = platform.child.pid!;
    const workerPid = childProcess(launcher, 'workers/main');
    const base = `http://127.0.0.1:${ports.api}`;
    const operatorKey = fs.readFileSync(path.join(dataDir, 'operator-key'), 'utf8').trim();
    db = createDb(embeddedPostgresUrl(ports.postgres, 'bizmsg'), { max: 2 });
    const api: Api = {
      async call(method, p, key, body) {
        const res = await fetch(base + p, {
          method,
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        return { status: res.status, body: (await res.json()) as Answer };
      },
    };

    // A merchant without a webhook, with an active contract, a verified sender number and an approved template.
    const merchant = (
      await api.call('POST', '/v1/merchants', operatorKey, {
        businessRegistrationNumber: '124-81-00998',
        name: '벤치상점',
        representative: '홍길동',
        address: '서울',
        kakaoSearchId: '@bench',
      })
    ).body;
    const key: string = merchant.apiKey;
    const pdf = Buffer.from('%PDF-1.4 bench').toString('base64');
    const contract = (
      await api.call('POST', '/v1/contracts', key, {
        services: { sms: true, lms: true, alimtalk: true, fallbackSms: true },
        senderNumbers: [{ number: '02-2345-6789', proofDocument: { fileName: 'p.pdf', contentBase64: pdf } }],
      })
    ).body;
    await api.call('POST', `/v1/contracts/${contract.id}/approve`, operatorKey, {
      fees: { paymentNotice: 8, sms: 9, lms: 25, alimtalk: 7.5, friendtalkText: 12, friendtalkImage: 20 },
    });
    await api.call('POST', `/v1/sender-numbers/${contract.senderNumbers[0].id}/verify`, operatorKey, {});
    await api.call('POST', '/v1/templates', key, { code: 'BENCH', text: '#{name}님 주문이 접수되었습니다.' });
    await delay(2_000);

    const send = async (body: unknown): Promise<string> => {
      const res = await api.call('POST', '/v1/messages', key, body);
      if (res.status !== 202) throw new Error(`refused: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.id;
    };
    const singles = async (n: number, body: (i: number) => unknown) => {
      const ids: string[] = [];
      const run = await load(n, CONCURRENCY, async (i) => void ids.push(await send(body(i))));
      return { ids, ...run };
    };

    // Warm-up (connections, JIT), and one delivered SMS and AlimTalk to count their history events.
    log('warming up …');
    const smsId = await send(sms(mobile(), 0));
    const alimtalkId = await send({
      type: 'alimtalk',
      to: mobile(),
      templateCode: 'BENCH',
      variables: { name: '고객' },
    });
    const warm = await singles(300, (i) => sms(mobile(), i));
    await drained(db, [smsId, alimtalkId, ...warm.ids], 'warm-up');

    // P2 (batch) — one request of BATCH messages.
    log(`P2: one batch of ${fmt(BATCH, 0)} …`);
    const batchItems = Array.from({ length: BATCH }, (_, i) => sms(mobile(), i));
    const cpuBatch0 = cpuByService(launcher);
    const t0 = performance.now();
    const batchRes = await api.call('POST', '/v1/messages/batch', key, { messages: batchItems });
    const batchSeconds = (performance.now() - t0) / 1000;
    const cpuBatch1 = cpuByService(launcher);
    if (batchRes.status !== 202 || batchRes.body.accepted.length !== BATCH)
      throw new Error(`batch: ${batchRes.status}, ${batchRes.body.rejected?.length} rejected`);
    const batchDrain = await drained(
      db,
      batchRes.body.accepted.map((a: { id: string }) => a.id),
      'batch',
    );

    // P1, P2 (singles), P4 — N single sends at CONCURRENCY, then until all are final.
    log(`P1/P2/P4: ${fmt(N, 0)} single sends, ${CONCURRENCY} concurrent …`);
    const cpu0 = cpuByService(launcher);
    const single = await singles(N, (i) => sms(mobile(), i));
    const cpu1 = cpuByService(launcher);
    log(`  accepted in ${fmt(single.seconds)} s`);
    const singleDrain = await drained(db, single.ids, 'single sends');
    const cpu2 = cpuByService(launcher);
    const messagesPerSecond = N / ((singleDrain.lastFinal - singleDrain.firstCreated) / 1000);

    // P1 yardstick — N bare one-activity workflows on the same Temporal server.
    log(`P1: ${fmt(N, 0)} bare workflows, ${CONCURRENCY} concurrent starts …`);
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
    let bareFirst = Infinity;
    let bareLast = 0;
    const results: Promise<void>[] = [];
    await load(N, CONCURRENCY, async (i) => {
      bareFirst = Math.min(bareFirst, Date.now());
      const handle = await client.workflow.start(BareWorkflow, {
        taskQueue: 'bench-bare',
        workflowId: `bare-${i}-${Date.now()}`,
        args: [i],
      });
      results.push(handle.result().then(() => void (bareLast = Math.max(bareLast, Date.now()))));
    });
    await Promise.all(results);
    worker.shutdown();
    await running;
    await connection.close();
    const barePerSecond = N / ((bareLast - bareFirst) / 1000);
    const cpuBare = cpuByService(launcher);

    const events = { sms: await historyEvents(client, smsId), alimtalk: await historyEvents(client, alimtalkId) };

    // P3 — latency probe idle, then PARKED messages parked in their 48-hour result window, then the probe again.
    log(`P3: probe of ${fmt(PROBE, 0)} single sends, idle …`);
    const idle = await singles(PROBE, (i) => sms(mobile(), i));
    await drained(db, idle.ids, 'idle probe');
    const rss: { parked: number; workerMb: number }[] = [{ parked: 0, workerMb: rssMb(workerPid) }];
    const step = Math.ceil(PARKED / PARK_STEPS);
    for (let parkedSoFar = 0; parkedSoFar < PARKED;) {
      const n = Math.min(step, PARKED - parkedSoFar);
      const res = await api.call('POST', '/v1/messages/batch', key, {
        messages: Array.from({ length: n }, (_, i) => sms(mobile('9004'), i)),
      });
      if (res.status !== 202 || res.body.accepted.length !== n) throw new Error(`parking batch: ${res.status}`);
      await parked(
        db,
        res.body.accepted.map((a: { id: string }) => a.id),
      );
      parkedSoFar += n;
      await delay(5_000);
      rss.push({ parked: parkedSoFar, workerMb: rssMb(workerPid) });
      log(`  ${fmt(parkedSoFar, 0)} parked; worker RSS ${fmt(rss.at(-1)!.workerMb, 0)} MB`);
    }
    log(`P3: probe of ${fmt(PROBE, 0)} single sends, ${fmt(PARKED, 0)} parked …`);
    const busy = await singles(PROBE, (i) => sms(mobile(), i));
    await drained(db, busy.ids, 'parked probe');
    rss.push({ parked: PARKED, workerMb: rssMb(workerPid) });
    await client.connection.close();

    const load1 = os.loadavg();
    const p = (xs: number[], q: number) => percentile(xs, q);
    const ratio = (a: number, b: number) => (a / b).toFixed(2);
    const goal = (ok: boolean) => (ok ? 'met' : 'NOT met');
    const maxRss = Math.max(...rss.map((r) => r.workerMb));
    const growth = rss.at(-1)!.workerMb - rss[1].workerMb;
    const lines = [
      '',
      `bizmsg benchmark — ${os.cpus().length} cores, everything on one machine; load average ${load0.map((l) => l.toFixed(1)).join('/')} at start, ${load1.map((l) => l.toFixed(1)).join('/')} at end`,
      '',
      `P1 completed/s          messages ${fmt(messagesPerSecond)}  bare workflows ${fmt(barePerSecond)}  ratio ${ratio(messagesPerSecond, barePerSecond)}  (goal ≥ 0.7: ${goal(messagesPerSecond / barePerSecond >= 0.7)})`,
      `P2 ${fmt(BATCH, 0)} messages accepted  one batch ${fmt(batchSeconds, 2)} s  ${fmt(N, 0)} single sends ${fmt(single.seconds, 1)} s  → ${fmt((single.seconds * (BATCH / N)) / batchSeconds, 1)}× faster  (goal ≥ 20×: ${goal((single.seconds * (BATCH / N)) / batchSeconds >= 20)})`,
      `P3 worker RSS            ${rss.map((r) => `${fmt(r.parked, 0)} parked ${fmt(r.workerMb, 0)} MB`).join(', ')}  (goal ≤ 400 MB and flat: ${goal(maxRss <= 400)}, +${fmt(growth, 0)} MB from ${fmt(rss[1].parked, 0)} to ${fmt(PARKED, 0)} parked)`,
      `P3 single-send p99       idle ${fmt(p(idle.latencies, 99))} ms  with ${fmt(PARKED, 0)} parked ${fmt(p(busy.latencies, 99))} ms  ratio ${ratio(p(busy.latencies, 99), p(idle.latencies, 99))}  (goal ≤ 1.2: ${goal(p(busy.latencies, 99) / p(idle.latencies, 99) <= 1.2)})`,
      `P4 single-send latency   p50 ${fmt(p(single.latencies, 50))} ms  p99 ${fmt(p(single.latencies, 99))} ms  at ${CONCURRENCY} concurrent, ${fmt(N / single.seconds)} accepted/s  (goal p50 ≤ 30 ms: ${goal(p(single.latencies, 50) <= 30)})`,
      `CPU ms per message       single sends, acceptance: ${cpuPerMessage(cpu0, cpu1, N)}`,
      `                         single sends, acceptance to final: ${cpuPerMessage(cpu0, cpu2, N)}`,
      `                         batch acceptance: ${cpuPerMessage(cpuBatch0, cpuBatch1, BATCH)}`,
      `                         bare workflows: ${cpuPerMessage(cpu2, cpuBare, N)}`,
      `history events           delivered SMS ${events.sms.total} (${events.sms.byType})`,
      `                         delivered AlimTalk ${events.alimtalk.total} (${events.alimtalk.byType})`,
      `also                     batch of ${fmt(BATCH, 0)}: all final ${fmt((batchDrain.lastFinal - batchDrain.firstCreated) / 1000)} s after acceptance (${fmt(BATCH / ((batchDrain.lastFinal - batchDrain.firstCreated) / 1000))} completed/s)`,
      '',
    ];
    console.log(lines.join('\n'));
  } finally {
    await db?.destroy();
    await stopLaunched(platform);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

runProcess(main);
