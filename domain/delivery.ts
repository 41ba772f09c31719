/**
 * How a message's delivery is decided and billed (SPEC §4, Art. 5.3, 6.3): which usage type a
 * delivered message is billed as, and how long we wait for results before asking the provider.
 */
import type { Channel } from './message';
import type { UsageType } from './money';

export type MessageKind = 'message' | 'payment_notice';

/** Art. 6.3: billed as what actually delivered; a payment notice delivered by Kakao is a paymentNotice. */
export function usageTypeFor(kind: MessageKind, deliveredVia: Channel): UsageType {
  if (deliveredVia === 'sms' || deliveredVia === 'lms') return deliveredVia;
  if (kind === 'payment_notice') return 'paymentNotice';
  return deliveredVia === 'alimtalk'
    ? 'alimtalk'
    : deliveredVia === 'friendtalk'
      ? 'friendtalkText'
      : 'friendtalkImage';
}

/** First wait before polling a provider whose webhook has not arrived, then doubling up to the cap. */
export const FIRST_POLL_DELAY_MS = 10_000;
export const MAX_POLL_DELAY_MS = 30 * 60_000;

/** The wait before the n-th poll (n = 0, 1, …): 10 s, 20 s, 40 s, … at most 30 minutes. */
export function pollDelay(n: number): number {
  return Math.min(MAX_POLL_DELAY_MS, FIRST_POLL_DELAY_MS * 2 ** Math.min(n, 20));
}

/**
 * A timeline entry's status: `sent` when the provider accepted it, then its result — `late_…` when
 * it came after the message was already decided — or `no_result` when the Kakao timeout passed,
 * `rejected` when the provider (or the sending gate) refused it.
 */
export type AttemptStatus =
  'sent' | 'delivered' | 'failed' | 'no_result' | 'rejected' | 'late_delivered' | 'late_failed';

/** Final statuses a merchant sees; `failureReason` says why a message failed. */
export type FailureReason =
  | 'result_timeout' // no result within the result window (Art. 5.3: 48 h)
  | 'kakao_failed' // Kakao failed and the message has no fallback
  | 'kakao_timeout' // Kakao stayed silent and the message has no fallback
  | 'carrier_rejected' // the SMS/LMS carrier reported failure
  | 'provider_rejected' // a provider refused the send outright
  | string; // a sending-gate refusal code at send time (e.g. contract_suspended)
