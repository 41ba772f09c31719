/**
 * MessageWorkflow on the time-skipping server (SPEC §4, §8): real PostgreSQL, real activities,
 * in-process fake providers. The carriers' reports are signalled by the test at the (skipped) time
 * it chooses; the production timing is used throughout (Kakao result timeout 30 s, result window
 * 48 h) and time-skipping lets it pass in seconds.
 *
 * Each test gets its own time-skipping server, whose clock starts at the wall clock: the
 * workflow measures its windows from `sentAt`, which the send activity takes from the worker's
 * wall clock, so a server clock already skipped ahead by an earlier test would shorten them (see
 * the last test).
 */
import type { WorkflowHandle } from '@temporalio/client';
import type { SuspensionReason } from '../../domain/contract';
import { delivered, failed, type MessageOutcome, type ProviderName } from '../../domain/delivery';
import type { Channel } from '../../domain/message';
import { idempotencyKeyFor } from '../../domain/provider-keys';
import { RESULT_CODES } from '../../simulator/outcomes';
import { addOptOut } from '../../store/messages';
import { MessageWorkflow, providerReportSignal } from '../../workflows/message';
import type { FakeSend } from '../support/fake-providers';
import { seedActiveContract } from '../support/fixtures';
import { eventuallyPasses } from '../support/wait';
import { seedAcceptedMessage, serverPerTest, workflowTestFile } from '../support/workflow-tests';

const SECOND = 1_000;
const HOUR = 3_600_000;
const KAKAO_RESULT_TIMEOUT_MS = 30 * SECOND;
const RESULT_WINDOW_MS = 48 * HOUR;
const MINUTE = 60 * SECOND;
const SEND_DEADLINE_KAKAO_MS = 2 * MINUTE;
const SEND_DEADLINE_SMS_MS = 10 * MINUTE;
const SENDER = '0223456789';

const t = workflowTestFile();
const server = serverPerTest(t);

/** A merchant with an active contract (all messaging services, sender number verified) in the projection. */
async function seedContract(opts: { suspended?: boolean } = {}) {
  const { merchant, app, suspend } = await seedActiveContract(t.db, await server.env.currentTimeMs(), {
    verifySenderNumber: true,
  });
  const suspendNow = async (reason: SuspensionReason) => suspend(reason, await server.env.currentTimeMs());
  // Suspended after the message was accepted, before its workflow sends it.
  if (opts.suspended) await suspendNow('unpaid_fees');
  return { merchantId: merchant.id, contractId: app.id, suspend: suspendNow };
}

interface MessageUnderTest {
  id: string;
  handle: WorkflowHandle<typeof MessageWorkflow>;
  /** The provider's send of this message on a channel, once it exists. */
  sent(channel: Channel): Promise<FakeSend>;
  report(send: FakeSend, status: 'delivered' | 'failed'): Promise<void>;
  /** The contract is suspended now (e.g. for spoofing), while the message is under way. */
  suspendContract(reason: SuspensionReason): Promise<void>;
  /** The recipient joins the merchant's opt-out list now. */
  optOutRecipient(): Promise<void>;
  row(): Promise<{
    status: string;
    delivered_via: string | null;
    failure_reason: string | null;
    finalized_at: Date | null;
  }>;
  /** The timeline as `channel:status`, in order. */
  timeline(): Promise<string[]>;
  usage(): Promise<{ usage_type: string; channel: string }[]>;
  running(): Promise<boolean>;
}

/** Seeds a contract and an accepted message to a number ending in `last4`, and starts its workflow. */
async function startMessage(
  last4: string,
  opts: { type?: 'alimtalk' | 'sms' | 'payment_notice'; suspended?: boolean; fallback?: boolean } = {},
): Promise<MessageUnderTest> {
  const type = opts.type ?? 'alimtalk';
  const kakao = type !== 'sms';
  const withFallback = kakao && opts.fallback !== false;
  const { merchantId, contractId, suspend } = await seedContract(opts);
  const recipient = `0101234${last4}`;
  const { id, handle } = await seedAcceptedMessage(
    server.env,
    t.db,
    {
      merchantId,
      contractId,
      type,
      recipient,
      senderNumber: SENDER,
      text: kakao ? '[바른상점] 홍길동님, 주문(A-1001)이 접수되었습니다.' : '[바른상점] 주문 접수',
      templateCode: kakao ? 'ORDER_ACCEPTED' : null,
      variables: type === 'alimtalk' ? { name: '홍길동', order: 'A-1001' } : null,
      fallback: withFallback ? { channel: 'sms', text: '[바른상점] 주문 A-1001 접수' } : null,
    },
    {
      fallback: withFallback ? 'sms' : null,
      kakaoResultTimeoutMs: KAKAO_RESULT_TIMEOUT_MS,
      resultWindowMs: RESULT_WINDOW_MS,
      sendDeadlines: { kakaoMs: SEND_DEADLINE_KAKAO_MS, smsMs: SEND_DEADLINE_SMS_MS },
    },
  );
  return {
    id,
    handle,
    sent: (channel) => server.fake.waitForSend((s) => s.idempotencyKey === idempotencyKeyFor(id, channel)),
    report: (send, status) =>
      handle.signal(providerReportSignal, {
        provider: send.provider,
        providerMessageId: send.providerMessageId,
        idempotencyKey: send.idempotencyKey,
        status,
        resultCode: resultCode(send.provider, status),
        reportedAt: null,
      }),
    suspendContract: suspend,
    optOutRecipient: () => addOptOut(t.db, merchantId, recipient).then(() => undefined),
    row: () => t.db('messages').where({ id }).first('status', 'delivered_via', 'failure_reason', 'finalized_at'),
    timeline: async () =>
      (await t.db('message_attempts').where({ message_id: id }).orderBy('seq')).map((a) => `${a.channel}:${a.status}`),
    usage: () => t.db('usage_records').where({ message_id: id }).select('usage_type', 'channel'),
    running: async () => (await handle.describe()).status.name === 'RUNNING',
  };
}

function resultCode(provider: ProviderName, status: 'delivered' | 'failed'): string {
  if (provider === 'kakao')
    return status === 'delivered' ? RESULT_CODES.kakao.delivered : RESULT_CODES.kakao.notKakaoUser;
  return status === 'delivered' ? RESULT_CODES.sms.delivered : RESULT_CODES.sms.rejected;
}

/** The workflow's result and the message as stored agree on the final outcome. */
async function expectOutcome(m: MessageUnderTest, outcome: MessageOutcome): Promise<void> {
  expect(await m.handle.result()).toEqual(outcome);
  expect(await m.row()).toMatchObject({
    status: outcome.status,
    delivered_via: outcome.deliveredVia,
    failure_reason: outcome.failureReason,
    finalized_at: expect.any(Date),
  });
}

describe('MessageWorkflow (SPEC §8 test numbers)', () => {
  it('delivers an AlimTalk via Kakao and bills it once as alimtalk (any other number)', async () => {
    const m = await startMessage('5678');
    await m.report(await m.sent('alimtalk'), 'delivered');

    await expectOutcome(m, delivered('alimtalk'));
    expect(await m.timeline()).toEqual(['alimtalk:sent', 'alimtalk:delivered']);
    expect(await m.usage()).toEqual([{ usage_type: 'alimtalk', channel: 'alimtalk' }]);
    expect(server.fake.sendsOf('sms')).toEqual([]);
  });

  it('falls back to SMS when Kakao fails (not a KakaoTalk user, 9001) and bills it as sms', async () => {
    const m = await startMessage('9001');
    await m.report(await m.sent('alimtalk'), 'failed');
    const sms = await m.sent('sms');
    expect(sms.message).toMatchObject({
      type: 'sms',
      from: SENDER,
      to: '01012349001',
      text: '[바른상점] 주문 A-1001 접수',
    });
    await m.report(sms, 'delivered');

    await expectOutcome(m, delivered('sms'));
    expect(await m.timeline()).toEqual(['alimtalk:sent', 'alimtalk:failed', 'sms:sent', 'sms:delivered']);
    expect(await m.usage()).toEqual([{ usage_type: 'sms', channel: 'sms' }]);
  });

  it('sends the fallback only after the 30 s Kakao timeout when Kakao stays silent (9002), then keeps listening for Kakao until the 48 h window ends', async () => {
    const m = await startMessage('9002');
    const kakao = await m.sent('alimtalk');

    await server.env.sleep(29 * SECOND);
    expect(server.fake.sendsOf('sms')).toEqual([]);
    expect((await m.row()).status).toBe('sending');
    // Its report is late: the workflow asked Kakao in the meantime (first poll after 10 s).
    expect(
      server.fake.statusCalls.filter((c) => c.providerMessageId === kakao.providerMessageId).length,
    ).toBeGreaterThanOrEqual(1);

    await server.env.sleep(2 * SECOND);
    const sms = await m.sent('sms');
    await m.report(sms, 'delivered');
    await eventuallyPasses(async () =>
      expect(await m.row()).toMatchObject({
        status: 'delivered',
        delivered_via: 'sms',
        finalized_at: expect.any(Date),
      }),
    );
    // Final for the merchant, but Kakao still has its 48 h to report (Art. 5.3).
    expect(await m.running()).toBe(true);
    await server.env.sleep(47 * HOUR);
    expect(await m.running()).toBe(true);

    expect(await m.handle.result()).toEqual({ status: 'delivered', deliveredVia: 'sms', failureReason: null });
    expect(await m.timeline()).toEqual(['alimtalk:sent', 'alimtalk:no_result', 'sms:sent', 'sms:delivered']);
    expect(await m.usage()).toEqual([{ usage_type: 'sms', channel: 'sms' }]);
  });

  it('fails with carrier_rejected when Kakao fails and the SMS carrier rejects the number (9003), and bills nothing', async () => {
    const m = await startMessage('9003');
    await m.report(await m.sent('alimtalk'), 'failed');
    await m.report(await m.sent('sms'), 'failed');

    await expectOutcome(m, failed('carrier_rejected'));
    expect(await m.timeline()).toEqual(['alimtalk:sent', 'alimtalk:failed', 'sms:sent', 'sms:failed']);
    expect(await m.usage()).toEqual([]);
  });

  it('fails with result_timeout 48 h after the fallback when the SMS carrier never reports (9004), having polled it, and bills nothing', async () => {
    const m = await startMessage('9004');
    await m.report(await m.sent('alimtalk'), 'failed');
    const sms = await m.sent('sms');

    await server.env.sleep(47 * HOUR);
    expect(await m.row()).toMatchObject({ status: 'sending', finalized_at: null });
    expect(await m.running()).toBe(true);

    await expectOutcome(m, failed('result_timeout'));
    expect(await m.timeline()).toEqual(['alimtalk:sent', 'alimtalk:failed', 'sms:sent', 'sms:no_result']);
    expect(await m.usage()).toEqual([]);
    expect(
      server.fake.statusCalls.filter((c) => c.provider === 'sms' && c.providerMessageId === sms.providerMessageId)
        .length,
    ).toBeGreaterThan(0);
  });

  it.each<[string, Channel, Channel, string[]]>([
    ['the SMS fallback’s', 'sms', 'alimtalk', ['sms:delivered', 'alimtalk:late_delivered']],
    ['Kakao’s late', 'alimtalk', 'sms', ['alimtalk:late_delivered', 'sms:late_delivered']],
  ])(
    'both deliver after the Kakao timeout (9005): %s success, reported first, wins and is billed once; the other is a late result',
    async (_which, first, second, tail) => {
      const m = await startMessage('9005');
      const kakao = await m.sent('alimtalk');
      await server.env.sleep(31 * SECOND);
      const sms = await m.sent('sms');
      const sendOf = (channel: Channel) => (channel === 'sms' ? sms : kakao);
      await m.report(sendOf(first), 'delivered');
      await eventuallyPasses(async () =>
        expect(await m.row()).toMatchObject({ status: 'delivered', delivered_via: first }),
      );
      expect(await m.usage()).toEqual([{ usage_type: first, channel: first }]);

      await server.env.sleep(60 * SECOND);
      await m.report(sendOf(second), 'delivered');

      expect(await m.handle.result()).toEqual({ status: 'delivered', deliveredVia: first, failureReason: null });
      expect(await m.row()).toMatchObject({ status: 'delivered', delivered_via: first, failure_reason: null });
      expect(await m.timeline()).toEqual(['alimtalk:sent', 'alimtalk:no_result', 'sms:sent', ...tail]);
      expect(await m.usage()).toEqual([{ usage_type: first, channel: first }]);
    },
  );

  it('retries a send the provider answered 503 with the same idempotency key, never sending twice (9006)', async () => {
    server.fake.unavailableOnce((a) => a.message.to.endsWith('9006'));
    const m = await startMessage('9006');
    const kakao = await m.sent('alimtalk');
    await m.report(kakao, 'delivered');

    expect(await m.handle.result()).toEqual({ status: 'delivered', deliveredVia: 'alimtalk', failureReason: null });
    expect(server.fake.sends).toEqual([
      expect.objectContaining({ provider: 'kakao', idempotencyKey: idempotencyKeyFor(m.id, 'alimtalk'), attempts: 2 }),
    ]);
    expect(await m.timeline()).toEqual(['alimtalk:sent', 'alimtalk:delivered']);
    expect(await m.usage()).toEqual([{ usage_type: 'alimtalk', channel: 'alimtalk' }]);
  });

  it('finds the result by polling the provider when its report is lost, before the Kakao timeout (first poll at 10 s)', async () => {
    const m = await startMessage('5678');
    const kakao = await m.sent('alimtalk');
    server.fake.setStatus(kakao.providerMessageId, {
      status: 'delivered',
      resultCode: RESULT_CODES.kakao.delivered,
      reportedAt: null,
    });

    await server.env.sleep(9 * SECOND);
    expect(server.fake.statusCalls).toEqual([]);
    expect((await m.row()).status).toBe('sending');
    await server.env.sleep(2 * SECOND);
    await eventuallyPasses(async () =>
      expect(await m.row()).toMatchObject({ status: 'delivered', delivered_via: 'alimtalk' }),
    );

    expect(await m.handle.result()).toEqual({ status: 'delivered', deliveredVia: 'alimtalk', failureReason: null });
    expect(server.fake.statusCalls).toEqual([{ provider: 'kakao', providerMessageId: kakao.providerMessageId }]);
    expect(server.fake.sendsOf('sms')).toEqual([]);
    expect(await m.row()).toMatchObject({ status: 'delivered', delivered_via: 'alimtalk' });
    expect(await m.timeline()).toEqual(['alimtalk:sent', 'alimtalk:delivered']);
    expect(await m.usage()).toEqual([{ usage_type: 'alimtalk', channel: 'alimtalk' }]);
  });

  it('fails a plain SMS with result_timeout when the carrier never reports within 48 h', async () => {
    const m = await startMessage('9004', { type: 'sms' });
    const sms = await m.sent('sms');
    expect(sms.message).toMatchObject({ type: 'sms', from: SENDER, text: '[바른상점] 주문 접수' });

    await server.env.sleep(47 * HOUR);
    expect((await m.row()).status).toBe('sending');

    await expectOutcome(m, failed('result_timeout'));
    expect(await m.timeline()).toEqual(['sms:sent', 'sms:no_result']);
    expect(await m.usage()).toEqual([]);
    expect(server.fake.sendsOf('kakao')).toEqual([]);
  });

  it('sends nothing when the contract was suspended between acceptance and sending: failed contract_suspended', async () => {
    const m = await startMessage('5678', { suspended: true });

    expect(await m.handle.result()).toEqual({
      status: 'failed',
      deliveredVia: null,
      failureReason: 'contract_suspended',
    });
    expect(server.fake.sends).toEqual([]);
    expect(await m.row()).toMatchObject({
      status: 'failed',
      delivered_via: null,
      failure_reason: 'contract_suspended',
      finalized_at: expect.any(Date),
    });
    expect(await m.timeline()).toEqual(['alimtalk:rejected']);
    expect(await m.usage()).toEqual([]);
  });

  it('ignores duplicate reports: the same Kakao or SMS report twice changes nothing', async () => {
    // A duplicate Kakao failure while the fallback is under way.
    const a = await startMessage('9001');
    const kakao = await a.sent('alimtalk');
    await a.report(kakao, 'failed');
    await a.report(kakao, 'failed');
    await a.report(await a.sent('sms'), 'delivered');
    expect(await a.handle.result()).toEqual({ status: 'delivered', deliveredVia: 'sms', failureReason: null });
    expect(await a.timeline()).toEqual(['alimtalk:sent', 'alimtalk:failed', 'sms:sent', 'sms:delivered']);
    expect(await a.usage()).toEqual([{ usage_type: 'sms', channel: 'sms' }]);
    expect(server.fake.sendsOf('sms').filter((s) => s.idempotencyKey.startsWith(a.id))).toHaveLength(1);

    // A duplicate SMS delivery while the workflow still listens for Kakao.
    const b = await startMessage('9002');
    await b.sent('alimtalk');
    await server.env.sleep(31 * SECOND);
    const sms = await b.sent('sms');
    await b.report(sms, 'delivered');
    await b.report(sms, 'delivered');
    await eventuallyPasses(async () => expect((await b.row()).status).toBe('delivered'));
    expect(await b.running()).toBe(true);
    expect(await b.handle.result()).toEqual({ status: 'delivered', deliveredVia: 'sms', failureReason: null });
    expect(await b.timeline()).toEqual(['alimtalk:sent', 'alimtalk:no_result', 'sms:sent', 'sms:delivered']);
    expect(await b.usage()).toEqual([{ usage_type: 'sms', channel: 'sms' }]);
  });

  it('falls back to SMS at once when the Kakao provider refuses the send outright', async () => {
    server.fake.reject((a) => a.provider === 'kakao', 'invalid_sender_key');
    const m = await startMessage('5678');
    await m.report(await m.sent('sms'), 'delivered');

    expect(await m.handle.result()).toEqual({ status: 'delivered', deliveredVia: 'sms', failureReason: null });
    expect(server.fake.rejections).toEqual([
      expect.objectContaining({ provider: 'kakao', code: 'invalid_sender_key' }),
    ]);
    expect(await m.timeline()).toEqual(['alimtalk:rejected', 'sms:sent', 'sms:delivered']);
    expect(await m.usage()).toEqual([{ usage_type: 'sms', channel: 'sms' }]);
  });
});

describe('Art. 5.3 on every path: a Kakao message without fallback keeps its result window', () => {
  it.each<[string, 'delivered' | 'failed', MessageOutcome, string]>([
    ['a late success is delivered via Kakao and billed once', 'delivered', delivered('alimtalk'), 'late_delivered'],
    ['a late failure is failed/kakao_failed', 'failed', failed('kakao_failed'), 'late_failed'],
  ])('Kakao silent past the 30 s timeout stays `sending`; %s', async (_what, result, outcome, entry) => {
    const m = await startMessage('9005', { fallback: false });
    const kakao = await m.sent('alimtalk');
    await server.env.sleep(31 * SECOND);
    expect(await m.row()).toMatchObject({ status: 'sending', finalized_at: null });
    await server.env.sleep(2 * HOUR);
    expect(await m.row()).toMatchObject({ status: 'sending', finalized_at: null });
    expect(await m.timeline()).toEqual(['alimtalk:sent']);

    await m.report(kakao, result);
    await expectOutcome(m, outcome);
    expect(await m.timeline()).toEqual(['alimtalk:sent', `alimtalk:${entry}`]);
    expect(await m.usage()).toEqual(result === 'delivered' ? [{ usage_type: 'alimtalk', channel: 'alimtalk' }] : []);
    expect(server.fake.sendsOf('sms')).toEqual([]);
  });

  it('Kakao silent to the end of the 48 h window: failed/result_timeout, having polled Kakao, nothing billed', async () => {
    const m = await startMessage('9002', { fallback: false });
    const kakao = await m.sent('alimtalk');
    await server.env.sleep(47 * HOUR);
    expect(await m.row()).toMatchObject({ status: 'sending', finalized_at: null });

    await expectOutcome(m, failed('result_timeout'));
    expect(await m.timeline()).toEqual(['alimtalk:sent', 'alimtalk:no_result']);
    expect(await m.usage()).toEqual([]);
    expect(
      server.fake.statusCalls.filter((c) => c.providerMessageId === kakao.providerMessageId).length,
    ).toBeGreaterThan(3);
  });
});

describe('provider outages: retried until the send deadline, never sent twice (SPEC §4)', () => {
  const attemptsOf = (key: string) => server.fake.unavailableAttempts.filter((a) => a.idempotencyKey === key);

  it('9007 with fallback: Kakao answers 503 until its 2 min deadline, then the SMS fallback goes out and delivers', async () => {
    server.fake.unavailable((a) => a.provider === 'kakao');
    const m = await startMessage('9007');
    await server.env.sleep(SEND_DEADLINE_KAKAO_MS + 5 * SECOND);
    const sms = await m.sent('sms');
    await m.report(sms, 'delivered');

    await expectOutcome(m, delivered('sms'));
    expect(await m.timeline()).toEqual(['alimtalk:unavailable', 'sms:sent', 'sms:delivered']);
    expect(await m.usage()).toEqual([{ usage_type: 'sms', channel: 'sms' }]);
    expect(server.fake.sendsOf('kakao')).toEqual([]);
    // Several attempts, all with the one idempotency key of the Kakao send.
    expect(attemptsOf(idempotencyKeyFor(m.id, 'alimtalk')).length).toBeGreaterThan(3);
    expect(server.fake.unavailableAttempts).toHaveLength(attemptsOf(idempotencyKeyFor(m.id, 'alimtalk')).length);
  });

  it('9007 without fallback: failed/provider_unavailable after the Kakao send deadline', async () => {
    server.fake.unavailable((a) => a.provider === 'kakao');
    const m = await startMessage('9007', { fallback: false });
    await server.env.sleep(SEND_DEADLINE_KAKAO_MS - 20 * SECOND);
    expect(await m.row()).toMatchObject({ status: 'sending', finalized_at: null });

    await expectOutcome(m, failed('provider_unavailable'));
    const [entry] = await t.db('message_attempts').where({ message_id: m.id });
    expect(entry).toMatchObject({ channel: 'alimtalk', status: 'unavailable', result_code: 'provider_unavailable' });
    expect(server.fake.sends).toEqual([]);
    expect(await m.usage()).toEqual([]);
  });

  it('9008: an SMS the carrier answers 503 until its 10 min deadline is failed/provider_unavailable', async () => {
    server.fake.unavailable((a) => a.provider === 'sms');
    const m = await startMessage('9008', { type: 'sms' });
    await server.env.sleep(5 * MINUTE);
    expect(await m.row()).toMatchObject({ status: 'sending', finalized_at: null });

    await expectOutcome(m, failed('provider_unavailable'));
    expect(await m.timeline()).toEqual(['sms:unavailable']);
    expect(server.fake.sends).toEqual([]);
    expect(attemptsOf(idempotencyKeyFor(m.id, 'sms')).length).toBeGreaterThan(5);
    expect(server.fake.unavailableAttempts).toHaveLength(attemptsOf(idempotencyKeyFor(m.id, 'sms')).length);
  });

  it('a payment notice keeps the same deadlines: Kakao down past 2 min, its SMS goes out and is billed as SMS (Art. 6.3)', async () => {
    server.fake.unavailable((a) => a.provider === 'kakao');
    const m = await startMessage('9007', { type: 'payment_notice' });
    await server.env.sleep(SEND_DEADLINE_KAKAO_MS + 5 * SECOND);
    await m.report(await m.sent('sms'), 'delivered');

    await expectOutcome(m, delivered('sms'));
    expect(await m.timeline()).toEqual(['alimtalk:unavailable', 'sms:sent', 'sms:delivered']);
    expect(await m.usage()).toEqual([{ usage_type: 'sms', channel: 'sms' }]);
    expect(server.fake.sendsOf('kakao')).toEqual([]);
  });

  it('a payment notice whose SMS carrier is down too fails after the SMS deadline: failed/provider_unavailable', async () => {
    server.fake.unavailable(() => true);
    const m = await startMessage('9008', { type: 'payment_notice' });
    await server.env.sleep(SEND_DEADLINE_KAKAO_MS + 5 * MINUTE);
    expect(await m.row()).toMatchObject({ status: 'sending', finalized_at: null });

    await expectOutcome(m, failed('provider_unavailable'));
    expect(await m.timeline()).toEqual(['alimtalk:unavailable', 'sms:unavailable']);
    expect(server.fake.sends).toEqual([]);
    expect(await m.usage()).toEqual([]);
  });

  it('9008 as the fallback: Kakao failed and the carrier is down until its deadline: failed/provider_unavailable', async () => {
    server.fake.unavailable((a) => a.provider === 'sms');
    const m = await startMessage('9008');
    await m.report(await m.sent('alimtalk'), 'failed');

    await expectOutcome(m, failed('provider_unavailable'));
    expect(await m.timeline()).toEqual(['alimtalk:sent', 'alimtalk:failed', 'sms:unavailable']);
    expect(await m.usage()).toEqual([]);
  });
});

describe('the fallback re-checks the sending gate', () => {
  it('a contract suspended for spoofing after the Kakao attempt sends no fallback: failed/contract_suspended', async () => {
    const m = await startMessage('9001');
    const kakao = await m.sent('alimtalk');
    await m.suspendContract('spoofing');
    await m.report(kakao, 'failed');

    await expectOutcome(m, failed('contract_suspended'));
    expect(server.fake.sendsOf('sms')).toEqual([]);
    expect(await m.timeline()).toEqual(['alimtalk:sent', 'alimtalk:failed', 'sms:rejected']);
    const refused = await t.db('message_attempts').where({ message_id: m.id, status: 'rejected' }).first();
    expect(refused).toMatchObject({
      result_code: 'contract_suspended',
      note: expect.stringMatching(/^fallback not sent: the contract is suspended \(spoofing\)/),
    });
    expect(await m.usage()).toEqual([]);
  });

  it('a recipient who opted out meanwhile gets no fallback, while a silent Kakao keeps its window and may still deliver', async () => {
    const m = await startMessage('9002');
    const kakao = await m.sent('alimtalk');
    await m.optOutRecipient();
    await server.env.sleep(31 * SECOND);
    expect(await m.timeline()).toEqual(['alimtalk:sent', 'alimtalk:no_result', 'sms:rejected']);
    expect(await m.row()).toMatchObject({ status: 'sending' });

    await server.env.sleep(HOUR);
    await m.report(kakao, 'delivered');
    await expectOutcome(m, delivered('alimtalk'));
    expect(server.fake.sendsOf('sms')).toEqual([]);
    expect(await m.timeline()).toEqual([
      'alimtalk:sent',
      'alimtalk:no_result',
      'sms:rejected',
      'alimtalk:late_delivered',
    ]);
    expect(await m.usage()).toEqual([{ usage_type: 'alimtalk', channel: 'alimtalk' }]);
  });
});

describe('report order: the first success reported wins (9005)', () => {
  it.each<[Channel, string[]]>([
    ['sms', ['sms:delivered', 'alimtalk:late_delivered']],
    ['alimtalk', ['alimtalk:late_delivered', 'sms:delivered']],
  ])('both reports reach the workflow in one task, %s’s first: delivered via it, billed once', async (first, tail) => {
    const m = await startMessage('9005');
    const kakao = await m.sent('alimtalk');
    await server.env.sleep(31 * SECOND);
    const sms = await m.sent('sms');
    const [a, b] = first === 'sms' ? [sms, kakao] : [kakao, sms];
    // While the workflow waits on a poll (held), both signals queue up and reach it in one task.
    const release = server.fake.holdStatusCalls();
    const polls = server.fake.statusCalls.length;
    await server.env.sleep(11 * SECOND);
    await eventuallyPasses(async () => expect(server.fake.statusCalls.length).toBeGreaterThan(polls));
    await m.report(a, 'delivered');
    await m.report(b, 'delivered');
    release();

    await expectOutcome(m, delivered(first));
    expect(await m.usage()).toEqual([{ usage_type: first, channel: first }]);
    expect(await m.timeline()).toEqual(['alimtalk:sent', 'alimtalk:no_result', 'sms:sent', ...tail]);
  });

  it.each<[Channel, number, number]>([
    ['sms', 2_000, 1_000],
    ['alimtalk', 1_000, 2_000],
  ])(
    'both results found by one poll count in the order the providers reported them: delivered via %s',
    async (winner, kakaoAfterMs, smsAfterMs) => {
      const m = await startMessage('9005');
      const kakao = await m.sent('alimtalk');
      await server.env.sleep(31 * SECOND);
      const sms = await m.sent('sms');
      const now = await server.env.currentTimeMs();
      const result = (provider: ProviderName, afterMs: number) => ({
        status: 'delivered' as const,
        resultCode: resultCode(provider, 'delivered'),
        reportedAt: new Date(now + afterMs).toISOString(),
      });
      server.fake.setStatus(kakao.providerMessageId, result('kakao', kakaoAfterMs));
      server.fake.setStatus(sms.providerMessageId, result('sms', smsAfterMs));

      await expectOutcome(m, delivered(winner));
      expect(await m.usage()).toEqual([{ usage_type: winner, channel: winner }]);
    },
  );
});

describe('MessageWorkflow timing', () => {
  it("measures the Kakao timeout on the workflow's clock: with the server's clock ahead of the worker's, a silent Kakao still gets its 30 s", async () => {
    // The server's clock moves ahead of the worker's wall clock (time-skipping here; clock skew
    // between worker hosts and the Temporal server in production).
    await server.env.sleep(HOUR);
    const m = await startMessage('9002');
    await m.sent('alimtalk');

    await server.env.sleep(29 * SECOND);
    expect(server.fake.sendsOf('sms')).toEqual([]);
    expect(await m.timeline()).toEqual(['alimtalk:sent']);

    await server.env.sleep(2 * SECOND);
    await m.report(await m.sent('sms'), 'delivered');
    expect(await m.handle.result()).toEqual({ status: 'delivered', deliveredVia: 'sms', failureReason: null });
  });
});
