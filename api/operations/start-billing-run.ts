/**
 * An operator runs a month's billing now (SPEC §5), as the `billing-monthly` Schedule does on the
 * 1st. Idempotent: the run of a month is one workflow, and each contract gets one invoice a month, ever.
 */
import type { Client } from '@temporalio/client';
import { isClosedPeriod } from '../../domain/invoice';
import { BillingRunWorkflow } from '../../workflows/billing-run';
import { billingRunWorkflowId } from '../../workflows/ids';
import { TASK_QUEUES } from '../../workflows/task-queues';
import { unprocessable } from '../errors';

export async function startBillingRun(
  deps: { temporal: Client },
  period: string,
): Promise<{ workflowId: string; period: string }> {
  if (!isClosedPeriod(period, new Date()))
    throw unprocessable('period_not_closed', `${period} is not over yet: a month is billed once it has ended`, {
      field: 'period',
    });
  const workflowId = billingRunWorkflowId(period);
  await deps.temporal.workflow.start(BillingRunWorkflow, {
    workflowId,
    taskQueue: TASK_QUEUES.billing,
    args: [{ period }],
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
  return { workflowId, period };
}
