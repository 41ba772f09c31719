/**
 * Once per `npm test`: a real PostgreSQL (TEST_DATABASE_URL's server, else an embedded one under
 * .data/test-postgres) and the Temporal binaries, found or installed the same way `npm start` does.
 * Each test file then creates its own database (test/support/db.ts).
 */
import path from 'node:path';
import { DATA_DIR } from '../../platform/paths';
import { startEmbeddedPostgres } from '../../platform/postgres';
import { resolveTemporalExecutable } from '../../platform/temporal-binaries';

declare global {
  var __bizmsgTestPostgres: { stop(): Promise<void> } | undefined;
}

export default async function globalSetup(): Promise<void> {
  for (const kind of ['dev-server', 'time-skipping'] as const) {
    const resolved = resolveTemporalExecutable(kind, { log: (l) => console.log(`[setup] ${l}`) });
    if (resolved.executable.type === 'existing-path') {
      process.env[kind === 'dev-server' ? 'TEMPORAL_CLI_PATH' : 'TEMPORAL_TEST_SERVER_PATH'] = resolved.executable.path;
    }
  }

  if (process.env.TEST_DATABASE_URL) {
    process.env.TEST_PG_ADMIN_URL = process.env.TEST_DATABASE_URL;
    return;
  }
  const pg = await startEmbeddedPostgres({
    dataDir: path.join(DATA_DIR, 'test-postgres'),
    port: Number(process.env.TEST_POSTGRES_PORT ?? 5439),
    database: 'bizmsg_test',
    reuseRunning: true,
    log: (l) => console.log(`[setup] ${l}`),
  });
  process.env.TEST_PG_ADMIN_URL = pg.adminUrl;
  globalThis.__bizmsgTestPostgres = pg;
}
