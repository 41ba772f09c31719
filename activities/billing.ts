/** Activities of the billing workflows: usage claims, the holiday calendar, the invoice projection, alerts. */
import { SYSTEM_ACTOR } from '../domain/actor';
import { createBusinessCalendar, type ExtraHoliday } from '../domain/business-days';
import { kstDate } from '../domain/calendar-kst';
import type { Supplier } from '../domain/company';
import {
  acceptedPartDueDate,
  invoiceDates,
  invoiceIdFor,
  type InvoiceDates,
  type InvoiceDraft,
  type InvoiceSnapshot,
} from '../domain/invoice';
import type { Config } from '../platform/config';
import type { Db } from '../platform/db';
import type { Logger } from '../platform/logger';
import { recordAudit } from '../store/audit';
import { calendarData, claimUsage, contractsWithUnclaimedUsage, extraHolidays, saveInvoice } from '../store/billing';

export function createBillingActivities({ db, logger, config }: { db: Db; logger: Logger; config: Config }) {
  /**
   * The calendar as the database has it now. Invoices compute their dates here, in an activity, so
   * the result is in the workflow's history: a later dataset or holiday change never alters a replay.
   */
  const calendar = async () => {
    const data = await calendarData(db);
    return createBusinessCalendar(data.extraHolidays, data.loadedYears);
  };
  const missingYear = (err: unknown, what: string) => {
    if ((err as Error).name === 'HolidayDataMissing')
      logger.error({ error: (err as Error).message }, `ALERT: ${what} waits for holiday data`);
    return err;
  };

  return {
    async contractsToBill(input: { period: string }): Promise<{ contractId: string; merchantId: string }[]> {
      return contractsWithUnclaimedUsage(db, input.period);
    },

    /** Holidays operators added, for invoices started before their dates were computed in activities. */
    async loadExtraHolidays(): Promise<ExtraHoliday[]> {
      return extraHolidays(db);
    },

    /**
     * Claims the contract's unclaimed usage delivered before the month's end for the month's invoice,
     * and drafts the invoice from it with the contract's fees; the supplier of the tax invoice.
     */
    async draftInvoice(input: {
      contractId: string;
      period: string;
    }): Promise<{ draft: InvoiceDraft | null; supplier: Supplier }> {
      const invoiceId = invoiceIdFor(input.contractId, input.period);
      const draft = await claimUsage(db, { invoiceId, contractId: input.contractId, period: input.period });
      return { draft: draft ?? null, supplier: config.company };
    },

    /** Issue deadlines and due date of a month's invoice issued on `issueDate` (SPEC §5, Art. 7.1). */
    async invoiceDates(input: { period: string; issueDate: string }): Promise<InvoiceDates> {
      try {
        return invoiceDates(input.period, input.issueDate, await calendar());
      } catch (err) {
        throw missingYear(err, `the invoice of ${input.period}`);
      }
    },

    /** When the accepted part of a dispute resolved at `resolvedAt` must be paid (Art. 7.1–7.2). */
    async resolutionDueDate(input: { resolvedAt: string; invoiceDueDate: string }): Promise<string> {
      try {
        return acceptedPartDueDate(new Date(input.resolvedAt), input.invoiceDueDate, await calendar());
      } catch (err) {
        throw missingYear(err, `a dispute resolved on ${kstDate(new Date(input.resolvedAt))}`);
      }
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
