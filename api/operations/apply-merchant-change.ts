/** An operator puts a merchant's noticed change into effect before its date (Art. 4.1.3); audited by the activity. */
import type { MerchantChangeOutcome } from '../../activities/merchants';
import { findMerchant, type Merchant } from '../../store/merchants';
import { merchantChangeWorkflowId } from '../../workflows/ids';
import { applyNowUpdate } from '../../workflows/merchant-change';
import { auditActor, type Principal } from '../auth';
import { conflict, notFound } from '../errors';
import { runUpdate } from '../temporal-errors';
import type { WorkflowDeps } from '../workflow-deps';

export async function applyMerchantChangeNow(
  deps: WorkflowDeps,
  principal: Principal,
  merchantId: string,
): Promise<{ merchant: Merchant; outcome: MerchantChangeOutcome }> {
  const merchant = await findMerchant(deps.db, merchantId);
  if (!merchant) throw notFound('merchant');
  if (!merchant.pendingChange) throw conflict('no_pending_change', 'the merchant has no pending change');
  const handle = deps.temporal.workflow.getHandle(merchantChangeWorkflowId(merchant.pendingChange.id));
  // Its timer may have fired a moment ago: then there is nothing left to apply.
  const outcome = await runUpdate(
    () => handle.executeUpdate(applyNowUpdate, { args: [{ actor: auditActor(principal) }] }),
    'MerchantChange',
    { code: 'no_pending_change', message: 'the change has already taken effect' },
  );
  if (outcome === 'brn_taken')
    throw conflict(
      'merchant_exists',
      'another merchant now has this business registration number; the change was dropped',
    );
  return { merchant: (await findMerchant(deps.db, merchantId))!, outcome };
}
