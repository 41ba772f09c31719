/** The PostgreSQL connection (knex + pg) and the schema migrations of migrations/. */
import knex, { type Knex } from 'knex';
import pg from 'pg';
import { migrationSource } from '../migrations';

// BIGINT (won amounts, counts) as JS numbers: every amount we store is far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
// NUMERIC (unit prices with up to 2 decimals) stays a string: parsed exactly by domain/money.

export type Db = Knex;

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
