/**
 * The whole platform for end-to-end tests, in this process: a real Temporal dev server, a fresh
 * PostgreSQL database, the real workers, the carrier simulator over HTTP and the API on a random
 * port. Tests talk to it only over HTTP, like a merchant's developer would.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createApp } from '../../api/app';
import { createApiServer } from '../../api/server';
import { createLogger } from '../../platform/logger';
import { startOutboxDispatcher, type OutboxDispatcher } from '../../platform/outbox';
import { connectClient } from '../../platform/temporal';
import { startSimulator, type RunningSimulator } from '../../simulator/server';
import { bundleWorkflows } from '../../workers/worker';
import { createTestDatabase, type TestDatabase } from './db';
import { startTcpProxy, type TcpProxy } from './tcp-proxy';
import { devServerEnv } from './temporal';
import { startWorkers, testConfig } from './worker';

export const OPERATOR_KEY = 'bmo_test_operator_key_0123456789';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface ApiClient {
  url: string;
  call<T = any>(
    method: string,
    path: string,
    opts?: { key?: string | null; body?: unknown; raw?: string; headers?: Record<string, string> },
  ): Promise<ApiResponse<T>>;
}

export function apiClient(url: string, defaultKey: string | null = OPERATOR_KEY): ApiClient {
  return {
    url,
    async call(method, path, opts = {}) {
      const key = opts.key === undefined ? defaultKey : opts.key;
      const headers: Record<string, string> = { ...(key ? { authorization: `Bearer ${key}` } : {}), ...opts.headers };
      let body: string | undefined = opts.raw;
      if (opts.body !== undefined) {
        body = JSON.stringify(opts.body);
        headers['content-type'] = 'application/json';
      }
      if (opts.raw !== undefined) headers['content-type'] ??= 'application/json';
      const res = await fetch(url + path, { method, headers, body });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON (documents): keep the text
      }
      return { status: res.status, body: parsed as never, headers: res.headers };
    },
  };
}

export interface TestPlatform {
  api: ApiClient;
  db: TestDatabase['db'];
  env: TestWorkflowEnvironment;
  simulator: RunningSimulator;
  /** Timers the platform runs with (short, so tests are quick). */
  timing: { kakaoResultTimeoutMs: number; resultWindowMs: number };
  /** The API's outbox dispatcher (workflow starts not yet made). */
  outbox: OutboxDispatcher;
  /** Stops and starts the workers (for crash tests that replace them). */
  stopWorkers(): Promise<void>;
  startWorkers(): Promise<void>;
  close(): Promise<void>;
}

export async function startTestPlatform(
  opts: {
    kakaoResultTimeout?: string;
    resultWindow?: string;
    /** SEND_DEADLINE_KAKAO / SEND_DEADLINE_SMS: how long an unavailable provider is retried (9007, 9008). */
    sendDeadlineKakao?: string;
    sendDeadlineSms?: string;
    bundle?: WorkflowBundleWithSourceMap;
    /** The API's own Temporal client (e.g. through a proxy that can cut it off); the workers keep theirs. */
    apiTemporal?: (address: string) => Promise<Client>;
    /** More settings for the API and the workers (e.g. KAKAO_PROVIDER=nhn pointed at the NHN double). */
    settings?: NodeJS.ProcessEnv;
    /** The API's clock for accepting messages (e.g. daytime in KST, for FriendTalk ads). */
    clock?: () => Date;
  } = {},
): Promise<TestPlatform> {
  const [env, database, bundle] = await Promise.all([
    devServerEnv(),
    createTestDatabase(),
    opts.bundle ?? bundleWorkflows(),
  ]);
  const settings = {
    KAKAO_RESULT_TIMEOUT: opts.kakaoResultTimeout ?? '1s',
    RESULT_WINDOW: opts.resultWindow ?? '6s',
    SEND_DEADLINE_KAKAO: opts.sendDeadlineKakao ?? '2s',
    SEND_DEADLINE_SMS: opts.sendDeadlineSms ?? '3s',
    OPERATOR_API_KEY: OPERATOR_KEY,
    ...opts.settings,
  };
  const apiConfig = testConfig({ ...settings, OUTBOX_SWEEP_INTERVAL: '500ms' });
  const logger = createLogger('test-api', 'silent');
  const temporal = (await opts.apiTemporal?.(env.address)) ?? env.client;
  const outbox = startOutboxDispatcher({ db: database.db, temporal, logger, ...apiConfig.outbox });
  const app = createApp({
    db: database.db,
    temporal,
    config: apiConfig,
    logger,
    operatorKey: OPERATOR_KEY,
    outbox,
    clock: opts.clock,
  });
  const server: Server = await new Promise((resolve) => {
    const s = createApiServer(app).listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const simulator = await startSimulator({
    port: 0,
    reportBaseUrl: url,
    reportSecret: apiConfig.providers.reportSecret,
    lateKakaoReportDelayMs: apiConfig.kakaoResultTimeoutMs + 1_000,
    normalReportDelayMs: [50, 200],
    logger: createLogger('test-simulator', 'silent'),
  });
  const workerConfig = testConfig({
    ...settings,
    KAKAO_PROVIDER_URL: simulator.url,
    SMS_PROVIDER_URL: simulator.url,
    PUBLIC_URL: url,
  });
  let workers: { stop(): Promise<void> } | undefined = await startWorkers(env, bundle, database.db, workerConfig);

  return {
    api: apiClient(url),
    db: database.db,
    env,
    simulator,
    outbox,
    timing: { kakaoResultTimeoutMs: apiConfig.kakaoResultTimeoutMs, resultWindowMs: apiConfig.resultWindowMs },
    async stopWorkers() {
      await workers?.stop();
      workers = undefined;
    },
    async startWorkers() {
      workers ??= await startWorkers(env, bundle, database.db, workerConfig);
    },
    async close() {
      await outbox.stop();
      await workers?.stop();
      await simulator.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await env.teardown();
      await database.drop();
    },
  };
}

/**
 * The platform with the API's own way to Temporal through a TCP proxy the test can cut; the
 * workers connect directly.
 */
export async function startPlatformWithTemporalLink(): Promise<{ platform: TestPlatform; temporalLink: TcpProxy }> {
  let temporalLink!: TcpProxy;
  const platform = await startTestPlatform({
    apiTemporal: async (address) => {
      temporalLink = await startTcpProxy(address);
      return connectClient(temporalLink.address, 'default');
    },
  });
  return { platform, temporalLink };
}

export { eventually } from './wait';
