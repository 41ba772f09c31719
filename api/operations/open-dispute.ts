/**
 * A merchant disputes part of its invoice (Art. 7.2): the undisputed part stays due on the due date.
 * Also after paying it, until the next month's invoice is issued (SPEC §5). With an
 * Idempotency-Key a retry opens nothing more and answers as the first request did.
 */
import { newId } from '../../platform/ids';
import type { Principal } from '../auth';
import { notFound } from '../errors';
import { changeInvoice, visibleInvoice, type InvoiceWrite } from '../invoice-updates';
import type { WorkflowDeps } from '../workflow-deps';

export async function openDispute(
  deps: WorkflowDeps,
  caller: { principal: Principal; actingMerchant: () => string },
  invoiceId: string,
  dispute: { amount: number; reason: string },
  idempotencyKey?: string,
): Promise<InvoiceWrite> {
  const invoice = await visibleInvoice(deps.db, caller.principal, invoiceId);
  // Only the invoiced merchant disputes; an operator acts on its behalf (Bizmsg-Merchant-Id).
  if (caller.actingMerchant() !== invoice.row.merchant_id) throw notFound('invoice');
  return changeInvoice(deps, caller.principal, invoice, {
    idempotencyKey,
    request: dispute,
    earlier: (request) => invoice.disputes.find((d) => d.request?.key === request.key)?.request,
    command: {
      type: 'open_dispute',
      id: newId('dsp'),
      amount: dispute.amount,
      reason: dispute.reason,
      openedAt: new Date().toISOString(),
    },
    audit: { action: 'invoice.disputed', details: { amount: dispute.amount } },
  });
}
