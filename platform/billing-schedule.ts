/**
 * The `billing-monthly` Temporal Schedule (SPEC §5, issue #6): at 00:10 KST on the 1st of every
 * month it starts a BillingRunWorkflow for the month before. Created — or brought up to date — by
 * every worker at start, so it exists wherever the platform runs.
 */
import { ScheduleOverlapPolicy, type Client, type ScheduleOptions } from '@temporalio/client';
import { ensureSchedule } from './schedules';
import { BillingRunWorkflow } from '../workflows/billing-run';
import { SCHEDULED_BILLING_RUN_WORKFLOW_ID } from '../workflows/ids';
import { TASK_QUEUES } from '../workflows/task-queues';

export const BILLING_SCHEDULE_ID = 'billing-monthly';

export function billingScheduleOptions(): ScheduleOptions {
  return {
    scheduleId: BILLING_SCHEDULE_ID,
    spec: {
      calendars: [{ dayOfMonth: 1, hour: 0, minute: 10, comment: 'bill the previous month' }],
      timezone: 'Asia/Seoul',
    },
    action: {
      type: 'startWorkflow',
      workflowType: BillingRunWorkflow,
      workflowId: SCHEDULED_BILLING_RUN_WORKFLOW_ID,
      taskQueue: TASK_QUEUES.billing,
      args: [{}],
    },
    // A missed run (platform down on the 1st) still happens when it is back, within 7 days.
    policies: { overlap: ScheduleOverlapPolicy.ALLOW_ALL, catchupWindow: '7 days' },
  };
}

export function ensureBillingSchedule(client: Client): Promise<'created' | 'updated'> {
  return ensureSchedule(client, billingScheduleOptions());
}
