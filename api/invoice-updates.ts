/**
 * What the invoice operations share (SPEC §5): finding the invoice the caller may see, running a
 * ledger command on its InvoiceWorkflow, which refuses anything that would break
 * paid − refunded + credited + outstanding = total, and answering a retried Idempotency-Key.
 */
import type { Client } from '@temporalio/client';
import type { RequestFingerprint } from '../domain/invoice-ledger';
import type { Db } from '../platform/db';
import { recordAudit } from '../store/audit';
import { findInvoice, type InvoiceRecord } from '../store/billing';
import { invoiceWorkflowId } from '../workflows/ids';
import { INVOICE_VIOLATION, invoiceUpdate, type InvoiceCommand } from '../workflows/invoice';
import { auditActor, maySee, type Principal } from './auth';
import { notFound } from './errors';
import { isReplay, requestHash } from './idempotency';
import { runUpdate } from './temporal-errors';

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
  await runUpdate(
    () =>
      temporal.workflow
        .getHandle(invoiceWorkflowId(invoice.row.contract_id, invoice.row.period))
        .executeUpdate(invoiceUpdate(command.type), { args: [command as never] }),
    INVOICE_VIOLATION,
    { code: 'invoice_closed', message: 'the invoice is settled and no longer takes disputes; nothing more can change' },
  );
  return (await findInvoice(db, invoice.row.id))!;
}

/** The audit entry of a change to an invoice (Art. 11: every state change, by whom). */
export async function auditInvoice(
  db: Db,
  principal: Principal,
  invoice: InvoiceRecord,
  action: string,
  details: Record<string, unknown>,
): Promise<void> {
  await recordAudit(db, {
    actor: auditActor(principal),
    action,
    subjectType: 'invoice',
    subjectId: invoice.row.id,
    merchantId: invoice.row.merchant_id,
    details,
  });
}

/** What an invoice write answers: the invoice as it now is, and whether an earlier request with the key already made it. */
export interface InvoiceWrite {
  invoice: InvoiceRecord;
  replayed: boolean;
}

/** The fingerprint of a request with an Idempotency-Key (the ledger keeps it with what the request made). */
export const fingerprintOf = (key: string | undefined, body: unknown): RequestFingerprint | undefined =>
  key ? { key, hash: requestHash(body) } : undefined;

/**
 * With an Idempotency-Key: whether what it made is already on the invoice — then the first answer
 * stands (422 if the key was used for another request). The workflow checks the same again, so
 * concurrent retries still record once.
 */
export function alreadyMade(earlier: RequestFingerprint | undefined, request: RequestFingerprint | undefined): boolean {
  if (!request) return false;
  return isReplay(earlier?.key === request.key ? earlier.hash : undefined, request.hash);
}
