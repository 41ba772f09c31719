/**
 * Payment notices (결제 알림톡) end to end, the way a payment gateway and a merchant meet them:
 * payment events POSTed over HTTP, the notices delivered by the real workers on a Temporal dev
 * server through the carrier simulator (SPEC §3–4, §7, §8; form §2가; Art. 2.2). Besides the API the
 * tests look only at what a user cannot see: the simulator's record of sends (/_sim/sends), rows in
 * the database (usage records, messages, payment events) and Temporal's view of the workflows.
 *
 * Timers are short: the Kakao result timeout is 1 s and the result window ("48 h") is 4 s.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { activeContract, finalMessage, type ActiveContract } from '../support/api-fixtures';
import { eventually, startTestPlatform, type ApiResponse, type TestPlatform } from '../support/platform';
import { simulatorSends, type SimSend } from '../support/simulator';

let platform: TestPlatform;

const suffix = String(Math.floor(Math.random() * 1e6)).padStart(6, '0');
/** MIDs (5–20 letters and digits). */
const MID = `INIshop${suffix}`;
const OTHER_MID = `INIother${suffix}`;
const FROZEN_MID = `INIfrozen${suffix}`;
const WIDE_MID = `INIwide${suffix}`;

let middle = 2000 + Math.floor(Math.random() * 7000);
/** A fresh mobile number ending in `last4` (the simulator decides by the last 4 digits). */
const mobile = (last4 = '1234') => `010-${String(middle++).padStart(4, '0')}-${last4}`;
const digitsOf = (phone: string) => phone.replace(/-/g, '');
const masked = (phone: string) => `010-****-${phone.slice(-4)}`;

let tidSeq = 0;
const newTid = (kind = 'CARD') => `Stdpay${kind}${suffix}${String(++tidSeq).padStart(4, '0')}`;

/** The merchant most tests report for: receivers R1 and R2; buyer approval and virtual-account notices, no buyer-cancel. */
let shop: ActiveContract;
const RECEIVERS = [mobile('1111'), mobile('2222')];
const SHOP_NOTICES = {
  merchant: { approval: true, cancel: true },
  buyer: { approval: true, cancel: false, vbankIssued: true },
};

/** Another merchant with its own MID. */
let other: ActiveContract;
/** A merchant whose contract an operator suspended for maintenance. */
let frozen: ActiveContract;
/** A merchant with the form's maximum of 20 receiving numbers. */
let wide: ActiveContract;

const VBANK = { bank: '국민은행', accountNumber: '12345678901234', holder: '바른상점', dueDate: '2030-03-05' };

const allSends = () => simulatorSends(platform.simulator.url);
/** The simulator's sends of one notice (its idempotency keys are `<message id>:<channel>`). */
const sendsOf = (sends: SimSend[], messageId: string) =>
  sends.filter((s) => s.idempotencyKey.startsWith(`${messageId}:`));

const paymentEvent = (overrides: Record<string, unknown> = {}) => ({
  mid: MID,
  tid: newTid(),
  event: 'approved',
  method: 'card',
  amount: 12_000,
  productName: '무선 이어폰',
  buyer: { name: '김구매', phone: mobile() },
  ...overrides,
});

const post = (body: Record<string, unknown>, key: string = shop.merchant.apiKey) =>
  platform.api.call('POST', '/v1/payment-events', { key, body });

async function accepted(body: Record<string, unknown>, key?: string): Promise<ApiResponse> {
  const res = await post(body, key);
  if (res.status !== 202) throw new Error(`payment event not accepted: ${res.status} ${JSON.stringify(res.body)}`);
  return res;
}

const notices = (mid: string, tid: string, key: string = shop.merchant.apiKey) =>
  platform.api.call('GET', `/v1/payment-events/${mid}/${tid}`, { key });

/** GET /v1/payment-events/:mid/:tid once every event is completed and every notice final. */
async function settled(mid: string, tid: string, key: string = shop.merchant.apiKey): Promise<any> {
  return eventually(
    async () => {
      const res = await notices(mid, tid, key);
      if (res.status !== 200) return undefined;
      const done = res.body.events.every(
        (e: any) =>
          e.status === 'completed' && e.notices.every((n: any) => n.status === 'delivered' || n.status === 'failed'),
      );
      return done ? res.body : undefined;
    },
    20_000,
    `payment ${mid}/${tid} to finish`,
  );
}

const usageOf = (ids: string[]) =>
  platform
    .db('usage_records')
    .whereIn('message_id', ids)
    .orderBy('message_id')
    .select('message_id', 'usage_type', 'channel');
const messageCount = async (merchantId: string) =>
  Number((await platform.db('messages').where({ merchant_id: merchantId }).count({ n: '*' }))[0].n);
const eventRows = (tid: string) => platform.db('payment_events').where({ tid }).select('id');

const workflow = (id: string) => platform.env.client.workflow.getHandle(id).describe();

// --- the platform ---

beforeAll(async () => {
  platform = await startTestPlatform({ kakaoResultTimeout: '1s', resultWindow: '4s' });
  const noticesOnly = (mids: string[], receiverNumbers: string[], name: string) =>
    activeContract(platform.api, {
      services: { paymentNotice: SHOP_NOTICES },
      senderNumbers: [],
      receiverNumbers,
      mids,
      merchant: { name },
    });
  [shop, other, frozen, wide] = await Promise.all([
    noticesOnly([MID], RECEIVERS, '바른상점'),
    noticesOnly([OTHER_MID], [mobile('3333')], '다른상점'),
    noticesOnly([FROZEN_MID], [mobile('4444')], '멈춘상점'),
    noticesOnly(
      [WIDE_MID],
      Array.from({ length: 20 }, () => mobile('5555')),
      '넓은상점',
    ),
  ]);
  const suspended = await platform.api.call('POST', `/v1/contracts/${frozen.contractId}/suspend`, {
    body: { reason: 'maintenance' },
  });
  if (suspended.status >= 300)
    throw new Error(`suspension refused: ${suspended.status} ${JSON.stringify(suspended.body)}`);
  await eventually(
    async () =>
      (await platform.api.call('GET', `/v1/contracts/${frozen.contractId}`)).body.status === 'suspended'
        ? true
        : undefined,
    15_000,
    'the suspension',
  );
}, 120_000);

afterAll(() => platform?.close(), 60_000);

// --- the tests ---

describe('a card approval', () => {
  it('notifies both receiving numbers and the buyer by AlimTalk, all delivered and billed as payment notices', async () => {
    const body = paymentEvent();
    const res = await accepted(body);
    expect(res.body).toEqual({
      paymentEventId: expect.stringMatching(/^pev_/),
      notices: [expect.stringMatching(/^msg_/), expect.stringMatching(/^msg_/), expect.stringMatching(/^msg_/)],
      skipped: [],
    });
    expect(new Set(res.body.notices).size).toBe(3);

    const view = await settled(MID, body.tid);
    expect(view).toMatchObject({ mid: MID, tid: body.tid });
    expect(view.events).toHaveLength(1);
    const [ev] = view.events;
    expect(ev).toMatchObject({
      id: res.body.paymentEventId,
      event: 'approved',
      method: 'card',
      amount: 12_000,
      productName: '무선 이어폰',
      status: 'completed',
      skipped: [],
    });
    expect(ev.notices.map((n: any) => n.id).sort()).toEqual([...res.body.notices].sort());
    const seen = ev.notices.map((n: any) => [n.audience, n.to]).sort();
    expect(seen).toEqual(
      [['buyer', masked(body.buyer.phone)], ...RECEIVERS.map((r) => ['merchant', masked(r)])].sort(),
    );
    for (const n of ev.notices) {
      expect(n).toMatchObject({
        type: 'payment_notice',
        status: 'delivered',
        deliveredVia: 'alimtalk',
        failureReason: null,
        from: '15884954',
      });
    }
    // Recipients are masked everywhere in the answer.
    for (const phone of [...RECEIVERS, body.buyer.phone]) expect(JSON.stringify(view)).not.toContain(digitsOf(phone));

    const usage = await usageOf(res.body.notices);
    expect(usage).toHaveLength(3);
    for (const u of usage) expect(u).toMatchObject({ usage_type: 'paymentNotice', channel: 'alimtalk' });

    // What went out: one AlimTalk per notice, from the company's channel, on the fixed template.
    const sends = await allSends();
    for (const id of res.body.notices) {
      expect(sendsOf(sends, id)).toEqual([
        expect.objectContaining({
          provider: 'kakao',
          type: 'alimtalk',
          templateCode: 'PAYNOTI_APPROVAL',
          senderKey: '@bizmsg-payments',
          attempts: 1,
        }),
      ]);
    }
    const [toBuyer] = sends.filter((s) => s.to === digitsOf(body.buyer.phone));
    expect(toBuyer.text).toBe(
      `[바른상점] 결제가 완료되었습니다.\n\n상품명: 무선 이어폰\n결제금액: 12,000원\n결제수단: 신용카드\n거래번호: ${body.tid}`,
    );
  });

  it('reported again (same mid, tid, event) answers with the same notices, marked Idempotent-Replayed, and sends nothing new', async () => {
    const body = paymentEvent();
    const first = await accepted(body);
    const view = await settled(MID, body.tid);
    const parentId = `payment-notice-${MID}-${body.tid}-approved`;
    const parentBefore = await workflow(parentId);
    const childrenBefore = await Promise.all(first.body.notices.map((id: string) => workflow(`message-${id}`)));
    const sendsBefore = await allSends();
    const rowsBefore = await messageCount(shop.merchant.id);
    const attemptsBefore = await platform
      .db('message_attempts')
      .whereIn('message_id', first.body.notices)
      .orderBy(['message_id', 'seq'])
      .select();

    const again = await post(body);
    expect(again.status).toBe(202);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.paymentEventId).toBe(first.body.paymentEventId);
    expect([...again.body.notices].sort()).toEqual([...first.body.notices].sort());
    expect(again.body.skipped).toEqual(first.body.skipped);

    // A gateway retrying later must not trigger anything: give a second run time to show itself.
    await sleep(2_500);
    // The carriers got no new request (the simulator counts every POST of a send as an attempt).
    const sendsAfter = await allSends();
    expect(sendsAfter).toHaveLength(sendsBefore.length);
    for (const id of first.body.notices) expect(sendsOf(sendsAfter, id)).toEqual(sendsOf(sendsBefore, id));
    expect(await messageCount(shop.merchant.id)).toBe(rowsBefore);
    expect(
      await platform
        .db('message_attempts')
        .whereIn('message_id', first.body.notices)
        .orderBy(['message_id', 'seq'])
        .select(),
    ).toEqual(attemptsBefore);
    expect(await eventRows(body.tid)).toHaveLength(1);
    expect(await usageOf(first.body.notices)).toHaveLength(3);
    // Temporal: still the one run of the event and of each notice.
    expect((await workflow(parentId)).runId).toBe(parentBefore.runId);
    const childrenAfter = await Promise.all(first.body.notices.map((id: string) => workflow(`message-${id}`)));
    expect(childrenAfter.map((d) => d.runId)).toEqual(childrenBefore.map((d) => d.runId));
    const viewAfter = (await notices(MID, body.tid)).body;
    expect(viewAfter.events[0].notices.map((n: any) => [n.id, n.status, n.finalizedAt])).toEqual(
      view.events[0].notices.map((n: any) => [n.id, n.status, n.finalizedAt]),
    );
  });

  it('reported again answers exactly as the first time, notices listed in the same order (20 receivers)', async () => {
    const body = paymentEvent({ mid: WIDE_MID, buyer: { phone: mobile() } });
    const first = await accepted(body, wide.merchant.apiKey);
    expect(first.body.notices).toHaveLength(21);
    const again = await post(body, wide.merchant.apiKey);
    expect(again.status).toBe(202);
    expect(again.body).toEqual(first.body);
    await settled(WIDE_MID, body.tid, wide.merchant.apiKey);
  });
});

describe('a cancellation', () => {
  it('with buyer-cancel not applied for: only the two receiving numbers are told, and the answer says why the buyer was skipped', async () => {
    const body = paymentEvent({ event: 'cancelled' });
    const res = await accepted(body);
    expect(res.body.notices).toHaveLength(2);
    expect(res.body.skipped).toEqual([
      { audience: 'buyer', reason: 'service_not_applied', message: expect.any(String) },
    ]);

    const view = await settled(MID, body.tid);
    const [ev] = view.events;
    expect(ev.skipped).toEqual(res.body.skipped);
    expect(ev.notices.map((n: any) => [n.audience, n.to]).sort()).toEqual(
      RECEIVERS.map((r) => ['merchant', masked(r)]).sort(),
    );
    for (const n of ev.notices) expect(n).toMatchObject({ status: 'delivered', deliveredVia: 'alimtalk' });

    const sends = await allSends();
    expect(sends.filter((s) => s.to === digitsOf(body.buyer.phone))).toEqual([]);
    for (const id of res.body.notices) {
      const [s] = sendsOf(sends, id);
      expect(s).toMatchObject({ templateCode: 'PAYNOTI_CANCEL' });
      expect(s.text).toContain('결제가 취소되었습니다');
      expect(s.text).toContain('취소금액: 12,000원');
    }
  });
});

describe('events that are refused, with nothing stored or sent', () => {
  it.each(['cash', 'point'])(
    'a %s payment is refused with 422 payment_method_not_supported (Art. 2.2)',
    async (method) => {
      const rows = await messageCount(shop.merchant.id);
      const body = paymentEvent({ method });
      const res = await post(body);
      expect(res.status).toBe(422);
      expect(res.body.error).toMatchObject({ code: 'payment_method_not_supported', message: expect.any(String) });
      expect(await eventRows(body.tid)).toHaveLength(0);
      expect(await messageCount(shop.merchant.id)).toBe(rows);
      expect((await notices(MID, body.tid)).status).toBe(404);
    },
  );

  it('a virtual-account event for a card payment is refused', async () => {
    const res = await post(paymentEvent({ event: 'vbank_deposited', method: 'card' }));
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('event_method_mismatch');
  });

  it('a buyer phone that is not a mobile number is refused', async () => {
    const body = paymentEvent({ buyer: { phone: '02-2345-6789' } });
    const res = await post(body);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('invalid_buyer_phone');
    expect(await eventRows(body.tid)).toHaveLength(0);
  });

  it('a malformed event (unknown event name, fractional amount) is a 400', async () => {
    expect((await post(paymentEvent({ event: 'refunded' }))).status).toBe(400);
    expect((await post(paymentEvent({ amount: 12_000.5 }))).status).toBe(400);
  });
});

describe('a virtual account (가상계좌)', () => {
  it('notifies nothing at approval, the buyer (with the account) at issue, and everyone at deposit', async () => {
    const tid = newTid('VBANK');
    const buyer = { name: '김구매', phone: mobile() };
    const base = { mid: MID, tid, method: 'vbank', amount: 35_000, productName: '겨울 패딩', buyer };

    const approved = await accepted({ ...base, event: 'approved' });
    expect(approved.body).toEqual({
      paymentEventId: expect.stringMatching(/^pev_/),
      notices: [],
      skipped: expect.arrayContaining([
        expect.objectContaining({ audience: 'merchant', reason: 'approval_sent_on_deposit' }),
        expect.objectContaining({ audience: 'buyer', reason: 'approval_sent_on_deposit' }),
      ]),
    });
    expect(approved.body.skipped).toHaveLength(2);

    const withoutAccount = await post({ ...base, event: 'vbank_issued' });
    expect(withoutAccount.status).toBe(422);
    expect(withoutAccount.body.error.code).toBe('vbank_details_required');

    const issued = await accepted({ ...base, event: 'vbank_issued', vbank: VBANK });
    expect(issued.body.notices).toHaveLength(1);
    expect(issued.body.skipped).toEqual([
      { audience: 'merchant', reason: 'no_notice_for_event', message: expect.any(String) },
    ]);
    const issuedNotice = await finalMessage(platform.api, shop.merchant.apiKey, issued.body.notices[0], 20_000);
    expect(issuedNotice).toMatchObject({ to: masked(buyer.phone), status: 'delivered', deliveredVia: 'alimtalk' });
    const [vbankSend] = sendsOf(await allSends(), issued.body.notices[0]);
    expect(vbankSend).toMatchObject({ provider: 'kakao', to: digitsOf(buyer.phone), templateCode: 'PAYNOTI_VBANK' });
    for (const part of ['국민은행', '12345678901234', '예금주: 바른상점', '2030-03-05', '35,000원'])
      expect(vbankSend.text).toContain(part);

    const deposited = await accepted({ ...base, event: 'vbank_deposited' });
    expect(deposited.body.notices).toHaveLength(3);
    expect(deposited.body.skipped).toEqual([]);

    const view = await settled(MID, tid);
    expect(view.events.map((e: any) => [e.event, e.notices.length])).toEqual([
      ['approved', 0],
      ['vbank_issued', 1],
      ['vbank_deposited', 3],
    ]);
    const atDeposit = view.events[2].notices;
    expect(atDeposit.map((n: any) => [n.audience, n.to]).sort()).toEqual(
      [['buyer', masked(buyer.phone)], ...RECEIVERS.map((r) => ['merchant', masked(r)])].sort(),
    );
    for (const n of atDeposit) expect(n).toMatchObject({ status: 'delivered', deliveredVia: 'alimtalk' });
    const sends = await allSends();
    for (const id of deposited.body.notices) {
      const [s] = sendsOf(sends, id);
      expect(s).toMatchObject({ templateCode: 'PAYNOTI_APPROVAL' });
      expect(s.text).toContain('결제가 완료되었습니다');
      expect(s.text).toContain('결제수단: 가상계좌');
    }
    const usage = await usageOf([...issued.body.notices, ...deposited.body.notices]);
    expect(usage.map((u: any) => u.usage_type)).toEqual([
      'paymentNotice',
      'paymentNotice',
      'paymentNotice',
      'paymentNotice',
    ]);
  });
});

describe('a notice Kakao cannot deliver (form §2가: SMS from 1588-4954)', () => {
  it('buyer 9001 (not a KakaoTalk user): delivered by SMS from 15884954 and billed as SMS; 9003: failed and not billed', async () => {
    const fallsBack = paymentEvent({ buyer: { phone: mobile('9001') } });
    const fails = paymentEvent({ buyer: { phone: mobile('9003') } });
    const [a, b] = await Promise.all([accepted(fallsBack), accepted(fails)]);
    const [viewA, viewB] = await Promise.all([settled(MID, fallsBack.tid), settled(MID, fails.tid)]);

    const buyerA = viewA.events[0].notices.find((n: any) => n.audience === 'buyer');
    expect(buyerA).toMatchObject({
      to: masked(fallsBack.buyer.phone),
      status: 'delivered',
      deliveredVia: 'sms',
      from: '15884954',
    });
    expect(buyerA.attempts.map((s: any) => `${s.channel}:${s.status}`)).toEqual([
      'alimtalk:sent',
      'alimtalk:failed',
      'sms:sent',
      'sms:delivered',
    ]);
    const smsA = sendsOf(await allSends(), buyerA.id).filter((s) => s.provider === 'sms');
    expect(smsA).toEqual([
      expect.objectContaining({
        type: 'sms',
        from: '15884954',
        to: digitsOf(fallsBack.buyer.phone),
        text: '[바른상점] 결제완료 12,000원',
      }),
    ]);
    expect(await usageOf([buyerA.id])).toEqual([{ message_id: buyerA.id, usage_type: 'sms', channel: 'sms' }]);
    // The receivers' notices of the same event are unaffected.
    const merchantA = a.body.notices.filter((id: string) => id !== buyerA.id);
    expect((await usageOf(merchantA)).map((u: any) => u.usage_type)).toEqual(['paymentNotice', 'paymentNotice']);

    const buyerB = viewB.events[0].notices.find((n: any) => n.audience === 'buyer');
    expect(buyerB).toMatchObject({ to: masked(fails.buyer.phone), status: 'failed', deliveredVia: null });
    expect(buyerB.failureReason).toEqual(expect.any(String));
    expect(buyerB.attempts.map((s: any) => `${s.channel}:${s.status}`)).toEqual([
      'alimtalk:sent',
      'alimtalk:failed',
      'sms:sent',
      'sms:failed',
    ]);
    expect(await usageOf([buyerB.id])).toEqual([]);
    expect(await usageOf(b.body.notices)).toHaveLength(2);
  });
});

describe('whose MIDs a caller may report for', () => {
  it('another merchant’s MID is refused with 422 mid_not_found, as is an unknown MID', async () => {
    for (const mid of [OTHER_MID, `INInone${suffix}`]) {
      const body = paymentEvent({ mid });
      const res = await post(body);
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('mid_not_found');
      expect(await eventRows(body.tid)).toHaveLength(0);
    }
  });

  it('a suspended contract’s MID is refused with 422 contract_suspended, and nothing is queued', async () => {
    const rows = await messageCount(frozen.merchant.id);
    const body = paymentEvent({ mid: FROZEN_MID });
    const res = await post(body, frozen.merchant.apiKey);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('contract_suspended');
    expect(await eventRows(body.tid)).toHaveLength(0);
    expect(await messageCount(frozen.merchant.id)).toBe(rows);
  });

  it('another merchant cannot see a payment’s notices (404), the owner and operators can', async () => {
    const body = paymentEvent({ buyer: undefined });
    await accepted(body);
    expect((await notices(MID, body.tid, other.merchant.apiKey)).status).toBe(404);
    expect((await notices(MID, body.tid, shop.merchant.apiKey)).status).toBe(200);
    expect((await platform.api.call('GET', `/v1/payment-events/${MID}/${body.tid}`)).status).toBe(200);
    expect((await notices(MID, `${body.tid}X`)).status).toBe(404);
  });

  it('the operator key may report a payment event; its notices belong to the MID’s merchant', async () => {
    const body = paymentEvent({ buyer: { name: '김구매' } });
    const asOperator = await platform.api.call('POST', '/v1/payment-events', { body });
    expect(asOperator.status).toBe(202);
    const answer = asOperator.body;
    expect(asOperator.headers.get('idempotent-replayed')).toBeNull();
    expect(answer.notices).toHaveLength(2);
    expect(answer.skipped).toEqual([{ audience: 'buyer', reason: 'no_buyer_phone', message: expect.any(String) }]);
    for (const id of answer.notices)
      expect((await platform.api.call('GET', `/v1/messages/${id}`, { key: shop.merchant.apiKey })).status).toBe(200);
    const view = await settled(MID, body.tid);
    expect(view.events[0].notices.every((n: any) => n.status === 'delivered')).toBe(true);
  });
});

describe('in Temporal (what an operator sees)', () => {
  it('each event runs as PaymentNoticeWorkflow payment-notice-<mid>-<tid>-<event>, which completes after its message-<id> children', async () => {
    const body = paymentEvent();
    const res = await accepted(body);
    await settled(MID, body.tid);
    const parentId = `payment-notice-${MID}-${body.tid}-approved`;
    const parent = await eventually(
      async () => {
        const d = await workflow(parentId);
        return d.status.name === 'COMPLETED' ? d : undefined;
      },
      15_000,
      'the payment-notice workflow to complete',
    );
    expect(parent.type).toBe('PaymentNoticeWorkflow');
    for (const id of res.body.notices) {
      const child = await workflow(`message-${id}`);
      expect(child).toMatchObject({ type: 'MessageWorkflow', status: { name: 'COMPLETED' } });
      expect(child.parentExecution?.workflowId).toBe(parentId);
      expect(child.parentExecution?.runId).toBe(parent.runId);
      expect(Date.parse(String(child.closeTime))).toBeLessThanOrEqual(Date.parse(String(parent.closeTime)));
    }
  });
});
