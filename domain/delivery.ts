/**
 * How a message's delivery is decided and billed (SPEC §4, Art. 5.3, 6.3): which provider carries a
 * channel, when the fallback goes out, the final outcome and why a message failed, what a delivered
 * message is billed as and in which month, and how long we wait for results before asking the provider.
 */
import { kstDate, periodOf } from './calendar-kst';
import { isKakaoType, type Channel, type FallbackChannel, type KakaoType } from './message-types';
import type { UsageType } from './money';
import { GATE_REFUSALS, type SendKind } from './sending-gate';
import { COMPANY_KAKAO_SENDER_KEY } from './services';

export type MessageKind = 'message' | 'payment_notice';

/** A message's status as merchants see it: `delivered` and `failed` are final. */
export const MESSAGE_STATUSES = ['accepted', 'sending', 'delivered', 'failed'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** The Kakao BizMessage provider carries AlimTalk and FriendTalk, the carrier SMS and LMS (SPEC §8). */
export const PROVIDERS = ['kakao', 'sms'] as const;
export type ProviderName = (typeof PROVIDERS)[number];

/**
 * What stands behind a provider's adapter (KAKAO_PROVIDER, SMS_PROVIDER; docs/providers.md): the
 * carrier simulator or NHN Cloud. SMS_PROVIDERS lists them in failover order as SMS/LMS carriers.
 */
export const GATEWAYS = ['simulator', 'nhn'] as const;
export type Gateway = (typeof GATEWAYS)[number];

/** What a provider reports of a send it accepted. */
export const PROVIDER_RESULTS = ['delivered', 'failed'] as const;
export type ProviderResultStatus = (typeof PROVIDER_RESULTS)[number];

/** A carrier's report of one send's result, as it reaches the message's workflow (SPEC §8). */
export interface ProviderReport {
  provider: ProviderName;
  providerMessageId: string;
  /** The send's idempotency key, which names its message (domain/provider-keys.ts). */
  idempotencyKey: string;
  status: ProviderResultStatus;
  resultCode: string | null;
  reportedAt: string | null;
}

export const providerOf = (channel: Channel): ProviderName => (isKakaoType(channel) ? 'kakao' : 'sms');

/** Form §2가: a payment notice goes out from the company's own Kakao channel, any other message from its contract's. */
export const kakaoSenderKeyFor = (kind: SendKind, contractChannel: string | null): string =>
  kind === 'payment_notice' ? COMPANY_KAKAO_SENDER_KEY : (contractChannel ?? '');

/**
 * A timeline entry's status: `sent` when the provider accepted it, then its result — `late_…` when
 * it came after the message was already decided — or `no_result` when the Kakao timeout passed,
 * `rejected` when the provider (or the sending gate) refused it.
 */
export const ATTEMPT_STATUSES = [
  'sent',
  'delivered',
  'failed',
  'no_result',
  'rejected',
  'late_delivered',
  'late_failed',
] as const;
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number];

/**
 * The timeline as merchants read it: the attempts, and `carrier_handed_over` where an SMS/LMS
 * carrier failed and the next one took the attempt (SMS_PROVIDERS, domain/carrier-failover.ts).
 */
export const TIMELINE_STATUSES = [...ATTEMPT_STATUSES, 'carrier_handed_over'] as const;
export type TimelineStatus = (typeof TIMELINE_STATUSES)[number];

/** Art. 10.2: the contract ended before the message went out, and its recipient and content were destroyed. */
export const PERSONAL_DATA_PURGED = {
  code: 'personal_data_purged',
  message: 'the contract ended and the message content was destroyed (Art. 10.2)',
} as const;

/** Why a message failed: the `failureReason` of a `failed` message. */
export const FAILURE_REASONS = [
  'result_timeout', // no result within the result window (Art. 5.3: 48 h)
  'kakao_failed', // Kakao failed and the message has no fallback
  'kakao_timeout', // Kakao stayed silent and the message has no fallback
  'carrier_rejected', // the SMS/LMS carrier reported failure
  'provider_rejected', // a provider refused the send outright
  PERSONAL_DATA_PURGED.code,
  ...GATE_REFUSALS, // the sending gate refused it at send time (e.g. contract_suspended)
] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

export type MessageOutcome =
  | { status: 'delivered'; deliveredVia: Channel; failureReason: null }
  | { status: 'failed'; deliveredVia: null; failureReason: FailureReason };

export const delivered = (via: Channel): MessageOutcome => ({
  status: 'delivered',
  deliveredVia: via,
  failureReason: null,
});
export const failed = (reason: FailureReason): MessageOutcome => ({
  status: 'failed',
  deliveredVia: null,
  failureReason: reason,
});

/** What became of one attempt when the message is decided: refused at send, or its result so far. */
export type AttemptResult = 'not_sent' | ProviderResultStatus | 'no_result';

/** Art. 5.3: a Kakao message that did not deliver within the Kakao timeout goes out by its fallback, if it has one. */
export const fallbackDue = (kakao: AttemptResult, fallback: FallbackChannel | null): FallbackChannel | null =>
  kakao === 'delivered' ? null : fallback;

export interface DeliveryFacts {
  /** The message's own channel, tried first. */
  channel: Channel;
  first: AttemptResult;
  /** The fallback, when one was sent for (or refused by) its provider. */
  fallback: { channel: FallbackChannel; result: AttemptResult } | null;
}

/**
 * The final outcome of a message (SPEC §4, Art. 5.3, test numbers of SPEC §8): delivered via the
 * channel whose success counts — Kakao's, even when it comes after the fallback went out (9005) —
 * or failed with the reason.
 */
export function decideOutcome({ channel, first, fallback }: DeliveryFacts): MessageOutcome {
  if (!isKakaoType(channel)) return carrierOutcome(channel, first);
  // A fallback its provider refused ends the message there, whatever Kakao reports meanwhile.
  if (fallback?.result === 'not_sent') return failed('provider_rejected');
  if (first === 'delivered') return delivered(channel);
  if (fallback) return carrierOutcome(fallback.channel, fallback.result);
  return failed(first === 'not_sent' ? 'provider_rejected' : first === 'failed' ? 'kakao_failed' : 'kakao_timeout');
}

/** An SMS/LMS attempt: the carrier's result within the result window. */
function carrierOutcome(channel: Channel, result: AttemptResult): MessageOutcome {
  switch (result) {
    case 'delivered':
      return delivered(channel);
    case 'failed':
      return failed('carrier_rejected');
    case 'no_result':
      return failed('result_timeout');
    case 'not_sent':
      return failed('provider_rejected');
  }
}

const KAKAO_USAGE: Readonly<Record<KakaoType, UsageType>> = {
  alimtalk: 'alimtalk',
  friendtalk: 'friendtalkText',
  friendtalk_image: 'friendtalkImage',
};

/** Art. 6.3: billed as what actually delivered; a payment notice delivered by Kakao is a paymentNotice. */
export function usageTypeFor(kind: MessageKind, deliveredVia: Channel): UsageType {
  if (!isKakaoType(deliveredVia)) return deliveredVia;
  return kind === 'payment_notice' ? 'paymentNotice' : KAKAO_USAGE[deliveredVia];
}

/**
 * The billing month (`YYYY-MM`, KST) of a delivered message's usage record: the month it was
 * delivered in — the success Art. 6.3 bills (SPEC §5).
 */
export const usagePeriodOf = (deliveredAt: Date | string): string => periodOf(kstDate(new Date(deliveredAt)));

/** First wait before polling a provider whose webhook has not arrived, then doubling up to the cap. */
export const FIRST_POLL_DELAY_MS = 10_000;
export const MAX_POLL_DELAY_MS = 30 * 60_000;

/** The wait before the n-th poll (n = 0, 1, …): 10 s, 20 s, 40 s, … at most 30 minutes. */
export function pollDelay(n: number): number {
  return Math.min(MAX_POLL_DELAY_MS, FIRST_POLL_DELAY_MS * 2 ** Math.min(n, 20));
}
