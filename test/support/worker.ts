/** Runs the real workers (all task queues, real activities) against a test environment. */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { loadConfig, type Config } from '../../platform/config';
import type { Db } from '../../platform/db';
import { createLogger } from '../../platform/logger';
import { createWorkers } from '../../workers/worker';

export function testConfig(overrides: NodeJS.ProcessEnv = {}): Config {
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...overrides });
}

export async function startWorkers(
  env: TestWorkflowEnvironment,
  bundle: WorkflowBundleWithSourceMap,
  db: Db,
  config: Config = testConfig(),
) {
  const workers = await createWorkers({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    bundle,
    deps: { db, config, logger: createLogger('test-worker', 'silent') },
  });
  const running = workers.run();
  return {
    stop: async () => {
      workers.shutdown();
      await running;
    },
  };
}
