/**
 * How NHN Cloud Notification's codes map onto bizmsg's words (docs/providers.md). The documents are
 * the public TOAST-DOCS repositories: Alimtalk `en/alimtalk-api-guide.md` (AlimTalk API v2.3),
 * `en/friendtalkupgrade-api-guide.md` (Brand Message API v1.0), `en/error-code.md`,
 * `ko/webhook-api-guide.md`; SMS `en/api-guide.md` (SMS API v3.0), `en/error-code.md`.
 */
import type { ProviderReport, ProviderResultStatus } from './delivery';
import type { TemplateStatus } from './template';

/** The NHN API a provider message id belongs to: its result is queried there. */
export type NhnApi = 'alimtalk' | 'brand' | 'sms' | 'mms';

const NHN_APIS: readonly NhnApi[] = ['alimtalk', 'brand', 'sms', 'mms'];

/**
 * Our provider message id for one NHN recipient: NHN identifies it by the request id and the
 * recipient's sequence in that request (AlimTalk v2.3 "Get Message": `/messages/{requestId}/{recipientSeq}`;
 * SMS v3.0 "Query Delivery of Short SMS": `/sender/sms/{requestId}?recipientSeq=`).
 */
export const nhnMessageId = (api: NhnApi, requestId: string, recipientSeq: number) =>
  `nhn:${api}:${requestId}:${recipientSeq}`;

export function parseNhnMessageId(id: string): { api: NhnApi; requestId: string; recipientSeq: number } | null {
  const m = /^nhn:([a-z]+):([A-Za-z0-9_-]{1,64}):(\d{1,6})$/.exec(id);
  if (!m || !NHN_APIS.includes(m[1] as NhnApi)) return null;
  return { api: m[1] as NhnApi, requestId: m[2], recipientSeq: Number(m[3]) };
}

/** Webhook `kakaoMessageType` (webhook guide, "메시지 발송 결과 코드 업데이트") → the API that sent it. */
export function nhnApiOfKakaoMessageType(type: string): NhnApi | null {
  if (type.startsWith('ALIMTALK_')) return 'alimtalk';
  if (type.startsWith('BRAND_MESSAGE_') || type.startsWith('FRIENDTALK_')) return 'brand';
  return null;
}

export type NhnResult = { status: ProviderResultStatus; resultCode: string } | null;

/** Kakao's delivery result code for a delivered message (Alimtalk error-code.md, "Delivery Result Code": 1000 Success). */
const KAKAO_DELIVERED = new Set(['1000', 'MRC01']);

/**
 * A Kakao (AlimTalk / Brand Message) result. The result code is Kakao's "receipt result code":
 * 1000 is success, anything else a failure — 3018/3019 (not a reachable KakaoTalk user), 3020
 * (blocked AlimTalk), 3016 (content does not match the template)… Every failure lets our own
 * fallback go out. The list query's filter calls the same outcome MRC01/MRC02, so both spellings
 * are read. With no code yet, `messageStatus` (COMPLETED / FAILED / CANCEL) decides, else pending.
 */
export function kakaoResultOf(r: { messageStatus?: string | null; resultCode?: string | null }): NhnResult {
  const code = r.resultCode?.trim() || null;
  if (code) return { status: KAKAO_DELIVERED.has(code) ? 'delivered' : 'failed', resultCode: code };
  if (r.messageStatus === 'FAILED' || r.messageStatus === 'CANCEL')
    return { status: 'failed', resultCode: r.messageStatus };
  return null;
}

/**
 * An SMS/LMS result (SMS v3.0 "Query Delivery": msgStatus 0 failed, 1 requesting, 2 processing,
 * 3 successful, 4 cancelled, 5 duplicate delivery; resultCode from the EMMA v3 table, 1000 success).
 * A carrier result code decides when present; without one, only a final msgStatus does. A
 * "duplicate delivery" (5) means NHN dropped the request, so it did not deliver.
 */
export function smsResultOf(r: { msgStatus?: string | null; resultCode?: string | null }): NhnResult {
  const code = r.resultCode?.trim() || null;
  if (code && code !== '0') return { status: code === '1000' ? 'delivered' : 'failed', resultCode: code };
  if (r.msgStatus === '3') return { status: 'delivered', resultCode: '1000' };
  if (r.msgStatus === '0' || r.msgStatus === '4' || r.msgStatus === '5')
    return { status: 'failed', resultCode: `msgStatus_${r.msgStatus}` };
  return null;
}

/** AlimTalk template status (v2.3 "Get Template": TSC01 requested, TSC02 reviewing, TSC03 approved, TSC04 rejected). */
export function templateReviewOf(status: string): TemplateStatus {
  if (status === 'TSC03') return 'approved';
  if (status === 'TSC04') return 'rejected';
  return 'requested';
}

/**
 * Header result codes that say "NHN is down, not your request": -9999 system error (both APIs),
 * -7000 the Kakao vendor API failed (Alimtalk error-code.md), -2021 "System error (failed in
 * saving queue)" (SMS error-code.md). The request was not taken, so another carrier may take it.
 */
const OUTAGE_CODES = new Set([-9999, -7000, -2021]);

export const isNhnOutage = (headerResultCode: number) => OUTAGE_CODES.has(headerResultCode);

/** "The same 'X-NC-API-IDEMPOTENCY-KEY' was used within the last 10 minute" (Alimtalk error-code.md). */
export const NHN_DUPLICATE_IDEMPOTENCY_KEY = -1005;

/** NHN's request dates are KST wall-clock text: "yyyy-MM-dd HH:mm" (AlimTalk), "…:ss" (SMS v3.0 lists). */
export function nhnKstStamp(at: Date | number, withSeconds: boolean): string {
  const kst = new Date(+at + 9 * 3_600_000).toISOString();
  return `${kst.slice(0, 10)} ${kst.slice(11, withSeconds ? 19 : 16)}`;
}

/**
 * NHN's result times ("2018-08-10 10:06:42.0", webhook "receiveDate": "2023-06-01") as an ISO
 * instant, read as KST; null when the text is no such time.
 */
export function parseNhnKstStamp(text: string | null | undefined): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(text ?? '');
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = m;
  if (+mo < 1 || +mo > 12 || +d < 1 || +d > 31 || +h > 23 || +mi > 59 || +s > 59) return null;
  return new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi, +s) - 9 * 3_600_000).toISOString();
}

/** One hook of NHN's MESSAGE_RESULT_UPDATE webhook (webhook guide, "메시지 발송 결과 코드 업데이트"). */
export interface NhnResultHook {
  kakaoMessageType?: string;
  requestId?: string;
  recipientSeq?: number | string;
  resultCode?: string | null;
  receiveDate?: string | null;
  recipientGroupingKey?: string | null;
}

/** Our idempotency key `<message id>:<channel>`, which we send as NHN's recipientGroupingKey. */
const OUR_KAKAO_KEY = /^msg_[0-9a-z]{26}:(alimtalk|friendtalk|friendtalk_image)$/;

/**
 * A result hook as one of our provider reports; null for a hook that is not ours (sent from NHN's
 * console: no key of ours), not a Kakao send we know, or not a final result yet.
 */
export function nhnReportOf(hook: NhnResultHook): Omit<ProviderReport, 'provider'> | null {
  const api = nhnApiOfKakaoMessageType(hook.kakaoMessageType ?? '');
  const seq = Number(hook.recipientSeq);
  const key = hook.recipientGroupingKey ?? '';
  if (!api || !hook.requestId || !Number.isInteger(seq) || !OUR_KAKAO_KEY.test(key)) return null;
  const result = kakaoResultOf({ resultCode: hook.resultCode });
  if (!result) return null;
  const providerMessageId = nhnMessageId(api, hook.requestId, seq);
  if (!parseNhnMessageId(providerMessageId)) return null;
  return { providerMessageId, idempotencyKey: key, ...result, reportedAt: parseNhnKstStamp(hook.receiveDate) };
}

/**
 * One hook of NHN SMS's UNSUBSCRIBE webhook (SMS webhook guide, "Registration of recipient number
 * for ad messages"): `recipientNo` called the 080 number `unsubscribeNo` of NHN's unsubscription
 * service at `createdDateTime` (yyyy-MM-dd'T'HH:mm:ss.SSSXXX).
 */
export interface NhnUnsubscribeHook {
  recipientNo?: string | null;
  unsubscribeNo?: string | null;
  createdDateTime?: string | null;
}

/** An UNSUBSCRIBE hook as an 080 opt-out call; null when it lacks either number. */
export function nhnOptOutOf(
  hook: NhnUnsubscribeHook,
): { to080: string; from: string; reportedAt: string | null } | null {
  if (!hook.recipientNo || !hook.unsubscribeNo) return null;
  const at = hook.createdDateTime ? new Date(hook.createdDateTime) : null;
  return {
    to080: hook.unsubscribeNo,
    from: hook.recipientNo,
    reportedAt: at && !Number.isNaN(at.getTime()) ? at.toISOString() : null,
  };
}
