/** The worker process: `node workers/main` with DATABASE_URL and TEMPORAL_ADDRESS set. */
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { BILLING_SCHEDULE_ID, ensureBillingSchedule } from '../platform/billing-schedule';
import { loadConfig } from '../platform/config';
import { createDb } from '../platform/db';
import { createLogger } from '../platform/logger';
import { runProcess } from '../platform/process';
import { ensureRetentionSchedule, RETENTION_SCHEDULE_ID } from '../platform/retention-schedule';
import { installTemporalRuntime } from '../platform/temporal-runtime';
import { bundleWorkflows, createWorkers } from './worker';

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
  logger.info({ schedule: BILLING_SCHEDULE_ID, result: await ensureBillingSchedule(client) }, 'billing schedule ready');
  const retention = {
    messageRetentionMs: config.retention.messagesMs,
    proofDocumentRetentionMs: config.retention.proofDocumentsMs,
  };
  logger.info(
    { schedule: RETENTION_SCHEDULE_ID, result: await ensureRetentionSchedule(client, retention), ...retention },
    'retention schedule ready',
  );
  const bundle = await bundleWorkflows();
  const workers = await createWorkers({
    connection,
    namespace: config.temporal.namespace,
    bundle,
    deps: { db, logger, config },
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

  logger.info({ namespace: config.temporal.namespace }, 'worker running');
  await workers.run();
  await connection.close();
  await client.connection.close();
  await db.destroy();
  logger.info('worker stopped');
}

runProcess(main);
