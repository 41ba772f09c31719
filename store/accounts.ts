/** People's accounts, their sessions and invitations (migration 014). */
import type { Knex } from 'knex';
import type { AccountRole } from '../domain/accounts';

export interface User {
  id: string;
  email: string;
  name: string;
  role: AccountRole;
  merchantId: string | null;
  passwordHash: string;
  failedAttempts: number;
  lockedUntil: Date | null;
  lastSignInAt: Date | null;
  createdAt: Date;
}

interface UserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  role: AccountRole;
  merchant_id: string | null;
  failed_attempts: number;
  locked_until: Date | null;
  last_sign_in_at: Date | null;
  created_at: Date;
}

const toUser = (r: UserRow): User => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  merchantId: r.merchant_id,
  passwordHash: r.password_hash,
  failedAttempts: r.failed_attempts,
  lockedUntil: r.locked_until,
  lastSignInAt: r.last_sign_in_at,
  createdAt: r.created_at,
});

export async function findUserByEmail(db: Knex, email: string): Promise<User | undefined> {
  const row = await db<UserRow>('users').where({ email }).first();
  return row && toUser(row);
}

export async function findUser(db: Knex, id: string): Promise<User | undefined> {
  const row = await db<UserRow>('users').where({ id }).first();
  return row && toUser(row);
}

export async function listUsers(db: Knex, merchantId: string | null): Promise<User[]> {
  const q = db<UserRow>('users').orderBy('created_at');
  const rows = merchantId ? await q.where({ merchant_id: merchantId }) : await q.where({ role: 'operator' });
  return rows.map(toUser);
}

interface NewUser {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  role: AccountRole;
  merchantId: string | null;
}

/** Inserts the account; undefined when the email is taken. */
export async function insertUser(
  db: Knex | Knex.Transaction,
  { id, email, name, passwordHash, role, merchantId }: NewUser,
): Promise<User | undefined> {
  const [row] = await db<UserRow>('users')
    .insert({ id, email, name, role, password_hash: passwordHash, merchant_id: merchantId })
    .onConflict('email')
    .ignore()
    .returning('*');
  return row && toUser(row);
}

export async function recordFailedSignIn(
  db: Knex,
  id: string,
  lock: { failedAttempts: number; lockedUntil: Date | null },
): Promise<void> {
  await db('users').where({ id }).update({ failed_attempts: lock.failedAttempts, locked_until: lock.lockedUntil });
}

export async function recordSignIn(db: Knex | Knex.Transaction, id: string, at: Date): Promise<void> {
  await db('users').where({ id }).update({ failed_attempts: 0, locked_until: null, last_sign_in_at: at });
}

export async function insertSession(
  db: Knex | Knex.Transaction,
  s: { tokenHash: string; userId: string; csrfToken: string; expiresAt: Date },
): Promise<void> {
  await db('sessions').insert({
    token_hash: s.tokenHash,
    user_id: s.userId,
    csrf_token: s.csrfToken,
    expires_at: s.expiresAt,
  });
}

/** The live session with this token hash and its account. */
export async function findSession(
  db: Knex,
  tokenHash: string,
  now: Date,
): Promise<{ user: User; csrfToken: string; expiresAt: Date } | undefined> {
  const row = await db('sessions as s')
    .join('users as u', 'u.id', 's.user_id')
    .where('s.token_hash', tokenHash)
    .andWhere('s.expires_at', '>', now)
    .first('u.*', 's.csrf_token', 's.expires_at as session_expires_at');
  return row && { user: toUser(row), csrfToken: row.csrf_token, expiresAt: row.session_expires_at };
}

export async function deleteSession(db: Knex, tokenHash: string): Promise<void> {
  await db('sessions').where({ token_hash: tokenHash }).delete();
}

export interface Invitation {
  id: string;
  email: string;
  role: AccountRole;
  merchantId: string | null;
  invitedBy: string;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
}

interface InvitationRow {
  id: string;
  token_hash: string;
  email: string;
  role: AccountRole;
  merchant_id: string | null;
  invited_by: string;
  created_at: Date;
  expires_at: Date;
  accepted_at: Date | null;
}

const toInvitation = (r: InvitationRow): Invitation => ({
  id: r.id,
  email: r.email,
  role: r.role,
  merchantId: r.merchant_id,
  invitedBy: r.invited_by,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  acceptedAt: r.accepted_at,
});

export async function insertInvitation(
  db: Knex | Knex.Transaction,
  i: Omit<Invitation, 'createdAt' | 'acceptedAt'> & { tokenHash: string },
): Promise<Invitation> {
  const [row] = await db<InvitationRow>('invitations')
    .insert({
      id: i.id,
      token_hash: i.tokenHash,
      email: i.email,
      role: i.role,
      merchant_id: i.merchantId,
      invited_by: i.invitedBy,
      expires_at: i.expiresAt,
    })
    .returning('*');
  return toInvitation(row);
}

export async function findInvitation(db: Knex, tokenHash: string): Promise<Invitation | undefined> {
  const row = await db<InvitationRow>('invitations').where({ token_hash: tokenHash }).first();
  return row && toInvitation(row);
}

export async function listInvitations(db: Knex, merchantId: string | null): Promise<Invitation[]> {
  const q = db<InvitationRow>('invitations').whereNull('accepted_at').orderBy('created_at', 'desc');
  const rows = merchantId ? await q.where({ merchant_id: merchantId }) : await q.whereNull('merchant_id');
  return rows.map(toInvitation);
}

/** Marks the invitation used; false when it was used already (a second accept changes nothing). */
export async function markInvitationAccepted(
  trx: Knex.Transaction,
  id: string,
  userId: string,
  at: Date,
): Promise<boolean> {
  const n = await trx('invitations')
    .where({ id })
    .whereNull('accepted_at')
    .update({ accepted_at: at, user_id: userId });
  return n === 1;
}
