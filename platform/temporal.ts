/** Temporal: the local dev server for `npm start`/tests, client connections and search attributes. */
import {
  Client,
  Connection,
  defaultGrpcRetryOptions,
  isGrpcServiceError,
  makeGrpcRetryInterceptor,
} from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { SEARCH_ATTRIBUTES } from '../workflows/search-attributes';
import { explainServerStartFailure, resolveTemporalExecutable, type ResolveOptions } from './temporal-binaries';

export interface RunningTemporal {
  address: string;
  namespace: string;
  stop(): Promise<void>;
}

/**
 * Starts a Temporal dev server (Temporal CLI `server start-dev`) with our search attributes.
 * With `dbFilename` its state survives restarts; with `uiPort` it serves the Web UI.
 */
export async function startDevServer(opts: {
  port?: number;
  uiPort?: number;
  dbFilename?: string;
  namespace?: string;
  resolve?: ResolveOptions;
}): Promise<RunningTemporal> {
  const resolved = resolveTemporalExecutable('dev-server', opts.resolve);
  const namespace = opts.namespace ?? 'default';
  let env: TestWorkflowEnvironment;
  try {
    env = await TestWorkflowEnvironment.createLocal({
      server: {
        executable: resolved.executable,
        ip: '127.0.0.1',
        port: opts.port,
        ui: opts.uiPort !== undefined,
        uiPort: opts.uiPort,
        dbFilename: opts.dbFilename,
        namespace,
        searchAttributes: SEARCH_ATTRIBUTES,
        log: { format: 'json', level: 'error' },
        // Write-ahead logging: the persisted dev server otherwise syncs every write and caps the
        // whole platform at a few workflows per second on an ordinary disk.
        extraArgs: opts.dbFilename
          ? ['--sqlite-pragma', 'journal_mode=wal', '--sqlite-pragma', 'synchronous=normal']
          : [],
      },
    });
  } catch (err) {
    throw explainServerStartFailure('dev-server', resolved, err);
  }
  return { address: env.address, namespace, stop: () => env.teardown() };
}

/**
 * A client whose connection is made on first use and re-made after an outage, so a process that
 * starts while Temporal is down still starts (and accepts messages into the outbox).
 */
export function connectClient(address: string, namespace: string): Client {
  // gRPC backs off reconnecting up to 2 minutes by default; after an outage, reconnect within seconds.
  const channelArgs = { 'grpc.initial_reconnect_backoff_ms': 500, 'grpc.max_reconnect_backoff_ms': 5_000 };
  // A request retries an unreachable server for a moment (the SDK's default is 10 attempts, ~30 s), then answers 503.
  const interceptors = [makeGrpcRetryInterceptor(defaultGrpcRetryOptions({ maxAttempts: 3 }))];
  return new Client({ connection: Connection.lazy({ address, channelArgs, interceptors }), namespace });
}

// gRPC status codes: the server is unreachable, did not answer in time, or sheds load.
const GRPC_UNAVAILABLE = 14;
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_RESOURCE_EXHAUSTED = 8;
const UNAVAILABLE = new Set([GRPC_UNAVAILABLE, GRPC_DEADLINE_EXCEEDED, GRPC_RESOURCE_EXHAUSTED]);

/** Whether `err` says the Temporal server could not be reached, rather than refusing the call. */
export function isTemporalUnavailable(err: unknown): boolean {
  for (let e = err as { cause?: unknown } | undefined; e; e = e.cause as typeof e)
    if (isGrpcServiceError(e) && UNAVAILABLE.has(e.code)) return true;
  return false;
}

/** Registers our search attributes on a server we did not start ourselves (TEMPORAL_ADDRESS). */
export async function ensureSearchAttributes(connection: Connection, namespace: string): Promise<void> {
  const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
  const missing = SEARCH_ATTRIBUTES.filter((k) => !(customAttributes && k.name in customAttributes));
  if (missing.length === 0) return;
  await connection.operatorService.addSearchAttributes({
    namespace,
    // All of ours are keywords (ids, enums, periods): exact-match filters in the UI.
    searchAttributes: Object.fromEntries(
      missing.map((k) => [k.name, temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD]),
    ),
  });
}
