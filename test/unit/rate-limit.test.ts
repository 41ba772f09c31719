import type { NextFunction, Request, Response } from 'express';
import { ApiError } from '../../api/errors';
import { rateLimit } from '../../api/rate-limit';

function harness(perSecond: number, burst: number) {
  let clock = 0;
  const limit = rateLimit({ perSecond, burst, now: () => clock });
  const call = (actorId: string) => {
    const headers: Record<string, string> = {};
    const res = {
      locals: { principal: { role: 'merchant', actorId, merchantId: 'mer_1' } },
      setHeader: (k: string, v: string) => (headers[k] = v),
    } as unknown as Response;
    try {
      limit({} as Request, res, (() => {}) as NextFunction);
      return { ok: true as const, headers };
    } catch (err) {
      return { ok: false as const, error: err as ApiError, headers };
    }
  };
  return { call, advance: (ms: number) => (clock += ms) };
}

describe('rate limit per API key', () => {
  it('allows a burst, then answers 429 rate_limited with Retry-After, and refills over time', () => {
    const h = harness(2, 4);
    for (let i = 0; i < 4; i++) expect(h.call('key_a').ok).toBe(true);
    const refused = h.call('key_a');
    expect(refused.ok).toBe(false);
    expect(refused.error).toMatchObject({ status: 429, code: 'rate_limited' });
    expect(refused.headers['Retry-After']).toBe('1');
    h.advance(500);
    expect(h.call('key_a').ok).toBe(true);
  });

  it('keeps each key to its own bucket', () => {
    const h = harness(1, 1);
    expect(h.call('key_a').ok).toBe(true);
    expect(h.call('key_a').ok).toBe(false);
    expect(h.call('key_b').ok).toBe(true);
  });
});

describe('sign-in rate limit per client address', () => {
  it('counts by the key it is given (the address), whoever is signing in', () => {
    let clock = 0;
    const limit = rateLimit({
      perSecond: 10 / 60,
      burst: 10,
      now: () => clock,
      keyOf: (req) => req.ip ?? '',
      what: 'to sign in',
    });
    const attempt = (ip: string) => {
      const res = { locals: {}, setHeader: () => undefined } as unknown as Response;
      try {
        limit({ ip } as Request, res, (() => {}) as NextFunction);
        return 'ok';
      } catch (err) {
        return (err as ApiError).code;
      }
    };
    for (let i = 0; i < 10; i++) expect(attempt('10.0.0.1')).toBe('ok');
    expect(attempt('10.0.0.1')).toBe('rate_limited');
    expect(attempt('10.0.0.2')).toBe('ok');
    clock += 6_000;
    expect(attempt('10.0.0.1')).toBe('ok');
  });
});
