/**
 * An operator resolves a dispute after reconciliation (Art. 7.2): the accepted amount stays owed,
 * the rest is credited, and what the merchant had paid beyond that is refunded (SPEC §5). With an
 * Idempotency-Key a retry answers as the first request did instead of 409.
 */
import type { Principal } from '../auth';
import {
  alreadyMade,
  auditInvoice,
  fingerprintOf,
  updateInvoice,
  visibleInvoice,
  type InvoiceDeps,
  type InvoiceWrite,
} from '../invoice-updates';

export async function resolveDispute(
  deps: InvoiceDeps,
  principal: Principal,
  target: { invoiceId: string; disputeId: string },
  resolution: { acceptedAmount: number },
  idempotencyKey?: string,
): Promise<InvoiceWrite> {
  const invoice = await visibleInvoice(deps.db, principal, target.invoiceId);
  const request = fingerprintOf(idempotencyKey, { disputeId: target.disputeId, ...resolution });
  if (alreadyMade(invoice.disputes.find((d) => d.id === target.disputeId)?.resolutionRequest, request))
    return { invoice, replayed: true };
  const updated = await updateInvoice(deps, invoice, {
    type: 'resolve_dispute',
    disputeId: target.disputeId,
    acceptedAmount: resolution.acceptedAmount,
    resolvedAt: new Date().toISOString(),
    ...(request ? { request } : {}),
  });
  await auditInvoice(deps.db, principal, invoice, 'invoice.dispute_resolved', {
    disputeId: target.disputeId,
    acceptedAmount: resolution.acceptedAmount,
  });
  return { invoice: updated, replayed: false };
}
