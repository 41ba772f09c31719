/** The PostgreSQL connection (knex + pg) and the schema migrations of migrations/. */
import knex, { type Knex } from 'knex';
import pg from 'pg';
import { migrationSource } from '../migrations';

// BIGINT (won amounts, counts) as JS numbers: every amount we store is far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
// NUMERIC (unit prices with up to 2 decimals) stays a string: parsed exactly by domain/money.

export type Db = Knex;
/** A transaction on the database: what a write that must commit with others takes. */
export type Trx = Knex.Transaction;

export function createDb(url: string, pool: { min?: number; max?: number } = {}): Db {
  return knex({
    client: 'pg',
    connection: { connectionString: url, application_name: 'bizmsg' },
    pool: { min: pool.min ?? 0, max: pool.max ?? 10 },
  });
}

export async function migrateLatest(db: Db): Promise<string[]> {
  const [, applied] = (await db.migrate.latest({ migrationSource })) as [number, string[]];
  return applied;
}

/**
 * The connection to PostgreSQL failed while a transaction was committing: it may or may not have
 * taken effect. Only a retry that is safe either way (the same Idempotency-Key) can settle it.
 */
export class CommitOutcomeUnknown extends Error {
  constructor(cause: unknown) {
    super('the connection to the database was lost while committing', { cause });
    this.name = 'CommitOutcomeUnknown';
  }
}

// Node's socket errors, and SQLSTATE class 08 (connection exception), 57P01–57P03 (the server is
// shutting down, crashed or starting) and 53300 (too many connections).
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const UNAVAILABLE_SQLSTATES = /^(08...|57P0[123]|53300)$/;
const UNAVAILABLE_MESSAGES = /Connection terminated|connection error|Timeout acquiring a connection|not queryable/i;

/** Whether `err` says PostgreSQL could not be reached (restart, failover), rather than refusing the query. */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err as { code?: unknown; message?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (typeof e.code === 'string' && (UNREACHABLE_CODES.has(e.code) || UNAVAILABLE_SQLSTATES.test(e.code)))
      return true;
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message)) return true;
    if (e instanceof AggregateError) return e.errors.some(isDatabaseUnavailable);
  }
  return false;
}

/**
 * A transaction like `db.transaction(fn)`, except that losing the connection after `fn` is done —
 * while committing — is a CommitOutcomeUnknown: the caller cannot know whether it committed.
 */
export async function transaction<T>(db: Db, fn: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
  let committing = false;
  try {
    return await db.transaction(async (trx) => {
      const result = await fn(trx);
      committing = true;
      return result;
    });
  } catch (err) {
    if (committing && isDatabaseUnavailable(err)) throw new CommitOutcomeUnknown(err);
    throw err;
  }
}

/**
 * A write of one statement outside a transaction (the statement is its own): losing the connection
 * during it is a CommitOutcomeUnknown, since the server may have committed it. `fn` may read after it.
 */
export async function writtenOnce<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (isDatabaseUnavailable(err)) throw new CommitOutcomeUnknown(err);
    throw err;
  }
}
