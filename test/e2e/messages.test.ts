/**
 * Messaging end to end, the way a merchant's developer meets it: over HTTP against the real API,
 * the real workers on a Temporal dev server, PostgreSQL and the carrier simulator (SPEC §2, §4, §7,
 * §8). Besides the API, the tests look only at what a user cannot see: the simulator's record of
 * sends (/_sim/*), usage records and webhook deliveries in the database, and Temporal's visibility.
 *
 * Timers are short: the Kakao result timeout is 1 s, the result window ("48 h") is 5 s, and the send
 * deadlines (SPEC §4) are 2 s for Kakao and 3 s for SMS/LMS.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { temporal } from '@temporalio/proto';
import { verify } from '../../platform/signature';
import {
  activeContract,
  approvedTemplate,
  createMerchant,
  finalMessage,
  MESSAGING_SERVICES,
  PROOF_PDF_BASE64,
  type ActiveContract,
} from '../support/api-fixtures';
import { png } from '../support/images';
import { eventually, startTestPlatform, type ApiResponse, type TestPlatform } from '../support/platform';
import { configureSimulator, simulatorSends, simulatorStatus } from '../support/simulator';

const KAKAO_RESULT_TIMEOUT_MS = 1_000;
const RESULT_WINDOW_MS = 5_000;

let platform: TestPlatform;
/** The merchant most tests send as: every messaging service, sender number 02-2345-6789. */
let main: ActiveContract;
/** A second merchant, with its own sender number 031-234-5678. */
let other: ActiveContract;
const servers: Server[] = [];

const TEMPLATE = { code: 'ORDER_OK', text: '#{name}님, 주문 #{order}이(가) 접수되었습니다.' };
const ORDER_VARIABLES = { name: '홍길동', order: 'A-1' };
const KST_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?\+09:00$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

// --- helpers ---

let middle = 2000 + Math.floor(Math.random() * 7000);
/** A fresh mobile number ending in `last4` (the simulator's test numbers decide by the last 4 digits). */
const mobile = (last4 = '1234') => `010-${String(middle++).padStart(4, '0')}-${last4}`;
const digitsOf = (phone: string) => phone.replace(/-/g, '');

interface Attempt {
  channel: string;
  status: string;
  providerMessageId: string | null;
  resultCode: string | null;
  note: string | null;
  at: string;
}

const send = (key: string, body: Record<string, unknown>, headers?: Record<string, string>) =>
  platform.api.call('POST', '/v1/messages', { key, body, headers });

async function accept(key: string, body: Record<string, unknown>): Promise<string> {
  const res = await send(key, body);
  if (res.status !== 202) throw new Error(`message not accepted: ${res.status} ${JSON.stringify(res.body)}`);
  expect(res.body).toEqual({ id: expect.stringMatching(/^msg_/), status: 'accepted' });
  return res.body.id;
}

const simSends = (to: string) => simulatorSends(platform.simulator.url, to);

const usageOf = (messageId: string) =>
  platform.db('usage_records').where({ message_id: messageId }).select('usage_type', 'channel');

const messageCount = async (merchantId: string) =>
  (await platform.db('messages').where({ merchant_id: merchantId }).pluck('id')).length;

/** What a stuck message's workflow did, for the failure message of a test that timed out. */
async function diagnose(id: string): Promise<string> {
  const row = await platform.db('messages').where({ id }).first('status', 'type', 'recipient');
  const attempts = await platform
    .db('message_attempts')
    .where({ message_id: id })
    .orderBy('seq')
    .select('seq', 'channel', 'status', 'at');
  let events: string[];
  try {
    const history = await platform.env.client.workflow.getHandle(`message-${id}`).fetchHistory();
    events = (history.events ?? []).map((e) => {
      const failure =
        e.activityTaskFailedEventAttributes?.failure?.message ?? e.workflowTaskFailedEventAttributes?.failure?.message;
      return `${temporal.api.enums.v1.EventType[e.eventType ?? 0]}${failure ? ` (${failure})` : ''}`;
    });
  } catch (err) {
    events = [`no history: ${(err as Error).message}`];
  }
  const sends = row?.recipient ? await simSends(row.recipient) : [];
  return JSON.stringify({ row, attempts, sends, events }, null, 1);
}

/** finalMessage, explaining what the workflow did when the message does not finish in time. */
async function final(key: string, id: string, timeoutMs = 30_000) {
  try {
    return await finalMessage(platform.api, key, id, timeoutMs);
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${await diagnose(id)}`, { cause: err });
  }
}

/** The timeline as "channel:status" steps. */
/** A final message to `010-****-<last4>` as the API shows it. */
const finalTo = (last4: string, status: string, deliveredVia: string | null, failureReason: string | null = null) => ({
  to: `010-****-${last4}`,
  status,
  deliveredVia,
  failureReason,
});
const steps = (m: { attempts: Attempt[] }) => m.attempts.map((a) => `${a.channel}:${a.status}`);
const entry = (m: { attempts: Attempt[] }, step: string) =>
  m.attempts.find((a) => `${a.channel}:${a.status}` === step)!;

const alimtalk = (to: string) => ({
  type: 'alimtalk',
  to,
  templateCode: TEMPLATE.code,
  variables: ORDER_VARIABLES,
  fallback: { enabled: true },
});
const ORDER_TEXT = '홍길동님, 주문 A-1이(가) 접수되었습니다.';

const AD_TEXT = '(광고) 바른상점 봄 신상품 안내. 무료수신거부 080-123-4567';

function listen(server: Server): Promise<string> {
  servers.push(server);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}

/** A merchant's webhook endpoint; `answer` sees each delivery and says the HTTP status to answer it with. */
function webhookEndpoint(answer: (headers: IncomingHttpHeaders, body: string) => number): Promise<string> {
  return listen(
    createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        const status = answer(req.headers, body);
        res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'temporarily broken');
      });
    }),
  );
}

// --- the platform ---

beforeAll(async () => {
  platform = await startTestPlatform({
    kakaoResultTimeout: `${KAKAO_RESULT_TIMEOUT_MS}ms`,
    resultWindow: `${RESULT_WINDOW_MS}ms`,
  });
  [main, other] = await Promise.all([
    activeContract(platform.api),
    activeContract(platform.api, { senderNumbers: ['031-234-5678'] }),
  ]);
  await Promise.all([
    approvedTemplate(platform.api, main.merchant.apiKey, TEMPLATE.code, TEMPLATE.text),
    approvedTemplate(platform.api, other.merchant.apiKey, TEMPLATE.code, TEMPLATE.text),
  ]);
}, 120_000);

afterAll(async () => {
  for (const s of servers) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
  await platform?.close();
}, 60_000);

describe('an AlimTalk with fallback to each of the simulator’s test numbers (SPEC §8)', () => {
  const to: Record<string, string> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    for (const last4 of ['1234', '9001', '9002', '9003', '9004', '9005', '9006']) to[last4] = mobile(last4);
    await Promise.all(
      Object.entries(to).map(
        async ([last4, number]) => (ids[last4] = await accept(main.merchant.apiKey, alimtalk(number))),
      ),
    );
  });

  const finalOf = (last4: string) => final(main.merchant.apiKey, ids[last4], 20_000);

  it('any other number: delivered by Kakao, shown with a masked recipient and a KST timeline, billed once as AlimTalk', async () => {
    const m = await finalOf('1234');
    expect(m).toMatchObject({
      id: ids['1234'],
      type: 'alimtalk',
      to: `010-****-1234`,
      status: 'delivered',
      deliveredVia: 'alimtalk',
      failureReason: null,
      fallback: { channel: 'sms' },
    });
    expect(steps(m)).toEqual(['alimtalk:sent', 'alimtalk:delivered']);
    const [sent, delivered] = m.attempts as Attempt[];
    expect(sent.providerMessageId).toMatch(/^kko_/);
    expect(delivered).toMatchObject({ providerMessageId: sent.providerMessageId, resultCode: '0000' });
    for (const t of [m.createdAt, m.finalizedAt, ...m.attempts.map((a: Attempt) => a.at)]) expect(t).toMatch(KST_TIME);
    expect(JSON.stringify(m)).not.toContain(digitsOf(to['1234']));
    expect(await usageOf(ids['1234'])).toEqual([{ usage_type: 'alimtalk', channel: 'alimtalk' }]);
    const sends = await simSends(to['1234']);
    expect(sends).toHaveLength(1);
    expect(sends[0]).toMatchObject({ provider: 'kakao', type: 'alimtalk', text: ORDER_TEXT });
  });

  it('9001 (not a KakaoTalk user): Kakao fails at once, the SMS fallback delivers, billed once as SMS', async () => {
    const m = await finalOf('9001');
    expect(m).toMatchObject(finalTo('9001', 'delivered', 'sms'));
    expect(steps(m)).toEqual(['alimtalk:sent', 'alimtalk:failed', 'sms:sent', 'sms:delivered']);
    expect(entry(m, 'alimtalk:failed').resultCode).toBe('3018');
    expect(entry(m, 'sms:sent').providerMessageId).toMatch(/^sms_/);
    expect(entry(m, 'sms:delivered')).toMatchObject({
      providerMessageId: entry(m, 'sms:sent').providerMessageId,
      resultCode: '1000',
    });
    expect(await usageOf(ids['9001'])).toEqual([{ usage_type: 'sms', channel: 'sms' }]);
    const sms = (await simSends(to['9001'])).filter((s) => s.provider === 'sms');
    expect(sms).toEqual([expect.objectContaining({ type: 'sms', from: '0223456789', text: ORDER_TEXT })]);
  });

  it('9002 (Kakao never reports): the SMS fallback goes out after the Kakao timeout and delivers', async () => {
    const m = await finalOf('9002');
    expect(m).toMatchObject(finalTo('9002', 'delivered', 'sms'));
    expect(steps(m)).toEqual(['alimtalk:sent', 'alimtalk:no_result', 'sms:sent', 'sms:delivered']);
    const waited = Date.parse(entry(m, 'sms:sent').at) - Date.parse(entry(m, 'alimtalk:sent').at);
    expect(waited).toBeGreaterThanOrEqual(KAKAO_RESULT_TIMEOUT_MS - 50);
    expect(await usageOf(ids['9002'])).toEqual([{ usage_type: 'sms', channel: 'sms' }]);
  });

  it('9003 (carrier rejects the number): failed with carrier_rejected, nothing billed', async () => {
    const m = await finalOf('9003');
    expect(m).toMatchObject(finalTo('9003', 'failed', null, 'carrier_rejected'));
    expect(steps(m)).toEqual(['alimtalk:sent', 'alimtalk:failed', 'sms:sent', 'sms:failed']);
    expect(entry(m, 'sms:failed').resultCode).toBe('2003');
    expect(m.finalizedAt).toMatch(KST_TIME);
    expect(await usageOf(ids['9003'])).toEqual([]);
  });

  it('9004 (carrier never reports): failed with result_timeout once the result window is over, nothing billed', async () => {
    const m = await finalOf('9004');
    expect(m).toMatchObject(finalTo('9004', 'failed', null, 'result_timeout'));
    expect(steps(m)).toEqual(['alimtalk:sent', 'alimtalk:failed', 'sms:sent', 'sms:no_result']);
    expect(Date.parse(m.finalizedAt) - Date.parse(entry(m, 'sms:sent').at)).toBeGreaterThanOrEqual(
      RESULT_WINDOW_MS - 250,
    );
    expect(await usageOf(ids['9004'])).toEqual([]);
  });

  it('9005 (Kakao succeeds after its timeout): delivered via the SMS fallback, the late Kakao success on the timeline, billed once as SMS', async () => {
    const m = await finalOf('9005');
    expect(m).toMatchObject({ to: '010-****-9005', status: 'delivered', failureReason: null });
    const settled = await eventually(
      async () => {
        const res = await platform.api.call('GET', `/v1/messages/${ids['9005']}`, { key: main.merchant.apiKey });
        const done = steps(res.body);
        return done.includes('alimtalk:late_delivered') &&
          done.some((s) => s === 'sms:delivered' || s === 'sms:late_delivered')
          ? res.body
          : undefined;
      },
      15_000,
      'both successes on the timeline',
    );
    expect(entry(settled, 'alimtalk:late_delivered')).toMatchObject({
      providerMessageId: entry(settled, 'alimtalk:sent').providerMessageId,
      resultCode: '0000',
    });
    // SPEC §4: the channel whose success was reported first. The simulator reports Kakao's success 1 s
    // after the Kakao timeout, the fallback's within 200 ms of its send: SMS, unless the machine is so
    // loaded that the fallback took more than a second to go out.
    const reportedAt = async (provider: 'kakao' | 'sms', id: string) =>
      Date.parse((await simulatorStatus(platform.simulator.url, provider, id)).reportedAt!);
    const kakaoAt = await reportedAt('kakao', entry(settled, 'alimtalk:sent').providerMessageId!);
    const smsAt = await reportedAt('sms', entry(settled, 'sms:sent').providerMessageId!);
    const first = smsAt < kakaoAt ? 'sms' : 'alimtalk';
    expect(settled).toMatchObject({ status: 'delivered', deliveredVia: first });
    if (first === 'sms')
      expect(steps(settled)).toEqual([
        'alimtalk:sent',
        'alimtalk:no_result',
        'sms:sent',
        'sms:delivered',
        'alimtalk:late_delivered',
      ]);
    expect(await usageOf(ids['9005'])).toEqual([{ usage_type: first, channel: first }]);
  });

  it('9006 (provider answers 503 once): retried with the same key, sent once, delivered by Kakao', async () => {
    const m = await finalOf('9006');
    expect(m).toMatchObject(finalTo('9006', 'delivered', 'alimtalk'));
    expect(steps(m)).toEqual(['alimtalk:sent', 'alimtalk:delivered']);
    expect(await usageOf(ids['9006'])).toEqual([{ usage_type: 'alimtalk', channel: 'alimtalk' }]);
    const sends = await simSends(to['9006']);
    expect(sends).toHaveLength(1);
    expect(sends[0].provider).toBe('kakao');
    expect(sends[0].attempts).toBeGreaterThanOrEqual(2);
  });

  it('operators find the failed ones in Temporal by their search attributes', async () => {
    const query = `WorkflowType = 'MessageWorkflow' AND MessageStatus = 'failed' AND MerchantId = '${main.merchant.id}'`;
    const found = await eventually(
      async () => {
        const workflowIds: string[] = [];
        for await (const w of platform.env.client.workflow.list({ query })) workflowIds.push(w.workflowId);
        return workflowIds.length >= 2 ? workflowIds.sort() : undefined;
      },
      15_000,
      'failed message workflows in visibility',
    );
    expect(found).toEqual([`message-${ids['9003']}`, `message-${ids['9004']}`].sort());
    const delivered: string[] = [];
    const deliveredQuery = `WorkflowType = 'MessageWorkflow' AND MessageStatus = 'delivered' AND MerchantId = '${main.merchant.id}'`;
    await eventually(async () => {
      delivered.length = 0;
      for await (const w of platform.env.client.workflow.list({ query: deliveredQuery })) delivered.push(w.workflowId);
      return delivered.length >= 5 ? true : undefined;
    }, 15_000);
    expect(delivered.sort()).toEqual(['1234', '9001', '9002', '9005', '9006'].map((n) => `message-${ids[n]}`).sort());
  });
});

describe('plain SMS and LMS', () => {
  it('an SMS is delivered by the SMS carrier and billed as SMS', async () => {
    const to = mobile();
    const id = await accept(main.merchant.apiKey, { type: 'sms', to, text: '[바른상점] 배송이 시작되었습니다.' });
    const m = await final(main.merchant.apiKey, id);
    expect(m).toMatchObject({
      type: 'sms',
      status: 'delivered',
      deliveredVia: 'sms',
      from: '0223456789',
      fallback: null,
    });
    expect(steps(m)).toEqual(['sms:sent', 'sms:delivered']);
    expect(await usageOf(id)).toEqual([{ usage_type: 'sms', channel: 'sms' }]);
    expect(await simSends(to)).toEqual([
      expect.objectContaining({
        provider: 'sms',
        type: 'sms',
        from: '0223456789',
        text: '[바른상점] 배송이 시작되었습니다.',
      }),
    ]);
  });

  it('an SMS of exactly 80 bytes in EUC-KR is accepted and delivered; 81 bytes is refused with sms_too_long', async () => {
    const to = mobile();
    const id = await accept(main.merchant.apiKey, { type: 'sms', to, text: '가'.repeat(40) });
    expect((await final(main.merchant.apiKey, id)).status).toBe('delivered');

    const res = await send(main.merchant.apiKey, { type: 'sms', to, text: `${'가'.repeat(40)}!` });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({
      code: 'sms_too_long',
      details: {
        violations: [expect.objectContaining({ code: 'sms_too_long', field: 'text', limit: 80, actual: 81 })],
      },
    });
    expect(await simSends(to)).toHaveLength(1);
  });

  it('an LMS goes out with its subject and is billed as LMS', async () => {
    const to = mobile();
    const text = `[바른상점] 주문 안내\n${'주문하신 상품이 오늘 출고되었습니다. '.repeat(5)}`;
    const id = await accept(main.merchant.apiKey, { type: 'lms', to, subject: '출고 안내', text });
    const m = await final(main.merchant.apiKey, id);
    expect(m).toMatchObject({ type: 'lms', status: 'delivered', deliveredVia: 'lms' });
    expect(steps(m)).toEqual(['lms:sent', 'lms:delivered']);
    expect(await usageOf(id)).toEqual([{ usage_type: 'lms', channel: 'lms' }]);
    expect(await simSends(to)).toEqual([
      expect.objectContaining({ provider: 'sms', type: 'lms', subject: '출고 안내', text }),
    ]);
  });
});

describe('an accepted message', () => {
  it('is sent even when the database is slow to commit its acceptance', async () => {
    // A commit that takes 1.5 s (a busy database) for this merchant's messages only.
    const slow = await activeContract(platform.api);
    await platform.db.raw(
      `CREATE FUNCTION test_slow_commit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(1.5); RETURN NULL; END $$`,
    );
    await platform.db.raw(
      `CREATE CONSTRAINT TRIGGER test_slow_commit AFTER INSERT ON messages DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.merchant_id = '${slow.merchant.id}') EXECUTE FUNCTION test_slow_commit()`,
    );
    try {
      const to = mobile();
      const id = await accept(slow.merchant.apiKey, { type: 'sms', to, text: '느린 커밋 시험' });
      const handle = platform.env.client.workflow.getHandle(`message-${id}`);
      const outcome = await eventually(
        async () => {
          const res = await platform.api.call('GET', `/v1/messages/${id}`, { key: slow.merchant.apiKey });
          if (res.body.status === 'delivered' || res.body.status === 'failed')
            return { message: res.body, workflow: 'n/a' };
          const { status } = await handle.describe();
          return status.name === 'RUNNING' ? undefined : { message: res.body, workflow: status.name };
        },
        30_000,
        'the message to finish or its workflow to end',
      );
      if (outcome.message.status !== 'delivered') {
        throw new Error(
          `the API accepted the message (202) but it was never sent: status ${outcome.message.status}, workflow ${outcome.workflow}\n${await diagnose(id)}`,
        );
      }
      expect(outcome.message).toMatchObject({ status: 'delivered', deliveredVia: 'sms' });
      expect(await simSends(to)).toHaveLength(1);
    } finally {
      await platform.db.raw('DROP TRIGGER test_slow_commit ON messages');
      await platform.db.raw('DROP FUNCTION test_slow_commit()');
    }
  });
});

describe('Idempotency-Key', () => {
  const KEY = `order-${Date.now()}`;
  const to = mobile();
  const body = { type: 'sms', to, text: '결제가 완료되었습니다.' };
  let id: string;

  it('a repeated request returns the same message, says it was replayed, and sends once', async () => {
    const first = await send(main.merchant.apiKey, body, { 'Idempotency-Key': KEY });
    expect(first.status).toBe(202);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    id = first.body.id;
    const again = await send(main.merchant.apiKey, { text: body.text, to, type: 'sms' }, { 'Idempotency-Key': KEY });
    expect(again.status).toBe(202);
    expect(again.body).toEqual({ id, status: 'accepted' });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await final(main.merchant.apiKey, id)).status).toBe('delivered');
    // A repeat after the message finished is still the same message.
    const late = await send(main.merchant.apiKey, body, { 'Idempotency-Key': KEY });
    expect(late.body.id).toBe(id);
    expect(await simSends(to)).toHaveLength(1);
    expect(await usageOf(id)).toHaveLength(1);
    expect(
      await platform.db('messages').where({ merchant_id: main.merchant.id, idempotency_key: KEY }).pluck('id'),
    ).toEqual([id]);
  });

  it('simultaneous requests with one key make one message and one send', async () => {
    const key = `race-${Date.now()}`;
    const raceTo = mobile();
    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        send(main.merchant.apiKey, { type: 'sms', to: raceTo, text: '동시 요청 시험' }, { 'Idempotency-Key': key }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual([202, 202, 202, 202, 202]);
    const ids = new Set(responses.map((r) => r.body.id));
    expect(ids.size).toBe(1);
    expect(responses.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(4);
    const [raceId] = ids;
    expect((await final(main.merchant.apiKey, raceId)).status).toBe('delivered');
    expect(await simSends(raceTo)).toHaveLength(1);
  });

  it('the same key with a different request is refused with idempotency_key_reused', async () => {
    const res = await send(
      main.merchant.apiKey,
      { ...body, text: '결제가 취소되었습니다.' },
      { 'Idempotency-Key': KEY },
    );
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('idempotency_key_reused');
    expect(await simSends(to)).toHaveLength(1);
  });

  it('the same key from another merchant is a different message', async () => {
    const res = await send(other.merchant.apiKey, body, { 'Idempotency-Key': KEY });
    expect(res.status).toBe(202);
    expect(res.headers.get('idempotent-replayed')).toBeNull();
    expect(res.body.id).not.toBe(id);
    const m = await final(other.merchant.apiKey, res.body.id);
    expect(m).toMatchObject({ status: 'delivered', from: '0312345678' });
    expect(await simSends(to)).toHaveLength(2);
  });
});

describe('batch sends', () => {
  it('accepts and rejects each item on its own, with its index and error code', async () => {
    const numbers = [mobile(), mobile(), mobile(), mobile(), mobile()];
    const res = await platform.api.call('POST', '/v1/messages/batch', {
      key: main.merchant.apiKey,
      body: {
        messages: [
          { type: 'sms', to: numbers[0], text: '첫 번째 안내' },
          { type: 'sms', to: numbers[1], text: '가'.repeat(41) },
          { type: 'lms', to: numbers[2], subject: '안내', text: '세 번째 안내' },
          { type: 'sms', to: '010-12', text: '네 번째 안내' },
          { ...alimtalk(numbers[4]), idempotencyKey: `batch-${Date.now()}` },
        ],
      },
    });
    expect(res.status).toBe(202);
    expect(res.body.accepted.map((a: { index: number }) => a.index)).toEqual([0, 2, 4]);
    expect(res.body.rejected).toEqual([
      { index: 1, error: expect.objectContaining({ code: 'sms_too_long' }) },
      { index: 3, error: expect.objectContaining({ code: 'invalid_recipient' }) },
    ]);
    const finals = await Promise.all(res.body.accepted.map((a: { id: string }) => final(main.merchant.apiKey, a.id)));
    expect(finals.map((m) => [m.type, m.status])).toEqual([
      ['sms', 'delivered'],
      ['lms', 'delivered'],
      ['alimtalk', 'delivered'],
    ]);
    expect(await simSends(numbers[1])).toEqual([]);
  });

  it('refuses more than 10,000 items with 400 and accepts none of them', async () => {
    const before = await messageCount(main.merchant.id);
    const to = mobile();
    // SPEC §7: at most 10,000 per call; the whole batch is refused before any item is checked or stored.
    const res = await platform.api.call('POST', '/v1/messages/batch', {
      key: main.merchant.apiKey,
      body: { messages: Array.from({ length: 10_001 }, () => ({ type: 'sms', to, text: '안내' })) },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
    expect(await messageCount(main.merchant.id)).toBe(before);
    expect(await simSends(to)).toEqual([]);
  });
});

describe('refused messages: a precise code, no workflow, nothing sent', () => {
  let r: ActiveContract;
  const refusedTo: string[] = [];
  const acceptedIds: string[] = [];

  beforeAll(async () => {
    r = await activeContract(platform.api);
    await approvedTemplate(platform.api, r.merchant.apiKey, TEMPLATE.code, TEMPLATE.text);
  });

  /** Sends as `r`, expects the refusal, and checks no message was stored; `to` is checked for sends at the end. */
  async function refused(
    body: Record<string, unknown>,
    code: string,
    { laterAccepted = false } = {},
  ): Promise<ApiResponse> {
    const before = await messageCount(r.merchant.id);
    const res = await send(r.merchant.apiKey, body);
    expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status: 422, code });
    expect(res.body.error.message).toEqual(expect.any(String));
    expect(await messageCount(r.merchant.id)).toBe(before);
    if (typeof body.to === 'string' && !laterAccepted) refusedTo.push(body.to);
    return res;
  }

  it('an SMS over 80 bytes: sms_too_long', async () => {
    await refused({ type: 'sms', to: mobile(), text: 'a'.repeat(81) }, 'sms_too_long');
  });

  it("an emoji in an SMS: unencodable_character naming '😀' and its position", async () => {
    const res = await refused({ type: 'sms', to: mobile(), text: '주문 완료 😀 감사합니다' }, 'unencodable_character');
    expect(res.body.error.message).toContain('😀');
    expect(res.body.error.details.violations[0]).toMatchObject({
      code: 'unencodable_character',
      field: 'text',
      char: '😀',
      position: 7,
    });
  });

  it('an unknown AlimTalk template: template_not_found', async () => {
    await refused({ type: 'alimtalk', to: mobile(), templateCode: 'NO_SUCH', variables: {} }, 'template_not_found');
  });

  it('an AlimTalk missing a template variable: template_variable_missing', async () => {
    const res = await refused(
      { type: 'alimtalk', to: mobile(), templateCode: TEMPLATE.code, variables: { name: '홍길동' } },
      'template_variable_missing',
    );
    expect(res.body.error.details.violations).toEqual([
      expect.objectContaining({ code: 'template_variable_missing', name: 'order' }),
    ]);
  });

  it('a sender number still waiting for verification: sender_number_not_verified', async () => {
    const added = await platform.api.call('POST', `/v1/contracts/${r.contractId}/sender-numbers`, {
      key: r.merchant.apiKey,
      body: { number: '02-3456-7890', proofDocument: { fileName: 'proof.pdf', contentBase64: PROOF_PDF_BASE64 } },
    });
    expect(added.status).toBe(201);
    expect(added.body.status).toBe('pending');
    await refused({ type: 'sms', to: mobile(), from: '02-3456-7890', text: '안내' }, 'sender_number_not_verified');
  });

  it('a number not on the contract: sender_number_not_registered', async () => {
    await refused({ type: 'sms', to: mobile(), from: '02-9876-5432', text: '안내' }, 'sender_number_not_registered');
  });

  it('another merchant’s verified sender number: sender_number_not_registered', async () => {
    await refused({ type: 'sms', to: mobile(), from: '031-234-5678', text: '안내' }, 'sender_number_not_registered');
  });

  it('a malformed recipient and a landline recipient: invalid_recipient', async () => {
    await refused({ type: 'sms', to: '010-123', text: '안내' }, 'invalid_recipient');
    await refused({ type: 'sms', to: '02-2345-6789', text: '안내' }, 'invalid_recipient');
  });

  it('a FriendTalk without "(광고)": ad_marker_missing', async () => {
    await refused(
      { type: 'friendtalk', to: mobile(), text: '바른상점 봄 신상품 안내. 무료수신거부 080-123-4567' },
      'ad_marker_missing',
    );
  });

  it('an opted-out recipient: recipient_opted_out, until the number is removed from the opt-out list', async () => {
    const to = mobile();
    const added = await platform.api.call('POST', '/v1/opt-outs', { key: r.merchant.apiKey, body: { number: to } });
    expect(added.status).toBe(201);
    await refused({ type: 'sms', to, text: '안내' }, 'recipient_opted_out', { laterAccepted: true });
    await refused(alimtalk(to), 'recipient_opted_out', { laterAccepted: true });
    expect(await simSends(to)).toEqual([]);
    const removed = await platform.api.call('DELETE', `/v1/opt-outs/${digitsOf(to)}`, { key: r.merchant.apiKey });
    expect(removed.status).toBe(204);
    const id = await accept(r.merchant.apiKey, { type: 'sms', to, text: '안내' });
    acceptedIds.push(id);
    expect((await final(r.merchant.apiKey, id)).status).toBe('delivered');
  });

  it('a service the contract does not include: service_not_subscribed', async () => {
    const noImage = await activeContract(platform.api, { services: { ...MESSAGING_SERVICES, friendtalkImage: false } });
    const image = await platform.api.call('POST', '/v1/images', {
      key: noImage.merchant.apiKey,
      body: { fileName: 'spring.png', contentBase64: png(800, 600).toString('base64') },
    });
    expect(image.status).toBe(201);
    const to = mobile();
    const before = await messageCount(noImage.merchant.id);
    // Held rather than refused in Kakao's ad quiet hours, so the answer does not depend on the clock.
    const res = await send(noImage.merchant.apiKey, {
      type: 'friendtalk_image',
      to,
      text: AD_TEXT,
      imageId: image.body.id,
      holdDuringQuietHours: true,
    });
    expect({ status: res.status, code: res.body?.error?.code }).toEqual({
      status: 422,
      code: 'service_not_subscribed',
    });
    expect(await messageCount(noImage.merchant.id)).toBe(before);
    refusedTo.push(to);
  });

  it('a suspended contract: contract_suspended, and accepted again once resumed', async () => {
    const suspended = await platform.api.call('POST', `/v1/contracts/${r.contractId}/suspend`, {
      body: { reason: 'maintenance' },
    });
    expect(suspended.status).toBe(200);
    expect(suspended.body.status).toBe('suspended');
    try {
      const res = await refused({ type: 'sms', to: mobile(), text: '안내' }, 'contract_suspended');
      expect(res.body.error.details.violations[0]).toMatchObject({ reason: 'maintenance' });
      await refused(alimtalk(mobile()), 'contract_suspended');
    } finally {
      const resumed = await platform.api.call('POST', `/v1/contracts/${r.contractId}/resume`, { body: {} });
      expect(resumed.status).toBe(200);
      expect(resumed.body.status).toBe('active');
    }
    const id = await accept(r.merchant.apiKey, { type: 'sms', to: mobile(), text: '안내' });
    acceptedIds.push(id);
    expect((await final(r.merchant.apiKey, id)).status).toBe('delivered');
  });

  it('none of the refused messages started a workflow or reached a carrier', async () => {
    const query = `WorkflowType = 'MessageWorkflow' AND MerchantId = '${r.merchant.id}'`;
    const workflowIds = await eventually(
      async () => {
        const found: string[] = [];
        for await (const w of platform.env.client.workflow.list({ query })) found.push(w.workflowId);
        return found.length >= acceptedIds.length ? found.sort() : undefined;
      },
      15_000,
      'message workflows in visibility',
    );
    expect(workflowIds).toEqual(acceptedIds.map((id) => `message-${id}`).sort());
    expect(await messageCount(r.merchant.id)).toBe(acceptedIds.length);
    for (const to of refusedTo) expect(await simSends(to)).toEqual([]);
  });
});

describe('delivery on every path (issue 10)', () => {
  /** A merchant of its own: its failed messages must not count among main's. */
  let d: ActiveContract;
  const events: { type: string; id: string; data: { id: string; lateResult?: Attempt } }[] = [];

  beforeAll(async () => {
    const url = await webhookEndpoint((_headers, body) => {
      events.push(JSON.parse(body));
      return 200;
    });
    d = await activeContract(platform.api, { merchant: { webhookUrl: `${url}/events` } });
    await approvedTemplate(platform.api, d.merchant.apiKey, TEMPLATE.code, TEMPLATE.text);
  });

  const eventsOf = (id: string) => events.filter((e) => e.data.id === id);

  it('9007 with fallback: Kakao answers 503 until its send deadline, then the SMS fallback delivers; Kakao never sent', async () => {
    const to = mobile('9007');
    const id = await accept(d.merchant.apiKey, alimtalk(to));
    const m = await final(d.merchant.apiKey, id);
    expect(m).toMatchObject({ status: 'delivered', deliveredVia: 'sms', failureReason: null });
    expect(steps(m)).toEqual(['alimtalk:unavailable', 'sms:sent', 'sms:delivered']);
    expect(entry(m, 'alimtalk:unavailable')).toMatchObject({ resultCode: 'provider_unavailable' });
    expect(await usageOf(id)).toEqual([{ usage_type: 'sms', channel: 'sms' }]);
    expect((await simSends(to)).map((s) => s.provider)).toEqual(['sms']);
    await eventually(
      async () => (eventsOf(id).some((e) => e.type === 'message.fallback_sent') ? true : undefined),
      10_000,
      'the fallback_sent webhook',
    );
  });

  it.each([
    ['9007', 'an AlimTalk without fallback: Kakao', 'alimtalk'],
    ['9008', 'an SMS: the carrier', 'sms'],
  ] as const)(
    '%s, %s answers 503 until its send deadline: failed/provider_unavailable, never sent',
    async (last4, _what, channel) => {
      const to = mobile(last4);
      const body =
        channel === 'sms'
          ? { type: 'sms', to, text: '[바른상점] 배송 안내' }
          : { ...alimtalk(to), fallback: { enabled: false } };
      const id = await accept(d.merchant.apiKey, body);
      const m = await final(d.merchant.apiKey, id);
      expect(m).toMatchObject({ status: 'failed', deliveredVia: null, failureReason: 'provider_unavailable' });
      expect(steps(m)).toEqual([`${channel}:unavailable`]);
      expect(await simSends(to)).toEqual([]);
      expect(await usageOf(id)).toEqual([]);
    },
  );

  it('an AlimTalk without fallback to 9005 waits past the Kakao timeout: delivered via Kakao, billed once', async () => {
    const to = mobile('9005');
    const id = await accept(d.merchant.apiKey, { ...alimtalk(to), fallback: { enabled: false } });
    const m = await final(d.merchant.apiKey, id);
    expect(m).toMatchObject({ status: 'delivered', deliveredVia: 'alimtalk', failureReason: null });
    expect(steps(m)).toEqual(['alimtalk:sent', 'alimtalk:late_delivered']);
    expect(Date.parse(m.finalizedAt) - Date.parse(entry(m, 'alimtalk:sent').at)).toBeGreaterThan(
      KAKAO_RESULT_TIMEOUT_MS,
    );
    expect(await usageOf(id)).toEqual([{ usage_type: 'alimtalk', channel: 'alimtalk' }]);
    expect((await simSends(to)).map((s) => s.provider)).toEqual(['kakao']);
  });

  it('9005 with fallback: the merchant hears message.fallback_sent, the final status and message.late_result', async () => {
    const id = await accept(d.merchant.apiKey, alimtalk(mobile('9005')));
    const m = await final(d.merchant.apiKey, id);
    expect(m.status).toBe('delivered');
    const heard = await eventually(
      async () => {
        const types = eventsOf(id).map((e) => e.type);
        return types.includes('message.late_result') && types.includes('message.delivered') ? eventsOf(id) : undefined;
      },
      15_000,
      'the late_result webhook',
    );
    expect(heard.map((e) => e.type).sort()).toEqual([
      'message.delivered',
      'message.fallback_sent',
      'message.late_result',
    ]);
    const late = heard.find((e) => e.type === 'message.late_result')!;
    expect(late.id).toMatch(new RegExp(`^whk_${id}_late_result_\\d+$`));
    // The late result is the success that did not win: the other channel's.
    expect(late.data.lateResult).toMatchObject({
      channel: m.deliveredVia === 'sms' ? 'alimtalk' : 'sms',
      status: 'late_delivered',
    });
    expect(await usageOf(id)).toHaveLength(1);
  });

  it('type "text": 10 characters go as SMS, 200 Hangul characters as LMS, and the message reads sms / lms', async () => {
    const short = await accept(d.merchant.apiKey, { type: 'text', to: mobile(), text: '주문이 접수되었어요' });
    const long = await accept(d.merchant.apiKey, { type: 'text', to: mobile(), text: '가'.repeat(200) });
    expect(await final(d.merchant.apiKey, short)).toMatchObject({
      type: 'sms',
      status: 'delivered',
      deliveredVia: 'sms',
    });
    expect(await final(d.merchant.apiKey, long)).toMatchObject({
      type: 'lms',
      status: 'delivered',
      deliveredVia: 'lms',
    });
    expect(await usageOf(long)).toEqual([{ usage_type: 'lms', channel: 'lms' }]);
    const explicit = await send(d.merchant.apiKey, { type: 'sms', to: mobile(), text: '가'.repeat(200) });
    expect({ status: explicit.status, code: explicit.body.error?.code }).toEqual({ status: 422, code: 'sms_too_long' });
  });

  it('a FriendTalk ad with "무료거부 080-…" is accepted; one that only says "수신거부" is refused naming the missing number', async () => {
    // Held rather than refused in Kakao's ad quiet hours, so the answer does not depend on the clock.
    const ad = (text: string) => ({ type: 'friendtalk', to: mobile(), text, holdDuringQuietHours: true });
    const accepted = await send(d.merchant.apiKey, ad('(광고) 바른상점\n봄 신상품 20% 할인\n무료거부 080-123-4567'));
    expect(accepted.status).toBe(202);
    const refused = await send(d.merchant.apiKey, ad('(광고) 바른상점\n봄 신상품 20% 할인\n수신거부'));
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({
      code: 'ad_opt_out_number_missing',
      message: expect.stringContaining('080'),
    });
  });

  it('templates: buttons reviewed and sent with every message; PUT edits and is reviewed again; DELETE removes it; the merchant hears each decision', async () => {
    const key = d.merchant.apiKey;
    const button = { type: 'WL', name: '주문 조회', urlMobile: 'https://shop.example.com/orders' };
    const tooMany = await platform.api.call('POST', '/v1/templates', {
      key,
      body: { code: 'SHIPPED', text: '#{name}님, 상품이 출발했습니다.', buttons: Array(6).fill(button) },
    });
    expect({ status: tooMany.status, code: tooMany.body.error?.code }).toEqual({
      status: 422,
      code: 'too_many_buttons',
    });
    const created = await platform.api.call('POST', '/v1/templates', {
      key,
      body: { code: 'SHIPPED', text: '#{name}님, 상품이 출발했습니다.', buttons: [button] },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: 'SHIPPED', version: 1, status: 'requested', buttons: [button] });
    const approved = (version: number) =>
      eventually(
        async () => {
          const t = (await platform.api.call('GET', '/v1/templates/SHIPPED', { key })).body;
          return t.status === 'approved' && t.approved?.version === version ? t : undefined;
        },
        15_000,
        `version ${version} approved`,
      );
    await approved(1);
    const to = mobile();
    const id = await accept(key, { type: 'alimtalk', to, templateCode: 'SHIPPED', variables: { name: '홍길동' } });
    expect((await final(key, id)).status).toBe('delivered');
    expect((await simSends(to))[0]).toMatchObject({
      text: '홍길동님, 상품이 출발했습니다.',
      buttons: [button],
      senderKey: '@barun',
    });

    const edited = await platform.api.call('PUT', '/v1/templates/SHIPPED', {
      key,
      body: { text: '#{name}님, 주문하신 상품이 출발했습니다.', buttons: [] },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      version: 2,
      status: 'requested',
      text: '#{name}님, 주문하신 상품이 출발했습니다.',
    });
    expect(await approved(2)).toMatchObject({
      approved: { version: 2, text: '#{name}님, 주문하신 상품이 출발했습니다.', buttons: [] },
    });
    const decisions = await eventually(
      async () => {
        const found = events.filter((e) => e.type === 'template.approved' && e.id.includes('_SHIPPED_'));
        return found.length >= 2 ? found : undefined;
      },
      10_000,
      'template.approved webhooks',
    );
    expect(decisions.map((e) => (e.data as unknown as { version: number }).version).sort()).toEqual([1, 2]);

    const removed = await platform.api.call('DELETE', '/v1/templates/SHIPPED', { key });
    expect(removed.status).toBe(204);
    expect((await platform.api.call('GET', '/v1/templates/SHIPPED', { key })).status).toBe(404);
    expect((await platform.api.call('DELETE', '/v1/templates/SHIPPED', { key })).status).toBe(404);
    const gone = await send(key, {
      type: 'alimtalk',
      to: mobile(),
      templateCode: 'SHIPPED',
      variables: { name: '홍길동' },
    });
    expect({ status: gone.status, code: gone.body.error?.code }).toEqual({ status: 422, code: 'template_not_found' });
  });

  it('a template needs the sender profile it will be sent from: no contract with a Kakao search ID, no review', async () => {
    const lone = await createMerchant(platform.api);
    const res = await platform.api.call('POST', '/v1/templates', {
      key: lone.apiKey,
      body: { code: 'HELLO', text: '#{name}님 안녕하세요' },
    });
    expect({ status: res.status, code: res.body.error?.code }).toEqual({
      status: 422,
      code: 'kakao_sender_profile_required',
    });
  });
});

describe('merchant webhooks', () => {
  interface Delivery {
    headers: IncomingHttpHeaders;
    body: string;
    answered: number;
  }
  const deliveries: Delivery[] = [];

  it('POSTs a signed message.delivered event, and retries after the merchant’s endpoint answers 500', async () => {
    const url = await webhookEndpoint((headers, body) => {
      const answered = deliveries.length === 0 ? 500 : 200;
      deliveries.push({ headers, body, answered });
      return answered;
    });
    const w = await activeContract(platform.api, { merchant: { webhookUrl: `${url}/bizmsg/events` } });
    expect(w.merchant.webhookSecret).toEqual(expect.any(String));
    const id = await accept(w.merchant.apiKey, { type: 'sms', to: mobile(), text: '배송 완료 안내' });
    const m = await final(w.merchant.apiKey, id);
    expect(m.status).toBe('delivered');

    await eventually(
      async () => (deliveries.some((d) => d.answered === 200) ? true : undefined),
      40_000,
      'the webhook to be retried',
    );
    // The activity records the attempt once it has the answer.
    await eventually(
      async () =>
        (await platform.db('webhook_deliveries').where({ message_id: id, succeeded: true })).length ? true : undefined,
      10_000,
      'the delivery to be recorded',
    );
    expect(deliveries.map((d) => d.answered)).toEqual([500, 200]);
    for (const d of deliveries) {
      expect(d.headers['content-type']).toMatch(/^application\/json/);
      expect(verify(w.merchant.webhookSecret, d.body, d.headers['bizmsg-signature'] as string)).toEqual({ ok: true });
      expect(verify('not-the-secret', d.body, d.headers['bizmsg-signature'] as string)).toEqual({
        ok: false,
        reason: 'mismatch',
      });
    }
    const [first, second] = deliveries.map((d) => JSON.parse(d.body));
    expect(second).toEqual({
      id: expect.any(String),
      type: 'message.delivered',
      createdAt: expect.stringMatching(ISO_TIME),
      data: expect.objectContaining({ id, status: 'delivered', deliveredVia: 'sms' }),
    });
    expect(second.data.to).toMatch(/^010-\*{4}-1234$/);
    // The event id is the same on every attempt: the merchant deduplicates on it.
    expect(first.id).toBe(second.id);

    const rows = await platform
      .db('webhook_deliveries')
      .where({ message_id: id })
      .orderBy('id')
      .select('event', 'url', 'attempt', 'status_code', 'succeeded');
    expect(rows).toEqual([
      { event: 'message.delivered', url: `${url}/bizmsg/events`, attempt: 1, status_code: 500, succeeded: false },
      { event: 'message.delivered', url: `${url}/bizmsg/events`, attempt: 2, status_code: 200, succeeded: true },
    ]);
  }, 60_000);
});

describe('carrier result reports', () => {
  it('a report with a bad signature is refused with 401 invalid_signature', async () => {
    const raw = JSON.stringify({
      providerMessageId: 'sms_forged',
      idempotencyKey: 'msg_forged:sms',
      status: 'delivered',
      resultCode: '1000',
      reportedAt: null,
    });
    const forged = await platform.api.call('POST', '/v1/provider-reports/sms', {
      key: null,
      raw,
      headers: { 'bizmsg-signature': `t=${Math.floor(Date.now() / 1000)},v1=${'0'.repeat(64)}` },
    });
    expect(forged.status).toBe(401);
    expect(forged.body.error.code).toBe('invalid_signature');
    const unsigned = await platform.api.call('POST', '/v1/provider-reports/sms', { key: null, raw });
    expect(unsigned.status).toBe(401);
    expect(unsigned.body.error.code).toBe('invalid_signature');
    expect(await platform.db('provider_reports').where({ provider_message_id: 'sms_forged' })).toEqual([]);
  });

  it('when the carrier’s report never arrives, polling the carrier still finds the result: delivered', async () => {
    await configureSimulator(platform.simulator.url, { dropReports: true });
    try {
      const to = mobile();
      const id = await accept(main.merchant.apiKey, { type: 'sms', to, text: '보고 누락 시험' });
      const m = await final(main.merchant.apiKey, id, 25_000);
      expect(m).toMatchObject({ status: 'delivered', deliveredVia: 'sms' });
      expect(steps(m)).toEqual(['sms:sent', 'sms:delivered']);
      expect(await simSends(to)).toEqual([expect.objectContaining({ status: 'delivered', reportStatus: 'never' })]);
      expect(await usageOf(id)).toHaveLength(1);
    } finally {
      await configureSimulator(platform.simulator.url, { dropReports: false });
    }
  }, 40_000);
});

describe('reading messages', () => {
  it('filters by status and type', async () => {
    const res = await platform.api.call('GET', '/v1/messages?status=delivered&type=alimtalk', {
      key: main.merchant.apiKey,
    });
    expect(res.status).toBe(200);
    expect(res.body.data.length).toBeGreaterThanOrEqual(6);
    for (const m of res.body.data) expect(m).toMatchObject({ status: 'delivered', type: 'alimtalk' });
    const expected = await platform
      .db('messages')
      .where({ merchant_id: main.merchant.id, status: 'delivered', type: 'alimtalk' })
      .pluck('id');
    expect(res.body.data.map((m: { id: string }) => m.id).sort()).toEqual(expected.sort());

    const failed = await platform.api.call('GET', '/v1/messages?status=failed', { key: main.merchant.apiKey });
    expect(failed.body.data.map((m: { failureReason: string }) => m.failureReason).sort()).toEqual([
      'carrier_rejected',
      'result_timeout',
    ]);
  });

  it('pages with limit and nextCursor, newest first, without duplicates or gaps', async () => {
    const seen: string[] = [];
    const createdAts: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 100; page++) {
      const res: ApiResponse = await platform.api.call(
        'GET',
        `/v1/messages?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        { key: main.merchant.apiKey },
      );
      expect(res.status).toBe(200);
      expect(res.body.data.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.data.map((m: { id: string }) => m.id));
      createdAts.push(...res.body.data.map((m: { createdAt: string }) => m.createdAt));
      cursor = res.body.nextCursor;
      if (!cursor) break;
    }
    expect(new Set(seen).size).toBe(seen.length);
    const all = await platform.db('messages').where({ merchant_id: main.merchant.id }).pluck('id');
    expect(seen.length).toBeGreaterThan(10);
    expect([...seen].sort()).toEqual([...all].sort());
    const times = createdAts.map((t) => Date.parse(t));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('another merchant’s message answers 404', async () => {
    const [mine] = await platform.db('messages').where({ merchant_id: main.merchant.id }).pluck('id');
    const res = await platform.api.call('GET', `/v1/messages/${mine}`, { key: other.merchant.apiKey });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
    const listed = await platform.api.call('GET', '/v1/messages?limit=100', { key: other.merchant.apiKey });
    expect(listed.body.data.map((m: { id: string }) => m.id)).not.toContain(mine);
  });
});
