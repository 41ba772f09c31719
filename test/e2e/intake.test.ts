/**
 * Intake at platform scale (issue 13, SPEC §7) over HTTP: batches of up to 10,000 messages in one
 * durable write, the batch-level Idempotency-Key, the per-key rate limit shared by several API
 * processes, and dependency outages answered 503 `service_unavailable` with Retry-After — never 500.
 *
 * The API's Temporal link is cut for the batch tests: acceptance does not need Temporal, and the
 * 10,000 messages stay in the outbox instead of running 10,000 workflows here.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../api/app';
import { errorHandler } from '../../api/errors';
import { CommitOutcomeUnknown, createDb, transaction, type Db } from '../../platform/db';
import { createLogger } from '../../platform/logger';
import { activeContract, approvedTemplate, createMerchant, type ActiveContract } from '../support/api-fixtures';
import {
  apiClient,
  OPERATOR_KEY,
  startPlatformWithTemporalLink,
  type ApiClient,
  type TestPlatform,
} from '../support/platform';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { testConfig } from '../support/worker';

let platform: TestPlatform;
let merchant: ActiveContract;
let temporalLink: TcpProxy;
const servers: Server[] = [];
const dbs: Db[] = [];

let middle = 2000 + Math.floor(Math.random() * 7000);
const mobile = (last4 = '1234') => `010-${String(middle++ % 10_000).padStart(4, '0')}-${last4}`;

beforeAll(async () => {
  ({ platform, temporalLink } = await startPlatformWithTemporalLink());
  merchant = await activeContract(platform.api);
  await approvedTemplate(platform.api, merchant.merchant.apiKey, 'ORDER', '#{name}님, 주문이 접수되었습니다.');
  temporalLink.cut();
}, 120_000);

afterAll(async () => {
  try {
    // The accepted messages were never meant to run here.
    await platform?.db('workflow_starts').delete();
    temporalLink?.restore();
    for (const s of servers) {
      s.closeAllConnections();
      await new Promise((resolve) => s.close(resolve));
    }
    for (const db of dbs) await db.destroy();
  } finally {
    await platform?.close();
    await temporalLink?.close();
  }
}, 60_000);

const batch = (messages: unknown[], headers?: Record<string, string>) =>
  platform.api.call('POST', '/v1/messages/batch', { key: merchant.merchant.apiKey, body: { messages }, headers });

const messageCount = async () =>
  Number((await platform.db('messages').where({ merchant_id: merchant.merchant.id }).count())[0].count);

/** Another API process on the same database (in this process: its own app, limiter and outbox). */
async function anotherApi(db: Db, settings: NodeJS.ProcessEnv = {}): Promise<ApiClient> {
  const app = createApp({
    db,
    temporal: platform.env.client,
    config: testConfig({ OPERATOR_API_KEY: OPERATOR_KEY, ...settings }),
    logger: createLogger('test-api-2', 'silent'),
    operatorKey: OPERATOR_KEY,
    outbox: { wake: () => {} },
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  servers.push(server);
  return apiClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
}

describe('POST /v1/messages/batch', () => {
  it('accepts 10,000 messages in one call (202, each with its id) and stores each with its outbox entry', async () => {
    const before = await messageCount();
    const messages = Array.from({ length: 10_000 }, (_, i) =>
      i % 2
        ? { type: 'sms', to: mobile(), text: `[바른상점] 주문 ${i} 접수` }
        : { type: 'alimtalk', to: mobile(), templateCode: 'ORDER', variables: { name: `고객${i}` } },
    );
    const key = `big-${Date.now()}`;
    const t0 = Date.now();
    const res = await batch(messages, { 'Idempotency-Key': key });
    const ms = Date.now() - t0;
    expect(res.status).toBe(202);
    expect(res.body.rejected).toEqual([]);
    expect(res.body.accepted).toHaveLength(10_000);
    expect(res.body.accepted.map((a: { index: number }) => a.index)).toEqual(messages.map((_, i) => i));
    expect(new Set(res.body.accepted.map((a: { id: string }) => a.id)).size).toBe(10_000);
    expect(await messageCount()).toBe(before + 10_000);
    const ids = res.body.accepted.map((a: { id: string }) => `message-${a.id}`);
    expect(Number((await platform.db('workflow_starts').whereIn('workflow_id', ids).count())[0].count)).toBe(10_000);
    console.log(`10,000-message batch accepted in ${ms} ms`);

    // The same batch with the same key: the same answer, nothing new.
    const again = await batch(messages, { 'Idempotency-Key': key });
    expect(again.status).toBe(202);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(res.body);
    expect(await messageCount()).toBe(before + 10_000);
  }, 110_000);

  it('answers a repeated Idempotency-Key with the first answer, rejections included, creating nothing', async () => {
    const key = `small-${Date.now()}`;
    const messages = [
      { type: 'sms', to: mobile(), text: '첫 번째 안내' },
      { type: 'sms', to: mobile(), text: '가'.repeat(41) },
      { type: 'sms', to: '010-12', text: '세 번째 안내' },
    ];
    const first = await batch(messages, { 'Idempotency-Key': key });
    expect(first.status).toBe(202);
    expect(first.body.accepted.map((a: { index: number }) => a.index)).toEqual([0]);
    expect(first.body.rejected.map((r: { index: number; error: { code: string } }) => [r.index, r.error.code])).toEqual(
      [
        [1, 'sms_too_long'],
        [2, 'invalid_recipient'],
      ],
    );
    const count = await messageCount();
    const again = await batch(messages, { 'Idempotency-Key': key });
    expect(again.body).toEqual(first.body);
    expect(await messageCount()).toBe(count);

    const other = await batch([{ type: 'sms', to: mobile(), text: '다른 안내' }], { 'Idempotency-Key': key });
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('idempotency_key_reused');
    expect(await messageCount()).toBe(count);
  });

  it('stores one batch when the same batch with the same key arrives twice at once', async () => {
    const key = `race-${Date.now()}`;
    const messages = Array.from({ length: 200 }, () => ({ type: 'sms', to: mobile(), text: '동시 안내' }));
    const count = await messageCount();
    const [a, b] = await Promise.all([
      batch(messages, { 'Idempotency-Key': key }),
      batch(messages, { 'Idempotency-Key': key }),
    ]);
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(a.body).toEqual(b.body);
    expect(await messageCount()).toBe(count + 200);
  });

  it('treats items repeating an Idempotency-Key of an earlier request, or of an earlier item, as that message', async () => {
    const key = `item-${Date.now()}`;
    const item = { type: 'sms', to: mobile(), text: '한 번만', idempotencyKey: key };
    const first = await batch([item, item, { ...item, text: '다른 내용' }]);
    expect(first.body.accepted).toEqual([
      { index: 0, id: expect.stringMatching(/^msg_/) },
      { index: 1, id: first.body.accepted[0].id },
    ]);
    expect(first.body.rejected).toEqual([
      { index: 2, error: expect.objectContaining({ code: 'idempotency_key_reused' }) },
    ]);
    const single = await platform.api.call('POST', '/v1/messages', {
      key: merchant.merchant.apiKey,
      body: { type: item.type, to: item.to, text: item.text },
      headers: { 'Idempotency-Key': key },
    });
    expect(single.body.id).toBe(first.body.accepted[0].id);
    expect(single.headers.get('idempotent-replayed')).toBe('true');
  });

  it('refuses more than 10,000 items with 400 and accepts none', async () => {
    const count = await messageCount();
    const res = await batch(Array.from({ length: 10_001 }, () => ({ type: 'sms', to: mobile(), text: '안내' })));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
    expect(await messageCount()).toBe(count);
  }, 60_000);
});

describe('the per-key rate limit', () => {
  it('holds across API processes: they share one bucket per key', async () => {
    const [one, two] = await Promise.all([
      anotherApi(platform.db, { RATE_LIMIT_PER_SECOND: '1' }),
      anotherApi(platform.db, { RATE_LIMIT_PER_SECOND: '1' }),
    ]);
    const key = (await createMerchant(platform.api)).apiKey;
    // A burst of 2 (twice the rate) for the key, whichever process answers.
    const statuses = [];
    for (const api of [one, two, one, two]) statuses.push((await api.call('GET', '/v1/messages', { key })).status);
    expect(statuses.slice(0, 2)).toEqual([200, 200]);
    expect(statuses.slice(2)).toContain(429);
    const refused = await two.call('GET', '/v1/messages', { key });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });
});

describe('dependency outages', () => {
  it('answers 503 service_unavailable with Retry-After while PostgreSQL cannot be reached, never 500', async () => {
    const url = new URL((platform.db.client.config.connection as { connectionString: string }).connectionString);
    const link = await startTcpProxy(`${url.hostname}:${url.port || 5432}`);
    try {
      url.hostname = '127.0.0.1';
      url.port = String(link.port);
      const db = createDb(url.toString(), { max: 2 });
      dbs.push(db);
      const api = await anotherApi(db);
      const body = { type: 'sms', to: mobile(), text: '안내' };
      const ok = await api.call('POST', '/v1/messages', { key: merchant.merchant.apiKey, body });
      expect(ok.status).toBe(202);

      link.cut();
      const res = await api.call('POST', '/v1/messages', {
        key: merchant.merchant.apiKey,
        body,
        headers: { 'Idempotency-Key': `outage-${Date.now()}` },
      });
      expect(res.status).toBe(503);
      expect(res.body.error).toMatchObject({ code: 'service_unavailable', details: { dependency: 'database' } });
      expect(res.headers.get('retry-after')).toBe('2');
      link.restore();
      expect((await api.call('POST', '/v1/messages', { key: merchant.merchant.apiKey, body })).status).toBe(202);
    } finally {
      await link.close();
    }
  });

  it('answers 503 service_unavailable while Temporal cannot be reached, for what needs it', async () => {
    temporalLink.cut();
    const applied = await platform.api.call('POST', '/v1/contracts', {
      key: (await createMerchant(platform.api)).apiKey,
      body: {
        services: { sms: true },
        senderNumbers: [
          {
            number: '02-2345-6789',
            proofDocument: { fileName: 'p.pdf', contentBase64: Buffer.from('%PDF-1.4').toString('base64') },
          },
        ],
      },
    });
    expect(applied.status).toBe(503);
    expect(applied.body.error).toMatchObject({ code: 'service_unavailable', details: { dependency: 'temporal' } });
    expect(applied.headers.get('retry-after')).toBe('2');
  });

  it('says so when the connection is lost while committing: the outcome is unknown, retrying with the key is safe', async () => {
    const url = (platform.db.client.config.connection as { connectionString: string }).connectionString;
    const [db, other] = [createDb(url, { max: 1 }), createDb(url, { max: 1 })];
    dbs.push(db, other);
    const lost = transaction(db, async (trx) => {
      const { rows } = await trx.raw('select pg_backend_pid() as pid');
      await trx.raw('select 1');
      // The server ends this session just before COMMIT is sent.
      await other.raw('select pg_terminate_backend(?)', [rows[0].pid]);
    });
    await expect(lost).rejects.toBeInstanceOf(CommitOutcomeUnknown);

    const err = await lost.catch((e: unknown) => e);
    const res = answerOf(err);
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('2');
    expect(res.body.error).toMatchObject({
      code: 'service_unavailable',
      details: { dependency: 'database', outcome: 'unknown' },
    });
    expect(res.body.error.message).toMatch(/may or may not have taken effect.*same Idempotency-Key/);
  });
});

/** What the API's error handler answers for `err`. */
function answerOf(err: unknown): { status: number; headers: Record<string, string>; body: any } {
  const out = { status: 0, headers: {} as Record<string, string>, body: undefined as any };
  const res = {
    setHeader: (k: string, v: string) => (out.headers[k.toLowerCase()] = v),
    status: (s: number) => ((out.status = s), res),
    json: (b: unknown) => (out.body = b),
  };
  errorHandler(createLogger('test', 'silent'))(
    err,
    { method: 'POST', path: '/v1/messages' } as never,
    res as never,
    () => {},
  );
  return out;
}
