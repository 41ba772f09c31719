/** A fresh, migrated database per test file on the test PostgreSQL server (see global-setup). */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb, migrateLatest, type Db } from '../../platform/db';

export interface TestDatabase {
  db: Db;
  url: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_PG_ADMIN_URL;
  if (!adminUrl)
    throw new Error('TEST_PG_ADMIN_URL is not set: run the tests through jest (global-setup starts PostgreSQL)');
  const name = `bizmsg_t_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
  const db = createDb(url, { max: 10 });
  await migrateLatest(db);
  return {
    db,
    url,
    drop: async () => {
      await db.destroy();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
