/**
 * Per-key rate limit (SPEC §7: 429): a token bucket per API key, refilled at `perSecond` up to
 * `burst`. In memory, per API process: with several API processes behind a balancer the limit
 * applies per process.
 */
import type { RequestHandler } from 'express';
import { ApiError } from './errors';

export function rateLimit(opts: {
  perSecond: number;
  burst: number;
  now?: () => number;
  /** What is limited (default: the API key of the request) and how the refusal names it. */
  keyOf?: (req: Parameters<RequestHandler>[0]) => string;
  what?: string;
}): RequestHandler {
  const now = opts.now ?? Date.now;
  const what = opts.what ?? 'for this API key';
  const buckets = new Map<string, { tokens: number; at: number }>();
  return (req, res, next) => {
    const key = opts.keyOf ? opts.keyOf(req) : (res.locals.principal?.actorId ?? 'anonymous');
    const t = now();
    const bucket = buckets.get(key) ?? { tokens: opts.burst, at: t };
    bucket.tokens = Math.min(opts.burst, bucket.tokens + ((t - bucket.at) / 1000) * opts.perSecond);
    bucket.at = t;
    if (buckets.size > 100_000) buckets.clear();
    buckets.set(key, bucket);
    res.setHeader('RateLimit-Limit', String(opts.burst));
    if (bucket.tokens < 1) {
      const retryAfter = Math.ceil((1 - bucket.tokens) / opts.perSecond);
      res.setHeader('Retry-After', String(retryAfter));
      res.setHeader('RateLimit-Remaining', '0');
      throw new ApiError(
        429,
        'rate_limited',
        `too many requests ${what}: at most ${opts.perSecond} per second (bursts of ${opts.burst}); retry after ${retryAfter} s`,
      );
    }
    bucket.tokens -= 1;
    res.setHeader('RateLimit-Remaining', String(Math.floor(bucket.tokens)));
    next();
  };
}
