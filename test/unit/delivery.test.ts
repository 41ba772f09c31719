/** How a message's delivery is decided and billed (SPEC §4, §8 test numbers; Art. 5.3, 6.3). */
import {
  decideOutcome,
  delivered,
  failed,
  fallbackDue,
  FAILURE_REASONS,
  kakaoSenderKeyFor,
  pollDelay,
  providerOf,
  usagePeriodOf,
  usageTypeFor,
  type AttemptResult,
  type DeliveryFacts,
  type FailureReason,
} from '../../domain/delivery';
import type { Channel } from '../../domain/message';
import { GATE_REFUSALS } from '../../domain/sending-gate';
import { COMPANY_KAKAO_SENDER_KEY } from '../../domain/services';

type Row = [channel: Channel, first: AttemptResult, fallback: AttemptResult | null, outcome: string];

/** The fallback of these rows is an SMS; `outcome` is "delivered <channel>" or "failed <reason>". */
const OUTCOMES: Row[] = [
  // SMS/LMS: the carrier's result within the result window.
  ['sms', 'delivered', null, 'delivered sms'],
  ['lms', 'delivered', null, 'delivered lms'],
  ['sms', 'failed', null, 'failed carrier_rejected'],
  ['lms', 'no_result', null, 'failed result_timeout'],
  ['sms', 'not_sent', null, 'failed provider_rejected'],
  // Kakao, no fallback sent: Kakao delivered, or the message has none.
  ['alimtalk', 'delivered', null, 'delivered alimtalk'],
  ['friendtalk_image', 'delivered', null, 'delivered friendtalk_image'],
  ['alimtalk', 'failed', null, 'failed kakao_failed'],
  ['friendtalk', 'no_result', null, 'failed kakao_timeout'],
  ['alimtalk', 'not_sent', null, 'failed provider_rejected'],
  // Kakao, the fallback sent (test numbers 9001–9004).
  ['alimtalk', 'failed', 'delivered', 'delivered sms'],
  ['alimtalk', 'no_result', 'delivered', 'delivered sms'],
  ['alimtalk', 'failed', 'failed', 'failed carrier_rejected'],
  ['alimtalk', 'failed', 'no_result', 'failed result_timeout'],
  ['friendtalk', 'not_sent', 'delivered', 'delivered sms'],
  ['alimtalk', 'no_result', 'not_sent', 'failed provider_rejected'],
  // Kakao's success counts whenever it is known by the time the message is decided (9005)…
  ['alimtalk', 'delivered', 'no_result', 'delivered alimtalk'],
  ['alimtalk', 'delivered', 'failed', 'delivered alimtalk'],
  ['alimtalk', 'delivered', 'delivered', 'delivered alimtalk'],
  // …except after the fallback's provider refused the send: that ended the message.
  ['alimtalk', 'delivered', 'not_sent', 'failed provider_rejected'],
];

describe('decideOutcome: the final status of a message', () => {
  it.each(OUTCOMES)('%s first %s, fallback %s → %s', (channel, first, fallback, expected) => {
    const [status, detail] = expected.split(' ');
    const facts: DeliveryFacts = { channel, first, fallback: fallback && { channel: 'sms', result: fallback } };
    expect(decideOutcome(facts)).toEqual(
      status === 'delivered' ? delivered(detail as Channel) : failed(detail as FailureReason),
    );
  });

  it('an LMS fallback delivers as lms', () => {
    expect(
      decideOutcome({ channel: 'friendtalk', first: 'failed', fallback: { channel: 'lms', result: 'delivered' } }),
    ).toEqual({ status: 'delivered', deliveredVia: 'lms', failureReason: null });
  });

  it('every reason it gives is a failure reason the API documents', () => {
    const results: AttemptResult[] = ['not_sent', 'delivered', 'failed', 'no_result'];
    for (const first of results)
      for (const fb of [null, ...results]) {
        const o = decideOutcome({ channel: 'alimtalk', first, fallback: fb && { channel: 'sms', result: fb } });
        if (o.status === 'failed') expect(FAILURE_REASONS).toContain(o.failureReason);
      }
  });

  it('a sending-gate refusal at send time is a failure reason too', () => {
    for (const code of GATE_REFUSALS) expect(FAILURE_REASONS).toContain(code);
    expect(FAILURE_REASONS).toContain('personal_data_purged');
  });
});

describe('fallbackDue: when the fallback goes out', () => {
  it.each<[AttemptResult, 'sms' | 'lms' | null, 'sms' | 'lms' | null]>([
    ['failed', 'sms', 'sms'],
    ['no_result', 'lms', 'lms'],
    ['not_sent', 'sms', 'sms'],
    ['delivered', 'sms', null],
    ['failed', null, null],
    ['no_result', null, null],
  ])('Kakao %s, fallback %s → %s', (kakao, fallback, due) => {
    expect(fallbackDue(kakao, fallback)).toBe(due);
  });
});

describe('usageTypeFor: billed as what delivered (Art. 6.3)', () => {
  it.each([
    ['message', 'alimtalk', 'alimtalk'],
    ['message', 'friendtalk', 'friendtalkText'],
    ['message', 'friendtalk_image', 'friendtalkImage'],
    ['message', 'sms', 'sms'],
    ['message', 'lms', 'lms'],
    ['payment_notice', 'alimtalk', 'paymentNotice'],
    ['payment_notice', 'sms', 'sms'],
    ['payment_notice', 'lms', 'lms'],
  ] as const)('a %s delivered via %s is billed as %s', (kind, via, usage) => {
    expect(usageTypeFor(kind, via)).toBe(usage);
  });
});

describe('usagePeriodOf: the billing month of a usage record', () => {
  it('is the month (KST) the message was accepted in', () => {
    expect(usagePeriodOf(new Date('2026-03-15T03:00:00Z'))).toBe('2026-03');
    // 15:30 UTC on 31 March is already 00:30 on 1 April in Korea.
    expect(usagePeriodOf(new Date('2026-03-31T15:30:00Z'))).toBe('2026-04');
    expect(usagePeriodOf(new Date('2026-03-31T14:59:59Z'))).toBe('2026-03');
  });
});

describe('providers', () => {
  it('Kakao carries AlimTalk and FriendTalk, the carrier SMS and LMS', () => {
    const channels: Channel[] = ['alimtalk', 'friendtalk', 'friendtalk_image', 'sms', 'lms'];
    expect(channels.map(providerOf)).toEqual(['kakao', 'kakao', 'kakao', 'sms', 'sms']);
  });

  it("a payment notice goes out from the company's Kakao channel, any other message from its contract's", () => {
    expect(kakaoSenderKeyFor('payment_notice', '@shop')).toBe(COMPANY_KAKAO_SENDER_KEY);
    expect(kakaoSenderKeyFor('alimtalk', '@shop')).toBe('@shop');
    expect(kakaoSenderKeyFor('friendtalk', null)).toBe('');
  });
});

describe('pollDelay', () => {
  it('starts at 10 s and doubles up to 30 minutes', () => {
    expect([0, 1, 2, 3].map(pollDelay)).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect(pollDelay(50)).toBe(30 * 60_000);
  });
});
