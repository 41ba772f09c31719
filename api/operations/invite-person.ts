/**
 * An invitation link for a new console account (SPEC §6). Operators invite operators and any
 * merchant's staff (the new merchant's owner first); an owner invites its own merchant's staff.
 * The link's token is returned this once; only its hash is stored.
 */
import { mayInvite, normalizeEmail, type AccountRole } from '../../domain/accounts';
import type { Db } from '../../platform/db';
import { newId } from '../../platform/ids';
import { randomToken, sha256Hex } from '../../platform/secrets';
import { findUserByEmail, insertInvitation, type Invitation } from '../../store/accounts';
import { recordAudit } from '../../store/audit';
import { findMerchant } from '../../store/merchants';
import { auditActor, merchantOfList, personRole, type Principal } from '../auth';
import { ApiError, badRequest, conflict, notFound } from '../errors';
import type { AccountSettings } from '../sessions';

export interface IssuedInvitation {
  invitation: Invitation;
  token: string;
}

export async function invitePerson(
  db: Db,
  principal: Principal,
  input: { email: string; role: AccountRole; merchantId?: string },
  settings: AccountSettings,
): Promise<IssuedInvitation> {
  const inviter = personRole(principal);
  if (!inviter || !mayInvite(inviter, input.role))
    throw new ApiError(403, 'forbidden', 'only operators and the merchant’s owner invite people');
  // An owner's staff belong to the owner's merchant; an operator names the merchant.
  const merchantId = input.role === 'operator' ? null : (merchantOfList(principal, input.merchantId) ?? null);
  if (input.role !== 'operator') {
    if (!merchantId)
      throw badRequest('merchant_required', 'an invitation for merchant staff names the merchant (merchantId)', {
        field: 'merchantId',
      });
    if (!(await findMerchant(db, merchantId))) throw notFound('merchant');
  }
  const email = normalizeEmail(input.email);
  if (await findUserByEmail(db, email))
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
    actor: auditActor(principal),
    action: 'invitation.created',
    subjectType: 'invitation',
    subjectId: invitation.id,
    merchantId: merchantId ?? undefined,
    details: { role: input.role },
  });
  return { invitation, token };
}
