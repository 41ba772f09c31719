/**
 * An operator records a deposit on an invoice (SPEC §5): partial payments allowed, never above what
 * is owed. With an Idempotency-Key a retry records nothing and answers as the first request did.
 */
import { newId } from '../../platform/ids';
import type { Principal } from '../auth';
import { changeInvoice, visibleInvoice, type InvoiceWrite } from '../invoice-updates';
import type { WorkflowDeps } from '../workflow-deps';

export async function recordPayment(
  deps: WorkflowDeps,
  principal: Principal,
  invoiceId: string,
  payment: { amount: number; paidAt?: string },
  idempotencyKey?: string,
): Promise<InvoiceWrite> {
  const invoice = await visibleInvoice(deps.db, principal, invoiceId);
  return changeInvoice(deps, principal, invoice, {
    idempotencyKey,
    request: payment,
    earlier: (request) => invoice.payments.find((p) => p.request?.key === request.key)?.request,
    command: {
      type: 'record_payment',
      id: newId('pay'),
      amount: payment.amount,
      paidAt: payment.paidAt ?? new Date().toISOString(),
    },
    audit: { action: 'invoice.payment_recorded', details: { amount: payment.amount } },
  });
}
