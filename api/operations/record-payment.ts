/** An operator records a deposit on an invoice (SPEC §5): partial payments allowed, never above what is owed. */
import { newId } from '../../platform/ids';
import type { InvoiceRecord } from '../../store/billing';
import type { Principal } from '../auth';
import { auditInvoice, updateInvoice, visibleInvoice, type InvoiceDeps } from '../invoice-updates';

export async function recordPayment(
  deps: InvoiceDeps,
  principal: Principal,
  invoiceId: string,
  payment: { amount: number; paidAt?: string },
): Promise<InvoiceRecord> {
  const invoice = await visibleInvoice(deps.db, principal, invoiceId);
  const updated = await updateInvoice(deps, invoice, {
    type: 'record_payment',
    id: newId('pay'),
    amount: payment.amount,
    paidAt: payment.paidAt ?? new Date().toISOString(),
  });
  await auditInvoice(deps.db, principal, invoice, 'invoice.payment_recorded', { amount: payment.amount });
  return updated;
}
