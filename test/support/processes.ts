/** The product's entry points as their own OS processes, as `npm start` runs them, for crash and outage tests. */
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import path from 'node:path';
import type { TestPlatform } from './platform';

const ROOT = path.resolve(__dirname, '../..');

/**
 * `node --import tsx <entry>` (api/main.ts, workers/main.ts) on the platform's database and
 * timing, with `settings` (its Temporal address, ports, providers) on top.
 */
export function spawnEntryPoint(
  platform: TestPlatform,
  entry: string,
  settings: NodeJS.ProcessEnv,
  stdio: StdioOptions,
): ChildProcess {
  const connection = platform.db.client.config.connection as { connectionString: string };
  return spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: connection.connectionString,
      KAKAO_RESULT_TIMEOUT: `${platform.timing.kakaoResultTimeoutMs}ms`,
      RESULT_WINDOW: `${platform.timing.resultWindowMs}ms`,
      LOG_LEVEL: 'warn',
      ...settings,
    },
    stdio,
  });
}
