/**
 * The Temporal SDK runtime of a process: its logs go through pino (JSON, phone numbers masked),
 * and it installs no signal handlers — each process drives its own orderly shutdown.
 */
import type { LogLevel, LogMetadata } from '@temporalio/common';
import { Runtime } from '@temporalio/worker';
import type { Logger } from './logger';

export function installTemporalRuntime(logger: Logger, metricsAddress?: string): void {
  const sdk = logger.child({ component: 'temporal-sdk' });
  const write = (level: LogLevel, message: string, meta?: LogMetadata) => {
    const pinoLevel =
      level === 'WARN'
        ? 'warn'
        : level === 'ERROR'
          ? 'error'
          : level === 'TRACE'
            ? 'trace'
            : level === 'DEBUG'
              ? 'debug'
              : 'info';
    sdk[pinoLevel](meta ?? {}, message);
  };
  Runtime.install({
    shutdownSignals: [],
    // Native (Rust core) logs go through the same logger instead of straight to the console.
    telemetryOptions: {
      logging: { filter: { core: 'WARN', other: 'ERROR' }, forward: {} },
      // Worker, workflow and activity metrics of the SDK (task latencies, slots, failures).
      ...(metricsAddress ? { metrics: { prometheus: { bindAddress: metricsAddress } } } : {}),
    },
    logger: {
      log: write,
      trace: (m, meta) => write('TRACE', m, meta),
      debug: (m, meta) => write('DEBUG', m, meta),
      // The SDK narrates worker state changes at INFO; keep ours readable.
      info: (m, meta) => write('DEBUG', m, meta),
      warn: (m, meta) => write('WARN', m, meta),
      error: (m, meta) => write('ERROR', m, meta),
    },
  });
}
