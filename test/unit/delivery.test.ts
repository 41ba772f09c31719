/** How a message's delivery is decided and billed (SPEC §4, §8 test numbers; Art. 5.3, 6.3). */
import fc from 'fast-check';
import {
  decideOutcome,
  delivered,
  failed,
  fallbackDue,
  FAILURE_REASONS,
  inReportOrder,
  kakaoSenderKeyFor,
  pollDelay,
  providerOf,
  sendRetryPauses,
  usagePeriodOf,
  usageTypeFor,
  type AttemptRole,
  type AttemptState,
  type DeliveryFacts,
  type FailureReason,
  type MessageOutcome,
  type ReportedResult,
} from '../../domain/delivery';
import type { Channel } from '../../domain/message';
import { GATE_REFUSALS } from '../../domain/sending-gate';
import { COMPANY_KAKAO_SENDER_KEY } from '../../domain/services';

const sent = (channel: Channel, windowClosed = false): AttemptState => ({ channel, sent: true, windowClosed });
const notSent = (channel: Channel, reason: FailureReason): AttemptState => ({ channel, sent: false, reason });
const r = (attempt: AttemptRole, status: 'delivered' | 'failed'): ReportedResult => ({ attempt, status });
const open = null;

type Row = [what: string, facts: DeliveryFacts, outcome: MessageOutcome | null];

const OUTCOMES: Row[] = [
  // SMS/LMS: the carrier's result within the result window.
  ['SMS delivered', { first: sent('sms'), fallback: null, reports: [r('first', 'delivered')] }, delivered('sms')],
  [
    'LMS rejected by the carrier',
    { first: sent('lms'), fallback: null, reports: [r('first', 'failed')] },
    failed('carrier_rejected'),
  ],
  ['SMS silent, window open', { first: sent('sms'), fallback: null, reports: [] }, open],
  [
    'SMS silent to the window’s end',
    { first: sent('sms', true), fallback: null, reports: [] },
    failed('result_timeout'),
  ],
  [
    'SMS refused by its provider',
    { first: notSent('sms', 'provider_rejected'), fallback: null, reports: [] },
    failed('provider_rejected'),
  ],
  [
    'SMS past its send deadline (9008)',
    { first: notSent('sms', 'provider_unavailable'), fallback: null, reports: [] },
    failed('provider_unavailable'),
  ],
  // Kakao without fallback: Art. 5.3 — silence keeps the message open until the window ends.
  [
    'AlimTalk delivered',
    { first: sent('alimtalk'), fallback: null, reports: [r('first', 'delivered')] },
    delivered('alimtalk'),
  ],
  [
    'AlimTalk failed, no fallback',
    { first: sent('alimtalk'), fallback: null, reports: [r('first', 'failed')] },
    failed('kakao_failed'),
  ],
  [
    'FriendTalk silent past the Kakao timeout, no fallback',
    { first: sent('friendtalk'), fallback: null, reports: [] },
    open,
  ],
  [
    'AlimTalk silent to the window’s end, no fallback',
    { first: sent('alimtalk', true), fallback: null, reports: [] },
    failed('result_timeout'),
  ],
  [
    'AlimTalk past its send deadline, no fallback (9007)',
    { first: notSent('alimtalk', 'provider_unavailable'), fallback: null, reports: [] },
    failed('provider_unavailable'),
  ],
  // Kakao with the fallback sent (9001–9004, 9007).
  [
    'Kakao failed, SMS delivered (9001)',
    { first: sent('alimtalk'), fallback: sent('sms'), reports: [r('first', 'failed'), r('fallback', 'delivered')] },
    delivered('sms'),
  ],
  [
    'Kakao silent, LMS delivered (9002)',
    { first: sent('alimtalk'), fallback: sent('lms'), reports: [r('fallback', 'delivered')] },
    delivered('lms'),
  ],
  [
    'Kakao failed, carrier rejects (9003)',
    { first: sent('alimtalk'), fallback: sent('sms'), reports: [r('first', 'failed'), r('fallback', 'failed')] },
    failed('carrier_rejected'),
  ],
  [
    'Kakao failed, carrier silent, window open (9004)',
    { first: sent('alimtalk'), fallback: sent('sms'), reports: [r('first', 'failed')] },
    open,
  ],
  [
    'Kakao failed, carrier silent to the end (9004)',
    { first: sent('alimtalk', true), fallback: sent('sms', true), reports: [r('first', 'failed')] },
    failed('result_timeout'),
  ],
  [
    'Kakao unavailable, SMS delivered (9007)',
    {
      first: notSent('alimtalk', 'provider_unavailable'),
      fallback: sent('sms'),
      reports: [r('fallback', 'delivered')],
    },
    delivered('sms'),
  ],
  // The fallback failed while Kakao still owes its result: Kakao may yet deliver (Art. 5.3).
  [
    'Kakao silent, SMS rejected: open',
    { first: sent('alimtalk'), fallback: sent('sms'), reports: [r('fallback', 'failed')] },
    open,
  ],
  [
    'Kakao silent, SMS rejected, then Kakao delivers',
    { first: sent('alimtalk'), fallback: sent('sms'), reports: [r('fallback', 'failed'), r('first', 'delivered')] },
    delivered('alimtalk'),
  ],
  [
    'Kakao silent to its end, SMS rejected',
    { first: sent('alimtalk', true), fallback: sent('sms'), reports: [r('fallback', 'failed')] },
    failed('carrier_rejected'),
  ],
  // The fallback never went out: its reason, once Kakao cannot deliver any more.
  [
    'Kakao failed, fallback refused by the gate',
    { first: sent('alimtalk'), fallback: notSent('sms', 'contract_suspended'), reports: [r('first', 'failed')] },
    failed('contract_suspended'),
  ],
  [
    'Kakao silent, fallback refused by the gate: open',
    { first: sent('alimtalk'), fallback: notSent('sms', 'contract_suspended'), reports: [] },
    open,
  ],
  [
    'Kakao silent, fallback refused, then Kakao delivers',
    { first: sent('alimtalk'), fallback: notSent('sms', 'recipient_opted_out'), reports: [r('first', 'delivered')] },
    delivered('alimtalk'),
  ],
  [
    'Kakao unavailable, SMS unavailable too',
    {
      first: notSent('alimtalk', 'provider_unavailable'),
      fallback: notSent('sms', 'provider_unavailable'),
      reports: [],
    },
    failed('provider_unavailable'),
  ],
  [
    'Kakao failed, SMS refused by its provider',
    { first: sent('alimtalk'), fallback: notSent('sms', 'provider_rejected'), reports: [r('first', 'failed')] },
    failed('provider_rejected'),
  ],
  // 9005: both succeed; the first success reported counts, whichever channel it is.
  [
    'SMS success reported first (9005)',
    { first: sent('alimtalk'), fallback: sent('sms'), reports: [r('fallback', 'delivered'), r('first', 'delivered')] },
    delivered('sms'),
  ],
  [
    'Kakao success reported first (9005)',
    { first: sent('alimtalk'), fallback: sent('sms'), reports: [r('first', 'delivered'), r('fallback', 'delivered')] },
    delivered('alimtalk'),
  ],
];

describe('decideOutcome: the final status of a message, or null while it is open', () => {
  it.each(OUTCOMES)('%s', (_what, facts, expected) => {
    expect(decideOutcome(facts)).toEqual(expected);
  });

  it('every reason it gives is a failure reason the API documents', () => {
    const attempts: AttemptState[] = [
      sent('alimtalk', true),
      notSent('alimtalk', 'provider_rejected'),
      notSent('sms', 'provider_unavailable'),
      sent('sms', true),
    ];
    for (const first of attempts)
      for (const fallback of [null, ...attempts])
        for (const reports of [[], [r('first', 'failed')], [r('fallback', 'failed')]]) {
          const o = decideOutcome({ first, fallback, reports });
          if (o?.status === 'failed') expect(FAILURE_REASONS).toContain(o.failureReason);
        }
  });

  it('a sending-gate refusal at send time is a failure reason too', () => {
    for (const code of GATE_REFUSALS) expect(FAILURE_REASONS).toContain(code);
    expect(FAILURE_REASONS).toContain('personal_data_purged');
    expect(FAILURE_REASONS).toContain('provider_unavailable');
  });
});

/**
 * The report-order property (SPEC §4, 9005): over every interleaving of the attempts' reports, with
 * the result windows closing at any point, the message is decided once — at the first point its
 * decision is known — and never changes after; the first success reported wins; a delivered message
 * is billed once, as what delivered.
 */
describe('decideOutcome over every interleaving of reports', () => {
  type Plan = { channel: Channel; sent: boolean; result: 'delivered' | 'failed' | null };
  const attemptPlan = (channels: Channel[]) =>
    fc.record({
      channel: fc.constantFrom(...channels),
      sent: fc.boolean(),
      result: fc.constantFrom('delivered' as const, 'failed' as const, null),
    });
  /** Step i of the timeline: a report of one attempt, or the end of an attempt's result window. */
  type Step = { kind: 'report'; attempt: AttemptRole } | { kind: 'close'; attempt: AttemptRole };

  const scenario = fc
    .record({
      first: attemptPlan(['alimtalk', 'friendtalk', 'friendtalk_image', 'sms', 'lms']),
      fallback: fc.option(attemptPlan(['sms', 'lms']), { nil: null }),
      order: fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
    })
    .filter((s) => s.fallback === null || !['sms', 'lms'].includes(s.first.channel));

  function steps(first: Plan, fallback: Plan | null, order: number[]): Step[] {
    const all: Step[] = [];
    for (const [role, plan] of [
      ['first', first],
      ['fallback', fallback],
    ] as const) {
      if (!plan?.sent) continue;
      // An attempt reports before its window closes, or never.
      all.push(...(plan.result ? [{ kind: 'report' as const, attempt: role }] : []));
      all.push({ kind: 'close', attempt: role });
    }
    // A random interleaving that keeps each attempt's report before the close of its window.
    const keyed = all.map((step, i) => ({ step, key: order[i] ?? 0, i }));
    keyed.sort((a, b) => a.key - b.key || a.i - b.i);
    const interleaved = keyed.map((k) => k.step);
    for (const role of ['first', 'fallback'] as const) {
      const report = interleaved.findIndex((s) => s.kind === 'report' && s.attempt === role);
      const close = interleaved.findIndex((s) => s.kind === 'close' && s.attempt === role);
      if (report > close) [interleaved[report], interleaved[close]] = [interleaved[close], interleaved[report]];
    }
    return interleaved;
  }

  function factsAfter(first: Plan, fallback: Plan | null, done: Step[]): DeliveryFacts {
    const state = (role: AttemptRole, plan: Plan): AttemptState =>
      plan.sent
        ? {
            channel: plan.channel,
            sent: true,
            windowClosed: done.some((s) => s.kind === 'close' && s.attempt === role),
          }
        : { channel: plan.channel, sent: false, reason: 'provider_unavailable' };
    const planOf = (role: AttemptRole) => (role === 'first' ? first : fallback!);
    return {
      first: state('first', first),
      fallback: fallback && state('fallback', fallback),
      reports: done.flatMap((s) => (s.kind === 'report' ? [r(s.attempt, planOf(s.attempt).result!)] : [])),
    };
  }

  it('decides once, never changes its mind, lets the first success reported win and bills at most once', () => {
    fc.assert(
      fc.property(scenario, ({ first, fallback, order }) => {
        const timeline = steps(first, fallback, order);
        const usage: string[] = [];
        let decided: MessageOutcome | null = decideOutcome(factsAfter(first, fallback, []));
        if (decided?.status === 'delivered') usage.push(usageTypeFor('message', decided.deliveredVia));
        for (let i = 1; i <= timeline.length; i++) {
          const now = decideOutcome(factsAfter(first, fallback, timeline.slice(0, i)));
          if (decided) {
            // Once decided, later reports and closing windows change nothing.
            expect(now).toEqual(decided);
            continue;
          }
          decided = now;
          if (decided?.status === 'delivered') usage.push(usageTypeFor('message', decided.deliveredVia));
        }
        // Every window closed: the message is decided.
        expect(decided).not.toBeNull();
        const firstSuccess = timeline.find(
          (s) => s.kind === 'report' && (s.attempt === 'first' ? first : fallback!).result === 'delivered',
        );
        if (firstSuccess)
          expect(decided).toEqual(delivered((firstSuccess.attempt === 'first' ? first : fallback!).channel));
        else expect(decided?.status).toBe('failed');
        expect(usage.length).toBe(decided?.status === 'delivered' ? 1 : 0);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('inReportOrder: results found by one poll', () => {
  it('go in the order the providers reported them, those without a time last as polled', () => {
    const kakao = { key: 'kakao', reportedAt: '2026-03-02T10:00:05Z' };
    const sms = { key: 'sms', reportedAt: '2026-03-02T10:00:03Z' };
    const unknown = { key: 'unknown', reportedAt: null };
    const garbled = { key: 'garbled', reportedAt: 'soon' };
    expect(inReportOrder([kakao, sms]).map((x) => x.key)).toEqual(['sms', 'kakao']);
    expect(inReportOrder([unknown, kakao, garbled, sms]).map((x) => x.key)).toEqual([
      'sms',
      'kakao',
      'unknown',
      'garbled',
    ]);
  });
});

describe('fallbackDue: when the fallback goes out', () => {
  it.each<[string, ReportedResult[], 'sms' | 'lms' | null, 'sms' | 'lms' | null]>([
    ['Kakao failed, fallback sms → sms', [r('first', 'failed')], 'sms', 'sms'],
    ['Kakao silent, fallback lms → lms', [], 'lms', 'lms'],
    ['Kakao delivered → none', [r('first', 'delivered')], 'sms', null],
    ['Kakao failed, no fallback → none', [r('first', 'failed')], null, null],
    ['Kakao silent, no fallback → none', [], null, null],
  ])('%s', (_what, reports, fallback, due) => {
    expect(fallbackDue(reports, fallback)).toBe(due);
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

describe('sendRetryPauses: retries of an unavailable provider end close to the send deadline', () => {
  it.each<[string, number | undefined, { firstMs: number; maxMs: number }]>([
    ['no deadline (messages accepted before there were deadlines)', undefined, { firstMs: 1_000, maxMs: 60_000 }],
    ['SEND_DEADLINE_SMS 10m', 10 * 60_000, { firstMs: 1_000, maxMs: 60_000 }],
    ['SEND_DEADLINE_KAKAO 2m', 2 * 60_000, { firstMs: 1_000, maxMs: 12_000 }],
    ['6s', 6_000, { firstMs: 600, maxMs: 600 }],
    ['500ms', 500, { firstMs: 100, maxMs: 100 }],
  ])('%s', (_what, deadlineMs, pauses) => {
    expect(sendRetryPauses(deadlineMs)).toEqual(pauses);
  });
});

describe('pollDelay', () => {
  it('starts at 10 s and triples up to 12 hours', () => {
    expect([0, 1, 2, 3].map(pollDelay)).toEqual([10_000, 30_000, 90_000, 270_000]);
    expect(pollDelay(50)).toBe(12 * 3_600_000);
  });

  it('costs a message parked for its 48-hour result window about a dozen polls, the last at its end', () => {
    // As the workflow waits: each wait is the poll delay, cut short by the end of the window.
    const windowMs = 48 * 3_600_000;
    const polls: number[] = [];
    for (let at = 0, n = 0; at < windowMs; n++) polls.push((at = Math.min(windowMs, at + pollDelay(n))));
    expect(polls.length).toBeLessThanOrEqual(12);
    expect(polls.slice(0, 3)).toEqual([10_000, 40_000, 130_000]);
    expect(polls.at(-1)).toBe(windowMs);
  });
});
