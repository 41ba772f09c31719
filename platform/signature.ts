/**
 * HMAC-SHA256 signatures with a timestamp, for carrier result reports (simulator → API) and for
 * merchant webhooks (API → merchant). Header: `t=<unix seconds>,v1=<hex hmac of "<t>.<raw body>">`.
 * The timestamp bounds replays; the comparison is constant-time.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'bizmsg-signature';
export const DEFAULT_TOLERANCE_S = 300;

export function sign(secret: string, rawBody: string, nowMs = Date.now()): string {
  const t = Math.floor(nowMs / 1000);
  const v1 = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest('hex');
  return `t=${t},v1=${v1}`;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: 'missing' | 'malformed' | 'expired' | 'mismatch' };

export function verify(
  secret: string,
  rawBody: string,
  header: string | undefined,
  nowMs = Date.now(),
  toleranceS = DEFAULT_TOLERANCE_S,
): SignatureCheck {
  if (!header) return { ok: false, reason: 'missing' };
  const parts = Object.fromEntries(header.split(',').map((kv) => kv.trim().split('=', 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/.test(parts.v1 ?? '')) return { ok: false, reason: 'malformed' };
  if (Math.abs(nowMs / 1000 - t) > toleranceS) return { ok: false, reason: 'expired' };
  const expected = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest();
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected)
    ? { ok: true }
    : { ok: false, reason: 'mismatch' };
}

/**
 * A signature that is a shared value rather than an HMAC (NHN's X-Toast-Webhook-Signature is the
 * text entered in its webhook settings), compared in constant time whatever the lengths.
 */
export function sameSharedSecret(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const digest = (v: string) => createHmac('sha256', 'bizmsg-compare').update(v).digest();
  return timingSafeEqual(digest(expected), digest(given));
}
