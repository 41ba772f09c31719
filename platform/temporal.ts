/** Temporal: the local dev server for `npm start`/tests, client connections and search attributes. */
import { Client, Connection } from '@temporalio/client';
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

export async function connectClient(address: string, namespace: string): Promise<Client> {
  const connection = await Connection.connect({ address });
  return new Client({ connection, namespace });
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
