/**
 * Changes to a merchant's business information (Art. 4.1.3): the merchant notifies the company of a
 * change of its business address, representative or trade name 10 days before it happens, so such a
 * change takes effect no sooner than 10 days after the notice. A webhook URL is "system operation"
 * the merchant runs itself: it changes at once.
 */
import type { RuleViolation } from './rules';

export const BUSINESS_INFO_FIELDS = ['name', 'representative', 'address', 'businessRegistrationNumber'] as const;
export type BusinessInfoField = (typeof BUSINESS_INFO_FIELDS)[number];
export type BusinessInfo = Partial<Record<BusinessInfoField, string>>;

/** Art. 4.1.3: "10일전 통지". */
export const BUSINESS_CHANGE_NOTICE_DAYS = 10;
const DAY_MS = 86_400_000;

export interface PendingChange {
  id: string;
  fields: BusinessInfo;
  noticedAt: string;
  effectiveAt: string;
}

/**
 * A new notice. It joins a change already pending (the later notice's values win) and the whole
 * change takes effect 10 days after this notice, or at the later `effectiveAt` the merchant asks for.
 */
export function noticeChange(
  current: BusinessInfo,
  pending: PendingChange | null,
  requested: BusinessInfo,
  input: { id: string; now: number; effectiveAt?: string },
): { ok: true; change: PendingChange | null } | { ok: false; violation: RuleViolation } {
  const earliest = input.now + BUSINESS_CHANGE_NOTICE_DAYS * DAY_MS;
  const asked = input.effectiveAt === undefined ? earliest : Date.parse(input.effectiveAt);
  if (asked < earliest)
    return {
      ok: false,
      violation: {
        code: 'notice_too_short',
        field: 'effectiveAt',
        message: `business information changes take effect at least ${BUSINESS_CHANGE_NOTICE_DAYS} days after the notice (Art. 4.1.3): ${new Date(earliest).toISOString()} at the earliest`,
        earliest: new Date(earliest).toISOString(),
      },
    };
  const fields: BusinessInfo = { ...pending?.fields };
  for (const f of BUSINESS_INFO_FIELDS) {
    const value = requested[f];
    if (value === undefined) continue;
    if (value === current[f]) delete fields[f];
    else fields[f] = value;
  }
  if (Object.keys(fields).length === 0) return { ok: true, change: null };
  return {
    ok: true,
    change: {
      id: input.id,
      fields,
      noticedAt: new Date(input.now).toISOString(),
      effectiveAt: new Date(asked).toISOString(),
    },
  };
}
