/**
 * People's accounts for the consoles (SPEC §6): who may do what, password rules and the lockout after
 * repeated failed sign-ins. Programs use API keys; these rules apply to people only.
 */
import type { Actor } from './actor';
import { violation, type RuleViolation } from './rules';

export const STAFF_ROLES = ['owner', 'developer', 'viewer'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export const ACCOUNT_ROLES = ['operator', ...STAFF_ROLES] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/** Consecutive failures before an account is locked, and for how long. */
export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MS = 15 * 60_000;

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export function checkPassword(password: string): RuleViolation | null {
  if (password.length < PASSWORD_MIN_LENGTH)
    return violation('password_too_short', 'password', `a password has at least ${PASSWORD_MIN_LENGTH} characters`);
  if (password.length > PASSWORD_MAX_LENGTH)
    return violation('password_too_long', 'password', `a password has at most ${PASSWORD_MAX_LENGTH} characters`);
  if (/^(.)\1*$/.test(password))
    return violation('password_too_weak', 'password', 'a password is not one character repeated');
  return null;
}

/** The account's lock after one more failed attempt: locked for LOCKOUT_MS once the threshold is reached. */
export function afterFailedSignIn(
  failedAttempts: number,
  now: Date,
): { failedAttempts: number; lockedUntil: Date | null } {
  const failed = failedAttempts + 1;
  return {
    failedAttempts: failed,
    lockedUntil: failed >= LOCKOUT_THRESHOLD ? new Date(now.getTime() + LOCKOUT_MS) : null,
  };
}

export const isLocked = (lockedUntil: Date | null, now: Date) => lockedUntil !== null && lockedUntil > now;

/** Requests that change nothing; every other method needs a role that may change things. */
export const isSafeMethod = (method: string) => ['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());

/**
 * Paths only an owner changes: staff, the contract (application, sender numbers, objection, notice),
 * disputes of invoices — the merchant's commitments — and API keys, which act with the merchant's
 * full authority. Developers send and integrate.
 */
const OWNER_ONLY: RegExp[] = [
  /^\/v1\/invitations$/,
  /^\/v1\/contracts(\/|$)/,
  /^\/v1\/invoices\/[^/]+\/disputes$/,
  /^\/v1\/api-keys(\/|$)/,
];

/** Whether merchant staff with this role may make this request (viewers read only). */
export function staffMay(role: StaffRole, method: string, path: string): boolean {
  if (isSafeMethod(method) || path === '/v1/session') return true;
  if (role === 'viewer') return false;
  if (role === 'owner') return true;
  return !OWNER_ONLY.some((p) => p.test(path));
}

/**
 * Who may give notice of a change of the merchant's business information (Art. 4.1.3): like the
 * contract, an owner's commitment; a developer changes only the webhook URL of the same resource.
 * `undefined`: the merchant's program, by its API key.
 */
export const mayNoticeBusinessChange = (role: AccountRole | undefined) =>
  role === undefined || role === 'owner' || role === 'operator';

/** Who may invite whom: an operator invites operators and any merchant's staff; an owner its own staff. */
export function mayInvite(inviter: AccountRole | 'operator_key', invitee: AccountRole): boolean {
  if (inviter === 'operator' || inviter === 'operator_key') return true;
  return inviter === 'owner' && invitee !== 'operator';
}

/** Who an account's person acts as in the audit log: an operator, or their merchant's staff. */
export const accountActor = (account: { id: string; role: AccountRole }): Actor => ({
  type: account.role === 'operator' ? 'operator' : 'merchant',
  id: account.id,
});
