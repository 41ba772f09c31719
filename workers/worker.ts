/**
 * Workers: one per named task queue, sharing one connection, one workflow bundle and one set of
 * activities. Used by the worker process (workers/main.ts) and by the tests.
 */
import { bundleWorkflowCode, NativeConnection, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities';
import { TASK_QUEUES } from '../workflows/task-queues';

export function bundleWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({ workflowsPath: require.resolve('../workflows'), logger: quietWebpackLogger });
}

const quietWebpackLogger = {
  trace: () => {},
  debug: () => {},
  info: () => {},
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
  log: () => {},
};

export interface WorkerSet {
  /** Resolves when every worker has stopped (after shutdown()). */
  run(): Promise<void>;
  shutdown(): void;
}

export async function createWorkers(opts: {
  connection: NativeConnection;
  namespace: string;
  bundle: WorkflowBundleWithSourceMap;
  deps: ActivityDeps;
  /** Activities override (tests): by default the real ones built from deps. */
  activities?: object;
}): Promise<WorkerSet> {
  const activities = opts.activities ?? createActivities(opts.deps);
  const workers = await Promise.all(
    Object.values(TASK_QUEUES).map((taskQueue) =>
      Worker.create({
        connection: opts.connection,
        namespace: opts.namespace,
        taskQueue,
        workflowBundle: opts.bundle,
        activities,
        shutdownGraceTime: '10 seconds',
      }),
    ),
  );
  return {
    run: async () => {
      await Promise.all(workers.map((w) => w.run()));
    },
    shutdown: () => workers.forEach((w) => w.getState() === 'RUNNING' && w.shutdown()),
  };
}
