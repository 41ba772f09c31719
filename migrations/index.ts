/**
 * Migrations in order. Listed explicitly (not discovered from the folder) so they load the same
 * under tsx, jest and the compiled dist/ tree.
 */
import type { Knex } from 'knex';
import * as m001 from './001_foundation';

const MIGRATIONS: Record<string, Knex.Migration> = {
  '001_foundation': m001,
};

export const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(MIGRATIONS),
  getMigrationName: (name) => name,
  getMigration: async (name) => MIGRATIONS[name],
};
