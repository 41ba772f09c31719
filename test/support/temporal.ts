/** Temporal test environments on the binaries global-setup found (or installed). */
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Runtime } from '@temporalio/worker';
import { SEARCH_ATTRIBUTES } from '../../workflows/search-attributes';

let runtimeInstalled = false;
function quietRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  Runtime.install({
    shutdownSignals: [],
    telemetryOptions: { logging: { filter: { core: 'ERROR', other: 'ERROR' }, forward: {} } },
    logger: {
      log: () => {},
      trace: () => {},
      debug: () => {},
      info: () => {},
      warn: () => {},
      error: (m, meta) => console.error(m, meta),
    },
  });
}

const executable = (envVar: string) => {
  const path = process.env[envVar];
  return path ? { type: 'existing-path' as const, path } : undefined;
};

/** The time-skipping test server: a year passes in seconds. */
export async function timeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  quietRuntime();
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: executable('TEMPORAL_TEST_SERVER_PATH') },
  });
}

/** A real dev server (Temporal CLI), with our search attributes: Schedules, listing, end-to-end runs. */
export async function devServerEnv(): Promise<TestWorkflowEnvironment> {
  quietRuntime();
  return TestWorkflowEnvironment.createLocal({
    server: { executable: executable('TEMPORAL_CLI_PATH'), searchAttributes: SEARCH_ATTRIBUTES },
  });
}

/** A workflow history as text with every payload decoded, for searching what it holds. */
export function historyText(history: unknown): string {
  const bytes = (v: unknown) =>
    v instanceof Uint8Array
      ? Buffer.from(v).toString('utf8')
      : typeof v === 'string'
        ? Buffer.from(v, 'base64').toString('utf8')
        : v;
  return JSON.stringify(history, function (this: unknown, key: string, value: unknown) {
    const raw = (this as Record<string, unknown>)[key];
    // A payload: {metadata: {encoding: bytes}, data: bytes}; the bytes come as Buffers or base64 strings.
    if (raw && typeof raw === 'object' && 'metadata' in raw && 'data' in raw) {
      const p = raw as { metadata: Record<string, unknown>; data: unknown };
      return {
        metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, bytes(v)])),
        data: bytes(p.data),
      };
    }
    return raw instanceof Uint8Array ? bytes(raw) : value;
  });
}
