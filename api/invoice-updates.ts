/**
 * What the invoice operations share (SPEC §5): finding the invoice the caller may see, and running a
 * ledger command on its InvoiceWorkflow, which refuses anything that would break
 * paid + credited + outstanding = total.
 */
import type { Client } from '@temporalio/client';
import type { Db } from '../platform/db';
import { findInvoice, type InvoiceRecord } from '../store/billing';
import { invoiceWorkflowId } from '../workflows/ids';
import { INVOICE_VIOLATION, invoiceUpdate, type InvoiceCommand } from '../workflows/invoice';
import { maySee, type Principal } from './auth';
import { notFound } from './errors';
import { refusalToApiError } from './temporal-errors';

export interface InvoiceDeps {
  db: Db;
  temporal: Client;
}

/** The invoice, when it exists and the caller may see it; 404 otherwise (never 403: SPEC §7). */
export async function visibleInvoice(db: Db, principal: Principal, id: string): Promise<InvoiceRecord> {
  const invoice = await findInvoice(db, id);
  if (!invoice || !maySee(principal, invoice.row.merchant_id)) throw notFound('invoice');
  return invoice;
}

/** Runs a ledger command on the invoice's workflow; the answer is the invoice as it now is. */
export async function updateInvoice(
  { db, temporal }: InvoiceDeps,
  invoice: InvoiceRecord,
  command: InvoiceCommand,
): Promise<InvoiceRecord> {
  try {
    await temporal.workflow
      .getHandle(invoiceWorkflowId(invoice.row.contract_id, invoice.row.period))
      .executeUpdate(invoiceUpdate(command.type), { args: [command as never] });
  } catch (err) {
    throw (
      refusalToApiError(err, INVOICE_VIOLATION, {
        code: 'invoice_closed',
        message: 'the invoice is paid or settled; nothing more can change',
      }) ?? err
    );
  }
  return (await findInvoice(db, invoice.row.id))!;
}
