/** `npm run migrate`: applies the migrations of migrations/ to DATABASE_URL (containers run this before the API). */
import { createDb, migrateLatest } from './db';

async function main() {
  // Only the database is needed here, not the secrets the services are checked for.
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is not set (npm start migrates its embedded database itself)');
  const db = createDb(databaseUrl, { max: 1 });
  try {
    const applied = await migrateLatest(db);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
  } finally {
    await db.destroy();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
