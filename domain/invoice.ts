/** The shapes of an invoice as the InvoiceWorkflow holds it and the API shows it (SPEC §5). */
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
  const [y, m] = date.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
