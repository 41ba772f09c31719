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

/** A message's status as merchants see it: `delivered`, `failed` and `cancelled` are final. */
export const MESSAGE_STATUSES = ['accepted', 'scheduled', 'sending', 'delivered', 'failed', 'cancelled'] as const;
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
 * it came after the Kakao result timeout or after the message was already decided — or `no_result`
 * when a wait passed without one; `rejected` when the provider (or the sending gate) refused it,
 * `unavailable` when the provider did not take it before its send deadline (SPEC §4).
 */
export const ATTEMPT_STATUSES = [
  'sent',
  'delivered',
  'failed',
  'no_result',
  'rejected',
  'unavailable',
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
  'kakao_failed', // Kakao reported failure and no fallback delivered
  'kakao_timeout', // Kakao stayed silent past the Kakao timeout, no fallback: messages decided before Art. 5.3 held on every path
  'carrier_rejected', // the SMS/LMS carrier reported failure
  'provider_rejected', // a provider refused the send outright
  'provider_unavailable', // a provider kept refusing (5xx, timeouts) until the send deadline (SPEC §4)
  PERSONAL_DATA_PURGED.code,
  ...GATE_REFUSALS, // the sending gate refused the message, or its fallback, at send time (e.g. contract_suspended)
] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

export type MessageOutcome =
  | { status: 'delivered'; deliveredVia: Channel; failureReason: null }
  | { status: 'failed'; deliveredVia: null; failureReason: FailureReason }
  | { status: 'cancelled'; deliveredVia: null; failureReason: null };

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

/** A scheduled message the merchant cancelled before its time: never sent, never billed (SPEC §4). */
export const cancelled = (): MessageOutcome => ({ status: 'cancelled', deliveredVia: null, failureReason: null });

/** A message's attempts: its own channel first, then (for a Kakao message) the fallback. */
export type AttemptRole = 'first' | 'fallback';

/**
 * One attempt as far as the message knows: its provider took it (the result comes by report,
 * awaited until `windowClosed`), or it never went out, and why.
 */
export type AttemptState =
  { channel: Channel; sent: true; windowClosed: boolean } | { channel: Channel; sent: false; reason: FailureReason };

/** A provider's result for one attempt (the first report of an attempt is its result). */
export interface ReportedResult {
  attempt: AttemptRole;
  status: ProviderResultStatus;
}

export interface DeliveryFacts {
  first: AttemptState;
  /** The fallback, once it was due (sent or not); null while none is (or ever will be). */
  fallback: AttemptState | null;
  /** The results reported so far, in the order they were reported. */
  reports: readonly ReportedResult[];
}

/** Art. 5.3: a Kakao message that did not deliver within the Kakao timeout goes out by its fallback, if it has one. */
export const fallbackDue = (
  reports: readonly ReportedResult[],
  fallback: FallbackChannel | null,
): FallbackChannel | null => (reports.some((r) => r.attempt === 'first' && r.status === 'delivered') ? null : fallback);

/**
 * The final outcome of a message (SPEC §4, Art. 5.3, 6.3, test numbers of SPEC §8), or null while
 * it is still open. The first success *reported* wins, whichever channel it came from (9005), so a
 * decision never changes as more reports arrive. Without a success the message stays open while an
 * attempt that went out may still report within its result window; then it fails with the reason
 * of its last attempt: the fallback's when one was due, else the first's.
 */
export function decideOutcome({ first, fallback, reports }: DeliveryFacts): MessageOutcome | null {
  const attempts: Record<AttemptRole, AttemptState | null> = { first, fallback };
  const winner = reports.find((r) => r.status === 'delivered' && attempts[r.attempt]?.sent);
  if (winner) return delivered(attempts[winner.attempt]!.channel);
  const resultOf = (role: AttemptRole) => reports.find((r) => r.attempt === role)?.status;
  const owed = (role: AttemptRole) => {
    const a = attempts[role];
    return !!a?.sent && !a.windowClosed && resultOf(role) === undefined;
  };
  if (owed('first') || owed('fallback')) return null;
  const last: AttemptRole = fallback ? 'fallback' : 'first';
  return failed(failureOf(attempts[last]!, resultOf(last)));
}

function failureOf(attempt: AttemptState, result: ProviderResultStatus | undefined): FailureReason {
  if (!attempt.sent) return attempt.reason;
  if (result === undefined) return 'result_timeout';
  return isKakaoType(attempt.channel) ? 'kakao_failed' : 'carrier_rejected';
}

/**
 * Results found by one poll of several providers, in the order the providers reported them
 * (`reportedAt`; those without a time last, as polled): the first success reported wins (SPEC §4).
 */
export function inReportOrder<T extends { reportedAt: string | null }>(results: readonly T[]): T[] {
  const at = (r: T) => {
    const t = r.reportedAt === null ? Number.NaN : Date.parse(r.reportedAt);
    return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
  };
  return results
    .map((r, i) => ({ r, i }))
    .sort((a, b) => at(a.r) - at(b.r) || a.i - b.i)
    .map(({ r }) => r);
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

/**
 * Pauses between retries of a send its provider refused (5xx, timeouts): from 1 s, doubling, at most
 * a minute — and at most a tenth of the send deadline (SPEC §4), since Temporal gives up as soon as
 * the next retry would start past the deadline: the send then stops close to it, not a minute early.
 */
export function sendRetryPauses(deadlineMs: number | undefined): { firstMs: number; maxMs: number } {
  const maxMs = deadlineMs === undefined ? 60_000 : Math.min(60_000, Math.max(100, Math.floor(deadlineMs / 10)));
  return { firstMs: Math.min(1_000, maxMs), maxMs };
}

/**
 * The polling backstop for a report that has not arrived: the first poll soon (most lost reports
 * are found within a minute), then ever rarer — a message parked for its whole 48-hour result
 * window costs 12 polls, not a hundred (issue 13).
 */
export const FIRST_POLL_DELAY_MS = 10_000;
export const POLL_BACKOFF_FACTOR = 3;
export const MAX_POLL_DELAY_MS = 12 * 3_600_000;

/** The wait before the n-th poll (n = 0, 1, …): 10 s, 30 s, 90 s, 4.5 min, … 6 h, then every 12 hours. */
export function pollDelay(n: number): number {
  return Math.min(MAX_POLL_DELAY_MS, FIRST_POLL_DELAY_MS * POLL_BACKOFF_FACTOR ** Math.min(n, 20));
}
