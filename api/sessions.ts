/**
 * Console sessions (SPEC §6), shared by signing in and accepting an invitation: a random token for the
 * httpOnly cookie and a CSRF token for the X-CSRF-Token header; only the token's hash is stored.
 */
import { accountActor } from '../domain/accounts';
import type { Db } from '../platform/db';
import { keyedHash, randomToken } from '../platform/secrets';
import { insertSession, recordSignIn, type User } from '../store/accounts';
import { recordAudit } from '../store/audit';

export interface AccountSettings {
  sessionTtlMs: number;
  invitationTtlMs: number;
  /** SESSION_SECRET: session tokens are stored as their HMAC with it. */
  sessionSecret: string;
}

/** What a session token is stored and looked up as. */
export const sessionTokenHash = (secret: string, token: string) => keyedHash(secret, token);

export interface NewSession {
  user: User;
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/** Signs the person in (call it inside the write's transaction); the audit entry says how. */
export async function openSession(
  trx: Db,
  user: User,
  how: { action: string; details: Record<string, unknown> },
  settings: AccountSettings,
  now = new Date(),
): Promise<NewSession> {
  await recordSignIn(trx, user.id, now);
  await recordAudit(trx, {
    actor: accountActor(user),
    action: how.action,
    subjectType: 'user',
    subjectId: user.id,
    merchantId: user.merchantId ?? undefined,
    details: how.details,
  });
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(now.getTime() + settings.sessionTtlMs);
  await insertSession(trx, {
    tokenHash: sessionTokenHash(settings.sessionSecret, token),
    userId: user.id,
    csrfToken,
    expiresAt,
  });
  return { user, token, csrfToken, expiresAt };
}
