/**
 * The API process: `node api/main` with DATABASE_URL and TEMPORAL_ADDRESS set (the launcher sets
 * them). Several may run behind a load balancer: they share PostgreSQL (rows, outbox, rate limits)
 * and Temporal, and each runs an outbox dispatcher that starts the workflows of what it accepted
 * and sweeps up what any other process left behind (platform/outbox.ts).
 */
import { loadConfig } from '../platform/config';
import { createDb } from '../platform/db';
import { createLogger } from '../platform/logger';
import { startOutboxDispatcher } from '../platform/outbox';
import { DATA_DIR } from '../platform/paths';
import { runProcess, stopOnSignal } from '../platform/process';
import { loadOperatorKey } from '../platform/secrets';
import { connectClient } from '../platform/temporal';
import { createApp } from './app';
import { createMetrics, metricsOnlyApp } from './metrics';
import { createApiServer } from './server';

async function main() {
  const config = loadConfig();
  const logger = createLogger('api', config.logLevel);
  if (!config.databaseUrl || !config.temporal.address)
    throw new Error('api: DATABASE_URL and TEMPORAL_ADDRESS must be set (npm start sets them)');
  const db = createDb(config.databaseUrl, { max: 20 });
  // Connects on first use: the API accepts messages even while Temporal is down.
  const temporal = connectClient(config.temporal.address, config.temporal.namespace);
  const outbox = startOutboxDispatcher({ db, temporal, logger, ...config.outbox });
  const { key: operatorKey } = loadOperatorKey(config.operatorApiKey, DATA_DIR);
  const metrics = createMetrics();
  const app = createApp({ db, temporal, config, logger, operatorKey, outbox, metrics });
  const metricsAddress = config.metricsAddress;
  const metricsServer = metricsAddress
    ? metricsOnlyApp(metrics).listen(metricsAddress.port, metricsAddress.host, () =>
        logger.info(metricsAddress, 'metrics listening'),
      )
    : undefined;

  const server = createApiServer(app).listen(config.port, () => logger.info({ port: config.port }, 'api listening'));

  stopOnSignal(logger, 'api', async () => {
    server.close();
    server.closeIdleConnections();
    await outbox.stop();
    metricsServer?.close();
    await Promise.allSettled([db.destroy(), temporal.connection.close()]);
  });
}

runProcess(main);
