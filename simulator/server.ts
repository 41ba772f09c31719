/**
 * The carrier simulator (SPEC §8): one HTTP server that plays a Kakao BizMessage provider and an
 * SMS/LMS carrier. It accepts sends like a provider (202 + providerMessageId, idempotent per
 * Idempotency-Key; routes.ts), decides each result from the recipient's test number (outcomes.ts),
 * and reports it to the platform asynchronously with a signed webhook (reports.ts); GET …/messages/:id
 * is the polling backstop. State is in memory and bounded (send-store.ts).
 *
 *   → reports: POST <reportBaseUrl>/v1/provider-reports/{kakao,sms}, header bizmsg-signature
 */
import type { AddressInfo } from 'node:net';
import { createLogger, type Logger } from '../platform/logger';
import { reportOptOutCall } from './opt-out';
import { createReporter } from './reports';
import { initialSettings, simulatorApp } from './routes';
import { SendStore } from './send-store';

export interface SimulatorOptions {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /** The platform's base URL; reports go to `<reportBaseUrl>/v1/provider-reports/<provider>`. */
  reportBaseUrl: string;
  /** Shared secret the reports are signed with (platform/signature.ts). */
  reportSecret: string;
  /** Delay of the late Kakao success (test number 9005); set past the platform's Kakao result timeout. */
  lateKakaoReportDelayMs: number;
  /** [min, max] delay of an ordinary report; SPEC §8 says results arrive within about a second. */
  normalReportDelayMs?: [number, number];
  logger?: Logger;
}

export interface RunningSimulator {
  url: string;
  port: number;
  /** Stops listening, drops open connections and cancels every pending result and report. */
  close(): Promise<void>;
}

export async function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const logger = options.logger ?? createLogger('simulator');
  const host = options.host ?? '127.0.0.1';
  const settings = initialSettings();
  const settle = createReporter({ ...options, logger, dropReports: () => settings.dropReports });
  // Aborted by close(); `reports` also by /_sim/reset, which cancels every pending result and report.
  const lifetime = new AbortController();
  let reports = new AbortController();

  const app = simulatorApp(
    {
      store: new SendStore(),
      settings,
      lifetime: lifetime.signal,
      settle: (record) => {
        const { signal } = reports;
        settle(record, signal).catch((err: unknown) => {
          if (!signal.aborted) logger.error({ err, providerMessageId: record.providerMessageId }, 'result not settled');
        });
      },
      cancelPending: () => {
        reports.abort();
        reports = new AbortController();
      },
      reportOptOut: (call) => reportOptOutCall({ ...options, logger }, call),
    },
    logger,
  );

  const server = app.listen(options.port, host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}`,
    port,
    close: async () => {
      lifetime.abort();
      reports.abort();
      const closed = new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
      server.closeAllConnections();
      await closed;
    },
  };
}
