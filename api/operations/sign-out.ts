/** Signing out of the console (SPEC §6): the session ends at once, and the audit log says so. */
import type { Db } from '../../platform/db';
import { deleteSession } from '../../store/accounts';
import { recordAudit } from '../../store/audit';
import { auditActor, type Principal } from '../auth';
import { sessionTokenHash } from '../sessions';

export async function signOut(db: Db, token: string, principal: Principal, sessionSecret: string): Promise<void> {
  await deleteSession(db, sessionTokenHash(sessionSecret, token));
  await recordAudit(db, {
    actor: auditActor(principal),
    action: 'session.signed_out',
    subjectType: 'user',
    subjectId: principal.person?.userId,
    merchantId: principal.role === 'merchant' ? principal.merchantId : undefined,
  });
}
