/** The shapes of an invoice as the InvoiceWorkflow holds it and the API shows it (SPEC §5). */
import { dueDate, invoiceDeadlines, type BusinessCalendar } from './business-days';
import { addPeriods, firstDayOf, kstDate, kstPeriod, kstStartOf, periodOf, type IsoDate } from './calendar-kst';
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

/** The invoice's id: readable, and the same however often a run starts it. */
export const invoiceIdFor = (contractId: string, period: string) =>
  `inv_${period.replace('-', '')}_${contractId.replace(/^ctr_/, '')}`;

/** The usage month before the one a date falls in: what a billing run on that date invoices. */
export function previousPeriod(date: string): string {
  return addPeriods(periodOf(date), -1);
}

/**
 * The instant a usage month ends: 00:00 KST on the 1st of the next month. Its invoice claims every
 * usage record of the contract delivered before then and on no invoice yet; whatever is recorded
 * later lands on the next month's.
 */
export function periodEnd(period: string): Date {
  return kstStartOf(firstDayOf(addPeriods(period, 1)));
}

/**
 * An invoice paid or settled still takes disputes until the next month's invoice is issued — when
 * the next month is over (SPEC §5); with money still open it takes them as long as that is open.
 */
export function disputesCloseAt(period: string): Date {
  return periodEnd(addPeriods(period, 1));
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

/** The dates an invoice of `period` issued on `issueDate` carries (SPEC §5, Art. 7.1, VAT Act Art. 34). */
export interface InvoiceDates {
  /** The last day to pay: 20 business days after the issue date. */
  dueDate: IsoDate;
  deadlines: { legal: IsoDate; contract: IsoDate; issueBy: IsoDate };
}

export function invoiceDates(period: string, issueDate: IsoDate, calendar: BusinessCalendar): InvoiceDates {
  const d = invoiceDeadlines(period, calendar);
  return {
    dueDate: dueDate(issueDate, calendar),
    deadlines: { legal: d.legalDeadline, contract: d.contractDeadline, issueBy: d.issueBy },
  };
}
