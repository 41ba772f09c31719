/**
 * NHN Cloud end to end (docs/providers.md): the real API, workers and Temporal dev server with
 * KAKAO_PROVIDER=nhn and SMS_PROVIDERS=nhn,simulator, NHN being the contract test double over HTTP
 * (test/support/nhn-double.ts) and the simulator the second SMS carrier. Merchants see only the
 * API; the tests also look at what NHN received, the simulator's sends and usage records.
 *
 * NHN reports Kakao results by webhook; SMS results exist only to be queried, so every SMS result
 * here comes by polling (first poll 10 s after the send, domain/delivery.ts). The Kakao result
 * timeout is set above that, so a lost Kakao webhook is made good by the poll before the fallback.
 */
import {
  activeContract,
  approvedTemplate,
  finalMessage,
  orderAlimtalk,
  PROOF_PDF_BASE64,
} from '../support/api-fixtures';
import type { ActiveContract } from '../support/api-fixtures';
import { startNhnDouble, type RunningNhnDouble } from '../support/nhn-double';
import { startTestPlatform, type TestPlatform } from '../support/platform';

const KAKAO = { appKey: 'kakao-app-key', secretKey: 'kakao-secret-key' };
const SMS = { appKey: 'sms-app-key', secretKey: 'sms-secret-key' };
const SIGNATURE = 'webhook-signature-set-in-nhn-console';
const TEMPLATE = { code: 'NHN_ORDER', text: '#{name}님, 주문 #{order}이(가) 접수되었습니다.' };

let platform: TestPlatform;
let double: RunningNhnDouble;
let shop: ActiveContract;

beforeAll(async () => {
  double = await startNhnDouble({ kakao: KAKAO, sms: SMS, webhookSignature: SIGNATURE, resultDelayMs: 100 });
  platform = await startTestPlatform({
    kakaoResultTimeout: '15s',
    resultWindow: '40s',
    settings: {
      KAKAO_PROVIDER: 'nhn',
      SMS_PROVIDERS: 'nhn,simulator',
      NHN_KAKAO_URL: double.url,
      NHN_KAKAO_APP_KEY: KAKAO.appKey,
      NHN_KAKAO_SECRET_KEY: KAKAO.secretKey,
      NHN_SMS_URL: double.url,
      NHN_SMS_APP_KEY: SMS.appKey,
      NHN_SMS_SECRET_KEY: SMS.secretKey,
      NHN_WEBHOOK_SIGNATURE: SIGNATURE,
    },
  });
  double.webhookUrl = `${platform.api.url}/v1/provider-reports/nhn`;
  shop = await activeContract(platform.api);
  await approvedTemplate(platform.api, shop.merchant.apiKey, TEMPLATE.code, TEMPLATE.text);
});

afterAll(async () => {
  await platform?.close();
  await double?.close();
});

beforeEach(() => {
  double.loseWebhooks = false;
  double.outage = { kakao: null, sms: null };
});

let middle = 3000 + Math.floor(Math.random() * 6000);
const mobile = (last4 = '1234') => `010-${String(middle++).padStart(4, '0')}-${last4}`;
const digits = (phone: string) => phone.replace(/-/g, '');

async function accept(body: Record<string, unknown>): Promise<string> {
  const res = await platform.api.call('POST', '/v1/messages', { key: shop.merchant.apiKey, body });
  if (res.status !== 202) throw new Error(`not accepted: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

const alimtalk = (to: string) => orderAlimtalk(to, TEMPLATE.code);

type Attempt = { channel: string; status: string; providerMessageId: string | null; resultCode: string | null };
const steps = (m: { attempts: Attempt[] }) => m.attempts.map((a) => `${a.channel}:${a.status}`);
const usage = (id: string) => platform.db('usage_records').where({ message_id: id }).select('usage_type', 'channel');
const nhnSendsTo = (to: string) => double.sends().filter((s) => s.recipientNo === digits(to));

it('the template is registered with NHN and approved through its review', () => {
  expect(double.templates()).toContainEqual(
    expect.objectContaining({ templateCode: TEMPLATE.code, templateContent: TEMPLATE.text, status: 'TSC03' }),
  );
});

it('an AlimTalk delivers through NHN, its result arriving by webhook; billed once as AlimTalk', async () => {
  const to = mobile();
  const id = await accept(alimtalk(to));
  const m = await finalMessage(platform.api, shop.merchant.apiKey, id, 10_000);
  expect(m).toMatchObject({ status: 'delivered', deliveredVia: 'alimtalk', failureReason: null });
  expect(steps(m)).toEqual(['alimtalk:sent', 'alimtalk:delivered']);
  expect(m.attempts[1]).toMatchObject({
    providerMessageId: expect.stringMatching(/^nhn:alimtalk:/),
    resultCode: '1000',
  });

  const [send] = nhnSendsTo(to);
  expect(send.content).toBe('홍길동님, 주문 A-1이(가) 접수되었습니다.');
  const request = double.requests.find(
    (r) => r.method === 'POST' && r.body?.recipientList?.[0]?.recipientNo === digits(to),
  )!;
  expect(request.headers['x-nc-api-idempotency-key']).toBe(`${id}:alimtalk`);
  expect(request.body.recipientList[0].resendParameter).toEqual({ isResend: false });
  const hook = double.webhooks.find((w) => w.body.hooks[0].recipientGroupingKey === `${id}:alimtalk`)!;
  expect(hook.status).toBe(200);
  expect(await usage(id)).toEqual([{ usage_type: 'alimtalk', channel: 'alimtalk' }]);
});

it('"not a KakaoTalk user" (3019) falls back to SMS, sent by us through NHN (NHN’s own resend off)', async () => {
  const to = mobile('9001');
  const id = await accept(alimtalk(to));
  const m = await finalMessage(platform.api, shop.merchant.apiKey, id, 30_000);
  expect(m).toMatchObject({ status: 'delivered', deliveredVia: 'sms' });
  expect(steps(m)).toEqual(['alimtalk:sent', 'alimtalk:failed', 'sms:sent', 'sms:delivered']);
  expect(m.attempts[1].resultCode).toBe('3019');
  expect(m.attempts[3]).toMatchObject({ providerMessageId: expect.stringMatching(/^nhn:sms:/), resultCode: '1000' });
  expect(nhnSendsTo(to).map((s) => s.api)).toEqual(['alimtalk', 'sms']);
  expect(nhnSendsTo(to)[1].content).toBe('홍길동님, 주문 A-1이(가) 접수되었습니다.');
  expect(await usage(id)).toEqual([{ usage_type: 'sms', channel: 'sms' }]);
});

it('when NHN’s webhook is lost, the poll finds the result', async () => {
  double.loseWebhooks = true;
  const to = mobile();
  const id = await accept(alimtalk(to));
  const m = await finalMessage(platform.api, shop.merchant.apiKey, id, 30_000);
  expect(m).toMatchObject({ status: 'delivered', deliveredVia: 'alimtalk' });
  expect(steps(m)).toEqual(['alimtalk:sent', 'alimtalk:delivered']);
  const [send] = nhnSendsTo(to);
  expect(double.webhooks.some((w) => w.body.hooks[0].requestId === send.requestId)).toBe(false);
  expect(double.requests).toContainEqual(
    expect.objectContaining({
      method: 'GET',
      path: `/alimtalk/v2.3/appkeys/${KAKAO.appKey}/messages/${send.requestId}/1`,
    }),
  );
});

it('with NHN’s SMS down, the SMS goes out through the second carrier, once, and is billed once', async () => {
  double.outage.sms = 'system_error';
  const to = mobile();
  const id = await accept({ type: 'sms', to, text: '주문이 접수되었습니다.' });
  const m = await finalMessage(platform.api, shop.merchant.apiKey, id, 20_000);
  expect(m).toMatchObject({ status: 'delivered', deliveredVia: 'sms' });
  expect(steps(m)).toEqual(['sms:carrier_handed_over', 'sms:sent', 'sms:delivered']);
  expect(m.attempts[0].note).toMatch(/^nhn failed \(.*-9999.*\): handed to simulator$/);

  const res = await fetch(`${platform.simulator.url}/_sim/sends?to=${encodeURIComponent(digits(to))}`);
  const simSends = (await res.json()) as { data: { providerMessageId: string }[] };
  expect(simSends.data).toEqual([
    expect.objectContaining({ provider: 'sms', attempts: 1, idempotencyKey: `${id}:sms` }),
  ]);
  expect(m.attempts[1].providerMessageId).toBe(simSends.data[0].providerMessageId);
  expect(nhnSendsTo(to)).toEqual([]);
  expect(await usage(id)).toEqual([{ usage_type: 'sms', channel: 'sms' }]);
});

it('refuses an NHN webhook without the signature, and records nothing', async () => {
  const body = {
    event: 'MESSAGE_RESULT_UPDATE',
    hooks: [
      {
        kakaoMessageType: 'ALIMTALK_NORMAL',
        requestId: '20260101000000abcdefghijk',
        recipientSeq: 1,
        resultCode: '1000',
        recipientGroupingKey: 'msg_01jd3x0k5q8m3v7c2z9w4t6y1r:alimtalk',
      },
    ],
  };
  const before = await platform.db('provider_reports').count({ n: '*' }).first();
  for (const headers of [{}, { 'x-toast-webhook-signature': 'guessed' }] as Record<string, string>[]) {
    const res = await platform.api.call('POST', '/v1/provider-reports/nhn', { key: null, body, headers });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('invalid_signature');
  }
  expect(await platform.db('provider_reports').count({ n: '*' }).first()).toEqual(before);
});

it('NHN’s UNSUBSCRIBE webhook puts the caller of a merchant’s verified 080 number on its opt-out list', async () => {
  const key = shop.merchant.apiKey;
  const registered = await platform.api.call('POST', `/v1/contracts/${shop.contractId}/opt-out-numbers`, {
    key,
    body: { number: '080-765-4321', proofDocument: { fileName: '080.pdf', contentBase64: PROOF_PDF_BASE64 } },
  });
  expect(registered.status).toBe(201);
  const verified = await platform.api.call('POST', `/v1/opt-out-numbers/${registered.body.id}/verify`, { body: {} });
  expect(verified.body.status).toBe('verified');

  const caller = mobile();
  // SMS webhook guide, "Registration of recipient number for ad messages"; the second hook calls a
  // number no merchant verified and is acknowledged, not taken.
  const hook = (unsubscribeNo: string) => ({
    hookId: `hook-${unsubscribeNo}`,
    recipientNo: digits(caller),
    unsubscribeNo,
    enterpriseName: '바른상점',
    createdDateTime: '2026-12-01T11:25:10.000+09:00',
  });
  const res = await platform.api.call('POST', '/v1/provider-reports/nhn', {
    key: null,
    headers: { 'x-toast-webhook-signature': SIGNATURE },
    body: { productName: 'SMS', event: 'UNSUBSCRIBE', hooks: [hook('0807654321'), hook('0801112222')] },
  });
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ received: 2, recorded: 1 });

  const list = await platform.api.call('GET', '/v1/opt-outs?limit=100', { key });
  expect(list.body.data).toContainEqual(expect.objectContaining({ number: digits(caller) }));
  const refused = await platform.api.call('POST', '/v1/messages', {
    key,
    body: { type: 'sms', to: caller, text: '[바른상점] 안내' },
  });
  expect(refused.status).toBe(422);
  expect(refused.body.error.code).toBe('recipient_opted_out');
});
