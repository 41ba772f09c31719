/**
 * Idempotency-Key (SPEC §4, §5, §7), one mechanism for every write that takes it — messages,
 * payments, disputes and resolutions: what a request creates carries its key and the hash of its
 * body; a request with a key already used answers as the first one did and acts no more, and the
 * same key with another body is refused (422 `idempotency_key_reused`).
 */
import { createHash } from 'node:crypto';
import type { Request } from 'express';
import { parseInput, unprocessable } from './errors';
import { z } from './openapi';

export const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(255)
    .optional()
    .openapi({ description: 'a retry with the same key answers as the first request did and never acts twice' }),
});

/** The response header of an answer replayed from an earlier request with the same key. */
export const REPLAYED_HEADERS: Readonly<Record<string, string>> = { 'Idempotent-Replayed': 'true' };

export function idempotencyKeyOf(req: Request): string | undefined {
  return parseInput(IdempotencyHeaders, req.headers, 'headers')['idempotency-key'];
}

/** Same request, same hash: key order and whitespace do not matter. */
export function requestHash(input: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, x]) => [k, canonical(x)]),
          )
        : v;
  return createHash('sha256')
    .update(JSON.stringify(canonical(input)))
    .digest('hex');
}

/** The refusal of a key already used with another request. */
export const idempotencyKeyReused = () =>
  unprocessable('idempotency_key_reused', 'this Idempotency-Key was already used with a different request', {
    field: 'Idempotency-Key',
  });

/**
 * What an earlier request with the key means for this one: none (`new`), this same request
 * (`replay`: answer as it did), or another request (`reused`: refused). For callers that report a
 * refusal per item (a batch) rather than throw it.
 */
export function replayOf(earlierHash: string | null | undefined, hash: string): 'new' | 'replay' | 'reused' {
  if (earlierHash === undefined) return 'new';
  return earlierHash === hash ? 'replay' : 'reused';
}

/**
 * An earlier request with the key: true when it was this same request (answer as it did), and a
 * 422 when it was another one; false when the key is new.
 */
export function isReplay(earlierHash: string | null | undefined, hash: string): boolean {
  const seen = replayOf(earlierHash, hash);
  if (seen === 'reused') throw idempotencyKeyReused();
  return seen === 'replay';
}
