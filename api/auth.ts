/**
 * Authentication (SPEC §7): a Bearer key — the operator key acts on everything; a merchant key acts on
 * its own merchant only; merchant keys are looked up by their SHA-256 hash, never stored in clear —
 * or a console session cookie (SPEC §6), which yields the same principal for a person's account.
 */
import type { Request, RequestHandler } from 'express';
import type { Actor } from '../domain/actor';
import { isSafeMethod, staffMay, type AccountRole, type StaffRole } from '../domain/accounts';
import type { Db } from '../platform/db';
import { safeEqual, sha256Hex } from '../platform/secrets';
import { findSession } from '../store/accounts';
import { findLiveApiKey, merchantExists, touchApiKey } from '../store/merchants';
import { ApiError, badRequest } from './errors';
import { sessionTokenHash } from './sessions';

/** A person signed in to the console (absent for API keys). */
export interface Person {
  userId: string;
  csrfToken: string;
}

export type Principal =
  | { role: 'operator'; actorId: string; person?: Person }
  | { role: 'merchant'; actorId: string; merchantId: string; person?: Person & { staffRole: StaffRole } };

export const SESSION_COOKIE = 'bizmsg_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'express-serve-static-core' {
  interface Locals {
    principal?: Principal;
  }
}

const CACHE_TTL_MS = 30_000;

export interface Authenticator {
  handler: RequestHandler;
  /** Drops a revoked key from this process's cache: it answers 401 from the next request on. */
  forget(keyId: string): void;
}

export function authenticate(db: Db, operatorKey: string, sessionSecret: string): Authenticator {
  const operatorHash = sha256Hex(operatorKey);
  // Key lookups are on the hot path of every send. A key revoked through this process is forgotten at
  // once; other API processes notice within the TTL.
  const cache = new Map<string, { principal: Principal | null; until: number }>();

  // The merchant an operator acts for must exist: nothing is written for, or read of, a phantom one.
  const checkOnBehalf = async (req: Request) => {
    const onBehalf = req.header(ON_BEHALF_OF);
    if (onBehalf !== undefined && (onBehalf.length > 64 || !(await merchantExists(db, onBehalf))))
      throw new ApiError(404, 'merchant_not_found', `no merchant ${onBehalf.slice(0, 64)} (${ON_BEHALF_OF} header)`);
  };

  const handler: RequestHandler = async (req, res, next) => {
    const header = req.headers.authorization;
    const session: unknown = req.cookies?.[SESSION_COOKIE];
    if (!header && typeof session === 'string') {
      const person = await sessionPrincipal(db, req, sessionTokenHash(sessionSecret, session));
      if (person.role === 'operator') await checkOnBehalf(req);
      res.locals.principal = person;
      return next();
    }
    const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!match) throw new ApiError(401, 'unauthenticated', 'missing API key: send "Authorization: Bearer <key>"');
    const hash = sha256Hex(match[1]);
    if (safeEqual(hash, operatorHash)) {
      await checkOnBehalf(req);
      res.locals.principal = { role: 'operator', actorId: 'operator' };
      return next();
    }
    const now = Date.now();
    let cached = cache.get(hash);
    if (!cached || cached.until < now) {
      const key = await findLiveApiKey(db, hash);
      if (key) await touchApiKey(db, key.id);
      cached = {
        principal: key ? { role: 'merchant', actorId: key.id, merchantId: key.merchantId } : null,
        until: now + CACHE_TTL_MS,
      };
      if (cache.size > 10_000) cache.clear();
      cache.set(hash, cached);
    }
    if (!cached.principal) throw new ApiError(401, 'invalid_api_key', 'the API key is not valid');
    res.locals.principal = cached.principal;
    next();
  };

  return {
    handler,
    forget: (keyId) => {
      for (const [hash, entry] of cache) if (entry.principal?.actorId === keyId) cache.delete(hash);
    },
  };
}

/**
 * The principal of a console session. Unsafe methods need the session's CSRF token in the
 * X-CSRF-Token header (a page of another site cannot read it), and a role that may change things.
 */
async function sessionPrincipal(db: Db, req: Request, tokenHash: string): Promise<Principal> {
  const session = await findSession(db, tokenHash, new Date());
  if (!session) throw new ApiError(401, 'session_expired', 'the session has ended: sign in again');
  const { user } = session;
  if (!isSafeMethod(req.method)) {
    const csrf = req.header(CSRF_HEADER);
    if (!csrf || !safeEqual(csrf, session.csrfToken))
      throw new ApiError(
        403,
        'csrf_token_invalid',
        `a console request that changes something needs the ${CSRF_HEADER} header of the session`,
      );
  }
  if (user.role === 'operator')
    return { role: 'operator', actorId: user.id, person: { userId: user.id, csrfToken: session.csrfToken } };
  const staffRole = user.role;
  if (!staffMay(staffRole, req.method, req.baseUrl + req.path))
    throw new ApiError(
      403,
      'role_forbidden',
      staffRole === 'viewer'
        ? 'a viewer can look but not send or change anything'
        : 'only the merchant’s owner can do this',
      { role: staffRole },
    );
  return {
    role: 'merchant',
    actorId: user.id,
    merchantId: user.merchantId!,
    person: { userId: user.id, csrfToken: session.csrfToken, staffRole },
  };
}

export function principal(res: { locals: { principal?: Principal } }): Principal {
  if (!res.locals.principal) throw new ApiError(401, 'unauthenticated', 'missing API key');
  return res.locals.principal;
}

export const requireOperator: RequestHandler = (_req, res, next) => {
  if (principal(res).role !== 'operator') throw new ApiError(403, 'forbidden', 'this action needs an operator key');
  next();
};

/** Header an operator uses to act on behalf of one merchant on merchant endpoints. */
export const ON_BEHALF_OF = 'bizmsg-merchant-id';

/**
 * The merchant a merchant-scoped request acts for: the key's own merchant, or — for an operator —
 * the merchant named in the `Bizmsg-Merchant-Id` header.
 */
export function actingMerchant(req: Request, res: { locals: { principal?: Principal } }): string {
  const p = principal(res);
  if (p.role === 'merchant') return p.merchantId;
  const onBehalf = req.header(ON_BEHALF_OF);
  if (!onBehalf)
    throw badRequest(
      'merchant_required',
      `an operator acting on a merchant endpoint must name the merchant in the ${ON_BEHALF_OF} header`,
    );
  return onBehalf;
}

/** The merchant a list shows: the key's own, or the one an operator names in the header (none: every merchant). */
export function listedMerchant(req: Request, p: Principal): string | undefined {
  return merchantOfList(p, req.header(ON_BEHALF_OF));
}

/** A merchant's key lists only its own; an operator lists the merchant it asked for, or every merchant. */
export const merchantOfList = (p: Principal, requested: string | undefined): string | undefined =>
  p.role === 'merchant' ? p.merchantId : requested;

/** Whether the caller may see a resource of this merchant (others' resources answer 404, not 403). */
export function canSee(res: { locals: { principal?: Principal } }, merchantId: string): boolean {
  return maySee(principal(res), merchantId);
}

export const maySee = (p: Principal, merchantId: string): boolean =>
  p.role === 'operator' || p.merchantId === merchantId;

/** The account role of a person's session: an operator, or their role among their merchant's staff (none for API keys). */
export const personRole = (p: Principal): AccountRole | undefined =>
  p.role === 'operator' ? 'operator' : p.person?.staffRole;

/** The audit log's actor of a request: the operator, or the merchant's API key. */
export const auditActor = (p: Principal): Actor => ({ type: p.role, id: p.actorId });

/** The actor of a contract action (its history and audit entries): the operator, or the merchant itself. */
export const contractActor = (p: Principal): Actor =>
  p.role === 'operator' ? { type: 'operator', id: p.actorId } : { type: 'merchant', id: p.merchantId };
