/** The baseline of the message benchmark: a workflow that runs one trivial activity. */
import { proxyActivities } from '@temporalio/workflow';

const { echo } = proxyActivities<{ echo(n: number): Promise<number> }>({ startToCloseTimeout: '10 seconds' });

export async function BareWorkflow(n: number): Promise<number> {
  return echo(n);
}
