/**
 * An operator resolves a dispute after reconciliation (Art. 7.2): the accepted amount stays owed,
 * the rest is credited, and what the merchant had paid beyond that is refunded (SPEC §5). With an
 * Idempotency-Key a retry answers as the first request did instead of 409.
 */
import type { Principal } from '../auth';
import { changeInvoice, visibleInvoice, type InvoiceWrite } from '../invoice-updates';
import type { WorkflowDeps } from '../workflow-deps';

export async function resolveDispute(
  deps: WorkflowDeps,
  principal: Principal,
  target: { invoiceId: string; disputeId: string },
  resolution: { acceptedAmount: number },
  idempotencyKey?: string,
): Promise<InvoiceWrite> {
  const invoice = await visibleInvoice(deps.db, principal, target.invoiceId);
  return changeInvoice(deps, principal, invoice, {
    idempotencyKey,
    request: { disputeId: target.disputeId, ...resolution },
    earlier: () => invoice.disputes.find((d) => d.id === target.disputeId)?.resolutionRequest,
    command: {
      type: 'resolve_dispute',
      disputeId: target.disputeId,
      acceptedAmount: resolution.acceptedAmount,
      resolvedAt: new Date().toISOString(),
    },
    audit: {
      action: 'invoice.dispute_resolved',
      details: { disputeId: target.disputeId, acceptedAmount: resolution.acceptedAmount },
    },
  });
}
