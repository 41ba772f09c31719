/**
 * Workers: one per named task queue, sharing one connection, one workflow bundle, one set of
 * activities and one workflow cache budget. Used by the worker process (workers/main.ts) and by
 * the tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  bundleWorkflowCode,
  NativeConnection,
  Worker,
  type WorkflowBundleOption,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities';
import { TASK_QUEUES } from '../workflows/task-queues';

/** Where `npm run build` puts the pre-built workflow bundle (workers/build-workflow-bundle.ts): dist/workflow-bundle.js. */
export const WORKFLOW_BUNDLE_PATH = path.join(__dirname, '..', 'workflow-bundle.js');

export function bundleWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({ workflowsPath: require.resolve('../workflows'), logger: quietWebpackLogger });
}

/**
 * The workflow code for the workers: compiled code (production) runs the bundle built with it at
 * build time; under tsx (development) the workflows are bundled now, from the sources.
 */
export async function loadWorkflowBundle(): Promise<WorkflowBundleOption> {
  if (path.extname(__filename) === '.js') {
    if (!fs.existsSync(WORKFLOW_BUNDLE_PATH))
      throw new Error(`no pre-built workflow bundle at ${WORKFLOW_BUNDLE_PATH}: run \`npm run build\``);
    return { codePath: WORKFLOW_BUNDLE_PATH };
  }
  return bundleWorkflows();
}

const quietWebpackLogger = {
  trace: () => {},
  debug: () => {},
  info: () => {},
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
  log: () => {},
};

/**
 * The process's workflow cache split over its task queues: messages are nearly all workflows
 * there are; contracts, invoices and the rest are few and mostly asleep. An evicted workflow is
 * replayed from its (short) history when its next task comes, so a cache far smaller than the
 * number of running workflows keeps memory flat without losing anything.
 */
export function workflowCacheSizes(total: number, queues: string[]): Map<string, number> {
  const others = queues.filter((q) => q !== TASK_QUEUES.messages);
  // A cache of one is no cache (the SDK needs room for two workflow tasks at once): none then.
  const share = Math.floor((total * 0.2) / Math.max(1, others.length));
  const each = share < 2 ? 0 : share;
  return new Map(queues.map((q) => [q, q === TASK_QUEUES.messages ? total - each * others.length : each]));
}

/**
 * How long a workflow task waits on this worker's sticky queue before any worker may take it: short,
 * so a task of a workflow cached by a worker that died or is busy moves on quickly.
 */
const STICKY_QUEUE_TIMEOUT = '5 seconds';

export interface WorkerSet {
  /** Resolves when every worker has stopped (after shutdown()). */
  run(): Promise<void>;
  shutdown(): void;
}

export async function createWorkers(opts: {
  connection: NativeConnection;
  namespace: string;
  bundle: WorkflowBundleOption;
  deps: ActivityDeps;
  /** Activities override (tests): by default the real ones built from deps. */
  activities?: object;
}): Promise<WorkerSet> {
  const activities = opts.activities ?? createActivities(opts.deps);
  const queues = Object.values(TASK_QUEUES);
  const cacheSizes = workflowCacheSizes(opts.deps.config.workflowCacheSize, queues);
  const workers = await Promise.all(
    queues.map((taskQueue) => {
      const maxCachedWorkflows = cacheSizes.get(taskQueue)!;
      return Worker.create({
        connection: opts.connection,
        namespace: opts.namespace,
        taskQueue,
        workflowBundle: opts.bundle,
        activities,
        shutdownGraceTime: '10 seconds',
        maxCachedWorkflows,
        // With a cache, no more workflow tasks at once than it holds (the SDK's rule; at least 2).
        maxConcurrentWorkflowTaskExecutions:
          maxCachedWorkflows > 0 ? Math.max(2, Math.min(40, maxCachedWorkflows)) : 40,
        stickyQueueScheduleToStartTimeout: STICKY_QUEUE_TIMEOUT,
        // One V8 context per worker thread for all its workflows (the SDK's default; a fraction of the memory).
        reuseV8Context: true,
      });
    }),
  );
  return {
    run: async () => {
      await Promise.all(workers.map((w) => w.run()));
    },
    shutdown: () => workers.forEach((w) => w.getState() === 'RUNNING' && w.shutdown()),
  };
}
