/**
 * The rules an application (이용 신청서) must meet before it is accepted for review (SPEC §3,
 * form §1–2, Art. 3.3, 4.4). Each rule has its own code so a merchant's developer knows exactly
 * what to fix; all violations are reported at once.
 */
import { parseRecipient } from './phone';
import { violation, type RuleViolation } from './rules';
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

/**
 * The distinct values of a list, in order. An entry that does not parse, or repeats an earlier one, is
 * reported at its index instead of kept; `alongside` adds the checks of the rest of an entry after its own.
 */
function distinctValues<T>(
  v: RuleViolation[],
  entries: readonly T[],
  parse: (entry: T, i: number) => string | RuleViolation,
  repeated: (value: string, i: number) => RuleViolation,
  alongside: (entry: T, i: number) => RuleViolation[] = () => [],
): string[] {
  const values: string[] = [];
  entries.forEach((entry, i) => {
    const parsed = parse(entry, i);
    if (typeof parsed !== 'string') v.push(parsed);
    else if (values.includes(parsed)) v.push(repeated(parsed, i));
    else values.push(parsed);
    v.push(...alongside(entry, i));
  });
  return values;
}

export function checkApplication(
  input: ApplicationInput,
): { ok: true; value: CheckedApplication } | { ok: false; violations: RuleViolation[] } {
  const v: RuleViolation[] = [];
  const s = input.services;
  const anyService = usesKakaoBizMessage(s) || usesTextMessaging(s) || usesPaymentNotices(s);
  if (!anyService) v.push(violation('no_service_selected', 'services', 'apply for at least one service'));

  // Form §1: the Kakao search id is needed for AlimTalk/FriendTalk, not for payment notices.
  const kakaoSearchId = input.kakaoSearchId?.trim() || null;
  if (usesKakaoBizMessage(s) && !kakaoSearchId) {
    v.push(
      violation(
        'kakao_search_id_required',
        'kakaoSearchId',
        'a Kakao search ID (카카오톡 검색용아이디) is required to apply for AlimTalk or FriendTalk',
      ),
    );
  } else if (kakaoSearchId && !KAKAO_SEARCH_ID.test(kakaoSearchId)) {
    v.push(
      violation(
        'invalid_kakao_search_id',
        'kakaoSearchId',
        'the Kakao search ID may have up to 30 letters, digits, Hangul, "_", "." or "-"',
      ),
    );
  }

  // Form §2나: fallback re-sends a failed AlimTalk/FriendTalk, so it needs one of them.
  if ((s.fallbackSms || s.fallbackLms) && !usesKakaoBizMessage(s)) {
    v.push(
      violation(
        'fallback_without_kakao_service',
        'services',
        'fallback SMS/LMS re-sends failed AlimTalk or FriendTalk messages: apply for one of them too',
      ),
    );
  }

  // Form §2가 note: buyer "cancel" needs buyer "approval".
  if (s.paymentNotice.buyer.cancel && !s.paymentNotice.buyer.approval) {
    v.push(
      violation(
        'buyer_cancel_requires_approval',
        'services.paymentNotice.buyer',
        'buyer-target cancellation notices require buyer-target approval notices too',
      ),
    );
  }

  if (usesTextMessaging(s) && input.senderNumbers.length === 0) {
    v.push(
      violation(
        'sender_number_required',
        'senderNumbers',
        'SMS/LMS and fallback need at least one sender number with its proof document',
      ),
    );
  }
  if (input.senderNumbers.length > MAX_SENDER_NUMBERS) {
    v.push(
      violation(
        'too_many_sender_numbers',
        'senderNumbers',
        `a contract has at most ${MAX_SENDER_NUMBERS} sender numbers; ${input.senderNumbers.length} were given`,
        { limit: MAX_SENDER_NUMBERS },
      ),
    );
  }
  const senderNumbers = distinctValues(
    v,
    input.senderNumbers,
    (entry, i) => {
      const parsed = checkSenderNumber(entry.number, `senderNumbers.${i}.number`);
      return parsed.ok ? parsed.digits : parsed.violation;
    },
    (digits, i) => violation('duplicate_sender_number', `senderNumbers.${i}.number`, `${digits} is listed twice`),
    (entry, i) => checkProofDocument(entry.document, `senderNumbers.${i}.proofDocument`),
  );

  // Form §2가: merchant-target notices need 1–20 receiving mobile numbers.
  let receiverNumbers: string[] = [];
  if (usesMerchantNotices(s)) {
    if (input.receiverNumbers.length === 0) {
      v.push(
        violation(
          'receiver_numbers_required',
          'receiverNumbers',
          'merchant-target payment notices need at least one receiving mobile number',
        ),
      );
    }
    if (input.receiverNumbers.length > MAX_RECEIVER_NUMBERS) {
      v.push(
        violation(
          'too_many_receiver_numbers',
          'receiverNumbers',
          `at most ${MAX_RECEIVER_NUMBERS} receiving numbers; ${input.receiverNumbers.length} were given`,
          { limit: MAX_RECEIVER_NUMBERS },
        ),
      );
    }
    receiverNumbers = distinctValues(
      v,
      input.receiverNumbers,
      (n, i) =>
        parseRecipient(n)?.digits ??
        violation('invalid_receiver_number', `receiverNumbers.${i}`, `"${n}" is not a Korean mobile number`),
      (digits, i) => violation('duplicate_receiver_number', `receiverNumbers.${i}`, `${digits} is listed twice`),
    );
  } else if (input.receiverNumbers.length > 0) {
    // We keep no personal data we have no use for.
    v.push(
      violation(
        'receiver_numbers_not_applicable',
        'receiverNumbers',
        'receiving numbers are only for merchant-target payment notices',
      ),
    );
  }

  if (usesPaymentNotices(s) && input.mids.length === 0) {
    v.push(violation('mid_required', 'mids', 'payment notices need the MIDs they apply to'));
  }
  const mids = distinctValues(
    v,
    input.mids,
    (mid, i) =>
      MID.test(mid) ? mid : violation('invalid_mid', `mids.${i}`, `"${mid}" is not a MID (5–20 letters and digits)`),
    (mid, i) => violation('duplicate_mid', `mids.${i}`, `MID ${mid} is listed twice`),
  );
  if (mids.length > 0 && !usesPaymentNotices(s)) {
    v.push(violation('mids_not_applicable', 'mids', 'MIDs are only for payment notices'));
  }

  return v.length
    ? { ok: false, violations: v }
    : { ok: true, value: { senderNumbers, receiverNumbers, mids, kakaoSearchId } };
}
