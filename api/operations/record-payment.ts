/**
 * An operator records a deposit on an invoice (SPEC §5): partial payments allowed, never above what
 * is owed. With an Idempotency-Key a retry records nothing and answers as the first request did.
 */
import { newId } from '../../platform/ids';
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

export async function recordPayment(
  deps: InvoiceDeps,
  principal: Principal,
  invoiceId: string,
  payment: { amount: number; paidAt?: string },
  idempotencyKey?: string,
): Promise<InvoiceWrite> {
  const invoice = await visibleInvoice(deps.db, principal, invoiceId);
  const request = fingerprintOf(idempotencyKey, payment);
  if (alreadyMade(invoice.payments.find((p) => request && p.request?.key === request.key)?.request, request))
    return { invoice, replayed: true };
  const updated = await updateInvoice(deps, invoice, {
    type: 'record_payment',
    id: newId('pay'),
    amount: payment.amount,
    paidAt: payment.paidAt ?? new Date().toISOString(),
    ...(request ? { request } : {}),
  });
  await auditInvoice(deps.db, principal, invoice, 'invoice.payment_recorded', { amount: payment.amount });
  return { invoice: updated, replayed: false };
}
