/** The Express application: auth, routes, OpenAPI/docs and the one error shape. */
import type { Client } from '@temporalio/client';
import cookieParser from 'cookie-parser';
import express, { Router } from 'express';
import { pinoHttp } from 'pino-http';
import swaggerUi from 'swagger-ui-express';
import type { Config } from '../platform/config';
import type { Db } from '../platform/db';
import type { Logger } from '../platform/logger';
import { authenticate, requireOperator } from './auth';
import { errorHandler, unknownRoute } from './errors';
import { checkUrl } from './input-safety';
import { createMetrics, type Metrics } from './metrics';
import { buildDocument, createRegistry } from './openapi';
import { rateLimit } from './rate-limit';
import { healthRoutes } from './routes/health';
import { accountRoutes } from './routes/accounts';
import { imageRoutes } from './routes/images';
import { apiKeyRoutes } from './routes/api-keys';
import { auditRoutes } from './routes/audit';
import { consoleRoutes } from './console';
import { billingRoutes } from './routes/billing';
import { campaignRoutes } from './routes/campaigns';
import { contractRoutes } from './routes/contracts';
import { merchantRoutes } from './routes/merchants';
import { messageRoutes } from './routes/messages';
import { optOutNumberRoutes } from './routes/opt-out-numbers';
import { paymentEventRoutes } from './routes/payment-events';
import { providerReportRoutes } from './routes/provider-reports';
import { scheduledMessageRoutes } from './routes/scheduled-messages';
import { senderNumberRoutes } from './routes/sender-numbers';
import { templateRoutes } from './routes/templates';

export interface AppDeps {
  db: Db;
  temporal: Client;
  config: Config;
  logger: Logger;
  operatorKey: string;
  /** Woken after a commit that wrote workflow starts (platform/outbox.ts). */
  outbox: { wake(): void };
  /** Shared with the unauthenticated metrics listener on METRICS_ADDRESS, when there is one. */
  metrics?: Metrics;
  /** The time messages are accepted at (default: now). */
  clock?: () => Date;
}

export function createApp(deps: AppDeps): express.Express {
  const { db, temporal, logger } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');
  app.use(
    pinoHttp({
      logger,
      autoLogging: { ignore: (req) => req.url === '/health' },
      quietReqLogger: true,
      serializers: {
        req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );

  const metrics = deps.metrics ?? createMetrics();
  app.use(metrics.observe);
  app.use(checkUrl);
  // Metrics name routes, volumes and refusal codes: the operator's business, not the public's.
  const auth = authenticate(db, deps.operatorKey, deps.config.console.sessionSecret);
  app.get('/metrics', auth.handler, requireOperator, metrics.serve);

  const registry = createRegistry();
  const publicRoutes = Router();
  const v1 = Router();

  healthRoutes(publicRoutes, registry, db, temporal);
  providerReportRoutes(publicRoutes, registry, { db, temporal, config: deps.config, logger, outbox: deps.outbox });
  accountRoutes(publicRoutes, v1, registry, { db, config: deps.config });
  merchantRoutes(v1, registry, { db, temporal, config: deps.config });
  apiKeyRoutes(v1, registry, { db, forgetKey: auth.forget });
  contractRoutes(v1, registry, { db, temporal });
  senderNumberRoutes(v1, registry, { db, temporal });
  messageRoutes(v1, registry, { db, config: deps.config, metrics, outbox: deps.outbox, clock: deps.clock });
  imageRoutes(v1, registry, db);
  scheduledMessageRoutes(v1, registry, { db, temporal });
  campaignRoutes(v1, registry, { db, temporal, config: deps.config, outbox: deps.outbox });
  optOutNumberRoutes(v1, registry, db);
  templateRoutes(v1, registry, { db, temporal });
  paymentEventRoutes(v1, registry, { db, temporal, config: deps.config });
  billingRoutes(v1, registry, { db, temporal });
  auditRoutes(v1, registry, db);

  const document = buildDocument(registry);
  app.get('/openapi.json', (_req, res) => res.json(document));
  app.use(
    '/docs',
    swaggerUi.serve,
    swaggerUi.setup(undefined, { swaggerOptions: { url: '/openapi.json' }, customSiteTitle: 'bizmsg API' }),
  );
  app.use(consoleRoutes());
  app.use(cookieParser());
  app.use(publicRoutes);
  // Everything under /v1 needs a key, except the carrier reports mounted above (signed instead).
  app.use('/v1', auth.handler);
  if (deps.config.rateLimitPerSecond > 0)
    app.use(
      '/v1',
      rateLimit({ db, perSecond: deps.config.rateLimitPerSecond, burst: 2 * deps.config.rateLimitPerSecond }),
    );
  app.use(v1);
  app.use(unknownRoute);
  app.use(errorHandler(logger));
  return app;
}
