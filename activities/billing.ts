/** Activities of the billing workflows: usage, the holiday calendar, the invoice projection, alerts. */
import { SYSTEM_ACTOR } from '../domain/actor';
import type { ExtraHoliday } from '../domain/business-days';
import type { Supplier } from '../domain/company';
import type { InvoiceDraft, InvoiceSnapshot } from '../domain/invoice';
import type { Config } from '../platform/config';
import type { Db } from '../platform/db';
import type { Logger } from '../platform/logger';
import { recordAudit } from '../store/audit';
import { contractsWithUsage, draftInvoice, extraHolidays, saveInvoice } from '../store/billing';

export function createBillingActivities({ db, logger, config }: { db: Db; logger: Logger; config: Config }) {
  return {
    async contractsToBill(input: { period: string }): Promise<{ contractId: string; merchantId: string }[]> {
      return contractsWithUsage(db, input.period);
    },

    /** Holidays operators added on top of the official dataset (SPEC §5). */
    async loadExtraHolidays(): Promise<ExtraHoliday[]> {
      return extraHolidays(db);
    },

    /** The period's delivered messages priced with the contract's fees, and the supplier of the tax invoice. */
    async draftInvoice(input: {
      contractId: string;
      period: string;
    }): Promise<{ draft: InvoiceDraft | null; supplier: Supplier }> {
      return { draft: (await draftInvoice(db, input.contractId, input.period)) ?? null, supplier: config.company };
    },

    async saveInvoice(snapshot: InvoiceSnapshot): Promise<void> {
      await saveInvoice(db, snapshot);
    },

    /** An invoice issued after its legal deadline (VAT Act Art. 34): operators must know at once. */
    async alertMissedIssueDeadline(input: {
      contractId: string;
      merchantId: string;
      period: string;
      issueDate: string;
      issueBy: string;
    }): Promise<void> {
      logger.error(input, 'ALERT: invoice issued after its deadline');
      await recordAudit(db, {
        actor: SYSTEM_ACTOR,
        action: 'invoice.deadline_missed',
        subjectType: 'contract',
        subjectId: input.contractId,
        merchantId: input.merchantId,
        details: input,
      });
    },
  };
}

export type BillingActivities = ReturnType<typeof createBillingActivities>;
