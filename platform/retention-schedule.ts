/**
 * The `retention-daily` Temporal Schedule (Art. 5.6): at 03:30 KST every day it starts a
 * RetentionWorkflow with the configured retention periods. Created — or brought up to date — by every
 * worker at start, like the billing Schedule.
 */
import { ScheduleOverlapPolicy, type Client, type ScheduleOptions } from '@temporalio/client';
import { ensureSchedule } from './schedules';
import { SCHEDULED_RETENTION_WORKFLOW_ID } from '../workflows/ids';
import { RetentionWorkflow, type RetentionInput } from '../workflows/retention';
import { TASK_QUEUES } from '../workflows/task-queues';

export const RETENTION_SCHEDULE_ID = 'retention-daily';

export function retentionScheduleOptions(input: RetentionInput): ScheduleOptions {
  return {
    scheduleId: RETENTION_SCHEDULE_ID,
    spec: {
      calendars: [{ hour: 3, minute: 30, comment: 'destroy what outlived its retention' }],
      timezone: 'Asia/Seoul',
    },
    action: {
      type: 'startWorkflow',
      workflowType: RetentionWorkflow,
      workflowId: SCHEDULED_RETENTION_WORKFLOW_ID,
      taskQueue: TASK_QUEUES.contracts,
      args: [input],
    },
    // One sweep at a time; a missed night is made up when the platform is back.
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
  };
}

export function ensureRetentionSchedule(client: Client, input: RetentionInput): Promise<'created' | 'updated'> {
  return ensureSchedule(client, retentionScheduleOptions(input));
}
