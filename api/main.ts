/** The API process: `node api/main` with DATABASE_URL and TEMPORAL_ADDRESS set (the launcher sets them). */
import { loadConfig } from '../platform/config';
import { createDb } from '../platform/db';
import { createLogger } from '../platform/logger';
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
  const temporal = await connectClient(config.temporal.address, config.temporal.namespace);
  const { key: operatorKey } = loadOperatorKey(config.operatorApiKey, DATA_DIR);
  const metrics = createMetrics();
  const app = createApp({ db, temporal, config, logger, operatorKey, metrics });
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
    metricsServer?.close();
    await Promise.allSettled([db.destroy(), temporal.connection.close()]);
  });
}

runProcess(main);
