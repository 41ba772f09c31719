/**
 * Korean phone numbers (SPEC §2): mobile `01[016789]` + 7–8 digits; landlines by area code; 070
 * internet phones; 8-digit representative numbers `15xx/16xx/18xx-xxxx` (sender only).
 * Input may carry hyphens, spaces, dots or a +82 country prefix; we store normalized digits.
 */
import { refuse, type Refusal } from './rules';

export type PhoneKind = 'mobile' | 'landline' | 'internet' | 'representative';

export interface PhoneNumber {
  digits: string;
  kind: PhoneKind;
}

const AREA_CODES = [
  '02',
  '031',
  '032',
  '033',
  '041',
  '042',
  '043',
  '044',
  '051',
  '052',
  '053',
  '054',
  '055',
  '061',
  '062',
  '063',
  '064',
];

const MOBILE = /^01[016789]\d{7,8}$/;
const REPRESENTATIVE = /^1[568]\d{6}$/;
const INTERNET = /^070\d{8}$/;

/** Strips separators and the +82 country prefix. Returns undefined when anything but digits remains. */
export function normalizePhone(input: string): string | undefined {
  let s = input.trim().replace(/[\s\-.()]/g, '');
  if (s.startsWith('+82')) s = `0${s.slice(3).replace(/^0/, '')}`;
  else if (s.startsWith('0082')) s = `0${s.slice(4).replace(/^0/, '')}`;
  return /^\d+$/.test(s) ? s : undefined;
}

export function parsePhone(input: string): PhoneNumber | undefined {
  const digits = normalizePhone(input);
  if (!digits) return undefined;
  if (MOBILE.test(digits)) {
    // 010 numbers always have 8 subscriber digits since 2004.
    if (digits.startsWith('010') && digits.length !== 11) return undefined;
    return { digits, kind: 'mobile' };
  }
  if (REPRESENTATIVE.test(digits)) return { digits, kind: 'representative' };
  if (INTERNET.test(digits)) return { digits, kind: 'internet' };
  const area = AREA_CODES.find((code) => digits.startsWith(code));
  if (area) {
    const subscriber = digits.slice(area.length);
    // Subscriber numbers are 7–8 digits and never start with 0 (that would be another area code).
    if (/^[1-9]\d{6,7}$/.test(subscriber)) return { digits, kind: 'landline' };
  }
  return undefined;
}

/** A number a message can be delivered to: mobile phones only (Art. 2.1 "무선단말기"). */
export function parseRecipient(input: string): PhoneNumber | undefined {
  const phone = parsePhone(input);
  return phone?.kind === 'mobile' ? phone : undefined;
}

/** The stored digits a search by recipient matches, however the number was typed (+82, hyphens, spaces). */
export const phoneForSearch = (input: string): string => parseRecipient(input)?.digits ?? input.replace(/\D/g, '');

/** The recipient of a message or an opt-out, or why it cannot be one; `field` names it in the refusal. */
export function checkRecipient(input: string, field: string): ({ ok: true } & PhoneNumber) | Refusal {
  const phone = parseRecipient(input);
  if (!phone) return refuse('invalid_recipient', `"${input}" is not a Korean mobile number (01X-XXXX-XXXX)`, { field });
  return { ok: true, ...phone };
}

/** A number a message can be sent from: any valid Korean number, representative numbers included. */
export function parseSenderNumber(input: string): PhoneNumber | undefined {
  return parsePhone(input);
}

/** 01012345678 → 010-****-5678: what merchants and logs see of a recipient. */
export function maskPhone(digits: string): string {
  if (digits.length < 8) return '*'.repeat(digits.length);
  const last = digits.slice(-4);
  const head = digits.startsWith('02') ? '02' : digits.slice(0, 3);
  return `${head}-${'*'.repeat(digits.length - head.length - 4)}-${last}`;
}

/** Formats stored digits for people: 01012345678 → 010-1234-5678, 15884954 → 1588-4954. */
export function formatPhone(digits: string): string {
  if (/^1[568]\d{6}$/.test(digits)) return `${digits.slice(0, 4)}-${digits.slice(4)}`;
  const head = digits.startsWith('02') ? 2 : 3;
  const rest = digits.slice(head);
  const mid = rest.length - 4;
  return `${digits.slice(0, head)}-${rest.slice(0, mid)}-${rest.slice(mid)}`;
}

// Anything in free text that looks like a Korean phone number, with or without separators. After
// +82 the trunk 0 is usually dropped (+82 10-1234-5678, +821012345678), so it is optional there.
// Seoul's one-digit area code is tried first so 0223456789 masks like maskPhone: 02-****-6789.
const PHONE_IN_TEXT = /(?<!\d)(?:\+82[\s.-]?0?|0)(2|\d{1,2})[\s.-]?(\d{3,4})[\s.-]?(\d{4})(?!\d)/g;

/** Masks every phone-number-like run in free text (for logs: Art. 11 / personal data). */
export function maskPhonesInText(text: string): string {
  return text.replace(
    PHONE_IN_TEXT,
    (_m, area: string, mid: string, last: string) => `0${area}-${'*'.repeat(mid.length)}-${last}`,
  );
}
