/**
 * BillingRunWorkflow: invoices a usage month (SPEC §5). Started on the 1st of every month by the
 * `billing-monthly` Temporal Schedule (Asia/Seoul) for the month before, or on demand by
 * POST /v1/billing/runs. It starts one InvoiceWorkflow per contract with usage delivered before the
 * month's end and on no invoice yet — terminated contracts too (their final invoice); their ids are
 * `invoice-<contractId>-<YYYY-MM>` and may never be reused, so however often a month is run, each
 * contract gets one invoice for it, ever.
 */
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import * as wf from '@temporalio/workflow';
import type { BillingActivities } from '../activities/billing';
import { kstDate } from '../domain/calendar-kst';
import { previousPeriod } from '../domain/invoice';
import { invoiceWorkflowId } from './ids';
import { InvoiceWorkflow } from './invoice';
import { ContractId, InvoicePeriod, MerchantId } from './search-attributes';
import { TASK_QUEUES } from './task-queues';

const { contractsToBill } = wf.proxyActivities<BillingActivities>({ startToCloseTimeout: '1 minute' });

export interface BillingRunInput {
  /** YYYY-MM; a scheduled run bills the month before the one it runs in. */
  period?: string;
  /** Tag the invoices with ContractId/MerchantId/InvoicePeriod (false only where the server has no custom search attributes). */
  searchAttributes?: boolean;
}

export async function BillingRunWorkflow(
  input: BillingRunInput,
): Promise<{ period: string; started: string[]; alreadyInvoiced: string[] }> {
  const period = input.period ?? previousPeriod(kstDate(Date.now()));
  const tracked = input.searchAttributes ?? true;
  const started: string[] = [];
  const alreadyInvoiced: string[] = [];
  for (const c of await contractsToBill({ period })) {
    try {
      await wf.startChild(InvoiceWorkflow, {
        workflowId: invoiceWorkflowId(c.contractId, period),
        taskQueue: TASK_QUEUES.billing,
        args: [{ contractId: c.contractId, period }],
        // The invoice lives on until paid, long after this run.
        parentClosePolicy: 'ABANDON',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        ...(tracked
          ? {
              typedSearchAttributes: [
                { key: ContractId, value: c.contractId },
                { key: MerchantId, value: c.merchantId },
                { key: InvoicePeriod, value: period },
              ],
            }
          : {}),
      });
      started.push(c.contractId);
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      alreadyInvoiced.push(c.contractId);
    }
  }
  return { period, started, alreadyInvoiced };
}
