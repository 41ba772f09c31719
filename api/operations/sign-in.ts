/**
 * Signing in to the console (SPEC §6): email and password, five wrong passwords in a row lock the
 * account for 15 minutes; every sign-in and failed attempt goes into the audit log.
 */
import { hash, verify } from '@node-rs/argon2';
import { accountActor, afterFailedSignIn, isLocked, normalizeEmail } from '../../domain/accounts';
import { SYSTEM_ACTOR, type Actor } from '../../domain/actor';
import type { Db } from '../../platform/db';
import { findUserByEmail, recordFailedSignIn } from '../../store/accounts';
import { recordAudit } from '../../store/audit';
import { ApiError } from '../errors';
import { openSession, type AccountSettings, type NewSession } from '../sessions';

// Verifying against a fixed hash when the email is unknown keeps both answers equally slow, so timing
// does not tell which addresses have accounts.
let timingHash: Promise<string> | undefined;

export async function signIn(
  db: Db,
  input: { email: string; password: string; clientAddress: string | undefined },
  settings: AccountSettings,
): Promise<NewSession> {
  const email = normalizeEmail(input.email);
  const now = new Date();
  const user = await findUserByEmail(db, email);
  const failed = async (reason: string, actor: Actor) =>
    recordAudit(db, {
      actor,
      action: 'session.sign_in_failed',
      subjectType: 'user',
      subjectId: user?.id,
      merchantId: user?.merchantId ?? undefined,
      details: { email, reason, clientAddress: input.clientAddress },
    });
  const wrong = new ApiError(401, 'invalid_credentials', 'the email or the password is not right');
  if (!user) {
    timingHash ??= hash('bizmsg-timing-equaliser');
    await verify(await timingHash, input.password).catch(() => false);
    await failed('unknown_email', SYSTEM_ACTOR);
    throw wrong;
  }
  if (isLocked(user.lockedUntil, now)) {
    await failed('locked', accountActor(user));
    const retryAfter = Math.ceil((user.lockedUntil!.getTime() - now.getTime()) / 1000);
    throw new ApiError(
      429,
      'account_locked',
      `too many failed sign-ins: the account is locked for ${Math.ceil(retryAfter / 60)} more minutes`,
      { retryAfterSeconds: retryAfter },
    );
  }
  if (!(await verify(user.passwordHash, input.password).catch(() => false))) {
    const lock = afterFailedSignIn(user.failedAttempts, now);
    await recordFailedSignIn(db, user.id, lock);
    await failed(lock.lockedUntil ? 'wrong_password_locked' : 'wrong_password', accountActor(user));
    throw wrong;
  }
  const how = { action: 'session.signed_in', details: { clientAddress: input.clientAddress } };
  return db.transaction((trx) => openSession(trx, user, how, settings, now));
}
