/** A merchant disputes part of its invoice (Art. 7.2): the undisputed part stays due on the due date. */
import { newId } from '../../platform/ids';
import type { InvoiceRecord } from '../../store/billing';
import type { Principal } from '../auth';
import { notFound } from '../errors';
import { auditInvoice, updateInvoice, visibleInvoice, type InvoiceDeps } from '../invoice-updates';

export async function openDispute(
  deps: InvoiceDeps,
  caller: { principal: Principal; actingMerchant: () => string },
  invoiceId: string,
  dispute: { amount: number; reason: string },
): Promise<InvoiceRecord> {
  const invoice = await visibleInvoice(deps.db, caller.principal, invoiceId);
  // Only the invoiced merchant disputes; an operator acts on its behalf (Bizmsg-Merchant-Id).
  if (caller.actingMerchant() !== invoice.row.merchant_id) throw notFound('invoice');
  const updated = await updateInvoice(deps, invoice, {
    type: 'open_dispute',
    id: newId('dsp'),
    amount: dispute.amount,
    reason: dispute.reason,
    openedAt: new Date().toISOString(),
  });
  await auditInvoice(deps.db, caller.principal, invoice, 'invoice.disputed', { amount: dispute.amount });
  return updated;
}
