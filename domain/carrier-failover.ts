/**
 * SMS/LMS failover between carriers (SMS_PROVIDERS, docs/providers.md): which carrier takes an
 * attempt, and when a failing one hands it to the next. The attempt moves forward only: a carrier
 * that handed it over never gets it back, so no carrier sends it twice. The merchant pays for one
 * SMS/LMS whichever carrier delivered it (Art. 6.3: billed as what delivered, once).
 */

export interface CarrierFailure {
  /** The carrier said it is down (HTTP 503, NHN's system-error codes): it did not take the send. */
  outage: boolean;
}

/** The carrier that holds the attempt: the first one that has not handed it over. */
export function carrierFor(carriers: readonly string[], handedOver: ReadonlySet<string>): string {
  return carriers.find((c) => !handedOver.has(c)) ?? carriers[carriers.length - 1];
}

export type AfterFailure = { retry: true } | { retry: false; next: string };

/**
 * After `carrier` failed a send: try it again later, or hand the attempt to the next carrier now —
 * at once when it answered with an outage code, else once it has kept failing (timeouts, other 5xx)
 * for `carrierDeadlineMs` since its first failure. The last carrier keeps the attempt: only the
 * message's own send deadline ends it.
 */
export function afterFailure(
  carriers: readonly string[],
  carrier: string,
  failure: CarrierFailure,
  failingSinceMs: number,
  nowMs: number,
  carrierDeadlineMs: number,
): AfterFailure {
  const next = carriers[carriers.indexOf(carrier) + 1];
  if (next === undefined) return { retry: true };
  return failure.outage || nowMs - failingSinceMs >= carrierDeadlineMs ? { retry: false, next } : { retry: true };
}

/** SMS_PROVIDERS: an ordered list of distinct known carriers. */
export function parseCarrierList(
  value: string,
  known: readonly string[],
): { ok: true; carriers: string[] } | { ok: false; message: string } {
  const carriers = value
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  if (carriers.length === 0) return { ok: false, message: 'name at least one carrier' };
  const unknown = carriers.filter((c) => !known.includes(c));
  if (unknown.length)
    return { ok: false, message: `unknown carrier ${unknown.join(', ')} (known: ${known.join(', ')})` };
  if (new Set(carriers).size !== carriers.length) return { ok: false, message: 'a carrier is listed twice' };
  return { ok: true, carriers };
}
