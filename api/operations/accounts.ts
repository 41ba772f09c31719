/**
 * People's accounts (SPEC §6): sign-in with lockout, sessions, invitations. Each operation
 * validates, authorizes, then acts; every sign-in and failed attempt goes into the audit log.
 */
import { hash, verify } from '@node-rs/argon2';
import type { Knex } from 'knex';
import {
  afterFailedSignIn,
  checkPassword,
  isLocked,
  mayInvite,
  normalizeEmail,
  type AccountRole,
} from '../../domain/accounts';
import { newId } from '../../platform/ids';
import { randomToken, sha256Hex } from '../../platform/secrets';
import {
  deleteSession,
  findInvitation,
  findUserByEmail,
  insertInvitation,
  insertSession,
  insertUser,
  markInvitationAccepted,
  recordFailedSignIn,
  recordSignIn,
  type Invitation,
  type User,
} from '../../store/accounts';
import { recordAudit, type Actor } from '../../store/audit';
import { findMerchant } from '../../store/merchants';
import type { Principal } from '../auth';
import { ApiError, conflict, notFound, unprocessable } from '../errors';

export interface AccountSettings {
  sessionTtlMs: number;
  invitationTtlMs: number;
}

export interface NewSession {
  user: User;
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

const actorOfUser = (u: User): Actor => ({ type: u.role === 'operator' ? 'operator' : 'merchant', id: u.id });

// Verifying against a fixed hash when the email is unknown keeps both answers equally slow, so timing
// does not tell which addresses have accounts.
let timingHash: Promise<string> | undefined;

async function openSession(db: Knex | Knex.Transaction, user: User, settings: AccountSettings): Promise<NewSession> {
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(Date.now() + settings.sessionTtlMs);
  await insertSession(db, { tokenHash: sha256Hex(token), userId: user.id, csrfToken, expiresAt });
  return { user, token, csrfToken, expiresAt };
}

export async function signIn(
  db: Knex,
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
    await failed('unknown_email', { type: 'system' });
    throw wrong;
  }
  if (isLocked(user.lockedUntil, now)) {
    await failed('locked', actorOfUser(user));
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
    await failed(lock.lockedUntil ? 'wrong_password_locked' : 'wrong_password', actorOfUser(user));
    throw wrong;
  }
  return db.transaction(async (trx) => {
    await recordSignIn(trx, user.id, now);
    await recordAudit(trx, {
      actor: actorOfUser(user),
      action: 'session.signed_in',
      subjectType: 'user',
      subjectId: user.id,
      merchantId: user.merchantId ?? undefined,
      details: { clientAddress: input.clientAddress },
    });
    return openSession(trx, user, settings);
  });
}

export async function signOut(db: Knex, token: string, principal: Principal): Promise<void> {
  await deleteSession(db, sha256Hex(token));
  await recordAudit(db, {
    actor: { type: principal.role, id: principal.actorId },
    action: 'session.signed_out',
    subjectType: 'user',
    subjectId: principal.person?.userId,
    merchantId: principal.role === 'merchant' ? principal.merchantId : undefined,
  });
}

export interface IssuedInvitation {
  invitation: Invitation;
  token: string;
}

/**
 * An invitation link for a new account. Operators invite operators and any merchant's staff (the
 * new merchant's owner first); an owner invites its own merchant's staff.
 */
export async function createInvitation(
  db: Knex | Knex.Transaction,
  principal: Principal,
  input: { email: string; role: AccountRole; merchantId?: string },
  settings: AccountSettings,
): Promise<IssuedInvitation> {
  const inviter = principal.role === 'operator' ? 'operator' : principal.person?.staffRole;
  if (!inviter || !mayInvite(inviter, input.role))
    throw new ApiError(403, 'forbidden', 'only operators and the merchant’s owner invite people');
  const merchantId =
    input.role === 'operator'
      ? null
      : principal.role === 'merchant'
        ? principal.merchantId
        : (input.merchantId ?? null);
  if (input.role !== 'operator') {
    if (!merchantId)
      throw new ApiError(400, 'merchant_required', 'an invitation for merchant staff names the merchant (merchantId)', {
        field: 'merchantId',
      });
    if (!(await findMerchant(db as Knex, merchantId))) throw notFound('merchant');
  }
  const email = normalizeEmail(input.email);
  if (await findUserByEmail(db as Knex, email))
    throw conflict('account_exists', 'an account with this email exists already', { field: 'email' });
  const token = randomToken();
  const invitation = await insertInvitation(db, {
    id: newId('ivt'),
    tokenHash: sha256Hex(token),
    email,
    role: input.role,
    merchantId,
    invitedBy: principal.actorId,
    expiresAt: new Date(Date.now() + settings.invitationTtlMs),
  });
  await recordAudit(db, {
    actor: { type: principal.role, id: principal.actorId },
    action: 'invitation.created',
    subjectType: 'invitation',
    subjectId: invitation.id,
    merchantId: merchantId ?? undefined,
    details: { role: input.role },
  });
  return { invitation, token };
}

/** The invitation a link stands for, while it can still be used. */
export async function usableInvitation(db: Knex, token: string): Promise<Invitation> {
  const invitation = await findInvitation(db, sha256Hex(token));
  if (!invitation) throw notFound('invitation');
  if (invitation.acceptedAt)
    throw conflict('invitation_used', 'this invitation was used already: sign in with its account');
  if (invitation.expiresAt <= new Date())
    throw unprocessable('invitation_expired', 'this invitation has expired: ask for a new one');
  return invitation;
}

/** Accepting sets the password, creates the account and signs the person in. */
export async function acceptInvitation(
  db: Knex,
  input: { token: string; name: string; password: string },
  settings: AccountSettings,
): Promise<NewSession> {
  const weak = checkPassword(input.password);
  if (weak) throw new ApiError(400, weak.code, weak.message, { field: 'password' });
  const invitation = await usableInvitation(db, input.token);
  const passwordHash = await hash(input.password);
  return db.transaction(async (trx) => {
    const user = await insertUser(trx, {
      id: newId('usr'),
      email: invitation.email,
      name: input.name,
      passwordHash,
      role: invitation.role,
      merchantId: invitation.merchantId,
    });
    if (!user) throw conflict('account_exists', 'an account with this email exists already');
    if (!(await markInvitationAccepted(trx, invitation.id, user.id, new Date())))
      throw conflict('invitation_used', 'this invitation was used already: sign in with its account');
    await recordAudit(trx, {
      actor: actorOfUser(user),
      action: 'invitation.accepted',
      subjectType: 'user',
      subjectId: user.id,
      merchantId: user.merchantId ?? undefined,
      details: { invitationId: invitation.id, role: user.role },
    });
    await recordSignIn(trx, user.id, new Date());
    return openSession(trx, user, settings);
  });
}
