/**
 * The carrier simulator process (SPEC §8): `tsx simulator/main.ts`. Listens on SIMULATOR_PORT and
 * reports results to PUBLIC_URL, signed with PROVIDER_REPORT_SECRET.
 */
import { loadConfig } from '../platform/config';
import { createLogger } from '../platform/logger';
import { runProcess, stopOnSignal } from '../platform/process';
import { startSimulator } from './server';

/** Test number 9005's Kakao success must land after the platform's Kakao result timeout has fired. */
const LATE_REPORT_MARGIN_MS = 2_000;

async function main() {
  const config = loadConfig();
  const logger = createLogger('simulator', config.logLevel);
  const simulator = await startSimulator({
    port: config.simulator.port,
    host: config.simulator.host,
    reportBaseUrl: config.publicUrl,
    reportSecret: config.providers.reportSecret,
    lateKakaoReportDelayMs: config.kakaoResultTimeoutMs + LATE_REPORT_MARGIN_MS,
    logger,
  });
  logger.info({ url: simulator.url, reportBaseUrl: config.publicUrl }, 'simulator listening');

  stopOnSignal(logger, 'simulator', () => simulator.close());
}

runProcess(main);
