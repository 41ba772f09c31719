/** An operator records a deposit on an invoice (SPEC §5): partial payments allowed, never above what is owed. */
import { newId } from '../../platform/ids';
import { recordAudit } from '../../store/audit';
import type { InvoiceRecord } from '../../store/billing';
import { auditActor, type Principal } from '../auth';
import { updateInvoice, visibleInvoice, type InvoiceDeps } from '../invoice-updates';

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
  await recordAudit(deps.db, {
    actor: auditActor(principal),
    action: 'invoice.payment_recorded',
    subjectType: 'invoice',
    subjectId: invoice.row.id,
    merchantId: invoice.row.merchant_id,
    details: { amount: payment.amount },
  });
  return updated;
}
