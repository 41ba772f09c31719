/**
 * HMAC-SHA256 signatures with a timestamp, for carrier result reports (simulator → API) and for
 * merchant webhooks (API → merchant). Header: `t=<unix seconds>,v1=<hex hmac of "<t>.<raw body>">`, one
 * `v1=` per secret while a merchant's webhook secret is being rotated.
 * The timestamp bounds replays; the comparison is constant-time.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'bizmsg-signature';
export const DEFAULT_TOLERANCE_S = 300;

/** Signs with each secret: during a secret's rotation both sign, as `t=…,v1=<new>,v1=<old>` (as Stripe does). */
export function sign(secrets: string | readonly string[], rawBody: string, nowMs = Date.now()): string {
  const t = Math.floor(nowMs / 1000);
  const signatures = (typeof secrets === 'string' ? [secrets] : secrets).map(
    (secret) => `v1=${createHmac('sha256', secret).update(`${t}.${rawBody}`).digest('hex')}`,
  );
  return [`t=${t}`, ...signatures].join(',');
}

export type SignatureCheck = { ok: true } | { ok: false; reason: 'missing' | 'malformed' | 'expired' | 'mismatch' };

/** Valid when any `v1=` signature of the header matches. */
export function verify(
  secret: string,
  rawBody: string,
  header: string | undefined,
  nowMs = Date.now(),
  toleranceS = DEFAULT_TOLERANCE_S,
): SignatureCheck {
  if (!header) return { ok: false, reason: 'missing' };
  const parts = header.split(',').map((kv) => kv.trim().split('=', 2) as [string, string | undefined]);
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  const signatures = parts.filter(([k]) => k === 'v1').map(([, v]) => v ?? '');
  if (!Number.isInteger(t) || signatures.length === 0 || !signatures.every((v) => /^[0-9a-f]{64}$/.test(v)))
    return { ok: false, reason: 'malformed' };
  if (Math.abs(nowMs / 1000 - t) > toleranceS) return { ok: false, reason: 'expired' };
  const expected = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest();
  return signatures.some((v) => timingSafeEqual(Buffer.from(v, 'hex'), expected))
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
