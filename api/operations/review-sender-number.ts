/**
 * An operator's decision on a pending sender number after checking its proof document (Art. 4.4):
 * verified numbers may send; a rejected one never does. A number decided once stays decided (409).
 */
import { findSenderNumber, type SenderNumberRecord } from '../../store/contracts';
import { contractActor, type Principal } from '../auth';
import { updateContract } from '../contract-updates';
import { notFound } from '../errors';
import type { ReviewDecision } from '../proof-documents';
import type { WorkflowDeps } from '../workflow-deps';

export async function reviewSenderNumber(
  deps: WorkflowDeps,
  principal: Principal,
  senderNumberId: string,
  decision: ReviewDecision,
): Promise<SenderNumberRecord> {
  const { db, temporal } = deps;
  const s = await findSenderNumber(db, senderNumberId);
  if (!s) throw notFound('sender number');
  const actor = contractActor(principal);
  if (decision.verify)
    await updateContract(temporal, s.contractId, 'verify_sender_number', {
      actor,
      command: { type: 'verify_sender_number', id: s.id },
    });
  else
    await updateContract(temporal, s.contractId, 'reject_sender_number', {
      actor,
      command: { type: 'reject_sender_number', id: s.id, reason: decision.reason },
    });
  return (await findSenderNumber(db, senderNumberId))!;
}
