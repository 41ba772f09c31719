/**
 * InvoiceWorkflow (`invoice-<contractId>-<YYYY-MM>`): one contract's monthly bill, from usage to the
 * last won (SPEC §5; Art. 6, 7, 5.2.3).
 *
 *   the month ends → claim the contract's usage delivered before then and on no invoice yet → issue
 *   (alert if after the legal deadline) → due 20 business days later → payments and disputes (the
 *   undisputed part is due on the due date, Art. 7.2) → overdue suspends the contract; paying
 *   resumes it → settled → still open for disputes until the next month's invoice is issued (money
 *   paid beyond what a won dispute leaves owed is refunded) → ends.
 *
 * Every date comes from an activity: the holiday calendar is data, so a dataset upgrade or a year
 * operators load never changes a replay. Invariant at every step:
 * paid − refunded + credited + outstanding = total (domain/invoice-ledger).
 *
 * Invoices started before `BILLED_AT_MONTH_END` (no marker in their history) keep their path: they
 * waited RESULT_WINDOW after the month, computed dates in workflow code and ended once settled.
 * Remove that path with wf.deprecatePatch once none of them is open.
 */
import * as wf from '@temporalio/workflow';
import type { BillingActivities } from '../activities/billing';
import { createBusinessCalendar } from '../domain/business-days';
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
  type RequestFingerprint,
} from '../domain/invoice-ledger';
import {
  acceptedPartDueDate,
  disputesCloseAt,
  invoiceDates as invoiceDatesOn,
  invoiceIdFor,
  periodEnd,
  type InvoiceSnapshot,
} from '../domain/invoice';
import type { Refusal } from '../domain/rules';
import { invoiceOverdueSignal, invoicePaidSignal } from './contract';
import { contractWorkflowId } from './ids';

const { loadExtraHolidays, draftInvoice, invoiceDates, resolutionDueDate, saveInvoice, alertMissedIssueDeadline } =
  wf.proxyActivities<BillingActivities>({
    startToCloseTimeout: '1 minute',
    // Unlimited: a year without holiday data retries (naming the year) until operators load it.
    retry: { initialInterval: '2 seconds', maximumInterval: '5 minutes' },
  });

/** Issue 11: drafted at the month's end from claimed usage, dates from activities, open for later disputes. */
export const BILLED_AT_MONTH_END = 'billed-at-month-end';

export interface InvoiceWorkflowInput {
  contractId: string;
  period: string;
  /** Only invoices started before BILLED_AT_MONTH_END use it: they waited this long (RESULT_WINDOW) after the month. */
  resultWindowMs?: number;
}

export type InvoiceCommand =
  | { type: 'record_payment'; id: string; amount: number; paidAt: string; request?: RequestFingerprint }
  | {
      type: 'open_dispute';
      id: string;
      amount: number;
      reason: string;
      openedAt: string;
      request?: RequestFingerprint;
    }
  | {
      type: 'resolve_dispute';
      disputeId: string;
      acceptedAmount: number;
      resolvedAt: string;
      request?: RequestFingerprint;
    };

export const invoiceUpdate = <T extends InvoiceCommand['type']>(type: T) =>
  wf.defineUpdate<InvoiceSnapshot, [Extract<InvoiceCommand, { type: T }>]>(type);
export const invoiceQuery = wf.defineQuery<InvoiceSnapshot | null>('invoice');
export const INVOICE_VIOLATION = 'InvoiceViolation';

export async function InvoiceWorkflow(
  input: InvoiceWorkflowInput,
): Promise<{ invoiceId: string | null; status: string }> {
  let snapshot: InvoiceSnapshot | null = null;
  wf.setHandler(invoiceQuery, () => snapshot);

  const current = wf.patched(BILLED_AT_MONTH_END);
  // A usage record belongs to the month it was delivered, and a result that comes later lands on
  // the next month's invoice: nothing to wait for once the month is over (SPEC §5).
  const monthEnd = +periodEnd(input.period);
  await wf.sleep(Math.max(0, monthEnd + (current ? 0 : (input.resultWindowMs ?? 0)) - Date.now()));

  const legacyCalendar = current ? undefined : createBusinessCalendar(await loadExtraHolidays());
  // Issued as soon as the month is over, whatever the day: the 20 business days to pay are counted
  // from the next business day anyway (Art. 7.1).
  const issueDate = kstDate(Date.now());

  const { draft, supplier } = await draftInvoice({ contractId: input.contractId, period: input.period });
  if (!draft || (!current && draft.total === 0)) return { invoiceId: null, status: 'nothing_to_bill' };

  // A year without holiday data fails the activity (naming the year), retried until operators load
  // the year: an invoice is never dated on a guess.
  const dates = current
    ? await invoiceDates({ period: input.period, issueDate })
    : invoiceDatesOn(input.period, issueDate, legacyCalendar!);
  const { deadlines } = dates;
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
  let ledger = openLedger({ total: draft.total, dueDate: dates.dueDate, issuedAt });
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
      deadlines: { legal: deadlines.legal, contract: deadlines.contract },
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

  const isSettled = () => isClosed(ledger);
  // Open for disputes until the next month's invoice is issued (SPEC §5); older invoices ended when settled.
  const disputeWindow = current ? { closesAt: disputesCloseAt(input.period) } : undefined;
  const takesDisputes = () => disputeWindow !== undefined && Date.now() < +disputeWindow.closesAt;

  /** `acceptedDueDate`: a resolution's, computed by the handler (validators cannot run activities). */
  const apply = (command: InvoiceCommand, acceptedDueDate = ledger.dueDate): LedgerResult => {
    const request = command.request ? { request: command.request } : {};
    switch (command.type) {
      case 'record_payment':
        return recordPayment(ledger, { id: command.id, amount: command.amount, paidAt: command.paidAt, ...request });
      case 'open_dispute':
        return openDispute(
          ledger,
          { id: command.id, amount: command.amount, reason: command.reason, openedAt: command.openedAt, ...request },
          disputeWindow,
        );
      case 'resolve_dispute':
        return resolveDispute(ledger, {
          disputeId: command.disputeId,
          acceptedAmount: command.acceptedAmount,
          resolvedAt: command.resolvedAt,
          acceptedDueDate,
          ...request,
        });
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
        const acceptedDueDate =
          command.type !== 'resolve_dispute'
            ? undefined
            : current
              ? await resolutionDueDate({ resolvedAt: command.resolvedAt, invoiceDueDate: ledger.dueDate })
              : acceptedPartDueDate(new Date(command.resolvedAt), ledger.dueDate, legacyCalendar!);
        const r = apply(command, acceptedDueDate);
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
  for (;;) {
    while (!isSettled()) {
      const seen = version;
      const next = nextOverdueAt(ledger, new Date());
      // Wake on any change, and at each moment more becomes owed (the due date, an accepted part's).
      const changed = await wf.condition(
        () => version !== seen || isSettled(),
        next ? Math.max(1, +next - Date.now()) : undefined,
      );
      if (!changed && next) {
        version += 1;
        await reconcile();
        await publish();
      }
    }
    if (!takesDisputes()) break;
    // Settled, yet a dispute may still come (after full payment, SPEC §5): it reopens the loop.
    const seen = version;
    await wf.condition(() => version !== seen, +disputeWindow!.closesAt - Date.now());
  }
  await wf.condition(wf.allHandlersFinished);
  return { invoiceId: id, status: summarize(ledger, new Date()).status };
}
