/**
 * Scheduled sends, campaigns and 080 opt-out end to end (SPEC §4, §7): over HTTP against the real
 * API, the real workers on a Temporal dev server, PostgreSQL and the carrier simulator. Besides the
 * API the tests look only at the simulator's record of sends (/_sim/sends) and webhooks received.
 */
import { sign, SIGNATURE_HEADER } from '../../platform/signature';
import {
  activeContract,
  approvedTemplate,
  finalMessage,
  PROOF_PDF_BASE64,
  type ActiveContract,
} from '../support/api-fixtures';
import { eventually, startTestPlatform, type TestPlatform } from '../support/platform';
import { simulatorSends } from '../support/simulator';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhooks';

let platform: TestPlatform;
let main: ActiveContract;
let other: ActiveContract;
let webhooks: WebhookReceiver<{ type: string; data: Record<string, unknown> }>;

let middle = 2000 + Math.floor(Math.random() * 7000);
const mobile = (last4 = '1234') => `010-${String(middle++).padStart(4, '0')}-${last4}`;
const SECOND = 1_000;
const AD_TEXT = '(광고) 바른상점 봄 신상품 안내. 무료수신거부 080-123-4567';

beforeAll(async () => {
  webhooks = await startWebhookReceiver();
  platform = await startTestPlatform({ kakaoResultTimeout: '1s', resultWindow: '5s' });
  [main, other] = await Promise.all([
    activeContract(platform.api, { merchant: { webhookUrl: webhooks.url } }),
    activeContract(platform.api, { senderNumbers: ['031-234-5678'] }),
  ]);
}, 180_000);

afterAll(async () => {
  await platform?.close();
  await webhooks?.close();
});

const call = (key: string | null, method: string, path: string, body?: unknown) =>
  platform.api.call(method, path, { key, body });
const sims = (to: string) => simulatorSends(platform.simulator.url, to);
const inSeconds = (s: number) => new Date(Date.now() + s * SECOND).toISOString();
/** An SMS of the main merchant to a new number, scheduled for `scheduledAt`. */
const scheduleSms = async (text: string, scheduledAt: string) => {
  const to = mobile();
  return { to, ...(await call(main.merchant.apiKey, 'POST', '/v1/messages', { type: 'sms', to, text, scheduledAt })) };
};

describe('scheduled sends (SPEC §4 예약발송)', () => {
  it('keeps a message scheduled a few seconds ahead `scheduled`, then delivers it no earlier than its time', async () => {
    const scheduledAt = inSeconds(4);
    const { to, status, body } = await scheduleSms('[바른상점] 예약 발송', scheduledAt);
    expect(status).toBe(202);
    expect(body).toEqual({ id: expect.stringMatching(/^msg_/), status: 'scheduled' });
    const { id } = body;

    const seen = await call(main.merchant.apiKey, 'GET', `/v1/messages/${id}`);
    expect(seen.body).toMatchObject({ status: 'scheduled', scheduledAt: expect.any(String), finalizedAt: null });
    expect(Date.parse(seen.body.scheduledAt)).toBe(Date.parse(scheduledAt));
    const listed = await call(main.merchant.apiKey, 'GET', '/v1/messages?status=scheduled');
    expect(listed.body.data.map((m: { id: string }) => m.id)).toContain(id);
    expect(await sims(to)).toEqual([]);

    const done = await finalMessage(platform.api, main.merchant.apiKey, id, 30_000);
    expect(done).toMatchObject({ status: 'delivered', deliveredVia: 'sms' });
    const [sent] = await sims(to);
    expect(Date.parse(sent.acceptedAt)).toBeGreaterThanOrEqual(Date.parse(scheduledAt));
    // Started: it can no longer be cancelled or moved.
    const late = await call(main.merchant.apiKey, 'POST', `/v1/messages/${id}/cancel`);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('message_not_scheduled');
  });

  it('cancels a scheduled message: it never reaches the carrier, is never billed, and the merchant hears message.cancelled', async () => {
    const { to, body } = await scheduleSms('[바른상점] 취소될 예약', inSeconds(3));
    const cancelled = await call(main.merchant.apiKey, 'POST', `/v1/messages/${body.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ id: body.id, status: 'cancelled', finalizedAt: expect.any(String) });
    // Another merchant's key does not find it.
    expect((await call(other.merchant.apiKey, 'POST', `/v1/messages/${body.id}/cancel`)).status).toBe(404);

    await new Promise((r) => setTimeout(r, 5 * SECOND));
    expect(await sims(to)).toEqual([]);
    expect((await call(main.merchant.apiKey, 'GET', `/v1/messages/${body.id}`)).body.status).toBe('cancelled');
    expect(await platform.db('usage_records').where({ message_id: body.id })).toEqual([]);
    await eventually(async () =>
      webhooks.events.some((h) => h.type === 'message.cancelled' && h.data.id === body.id) ? true : undefined,
    );
    const again = await call(main.merchant.apiKey, 'POST', `/v1/messages/${body.id}/reschedule`, {
      scheduledAt: inSeconds(60),
    });
    expect(again.status).toBe(409);
  });

  it('moves a scheduled message to a sooner time, and refuses one more than a year ahead', async () => {
    const { body } = await scheduleSms('[바른상점] 옮겨진 예약', inSeconds(3600));
    const tooFar = await call(main.merchant.apiKey, 'POST', `/v1/messages/${body.id}/reschedule`, {
      scheduledAt: new Date(Date.now() + 400 * 86_400 * SECOND).toISOString(),
    });
    expect(tooFar.status).toBe(422);
    expect(tooFar.body.error.code).toBe('scheduled_too_far');

    const moved = await call(main.merchant.apiKey, 'POST', `/v1/messages/${body.id}/reschedule`, {
      scheduledAt: inSeconds(2),
    });
    expect(moved.status).toBe(200);
    expect(moved.body.status).toBe('scheduled');
    expect(await finalMessage(platform.api, main.merchant.apiKey, body.id, 30_000)).toMatchObject({
      status: 'delivered',
    });
  });

  it('refuses a FriendTalk scheduled into 20:50–08:00 KST unless it asks to be held, and a time over a year ahead', async () => {
    // 22:00 KST tomorrow: always in Kakao's ad quiet hours.
    const kstTomorrow = new Date(Date.now() + 9 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
    const night = `${kstTomorrow}T22:00:00+09:00`;
    const ad = { type: 'friendtalk', to: mobile(), text: AD_TEXT, scheduledAt: night };
    const refused = await call(main.merchant.apiKey, 'POST', '/v1/messages', ad);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('ad_quiet_hours');

    const held = await call(main.merchant.apiKey, 'POST', '/v1/messages', { ...ad, holdDuringQuietHours: true });
    expect(held.status).toBe(202);
    expect(held.body.status).toBe('scheduled');
    const view = (await call(main.merchant.apiKey, 'GET', `/v1/messages/${held.body.id}`)).body;
    expect(view.notBefore).toMatch(/T08:00:00\.000\+09:00$/);
    expect((await call(main.merchant.apiKey, 'POST', `/v1/messages/${held.body.id}/cancel`)).status).toBe(200);

    const tooFar = await call(main.merchant.apiKey, 'POST', '/v1/messages', {
      type: 'sms',
      to: mobile(),
      text: '[바른상점] 너무 먼 예약',
      scheduledAt: new Date(Date.now() + 367 * 86_400 * SECOND).toISOString(),
    });
    expect(tooFar.status).toBe(422);
    expect(tooFar.body.error).toMatchObject({
      code: 'scheduled_too_far',
      details: { violations: [expect.objectContaining({ field: 'scheduledAt' })] },
    });
  });

  it('takes scheduledAt on batch items: each scheduled or at once on its own', async () => {
    const [later, now] = [mobile(), mobile()];
    const batch = await call(main.merchant.apiKey, 'POST', '/v1/messages/batch', {
      messages: [
        { type: 'sms', to: later, text: '[바른상점] 나중에', scheduledAt: inSeconds(3600) },
        { type: 'sms', to: now, text: '[바른상점] 지금', scheduledAt: '2020-01-01T00:00:00+09:00' },
      ],
    });
    expect(batch.status).toBe(202);
    const [a, b] = batch.body.accepted.map((x: { id: string }) => x.id);
    expect((await call(main.merchant.apiKey, 'GET', `/v1/messages/${a}`)).body.status).toBe('scheduled');
    expect(await finalMessage(platform.api, main.merchant.apiKey, b, 30_000)).toMatchObject({ status: 'delivered' });
    expect((await call(main.merchant.apiKey, 'POST', `/v1/messages/${a}/cancel`)).body.status).toBe('cancelled');
    expect(await sims(later)).toEqual([]);
  });
});

describe('campaigns (SPEC §7)', () => {
  const campaign = (id: string, key = main.merchant.apiKey) => call(key, 'GET', `/v1/campaigns/${id}`);
  const settled = (id: string, timeoutMs = 90_000) =>
    eventually(
      async () => {
        const c = (await campaign(id)).body;
        return c.status === 'completed' || c.status === 'cancelled' ? c : undefined;
      },
      timeoutMs,
      `campaign ${id} to finish`,
    );

  it('sends a campaign of 300 recipients through the simulator, each an ordinary message, rejected rows reported per row', async () => {
    const recipients = Array.from({ length: 300 }, () => ({ to: mobile() }));
    recipients[7] = { to: '02-123-4567' };
    recipients[250] = { to: 'not a number' };
    const started = await call(main.merchant.apiKey, 'POST', '/v1/campaigns', {
      name: '봄 세일 안내',
      message: { type: 'sms', text: '[바른상점] 봄 세일 시작' },
      recipients,
    });
    expect(started.status).toBe(202);
    expect(started.body).toEqual({ id: expect.stringMatching(/^cmp_/), status: 'running', total: 300 });
    const { id } = started.body;
    expect((await campaign(id, other.merchant.apiKey)).status).toBe(404);

    const done = await settled(id);
    expect(done).toMatchObject({
      status: 'completed',
      total: 300,
      accepted: 298,
      rejected: 2,
      scheduled: 0,
      sending: 0,
      delivered: 298,
      failed: 0,
      cancelled: 0,
      finishedAt: expect.any(String),
    });
    const rejections = await call(main.merchant.apiKey, 'GET', `/v1/campaigns/${id}/rejections`);
    expect(rejections.body.data).toEqual([
      { index: 7, to: expect.any(String), error: expect.objectContaining({ code: 'invalid_recipient' }) },
      { index: 250, to: expect.any(String), error: expect.objectContaining({ code: 'invalid_recipient' }) },
    ]);
    const messages = await call(main.merchant.apiKey, 'GET', `/v1/messages?campaignId=${id}&limit=100`);
    expect(messages.body.data).toHaveLength(100);
    expect(messages.body.data.every((m: { campaignId: string; status: string }) => m.campaignId === id)).toBe(true);
    expect(await sims(recipients[0].to)).toHaveLength(1);
    expect(
      await platform
        .db('usage_records')
        .whereIn('message_id', platform.db('messages').where({ campaign_id: id }).select('id')),
    ).toHaveLength(298);
    expect((await call(other.merchant.apiKey, 'POST', `/v1/campaigns/${id}/cancel`)).status).toBe(404);
    expect((await call(main.merchant.apiKey, 'POST', `/v1/campaigns/${id}/pause`)).status).toBe(409);
  }, 120_000);

  it('fills a template per recipient from a CSV upload whose header row names `to` and the variables', async () => {
    await approvedTemplate(
      platform.api,
      main.merchant.apiKey,
      'SPRING_SALE',
      '#{name}님, #{coupon} 쿠폰이 도착했습니다.',
    );
    const [a, b] = [mobile(), mobile()];
    const started = await call(main.merchant.apiKey, 'POST', '/v1/campaigns', {
      name: '쿠폰',
      message: { type: 'alimtalk', templateCode: 'SPRING_SALE' },
      recipientsCsv: `\ufeffto,name,coupon\n${a},홍길동,"10%"\n${b},김철수,"20%, 무료배송"\n`,
    });
    expect(started.status).toBe(202);
    expect(await settled(started.body.id)).toMatchObject({ status: 'completed', total: 2, delivered: 2 });
    expect((await sims(a))[0].text).toBe('홍길동님, 10% 쿠폰이 도착했습니다.');
    expect((await sims(b))[0].text).toBe('김철수님, 20%, 무료배송 쿠폰이 도착했습니다.');

    const bad = await call(main.merchant.apiKey, 'POST', '/v1/campaigns', {
      name: '잘못된 CSV',
      message: { type: 'alimtalk', templateCode: 'SPRING_SALE' },
      recipientsCsv: 'phone,name\n01012345678,a\n',
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('csv_to_column_missing');
  });

  it('pauses, resumes and cancels a slow campaign: cancel stops the recipients whose turn has not come', async () => {
    const recipients = Array.from({ length: 40 }, () => ({ to: mobile() }));
    const started = await call(main.merchant.apiKey, 'POST', '/v1/campaigns', {
      name: '천천히',
      message: { type: 'sms', text: '[바른상점] 천천히 보내기' },
      recipients,
      ratePerMinute: 120,
    });
    const { id } = started.body;
    await eventually(async () => ((await campaign(id)).body.accepted >= 3 ? true : undefined), 30_000);
    const paused = await call(main.merchant.apiKey, 'POST', `/v1/campaigns/${id}/pause`);
    expect(paused.status).toBe(200);
    expect(paused.body.status).toBe('paused');
    const atPause = paused.body.accepted + paused.body.rejected;
    await new Promise((r) => setTimeout(r, 3 * SECOND));
    const still = (await campaign(id)).body;
    expect(still.status).toBe('paused');
    expect(still.accepted + still.rejected).toBeLessThanOrEqual(atPause + 2);
    expect((await call(main.merchant.apiKey, 'POST', `/v1/campaigns/${id}/pause`)).body.error.code).toBe(
      'campaign_paused',
    );

    expect((await call(main.merchant.apiKey, 'POST', `/v1/campaigns/${id}/resume`)).body.status).toBe('running');
    await eventually(async () => ((await campaign(id)).body.accepted >= still.accepted + 3 ? true : undefined), 30_000);
    const cancelled = await call(main.merchant.apiKey, 'POST', `/v1/campaigns/${id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    const final = await settled(id);
    expect(final.cancelled).toBeGreaterThan(0);
    expect(final.accepted + final.cancelled + final.rejected).toBe(40);
    await new Promise((r) => setTimeout(r, 2 * SECOND));
    const after = (await campaign(id)).body;
    expect(after.accepted).toBe(final.accepted);
    const untouched = recipients.slice(-5);
    for (const r of untouched) expect(await sims(r.to)).toEqual([]);
    expect((await call(main.merchant.apiKey, 'POST', `/v1/campaigns/${id}/resume`)).status).toBe(409);
  }, 120_000);

  it('refuses a campaign over the rate cap, and one without recipients', async () => {
    const fast = await call(main.merchant.apiKey, 'POST', '/v1/campaigns', {
      name: '너무 빠름',
      message: { type: 'sms', text: '[바른상점] 안내' },
      recipients: [{ to: mobile() }],
      ratePerMinute: 1_000_000,
    });
    expect(fast.status).toBe(422);
    expect(fast.body.error.code).toBe('rate_over_cap');
    const lonely = await call(main.merchant.apiKey, 'POST', '/v1/campaigns', {
      name: '수신자 없음',
      message: { type: 'sms', text: '[바른상점] 안내' },
    });
    expect(lonely.status).toBe(400);
  });

  it('with an Idempotency-Key, a retried start answers with the campaign it started and starts nothing more', async () => {
    const body = {
      name: '재시도',
      message: { type: 'sms', text: '[바른상점] 안내' },
      recipients: [{ to: mobile() }, { to: mobile() }],
      scheduledAt: inSeconds(3_600),
    };
    const start = (b: unknown, key: string) =>
      platform.api.call('POST', '/v1/campaigns', {
        key: main.merchant.apiKey,
        body: b,
        headers: { 'idempotency-key': key },
      });
    const key = `campaign-${Date.now()}`;
    const [first, again] = await Promise.all([start(body, key), start(body, key)]);
    expect([first.status, again.status]).toEqual([202, 202]);
    expect(again.body).toEqual(first.body);
    expect([first, again].filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(1);
    expect(await platform.db('campaigns').where({ idempotency_key: key })).toHaveLength(1);
    const later = await start(body, key);
    expect(later.body).toEqual(first.body);
    expect(later.headers.get('idempotent-replayed')).toBe('true');

    const other = await start({ ...body, name: '다른 요청' }, key);
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('idempotency_key_reused');
    expect((await call(main.merchant.apiKey, 'POST', `/v1/campaigns/${first.body.id}/cancel`)).status).toBe(200);
  });
});

describe('080 opt-out reported by the carrier (SPEC §4)', () => {
  it('puts the caller of a merchant’s verified 080 number on its opt-out list at once; later sends to it are refused', async () => {
    const registered = await call(main.merchant.apiKey, 'POST', `/v1/contracts/${main.contractId}/opt-out-numbers`, {
      number: '080-123-4567',
      proofDocument: { fileName: '080.pdf', contentBase64: PROOF_PDF_BASE64 },
    });
    expect(registered.status).toBe(201);
    expect(registered.body).toMatchObject({ number: '0801234567', status: 'pending' });
    // Not the merchant's to verify.
    expect(
      (await call(main.merchant.apiKey, 'POST', `/v1/opt-out-numbers/${registered.body.id}/verify`, {})).status,
    ).toBe(403);

    const caller = mobile();
    // A pending number names nobody yet.
    const early = await fetch(`${platform.simulator.url}/_sim/opt-out`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ to080: '080-123-4567', from: caller }),
    });
    expect(((await early.json()) as any).platform.error.code).toBe('opt_out_number_unknown');

    const verified = await call(null, 'POST', `/v1/opt-out-numbers/${registered.body.id}/verify`);
    expect(verified.status).toBe(401);
    expect(
      (await platform.api.call('POST', `/v1/opt-out-numbers/${registered.body.id}/verify`, { body: {} })).body.status,
    ).toBe('verified');

    const reported = await fetch(`${platform.simulator.url}/_sim/opt-out`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ to080: '080-123-4567', from: caller }),
    });
    expect(await reported.json()).toEqual({ reported: true, platform: { received: true, added: true } });

    const list = await call(main.merchant.apiKey, 'GET', '/v1/opt-outs?limit=100');
    expect(list.body.data.map((o: { number: string }) => o.number)).toContain(caller.replace(/-/g, ''));
    const refused = await call(main.merchant.apiKey, 'POST', '/v1/messages', {
      type: 'sms',
      to: caller,
      text: '[바른상점] 안내',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('recipient_opted_out');
    // Only this merchant's list: the other merchant may still send to the caller.
    const elsewhere = await call(other.merchant.apiKey, 'POST', '/v1/messages', {
      type: 'sms',
      to: caller,
      text: '[다른상점] 안내',
    });
    expect(elsewhere.status).toBe(202);

    await eventually(async () =>
      webhooks.events.some((h) => h.type === 'opt_out.created' && h.data.number === caller.replace(/-/g, ''))
        ? true
        : undefined,
    );
    const audit = await platform.db('audit_log').where({ action: 'opt_out.added', merchant_id: main.merchant.id });
    expect(audit).toContainEqual(expect.objectContaining({ actor_type: 'system', actor_id: 'carrier:sms' }));

    // The same call reported again adds nothing.
    const repeat = await fetch(`${platform.simulator.url}/_sim/opt-out`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ to080: '0801234567', from: caller }),
    });
    expect(((await repeat.json()) as any).platform).toEqual({ received: true, added: false });
  });

  it('refuses an opt-out report that is not signed with the carriers’ secret', async () => {
    const body = JSON.stringify({ event: 'opt_out', to080: '080-123-4567', from: mobile() });
    const unsigned = await platform.api.call('POST', '/v1/provider-reports/sms', { key: null, raw: body });
    expect(unsigned.status).toBe(401);
    const forged = await platform.api.call('POST', '/v1/provider-reports/sms', {
      key: null,
      raw: body,
      headers: { [SIGNATURE_HEADER]: sign('not-the-secret', body) },
    });
    expect(forged.status).toBe(401);
  });
});
