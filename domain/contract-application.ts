/**
 * The rules an application (이용 신청서) must meet before it is accepted for review (SPEC §3,
 * form §1–2, Art. 3.3, 4.4). Each rule has its own code so a merchant's developer knows exactly
 * what to fix; all violations are reported at once.
 */
import { parseRecipient } from './phone';
import type { RuleViolation } from './rules';
import { checkProofDocument, checkSenderNumber } from './sender-number';
import {
  MAX_RECEIVER_NUMBERS,
  MAX_SENDER_NUMBERS,
  usesKakaoBizMessage,
  usesMerchantNotices,
  usesPaymentNotices,
  usesTextMessaging,
  type Services,
} from './services';

/** INIpay merchant ids: letters and digits (e.g. INIpayTest). */
const MID = /^[A-Za-z0-9]{5,20}$/;

/** Kakao search ids (카카오톡 검색용아이디), with or without the leading @. */
const KAKAO_SEARCH_ID = /^@?[0-9A-Za-z가-힣_.-]{1,30}$/;

export interface ApplicationInput {
  services: Services;
  kakaoSearchId: string | null;
  senderNumbers: { number: string; document: Uint8Array }[];
  receiverNumbers: string[];
  mids: string[];
}

export interface CheckedApplication {
  senderNumbers: string[];
  receiverNumbers: string[];
  mids: string[];
  kakaoSearchId: string | null;
}

export function checkApplication(
  input: ApplicationInput,
): { ok: true; value: CheckedApplication } | { ok: false; violations: RuleViolation[] } {
  const v: RuleViolation[] = [];
  const s = input.services;
  const anyService = usesKakaoBizMessage(s) || usesTextMessaging(s) || usesPaymentNotices(s);
  if (!anyService)
    v.push({ code: 'no_service_selected', message: 'apply for at least one service', field: 'services' });

  // Form §1: the Kakao search id is needed for AlimTalk/FriendTalk, not for payment notices.
  const kakaoSearchId = input.kakaoSearchId?.trim() || null;
  if (usesKakaoBizMessage(s) && !kakaoSearchId) {
    v.push({
      code: 'kakao_search_id_required',
      message: 'a Kakao search ID (카카오톡 검색용아이디) is required to apply for AlimTalk or FriendTalk',
      field: 'kakaoSearchId',
    });
  } else if (kakaoSearchId && !KAKAO_SEARCH_ID.test(kakaoSearchId)) {
    v.push({
      code: 'invalid_kakao_search_id',
      message: 'the Kakao search ID may have up to 30 letters, digits, Hangul, "_", "." or "-"',
      field: 'kakaoSearchId',
    });
  }

  // Form §2나: fallback re-sends a failed AlimTalk/FriendTalk, so it needs one of them.
  if ((s.fallbackSms || s.fallbackLms) && !usesKakaoBizMessage(s)) {
    v.push({
      code: 'fallback_without_kakao_service',
      message: 'fallback SMS/LMS re-sends failed AlimTalk or FriendTalk messages: apply for one of them too',
      field: 'services',
    });
  }

  // Form §2가 note: buyer "cancel" needs buyer "approval".
  if (s.paymentNotice.buyer.cancel && !s.paymentNotice.buyer.approval) {
    v.push({
      code: 'buyer_cancel_requires_approval',
      message: 'buyer-target cancellation notices require buyer-target approval notices too',
      field: 'services.paymentNotice.buyer',
    });
  }

  const senderNumbers: string[] = [];
  if (usesTextMessaging(s) && input.senderNumbers.length === 0) {
    v.push({
      code: 'sender_number_required',
      message: 'SMS/LMS and fallback need at least one sender number with its proof document',
      field: 'senderNumbers',
    });
  }
  if (input.senderNumbers.length > MAX_SENDER_NUMBERS) {
    v.push({
      code: 'too_many_sender_numbers',
      message: `a contract has at most ${MAX_SENDER_NUMBERS} sender numbers; ${input.senderNumbers.length} were given`,
      field: 'senderNumbers',
      limit: MAX_SENDER_NUMBERS,
    });
  }
  input.senderNumbers.forEach((entry, i) => {
    const field = `senderNumbers.${i}`;
    const parsed = checkSenderNumber(entry.number, `${field}.number`);
    if (!parsed.ok) v.push(parsed.violation);
    else if (senderNumbers.includes(parsed.digits))
      v.push({
        code: 'duplicate_sender_number',
        message: `${parsed.digits} is listed twice`,
        field: `${field}.number`,
      });
    else senderNumbers.push(parsed.digits);
    v.push(...checkProofDocument(entry.document, `${field}.proofDocument`));
  });

  // Form §2가: merchant-target notices need 1–20 receiving mobile numbers.
  const receiverNumbers: string[] = [];
  if (usesMerchantNotices(s)) {
    if (input.receiverNumbers.length === 0) {
      v.push({
        code: 'receiver_numbers_required',
        message: 'merchant-target payment notices need at least one receiving mobile number',
        field: 'receiverNumbers',
      });
    }
    if (input.receiverNumbers.length > MAX_RECEIVER_NUMBERS) {
      v.push({
        code: 'too_many_receiver_numbers',
        message: `at most ${MAX_RECEIVER_NUMBERS} receiving numbers; ${input.receiverNumbers.length} were given`,
        field: 'receiverNumbers',
        limit: MAX_RECEIVER_NUMBERS,
      });
    }
    input.receiverNumbers.forEach((n, i) => {
      const parsed = parseRecipient(n);
      if (!parsed)
        v.push({
          code: 'invalid_receiver_number',
          message: `"${n}" is not a Korean mobile number`,
          field: `receiverNumbers.${i}`,
        });
      else if (receiverNumbers.includes(parsed.digits))
        v.push({
          code: 'duplicate_receiver_number',
          message: `${parsed.digits} is listed twice`,
          field: `receiverNumbers.${i}`,
        });
      else receiverNumbers.push(parsed.digits);
    });
  } else if (input.receiverNumbers.length > 0) {
    // We keep no personal data we have no use for.
    v.push({
      code: 'receiver_numbers_not_applicable',
      message: 'receiving numbers are only for merchant-target payment notices',
      field: 'receiverNumbers',
    });
  }

  const mids: string[] = [];
  if (usesPaymentNotices(s) && input.mids.length === 0) {
    v.push({ code: 'mid_required', message: 'payment notices need the MIDs they apply to', field: 'mids' });
  }
  input.mids.forEach((mid, i) => {
    if (!MID.test(mid))
      v.push({ code: 'invalid_mid', message: `"${mid}" is not a MID (5–20 letters and digits)`, field: `mids.${i}` });
    else if (mids.includes(mid))
      v.push({ code: 'duplicate_mid', message: `MID ${mid} is listed twice`, field: `mids.${i}` });
    else mids.push(mid);
  });
  if (mids.length > 0 && !usesPaymentNotices(s)) {
    v.push({ code: 'mids_not_applicable', message: 'MIDs are only for payment notices', field: 'mids' });
  }

  return v.length
    ? { ok: false, violations: v }
    : { ok: true, value: { senderNumbers, receiverNumbers, mids, kakaoSearchId } };
}
