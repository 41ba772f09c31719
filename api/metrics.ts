/** Prometheus metrics of the API (`GET /metrics`): process metrics, request durations, message acceptance. */
import express, { type RequestHandler } from 'express';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'bizmsg_api_' });
  const requests = new Histogram({
    name: 'bizmsg_api_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const messages = new Counter({
    name: 'bizmsg_messages_total',
    help: 'Message requests by outcome at acceptance (accepted, or the refusal code)',
    labelNames: ['type', 'outcome'],
    registers: [registry],
  });
  const observe: RequestHandler = (req, res, next) => {
    const end = requests.startTimer();
    res.on('finish', () => {
      // The route pattern, never the concrete path (ids would explode the label set).
      const route =
        (req.route?.path as string | undefined) ?? (res.statusCode === 404 ? 'unknown' : req.baseUrl || 'other');
      end({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  };
  const serve: RequestHandler = async (_req, res) => {
    res.setHeader('Content-Type', registry.contentType);
    res.end(await registry.metrics());
  };
  return { registry, observe, serve, messages };
}

export type Metrics = ReturnType<typeof createMetrics>;

/** `GET /metrics` alone, without a key, for METRICS_ADDRESS (a private interface the operator chose). */
export function metricsOnlyApp(metrics: Metrics): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/metrics', metrics.serve);
  app.use((_req, res) => {
    res.status(404).json({ error: { code: 'route_not_found', message: 'only GET /metrics is served here' } });
  });
  return app;
}
