/**
 * An operator's or merchant's action on a contract (approve, reject, hold, suspend, resume,
 * terminate, object, give notice of non-renewal: SPEC §3, Art. 3.4, 5.2, 12, 13). The caller must
 * see the contract (404 otherwise); the ContractWorkflow decides whether the action is allowed.
 */
import { parseFees } from '../../domain/money';
import { recordAudit } from '../../store/audit';
import type { ContractRequest } from '../../workflows/contract';
import { auditActor, contractActor, type Principal } from '../auth';
import { updateContract, visibleContract } from '../contract-updates';
import { badRequest } from '../errors';
import type { WorkflowDeps } from '../workflow-deps';

type ActionCommand = Exclude<
  ContractRequest['command'],
  { type: 'approve' | 'add_sender_number' | 'verify_sender_number' | 'reject_sender_number' }
>;

/** The command as the request gives it: an approval's fee schedule is still unparsed (form §3). */
export type ContractActionInput = ActionCommand | { type: 'approve'; fees: Record<string, unknown> };

export async function actOnContract(
  deps: WorkflowDeps,
  principal: Principal,
  contractId: string,
  input: ContractActionInput,
): Promise<void> {
  const contract = await visibleContract(deps.db, principal, contractId);
  const actor = contractActor(principal);
  if (input.type !== 'approve') {
    await updateContract(deps.temporal, contractId, input.type, { actor, command: input });
    // Art. 5.2.3: a resume that lifts a suspension while invoices are overdue takes a reason; it is audited.
    if (input.type === 'resume' && input.reason)
      await recordAudit(deps.db, {
        actor: auditActor(principal),
        action: 'contract.resumed',
        subjectType: 'contract',
        subjectId: contractId,
        merchantId: contract.row.merchant_id,
        details: { reason: input.reason },
      });
    return;
  }
  const fees = parseFees(input.fees);
  if (!fees.ok) throw badRequest(fees.violations[0].code, fees.violations[0].message, { violations: fees.violations });
  await updateContract(deps.temporal, contractId, 'approve', { actor, command: { type: 'approve', fees: fees.fees } });
}
