/**
 * Advertising (정보통신망법 §50; SPEC §4): FriendTalk may carry ads, so it must be marked as one,
 * name its sender, offer a free opt-out, and stay out of Kakao's ad quiet hours (20:50–08:00 KST).
 */
import { addDays, kstDate, kstStartOf, toKstIso } from './calendar-kst';
import type { MessageType } from './message-types';
import { violation, type RuleViolation } from './rules';

/** FriendTalk is advertising-capable, so it follows the ad rules (SPEC §4, 정보통신망법 §50). */
export const isAdType = (type: MessageType): boolean => type === 'friendtalk' || type === 'friendtalk_image';

export const AD_MARKER = '(광고)';
const OPT_OUT = /수신\s?거부/;
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
  if (!OPT_OUT.test(text)) {
    violations.push(
      violation(
        'ad_opt_out_missing',
        field,
        `${field} is an advertisement and must tell how to opt out for free (e.g. "무료수신거부 080-123-4567").`,
      ),
    );
  }
  return violations;
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
function checkQuietHours(now: Date, holdDuringQuietHours: boolean): AdCheck {
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
