/** How the platform's processes (api, worker, simulator) start and stop. */
import type { Logger } from './logger';

/** On the first SIGTERM or SIGINT: logs `<name> shutting down`, runs `stop`, and exits 0. */
export function stopOnSignal(logger: Logger, name: string, stop: () => Promise<void>): void {
  const shutdown = async (signal: string) => {
    logger.info({ signal }, `${name} shutting down`);
    await stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

/** Runs a process's main function; if it fails (a bad setting, an unreachable server), prints why and exits 1. */
export function runProcess(main: () => Promise<void>): void {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
