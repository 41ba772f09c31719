/**
 * InvoiceWorkflow (`invoice-<contractId>-<YYYY-MM>`): one contract's monthly bill, from usage to the
 * last won (SPEC §5; Art. 6, 7, 5.2.3).
 *
 *   wait until the month's results are in (results come up to RESULT_WINDOW after sending) →
 *   issue, by the legal deadline (alert if late) → due 20 business days later →
 *   payments and disputes (the undisputed part is due on the due date, Art. 7.2) →
 *   overdue suspends the contract; paying resumes it → ends when nothing is outstanding.
 *
 * Invariant at every step: paid + credited + outstanding = total (domain/invoice-ledger).
 */
import * as wf from '@temporalio/workflow';
import type { BillingActivities } from '../activities/billing';
import { createBusinessCalendar, dueDate, invoiceDeadlines } from '../domain/business-days';
import { kstDate } from '../domain/calendar-kst';
import {
  checkInvariant,
  isClosed,
  nextOverdueAt,
  openDispute,
  openLedger,
  recordPayment,
  resolveDispute,
  summarize,
  type LedgerResult,
} from '../domain/invoice-ledger';
import { acceptedPartDueDate, periodEnd, type InvoiceSnapshot } from '../domain/invoice';
import type { Refusal } from '../domain/rules';
import { invoiceOverdueSignal, invoicePaidSignal } from './contract';
import { contractWorkflowId } from './ids';

const { loadExtraHolidays, draftInvoice, saveInvoice, alertMissedIssueDeadline } =
  wf.proxyActivities<BillingActivities>({
    startToCloseTimeout: '1 minute',
    retry: { initialInterval: '2 seconds', maximumInterval: '5 minutes' },
  });

export interface InvoiceWorkflowInput {
  contractId: string;
  period: string;
  /** How long after sending a message's result may still come in (RESULT_WINDOW). */
  resultWindowMs: number;
}

export type InvoiceCommand =
  | { type: 'record_payment'; id: string; amount: number; paidAt: string }
  | { type: 'open_dispute'; id: string; amount: number; reason: string; openedAt: string }
  | { type: 'resolve_dispute'; disputeId: string; acceptedAmount: number; resolvedAt: string };

export const invoiceUpdate = <T extends InvoiceCommand['type']>(type: T) =>
  wf.defineUpdate<InvoiceSnapshot, [Extract<InvoiceCommand, { type: T }>]>(type);
export const invoiceQuery = wf.defineQuery<InvoiceSnapshot | null>('invoice');
export const INVOICE_VIOLATION = 'InvoiceViolation';

/** The invoice's id: readable, and the same however often a run starts it. */
export const invoiceIdFor = (contractId: string, period: string) =>
  `inv_${period.replace('-', '')}_${contractId.replace(/^ctr_/, '')}`;

export async function InvoiceWorkflow(
  input: InvoiceWorkflowInput,
): Promise<{ invoiceId: string | null; status: string }> {
  let snapshot: InvoiceSnapshot | null = null;
  wf.setHandler(invoiceQuery, () => snapshot);

  // Messages sent on the last day of the month may still report for RESULT_WINDOW: bill after that.
  await wf.sleep(Math.max(0, +periodEnd(input.period) + input.resultWindowMs - Date.now()));

  // A year the holiday dataset does not cover fails the workflow task (naming the year) and is
  // retried until the dataset is updated: an invoice is never dated on a guess.
  const calendar = createBusinessCalendar(await loadExtraHolidays());
  // Issued as soon as the month's results are in, whatever the day: the 20 business days to pay
  // are counted from the next business day anyway (Art. 7.1).
  const issueDate = kstDate(Date.now());

  const { draft, supplier } = await draftInvoice({ contractId: input.contractId, period: input.period });
  if (!draft || draft.total === 0) return { invoiceId: null, status: 'nothing_to_bill' };

  const deadlines = invoiceDeadlines(input.period, calendar);
  if (issueDate > deadlines.issueBy) {
    await alertMissedIssueDeadline({
      contractId: draft.contractId,
      merchantId: draft.merchantId,
      period: input.period,
      issueDate,
      issueBy: deadlines.issueBy,
    });
  }
  const issuedAt = new Date().toISOString();
  let ledger = openLedger({ total: draft.total, dueDate: dueDate(issueDate, calendar), issuedAt });
  let version = 1;
  let overdueReported = false;
  const id = invoiceIdFor(input.contractId, input.period);

  const publish = async () => {
    const current: InvoiceSnapshot = {
      id,
      draft,
      supplier,
      issuedAt,
      issueDate,
      deadlines: { legal: deadlines.legalDeadline, contract: deadlines.contractDeadline },
      ledger,
      summary: summarize(ledger, new Date()),
      version,
    };
    snapshot = current;
    await saveInvoice(current);
    return current;
  };

  /** Tells the contract when the undisputed balance turns overdue, and when it is paid (Art. 5.2.3). */
  const reconcile = async () => {
    const summary = summarize(ledger, new Date());
    const contract = wf.getExternalWorkflowHandle(contractWorkflowId(input.contractId));
    const tell = async (signal: typeof invoiceOverdueSignal) => {
      try {
        await contract.signal(signal, { invoiceId: id });
      } catch (err) {
        wf.log.warn('contract workflow did not take the billing signal (it has ended)', { error: String(err) });
      }
    };
    if (summary.overdueAmount > 0 && !overdueReported) {
      overdueReported = true;
      await tell(invoiceOverdueSignal);
    } else if (overdueReported && summary.overdueAmount === 0) {
      overdueReported = false;
      await tell(invoicePaidSignal);
    }
  };

  const apply = (command: InvoiceCommand): LedgerResult => {
    switch (command.type) {
      case 'record_payment':
        return recordPayment(ledger, { id: command.id, amount: command.amount, paidAt: command.paidAt });
      case 'open_dispute':
        return openDispute(ledger, {
          id: command.id,
          amount: command.amount,
          reason: command.reason,
          openedAt: command.openedAt,
        });
      case 'resolve_dispute': {
        const acceptedDueDate = acceptedPartDueDate(new Date(command.resolvedAt), ledger.dueDate, calendar);
        return resolveDispute(ledger, {
          disputeId: command.disputeId,
          acceptedAmount: command.acceptedAmount,
          resolvedAt: command.resolvedAt,
          acceptedDueDate,
        });
      }
    }
  };
  /** The ledger's refusal as the Update's failure; the API answers it by its code (api/rule-status.ts). */
  const refusal = ({ violation }: Refusal) =>
    wf.ApplicationFailure.create({
      type: INVOICE_VIOLATION,
      message: violation.message,
      details: [violation],
      nonRetryable: true,
    });
  for (const type of ['record_payment', 'open_dispute', 'resolve_dispute'] as const) {
    wf.setHandler(
      invoiceUpdate(type),
      async (command) => {
        const r = apply(command);
        if (!r.ok) throw refusal(r);
        const broken = checkInvariant(r.state);
        if (broken.length) throw wf.ApplicationFailure.nonRetryable(`ledger invariant broken: ${broken[0].message}`);
        ledger = r.state;
        version += 1;
        await reconcile();
        return publish();
      },
      {
        validator: (command) => {
          const r = apply(command);
          if (!r.ok) throw refusal(r);
        },
      },
    );
  }

  await publish();
  const isDone = () => isClosed(ledger);
  while (!isDone()) {
    const seen = version;
    const next = nextOverdueAt(ledger, new Date());
    // Wake on any change, and at each moment more becomes owed (the due date, an accepted part's).
    const changed = await wf.condition(
      () => version !== seen || isDone(),
      next ? Math.max(1, +next - Date.now()) : undefined,
    );
    if (!changed && next) {
      version += 1;
      await reconcile();
      await publish();
    }
  }
  await wf.condition(wf.allHandlersFinished);
  return { invoiceId: id, status: summarize(ledger, new Date()).status };
}
