/**
 * What the invoice operations share (SPEC §5): finding the invoice the caller may see, running a
 * ledger command on its InvoiceWorkflow, which refuses anything that would break
 * paid − refunded + credited + outstanding = total, and answering a retried Idempotency-Key.
 */
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
import type { WorkflowDeps } from './workflow-deps';

/** The invoice, when it exists and the caller may see it; 404 otherwise (never 403: SPEC §7). */
export async function visibleInvoice(db: Db, principal: Principal, id: string): Promise<InvoiceRecord> {
  const invoice = await findInvoice(db, id);
  if (!invoice || !maySee(principal, invoice.row.merchant_id)) throw notFound('invoice');
  return invoice;
}

/** Runs a ledger command on the invoice's workflow; the answer is the invoice as it now is. */
async function updateInvoice(
  { db, temporal }: WorkflowDeps,
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

/** What an invoice write answers: the invoice as it now is, and whether an earlier request with the key already made it. */
export interface InvoiceWrite {
  invoice: InvoiceRecord;
  replayed: boolean;
}

/** What an invoice operation changes, as it states it. */
export interface InvoiceChange {
  idempotencyKey: string | undefined;
  /** What the request asks: with the key, its hash is the fingerprint the ledger keeps with what it made. */
  request: unknown;
  /** The fingerprint kept with what an earlier request with this key made, if any. */
  earlier: (request: RequestFingerprint) => RequestFingerprint | undefined;
  command: InvoiceCommand;
  /** The audit entry of the change (Art. 11: every state change, by whom). */
  audit: { action: string; details: Record<string, unknown> };
}

/**
 * Makes an invoice operation's change. With an Idempotency-Key whose request already made it, the
 * first answer stands (422 if the key was used for another request); the workflow checks the same
 * again, so concurrent retries still record once.
 */
export async function changeInvoice(
  deps: WorkflowDeps,
  principal: Principal,
  invoice: InvoiceRecord,
  change: InvoiceChange,
): Promise<InvoiceWrite> {
  const request = change.idempotencyKey ? { key: change.idempotencyKey, hash: requestHash(change.request) } : undefined;
  if (request && alreadyMade(change.earlier(request), request)) return { invoice, replayed: true };
  const updated = await updateInvoice(deps, invoice, { ...change.command, ...(request ? { request } : {}) });
  await recordAudit(deps.db, {
    actor: auditActor(principal),
    action: change.audit.action,
    subjectType: 'invoice',
    subjectId: invoice.row.id,
    merchantId: invoice.row.merchant_id,
    details: change.audit.details,
  });
  return { invoice: updated, replayed: false };
}

const alreadyMade = (earlier: RequestFingerprint | undefined, request: RequestFingerprint): boolean =>
  isReplay(earlier?.key === request.key ? earlier.hash : undefined, request.hash);
