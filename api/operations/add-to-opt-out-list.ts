/** A number joins the merchant's opt-out list (수신거부): nothing is sent to it any more (SPEC §4). */
import { checkRecipient } from '../../domain/phone';
import type { Db } from '../../platform/db';
import { recordAudit } from '../../store/audit';
import { addOptOut, findOptOut } from '../../store/messages';
import { auditActor, type Principal } from '../auth';
import { ruleViolations } from '../errors';

export async function addToOptOutList(
  db: Db,
  caller: { principal: Principal; merchantId: string },
  input: string,
): Promise<{ added: boolean; optOut: { number: string; created_at: Date } }> {
  const phone = checkRecipient(input, 'number');
  if (!phone.ok) throw ruleViolations([phone.violation]);
  const added = await addOptOut(db, caller.merchantId, phone.digits);
  if (added)
    await recordAudit(db, {
      actor: auditActor(caller.principal),
      action: 'opt_out.added',
      subjectType: 'opt_out',
      merchantId: caller.merchantId,
    });
  return { added, optOut: (await findOptOut(db, caller.merchantId, phone.digits))! };
}
