/**
 * Advertising (정보통신망법 §50; SPEC §4): FriendTalk may carry ads, so it must be marked as one,
 * name its sender, offer a free opt-out, and stay out of Kakao's ad quiet hours (20:50–08:00 KST).
 */
import { addDays, kstDate, kstStartOf, toKstIso } from './calendar-kst';
import type { MessageType } from './message-types';
import { parsePhone } from './phone';
import { violation, type RuleViolation } from './rules';

/** FriendTalk is advertising-capable, so it follows the ad rules (SPEC §4, 정보통신망법 §50). */
export const isAdType = (type: MessageType): boolean => type === 'friendtalk' || type === 'friendtalk_image';

export const AD_MARKER = '(광고)';

/** 무료거부 / 무료수신거부 / 수신거부, spaced as people write them ("무료 수신 거부"). */
const OPT_OUT_WORDING = /무료\s*(?:수신\s*)?거부|수신\s*거부/g;
/**
 * What follows the wording up to the number: brackets, colons, arrows, a phone sign or a word like
 * 전화/ARS ("[무료수신거부] ☎ 080-123-4567", "수신거부: 전화 02-123-4567"); then the number in any of
 * its written forms ("080-123-4567", "(080)123-4567", "080 123 4567", "0801234567", "1588-1234").
 */
const OPT_OUT_NUMBER =
  /^[\s:：=>→·|()[\]{}<>（）［］【】「」『』〈〉☎☏✆📞-]*(?:전화번호|전화|번호|ARS|TEL\.?|Tel\.?)?[\s:：☎☏✆📞)-]*(\(?\d{2,4}\)?(?:[\s.-]*\d{3,4}){1,2})(?![.-]?\d)/u;
/** 080 is the free-call prefix of opt-out lines: 080 and 7 or 8 digits. */
const FREE_CALL = /^080\d{7,8}$/;
/** A merchant registered as "주식회사 바른상점" may sign its ads "바른상점". */
const CORPORATE_FORM = /\(주\)|㈜|주식회사|\(유\)|유한회사|\(사\)|사단법인|\(재\)|재단법인/g;
const compact = (s: string) => s.replace(/\s+/g, '');

function mentionsSender(text: string, senderName: string): boolean {
  const body = compact(text);
  const names = [compact(senderName), compact(senderName.replace(CORPORATE_FORM, ''))].filter((n) => n !== '');
  return names.some((name) => body.includes(name));
}

/** An ad starts with "(광고)", names its sender and tells how to opt out for free (§50 ④). */
export function checkAdContent(text: string, senderName: string, field: string): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (!text.startsWith(AD_MARKER)) {
    violations.push(
      violation('ad_marker_missing', field, `${field} is an advertisement and must start with "${AD_MARKER}".`),
    );
  }
  if (!mentionsSender(text, senderName)) {
    violations.push(
      violation(
        'ad_sender_name_missing',
        field,
        `${field} is an advertisement and must name its sender "${senderName}".`,
        { senderName },
      ),
    );
  }
  const optOut = checkOptOut(text, field);
  if (optOut) violations.push(optOut);
  return violations;
}

/** The number after an opt-out wording, if it is one a recipient can call: an 080 line or any Korean phone number. */
function optOutNumberAfter(text: string, index: number): string | undefined {
  const match = OPT_OUT_NUMBER.exec(text.slice(index));
  if (!match) return undefined;
  const digits = match[1].replace(/\D/g, '');
  return FREE_CALL.test(digits) || parsePhone(digits) ? digits : undefined;
}

/**
 * §50④: an ad tells its recipient a free way to opt out — the wording followed by the number to
 * call. Wording without a number names the missing number, so the merchant knows what to add.
 */
function checkOptOut(text: string, field: string): RuleViolation | undefined {
  const wordings = [...text.matchAll(OPT_OUT_WORDING)];
  if (wordings.some((m) => optOutNumberAfter(text, m.index + m[0].length) !== undefined)) return undefined;
  if (wordings.length === 0)
    return violation(
      'ad_opt_out_missing',
      field,
      `${field} is an advertisement and must tell how to opt out for free (e.g. "무료수신거부 080-123-4567").`,
    );
  return violation(
    'ad_opt_out_number_missing',
    field,
    `${field} says "${wordings[0][0]}" but gives no number to opt out by: follow it with an 080 number or another phone number (e.g. "무료거부 080-123-4567").`,
  );
}

const MINUTE_MS = 60_000;
const AD_WINDOW_OPENS_MS = 8 * 60 * MINUTE_MS;
const AD_WINDOW_CLOSES_MS = (20 * 60 + 50) * MINUTE_MS;

/** Kakao delivers no ads from 20:50 to 08:00 KST (SPEC §4); when closed, the next 08:00 KST. */
export function adWindow(now: Date): { open: true } | { open: false; opensAt: Date } {
  const today = kstDate(now);
  const sinceMidnight = +now - +kstStartOf(today);
  if (sinceMidnight < AD_WINDOW_OPENS_MS) return { open: false, opensAt: kstStartOf(today, 8) };
  if (sinceMidnight >= AD_WINDOW_CLOSES_MS) return { open: false, opensAt: kstStartOf(addDays(today, 1), 8) };
  return { open: true };
}

export interface AdCheck {
  violations: RuleViolation[];
  /** When the ad is held until Kakao's ad window opens. */
  notBefore?: Date;
}

/** In the quiet hours an ad is refused, or held until 08:00 KST when the merchant asked for that. */
export function checkQuietHours(now: Date, holdDuringQuietHours: boolean): AdCheck {
  const window = adWindow(now);
  if (window.open) return { violations: [] };
  if (holdDuringQuietHours) return { violations: [], notBefore: window.opensAt };
  const opensAt = toKstIso(window.opensAt);
  return {
    violations: [
      violation(
        'ad_quiet_hours',
        undefined,
        `Kakao delivers no advertising (FriendTalk) between 20:50 and 08:00 KST; send it at or after ${opensAt}, or ask for it to be held until then.`,
        {
          opensAt,
        },
      ),
    ],
  };
}

/** Every ad rule for one FriendTalk: its text, the merchant's own fallback text (an ad too), and the hour. */
export function checkAdvertisement(ad: {
  text: string;
  fallbackText?: string;
  senderName: string;
  now: Date;
  holdDuringQuietHours?: boolean;
}): AdCheck {
  const fallback = ad.fallbackText === undefined ? [] : checkAdContent(ad.fallbackText, ad.senderName, 'fallback.text');
  const quiet = checkQuietHours(ad.now, ad.holdDuringQuietHours ?? false);
  return {
    violations: [...checkAdContent(ad.text, ad.senderName, 'text'), ...fallback, ...quiet.violations],
    notBefore: quiet.notBefore,
  };
}
