/**
 * The carrier simulator over real HTTP (SPEC §8): sends in, signed result reports out to a local
 * receiver standing in for the platform's POST /v1/provider-reports/:provider.
 */
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import express from 'express';
import { createLogger } from '../../platform/logger';
import { SIGNATURE_HEADER, verify } from '../../platform/signature';
import { startSimulator, type RunningSimulator } from '../../simulator/server';
import { simulatorSends } from '../support/simulator';

const SECRET = 'simulator-test-secret';
const LATE_KAKAO_MS = 300;

interface Report {
  providerMessageId: string;
  idempotencyKey: string;
  status: 'delivered' | 'failed';
  resultCode: string;
  reportedAt: string;
}
interface Received {
  provider: string;
  raw: string;
  signature: string | undefined;
  at: number;
}
interface MessageStatus {
  providerMessageId: string;
  status: 'pending' | 'delivered' | 'failed';
  resultCode: string | null;
  reportedAt: string | null;
}
interface ErrorBody {
  error: { code: string; message: string; details?: { issues: { path: string }[] } };
}

let sim: RunningSimulator;
let receiver: Server;
const received: Received[] = [];
/** Status codes the receiver answers, one per incoming report, before it accepts with 204. */
let receiverAnswers: number[] = [];
let receiverHits = 0;

beforeAll(async () => {
  const app = express();
  app.post('/v1/provider-reports/:provider', express.text({ type: '*/*' }), (req, res) => {
    receiverHits += 1;
    const answer = receiverAnswers.shift();
    if (answer !== undefined) {
      res.status(answer).end();
      return;
    }
    received.push({
      provider: String(req.params.provider),
      raw: req.body as string,
      signature: req.get(SIGNATURE_HEADER),
      at: Date.now(),
    });
    res.status(204).end();
  });
  receiver = app.listen(0, '127.0.0.1');
  await once(receiver, 'listening');
  sim = await startSimulator({
    port: 0,
    reportBaseUrl: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`,
    reportSecret: SECRET,
    lateKakaoReportDelayMs: LATE_KAKAO_MS,
    normalReportDelayMs: [20, 60],
    logger: createLogger('simulator', 'silent'),
  });
});

afterAll(async () => {
  await sim.close();
  const closed = once(receiver, 'close');
  receiver.close();
  receiver.closeAllConnections();
  await closed;
});

beforeEach(async () => {
  await post('/_sim/reset', {});
  received.length = 0;
  receiverAnswers = [];
  receiverHits = 0;
});

let keys = 0;
const newKey = () => `test-key-${++keys}`;
const phone = (last4: string) => `0101234${last4}`;
const kakao = (to: string) => ({
  type: 'alimtalk',
  senderKey: 'sk_test',
  to,
  text: '주문이 접수되었습니다.',
  templateCode: 'ORDER_OK',
});
const sms = (to: string) => ({ type: 'sms', from: '15884954', to, text: '[bizmsg] order received' });

async function request<T>(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${sim.url}${path}`, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' || body === undefined ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}
const post = <T>(path: string, body: unknown, headers?: Record<string, string>) =>
  request<T>('POST', path, body, headers);
const get = <T>(path: string) => request<T>('GET', path);

async function send(provider: 'kakao' | 'sms', body: unknown, key = newKey()) {
  return post<{ providerMessageId: string; status: string }>(`/${provider}/v1/messages`, body, {
    'Idempotency-Key': key,
  });
}
async function accepted(provider: 'kakao' | 'sms', body: unknown, key = newKey()): Promise<string> {
  const res = await send(provider, body, key);
  expect(res).toEqual({
    status: 202,
    body: { providerMessageId: expect.stringMatching(provider === 'kakao' ? /^kko_/ : /^sms_/), status: 'accepted' },
  });
  return res.body.providerMessageId;
}

const reportsFor = (providerMessageId: string) =>
  received.filter((r) => (JSON.parse(r.raw) as Report).providerMessageId === providerMessageId);

async function waitForReport(providerMessageId: string, timeoutMs = 3_000): Promise<Received & { report: Report }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [hit] = reportsFor(providerMessageId);
    if (hit) return { ...hit, report: JSON.parse(hit.raw) as Report };
    if (Date.now() > deadline) throw new Error(`no report for ${providerMessageId} within ${timeoutMs} ms`);
    await sleep(10);
  }
}

const statusOf = (provider: 'kakao' | 'sms', id: string) => get<MessageStatus>(`/${provider}/v1/messages/${id}`);
/** What polling answers while a send has no result (yet, or ever). */
const pending = (providerMessageId: string): MessageStatus => ({
  providerMessageId,
  status: 'pending',
  resultCode: null,
  reportedAt: null,
});
const sendsTo = (to: string) => simulatorSends(sim.url, to);

describe('carrier simulator (SPEC §8)', () => {
  it('answers /health', async () => {
    expect(await get('/health')).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('delivers an ordinary number on Kakao and reports it signed', async () => {
    const key = newKey();
    const sentAt = Date.now();
    const id = await accepted('kakao', kakao(phone('5678')), key);
    const hit = await waitForReport(id);
    expect(hit.provider).toBe('kakao');
    expect(hit.at - sentAt).toBeLessThan(1_000);
    expect(verify(SECRET, hit.raw, hit.signature)).toEqual({ ok: true });
    expect(verify('another-secret', hit.raw, hit.signature)).toEqual({ ok: false, reason: 'mismatch' });
    expect(hit.report).toEqual({
      providerMessageId: id,
      idempotencyKey: key,
      status: 'delivered',
      resultCode: '0000',
      reportedAt: expect.any(String),
    });
    expect(new Date(hit.report.reportedAt).toISOString()).toBe(hit.report.reportedAt);
    expect(await statusOf('kakao', id)).toEqual({
      status: 200,
      body: { providerMessageId: id, status: 'delivered', resultCode: '0000', reportedAt: hit.report.reportedAt },
    });
    const [record] = await sendsTo(phone('5678'));
    expect(record).toMatchObject({
      provider: 'kakao',
      providerMessageId: id,
      idempotencyKey: key,
      type: 'alimtalk',
      attempts: 1,
      outcome: 'deliver',
      reportStatus: 'sent',
    });
  });

  it('delivers an ordinary number by SMS and LMS', async () => {
    const smsId = await accepted('sms', sms(phone('5678')));
    const lmsId = await accepted('sms', {
      type: 'lms',
      from: '0221234567',
      to: phone('5678'),
      subject: '안내',
      text: '긴 본문'.repeat(50),
    });
    for (const id of [smsId, lmsId]) {
      const hit = await waitForReport(id);
      expect(hit.provider).toBe('sms');
      expect(verify(SECRET, hit.raw, hit.signature).ok).toBe(true);
      expect(hit.report).toMatchObject({ status: 'delivered', resultCode: '1000' });
    }
    expect((await sendsTo(phone('5678'))).map((s) => [s.type, s.from])).toEqual([
      ['sms', '15884954'],
      ['lms', '0221234567'],
    ]);
  });

  it('9001: Kakao fails at once with 3018; SMS delivers', async () => {
    const sentAt = Date.now();
    const kakaoHit = await waitForReport(await accepted('kakao', kakao(phone('9001'))));
    expect(kakaoHit.at - sentAt).toBeLessThan(500);
    expect(kakaoHit.report).toMatchObject({ status: 'failed', resultCode: '3018' });
    expect((await waitForReport(await accepted('sms', sms(phone('9001'))))).report).toMatchObject({
      status: 'delivered',
      resultCode: '1000',
    });
  });

  it('9002: Kakao never reports and polling stays pending; SMS delivers', async () => {
    const id = await accepted('kakao', kakao(phone('9002')));
    expect((await waitForReport(await accepted('sms', sms(phone('9002'))))).report.status).toBe('delivered');
    await sleep(400);
    expect(reportsFor(id)).toEqual([]);
    expect((await statusOf('kakao', id)).body).toEqual(pending(id));
    expect((await sendsTo(phone('9002'))).find((s) => s.provider === 'kakao')).toMatchObject({
      outcome: 'silent',
      reportStatus: 'never',
    });
  });

  it('9003: Kakao fails with 3018, then the SMS carrier rejects the number with 2003', async () => {
    expect((await waitForReport(await accepted('kakao', kakao(phone('9003'))))).report).toMatchObject({
      status: 'failed',
      resultCode: '3018',
    });
    const smsId = await accepted('sms', sms(phone('9003')));
    expect((await waitForReport(smsId)).report).toMatchObject({ status: 'failed', resultCode: '2003' });
    expect((await statusOf('sms', smsId)).body).toMatchObject({ status: 'failed', resultCode: '2003' });
  });

  it('9004: Kakao fails with 3018; the SMS carrier accepts but never reports', async () => {
    expect((await waitForReport(await accepted('kakao', kakao(phone('9004'))))).report).toMatchObject({
      status: 'failed',
      resultCode: '3018',
    });
    const smsId = await accepted('sms', sms(phone('9004')));
    await sleep(400);
    expect(reportsFor(smsId)).toEqual([]);
    expect((await statusOf('sms', smsId)).body).toEqual(pending(smsId));
  });

  it('9005: Kakao succeeds only after lateKakaoReportDelayMs; SMS delivers normally', async () => {
    const sentAt = Date.now();
    const kakaoId = await accepted('kakao', kakao(phone('9005')));
    const smsHit = await waitForReport(await accepted('sms', sms(phone('9005'))));
    expect(smsHit.report).toMatchObject({ status: 'delivered', resultCode: '1000' });
    expect(smsHit.at - sentAt).toBeLessThan(LATE_KAKAO_MS);
    expect((await statusOf('kakao', kakaoId)).body.status).toBe('pending');
    const kakaoHit = await waitForReport(kakaoId);
    expect(kakaoHit.at - sentAt).toBeGreaterThanOrEqual(LATE_KAKAO_MS);
    expect(kakaoHit.report).toMatchObject({ status: 'delivered', resultCode: '0000' });
  });

  it('9006: the first attempt per key is answered 503 and not sent; the retry delivers once', async () => {
    for (const [provider, body] of [
      ['kakao', kakao(phone('9006'))],
      ['sms', sms(phone('9006'))],
    ] as const) {
      const key = newKey();
      const first = await post<ErrorBody>(`/${provider}/v1/messages`, body, { 'Idempotency-Key': key });
      expect(first).toEqual({
        status: 503,
        body: { error: { code: 'provider_unavailable', message: expect.any(String) } },
      });
      expect((await sendsTo(phone('9006'))).filter((s) => s.provider === provider)).toEqual([]);
      const id = await accepted(provider, body, key);
      expect((await waitForReport(id)).report.status).toBe('delivered');
    }
    const sends = await sendsTo(phone('9006'));
    expect(sends.map((s) => [s.provider, s.attempts, s.outcome])).toEqual([
      ['kakao', 2, 'unavailable_once'],
      ['sms', 2, 'unavailable_once'],
    ]);
  });

  it.each([
    ['9007', 'kakao', 'sms'],
    ['9008', 'sms', 'kakao'],
  ] as const)('%s: %s answers 503 to every attempt and never sends; %s delivers', async (last4, down, up) => {
    const bodyFor = (provider: 'kakao' | 'sms') => (provider === 'kakao' ? kakao(phone(last4)) : sms(phone(last4)));
    const key = newKey();
    for (let attempt = 0; attempt < 3; attempt++) {
      const res = await post<ErrorBody>(`/${down}/v1/messages`, bodyFor(down), { 'Idempotency-Key': key });
      expect(res).toEqual({
        status: 503,
        body: { error: { code: 'provider_unavailable', message: expect.any(String) } },
      });
    }
    const id = await accepted(up, bodyFor(up));
    expect((await waitForReport(id)).report.status).toBe('delivered');
    expect((await sendsTo(phone(last4))).map((s) => s.provider)).toEqual([up]);
  });

  it('takes an AlimTalk with its template buttons', async () => {
    const buttons = [{ type: 'WL', name: '주문 조회', urlMobile: 'https://shop.example.com/orders' }];
    const id = await accepted('kakao', { ...kakao(phone('5678')), buttons });
    expect((await sendsTo(phone('5678'))).find((s) => s.providerMessageId === id)).toMatchObject({ buttons });
  });

  it('answers a repeated Idempotency-Key with the same message and never sends twice', async () => {
    const key = newKey();
    const id = await accepted('kakao', kakao(phone('5678')), key);
    expect(await accepted('kakao', kakao(phone('5678')), key)).toBe(id);
    await waitForReport(id);
    expect(await accepted('kakao', kakao(phone('5678')), key)).toBe(id);
    await sleep(150);
    expect(reportsFor(id)).toHaveLength(1);
    expect(await sendsTo(phone('5678'))).toEqual([expect.objectContaining({ providerMessageId: id, attempts: 3 })]);
    // The key belongs to one provider: the SMS carrier treats it as new.
    expect(await accepted('sms', sms(phone('5678')), key)).not.toBe(id);
  });

  it('refuses a reused Idempotency-Key with a different body (422)', async () => {
    const key = newKey();
    await accepted('sms', sms(phone('5678')), key);
    const res = await send('sms', { ...sms(phone('5678')), text: 'something else' }, key);
    expect(res.status).toBe(422);
    expect((res.body as unknown as ErrorBody).error.code).toBe('idempotency_key_reused');
    expect(await sendsTo(phone('5678'))).toHaveLength(1);
  });

  it('retries a report the platform answers with 500, and it arrives', async () => {
    receiverAnswers = [500];
    const sentAt = Date.now();
    const id = await accepted('sms', sms(phone('5678')));
    const hit = await waitForReport(id);
    expect(hit.at - sentAt).toBeGreaterThanOrEqual(500);
    expect(receiverHits).toBe(2);
    expect(verify(SECRET, hit.raw, hit.signature).ok).toBe(true);
    expect((await sendsTo(phone('5678')))[0].reportStatus).toBe('sent');
  });

  it('does not retry a report the platform refuses with a 4xx', async () => {
    receiverAnswers = [401];
    const id = await accepted('kakao', kakao(phone('5678')));
    await sleep(700);
    expect(receiverHits).toBe(1);
    expect(reportsFor(id)).toEqual([]);
    expect((await sendsTo(phone('5678')))[0].reportStatus).toBe('failed');
  });

  it('dropReports: no webhook, but polling shows the result', async () => {
    expect(await post('/_sim/config', { dropReports: true })).toEqual({
      status: 200,
      body: { dropReports: true, responseDelayMs: 0 },
    });
    const id = await accepted('kakao', kakao(phone('5678')));
    await sleep(300);
    expect((await statusOf('kakao', id)).body).toMatchObject({
      status: 'delivered',
      resultCode: '0000',
      reportedAt: expect.any(String),
    });
    expect(receiverHits).toBe(0);
    expect((await sendsTo(phone('5678')))[0].reportStatus).toBe('never');
  });

  it('responseDelayMs: the send is recorded before the slow answer', async () => {
    await post('/_sim/config', { responseDelayMs: 300 });
    const key = newKey();
    const answer = send('sms', sms(phone('5678')), key);
    await sleep(100);
    expect(await sendsTo(phone('5678'))).toEqual([expect.objectContaining({ idempotencyKey: key, attempts: 1 })]);
    const res = await answer;
    expect(res.status).toBe(202);
    expect(await accepted('sms', sms(phone('5678')), key)).toBe(res.body.providerMessageId);
  });

  it('refuses bad input with 400 in the error shape', async () => {
    const landline = await send('kakao', kakao('0221234567'));
    expect(landline.status).toBe(400);
    const error = (landline.body as unknown as ErrorBody).error;
    expect(error).toMatchObject({ code: 'invalid_request', message: expect.stringContaining('to') });
    expect(error.details?.issues.map((i) => i.path)).toEqual(['to']);

    for (const body of [
      { ...kakao(phone('5678')), type: 'friendtalk' },
      { ...kakao(phone('5678')), senderKey: undefined },
      { ...kakao(phone('5678')), text: 'x'.repeat(1_001) },
      { ...sms(phone('5678')), subject: 'an SMS has no subject' },
      { ...sms(phone('5678')), from: '1588-4954' },
    ]) {
      const provider = body.type === 'sms' ? 'sms' : 'kakao';
      const res = await send(provider, body);
      expect({ body, status: res.status, code: (res.body as unknown as ErrorBody).error?.code }).toEqual({
        body,
        status: 400,
        code: 'invalid_request',
      });
    }
    const malformed = await post<ErrorBody>('/sms/v1/messages', '{"type":', { 'Idempotency-Key': newKey() });
    expect(malformed).toEqual({
      status: 400,
      body: { error: { code: 'malformed_json', message: expect.any(String) } },
    });
    expect(await get('/_sim/sends')).toEqual({ status: 200, body: { data: [] } });
  });

  it('requires an Idempotency-Key', async () => {
    for (const [provider, body] of [
      ['kakao', kakao(phone('5678'))],
      ['sms', sms(phone('5678'))],
    ] as const) {
      expect(await post(`/${provider}/v1/messages`, body)).toEqual({
        status: 400,
        body: { error: { code: 'missing_idempotency_key', message: expect.any(String) } },
      });
    }
  });

  it('answers 404 for an unknown message and for another provider’s message', async () => {
    expect((await statusOf('kakao', 'kko_unknown')).status).toBe(404);
    const id = await accepted('kakao', kakao(phone('5678')));
    expect((await statusOf('sms', id)).body).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
  });

  it('forgets everything on /_sim/reset, pending reports included', async () => {
    const id = await accepted('kakao', kakao(phone('9005')));
    await post('/_sim/reset', {});
    expect((await statusOf('kakao', id)).status).toBe(404);
    await sleep(LATE_KAKAO_MS + 100);
    expect(receiverHits).toBe(0);
  });
});
