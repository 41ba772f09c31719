/**
 * Per-key rate limit (SPEC §7: 429): a token bucket per API key, refilled at `perSecond` up to
 * `burst`, kept in PostgreSQL (store/rate-limits.ts) so that it holds for all API processes behind
 * a load balancer together.
 */
import type { RequestHandler } from 'express';
import type { Db } from '../platform/db';
import { takeToken } from '../store/rate-limits';
import { ApiError } from './errors';

export function rateLimit(opts: {
  db: Db;
  perSecond: number;
  burst: number;
  /** What is limited (default: the API key of the request) and how the refusal names it. */
  keyOf?: (req: Parameters<RequestHandler>[0]) => string;
  what?: string;
}): RequestHandler {
  const what = opts.what ?? 'for this API key';
  return async (req, res, next) => {
    const key = opts.keyOf ? opts.keyOf(req) : (res.locals.principal?.actorId ?? 'anonymous');
    const { allowed, tokens } = await takeToken(opts.db, key, opts.perSecond, opts.burst);
    res.setHeader('RateLimit-Limit', String(opts.burst));
    if (!allowed) {
      const retryAfter = Math.max(1, Math.ceil((1 - tokens) / opts.perSecond));
      res.setHeader('Retry-After', String(retryAfter));
      res.setHeader('RateLimit-Remaining', '0');
      throw new ApiError(
        429,
        'rate_limited',
        `too many requests ${what}: at most ${opts.perSecond} per second (bursts of ${opts.burst}); retry after ${retryAfter} s`,
      );
    }
    res.setHeader('RateLimit-Remaining', String(Math.floor(tokens)));
    next();
  };
}
