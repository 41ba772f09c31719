/** The shapes of an invoice as the InvoiceWorkflow holds it and the API shows it (SPEC §5). */
import { dueDate, type BusinessCalendar } from './business-days';
import { addPeriods, firstDayOf, kstDate, kstPeriod, kstStartOf, periodOf } from './calendar-kst';
import type { Supplier } from './company';
import type { InvoiceLedgerState, InvoiceSummary } from './invoice-ledger';
import type { InvoiceAmounts, UsageType } from './money';

export interface InvoiceParty {
  name: string;
  businessRegistrationNumber: string;
  representative?: string;
  address?: string;
}

export interface InvoiceDraft extends InvoiceAmounts<UsageType> {
  contractId: string;
  merchantId: string;
  period: string;
  buyer: InvoiceParty;
}

/** The invoice as its workflow holds it: what was issued, and its ledger. */
export interface InvoiceSnapshot {
  id: string;
  draft: InvoiceDraft;
  supplier: Supplier;
  issuedAt: string;
  issueDate: string;
  deadlines: { legal: string; contract: string };
  ledger: InvoiceLedgerState;
  summary: InvoiceSummary;
  version: number;
}

/** The usage month before the one a date falls in: what a billing run on that date invoices. */
export function previousPeriod(date: string): string {
  return addPeriods(periodOf(date), -1);
}

/** The instant a usage month ends: 00:00 KST on the 1st of the next month. */
export function periodEnd(period: string): Date {
  return kstStartOf(firstDayOf(addPeriods(period, 1)));
}

/** A month is billed once it is over (KST). */
export function isClosedPeriod(period: string, now: Date): boolean {
  return period < kstPeriod(now);
}

/**
 * When the accepted part of a resolved dispute must be paid (Art. 7.1–7.2): it was not payable
 * while reconciled, so it gets its own 20 business days from the resolution — never earlier than
 * the invoice's own due date.
 */
export function acceptedPartDueDate(resolvedAt: Date, invoiceDueDate: string, calendar: BusinessCalendar): string {
  const fromResolution = dueDate(kstDate(resolvedAt), calendar);
  return fromResolution > invoiceDueDate ? fromResolution : invoiceDueDate;
}
