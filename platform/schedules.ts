/**
 * The platform's Temporal Schedules (billing, retention) are created — or brought up to date — by
 * every worker at start, so a deploy that changes one takes effect without an operator.
 */
import { ScheduleAlreadyRunning, type Client, type ScheduleOptions } from '@temporalio/client';

export async function ensureSchedule(client: Client, options: ScheduleOptions): Promise<'created' | 'updated'> {
  try {
    await client.schedule.create(options);
    return 'created';
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
    await client.schedule.getHandle(options.scheduleId).update((previous) => ({
      ...previous,
      spec: options.spec,
      action: options.action as typeof previous.action,
      policies: options.policies,
    }));
    return 'updated';
  }
}
