/** A number leaves the merchant's opt-out list: the recipient agreed to receive messages again. */
import { checkRecipient } from '../../domain/phone';
import type { Db } from '../../platform/db';
import { recordAudit } from '../../store/audit';
import { removeOptOut } from '../../store/messages';
import { auditActor, type Principal } from '../auth';
import { notFound, ruleViolations } from '../errors';

export async function removeFromOptOutList(
  db: Db,
  caller: { principal: Principal; merchantId: string },
  input: string,
): Promise<void> {
  const phone = checkRecipient(input, 'number');
  if (!phone.ok) throw ruleViolations([phone.violation]);
  if (!(await removeOptOut(db, caller.merchantId, phone.digits))) throw notFound('opt-out');
  await recordAudit(db, {
    actor: auditActor(caller.principal),
    action: 'opt_out.removed',
    subjectType: 'opt_out',
    merchantId: caller.merchantId,
  });
}
