/**
 * The carrier simulator's test numbers (SPEC §8): like a card network's test cards, the last 4 digits
 * of the recipient decide how each provider treats a send. Pure data and a pure function; the timing
 * in milliseconds and the HTTP side live in server.ts.
 *
 * Result codes in the reports (and in GET /…/messages/:id):
 *   Kakao BizMessage  0000 delivered · 3018 failed: the recipient is not a KakaoTalk user
 *   SMS/LMS carrier   1000 delivered · 2003 failed: the carrier rejected the number
 */

export type Provider = 'kakao' | 'sms';

export const RESULT_CODES = {
  kakao: { delivered: '0000', notKakaoUser: '3018' },
  sms: { delivered: '1000', rejected: '2003' },
} as const;

/** How one provider treats one send; also shown as `outcome` by GET /_sim/sends. */
export type Behaviour =
  /** accepted, delivered report after the normal delay (within about a second) */
  | 'deliver'
  /** accepted, failed report at once (Kakao: not a KakaoTalk user) */
  | 'fail_now'
  /** accepted, failed report after the normal delay (SMS/LMS: the carrier rejects the number) */
  | 'reject'
  /** accepted, never reports: only the platform's own timeout ends the wait */
  | 'silent'
  /** accepted, delivered report only after the platform's Kakao result timeout */
  | 'deliver_late'
  /** the first attempt per Idempotency-Key is answered 503 (not a send); the retry delivers */
  | 'unavailable_once'
  /** every attempt is answered 503 (an outage): never a send */
  | 'unavailable';

/** When a decided result is reported: at once, after the normal delay, or after the Kakao timeout. */
export type ReportTiming = 'prompt' | 'normal' | 'late';

export interface Outcome {
  behaviour: Behaviour;
  /** The first POST for an Idempotency-Key is answered HTTP 503 and is not recorded as a send. */
  unavailableFirstAttempt: boolean;
  /** Every POST is answered HTTP 503 and none is recorded as a send. */
  unavailableAlways: boolean;
  /** What the provider reports once the send is accepted; null when it never reports. */
  result: { status: 'delivered' | 'failed'; resultCode: string; timing: ReportTiming } | null;
}

/** SPEC §8's table; any number not listed behaves as DEFAULT_BEHAVIOUR. */
export const TEST_NUMBERS: Readonly<Record<string, Readonly<Record<Provider, Behaviour>>>> = {
  '9001': { kakao: 'fail_now', sms: 'deliver' },
  '9002': { kakao: 'silent', sms: 'deliver' },
  '9003': { kakao: 'fail_now', sms: 'reject' },
  '9004': { kakao: 'fail_now', sms: 'silent' },
  '9005': { kakao: 'deliver_late', sms: 'deliver' },
  '9006': { kakao: 'unavailable_once', sms: 'unavailable_once' },
  '9007': { kakao: 'unavailable', sms: 'deliver' },
  '9008': { kakao: 'deliver', sms: 'unavailable' },
};

export const DEFAULT_BEHAVIOUR: Readonly<Record<Provider, Behaviour>> = { kakao: 'deliver', sms: 'deliver' };

/** The outcome of a send by `provider` to `to` (normalized digits). */
export function outcomeFor(provider: Provider, to: string): Outcome {
  const behaviour = (TEST_NUMBERS[to.slice(-4)] ?? DEFAULT_BEHAVIOUR)[provider];
  const delivered = RESULT_CODES[provider].delivered;
  const failed = provider === 'kakao' ? RESULT_CODES.kakao.notKakaoUser : RESULT_CODES.sms.rejected;
  const outcome = (result: Outcome['result'], unavailableFirstAttempt = false, unavailableAlways = false): Outcome => ({
    behaviour,
    unavailableFirstAttempt,
    unavailableAlways,
    result,
  });
  switch (behaviour) {
    case 'deliver':
      return outcome({ status: 'delivered', resultCode: delivered, timing: 'normal' });
    case 'fail_now':
      return outcome({ status: 'failed', resultCode: failed, timing: 'prompt' });
    case 'reject':
      return outcome({ status: 'failed', resultCode: failed, timing: 'normal' });
    case 'silent':
      return outcome(null);
    case 'deliver_late':
      return outcome({ status: 'delivered', resultCode: delivered, timing: 'late' });
    case 'unavailable_once':
      return outcome({ status: 'delivered', resultCode: delivered, timing: 'normal' }, true);
    case 'unavailable':
      return outcome(null, false, true);
  }
}
