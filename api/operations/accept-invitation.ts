/**
 * Accepting an invitation (SPEC §6): the person sets the password, the account is created with the
 * invitation's role and merchant, and they are signed in. A link works once, until it expires.
 */
import { hash } from '@node-rs/argon2';
import { checkPassword } from '../../domain/accounts';
import type { Db } from '../../platform/db';
import { newId } from '../../platform/ids';
import { sha256Hex } from '../../platform/secrets';
import { findInvitation, insertUser, markInvitationAccepted, type Invitation } from '../../store/accounts';
import { badRequest, conflict, notFound, unprocessable } from '../errors';
import { openSession, type AccountSettings, type NewSession } from '../sessions';

const used = () => conflict('invitation_used', 'this invitation was used already: sign in with its account');

/** The invitation a link stands for, while it can still be used. */
export async function usableInvitation(db: Db, token: string): Promise<Invitation> {
  const invitation = await findInvitation(db, sha256Hex(token));
  if (!invitation) throw notFound('invitation');
  if (invitation.acceptedAt) throw used();
  if (invitation.expiresAt <= new Date())
    throw unprocessable('invitation_expired', 'this invitation has expired: ask for a new one');
  return invitation;
}

export async function acceptInvitation(
  db: Db,
  input: { token: string; name: string; password: string },
  settings: AccountSettings,
): Promise<NewSession> {
  const weak = checkPassword(input.password);
  if (weak) throw badRequest(weak.code, weak.message, { field: weak.field });
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
    if (!(await markInvitationAccepted(trx, invitation.id, user.id, new Date()))) throw used();
    const how = { action: 'invitation.accepted', details: { invitationId: invitation.id, role: user.role } };
    return openSession(trx, user, how, settings);
  });
}
