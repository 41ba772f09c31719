/** An operator resolves a dispute after reconciliation (Art. 7.2): the accepted amount stays owed, the rest is credited. */
import { recordAudit } from '../../store/audit';
import type { InvoiceRecord } from '../../store/billing';
import { auditActor, type Principal } from '../auth';
import { updateInvoice, visibleInvoice, type InvoiceDeps } from '../invoice-updates';

export async function resolveDispute(
  deps: InvoiceDeps,
  principal: Principal,
  target: { invoiceId: string; disputeId: string },
  resolution: { acceptedAmount: number },
): Promise<InvoiceRecord> {
  const invoice = await visibleInvoice(deps.db, principal, target.invoiceId);
  const updated = await updateInvoice(deps, invoice, {
    type: 'resolve_dispute',
    disputeId: target.disputeId,
    acceptedAmount: resolution.acceptedAmount,
    resolvedAt: new Date().toISOString(),
  });
  await recordAudit(deps.db, {
    actor: auditActor(principal),
    action: 'invoice.dispute_resolved',
    subjectType: 'invoice',
    subjectId: invoice.row.id,
    merchantId: invoice.row.merchant_id,
    details: { disputeId: target.disputeId, acceptedAmount: resolution.acceptedAmount },
  });
  return updated;
}
