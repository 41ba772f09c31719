/**
 * The worker process: `node workers/main` with DATABASE_URL and TEMPORAL_ADDRESS set. Several may
 * run at once against one Temporal cluster. Each also runs an outbox dispatcher (platform/outbox.ts):
 * it starts what its activities wrote to the outbox (campaign steps) and sweeps up what an API
 * process left behind.
 */
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { BILLING_SCHEDULE_ID, ensureBillingSchedule } from '../platform/billing-schedule';
import { loadConfig } from '../platform/config';
import { createDb } from '../platform/db';
import { createLogger } from '../platform/logger';
import { startOutboxDispatcher } from '../platform/outbox';
import { runProcess } from '../platform/process';
import { installTemporalRuntime } from '../platform/temporal-runtime';
import { createWorkers, loadWorkflowBundle } from './worker';

async function main() {
  const config = loadConfig();
  const logger = createLogger('worker', config.logLevel);
  if (!config.databaseUrl || !config.temporal.address)
    throw new Error('worker: DATABASE_URL and TEMPORAL_ADDRESS must be set (npm start sets them)');
  installTemporalRuntime(logger, config.workerMetricsAddress);
  const db = createDb(config.databaseUrl, { max: 20 });
  const connection = await NativeConnection.connect({ address: config.temporal.address });
  const client = new Client({
    connection: await Connection.connect({ address: config.temporal.address }),
    namespace: config.temporal.namespace,
  });
  logger.info(
    { schedule: BILLING_SCHEDULE_ID, result: await ensureBillingSchedule(client, config.resultWindowMs) },
    'billing schedule ready',
  );
  const outbox = startOutboxDispatcher({ db, temporal: client, logger, ...config.outbox });
  const workers = await createWorkers({
    connection,
    namespace: config.temporal.namespace,
    bundle: await loadWorkflowBundle(),
    deps: { db, logger, config, outbox },
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'worker shutting down after in-flight tasks');
    workers.shutdown();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  logger.info({ namespace: config.temporal.namespace, workflowCacheSize: config.workflowCacheSize }, 'worker running');
  await workers.run();
  await outbox.stop();
  await connection.close();
  await client.connection.close();
  await db.destroy();
  logger.info('worker stopped');
}

runProcess(main);
