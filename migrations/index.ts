/**
 * Migrations in order. Listed explicitly (not discovered from the folder) so they load the same
 * under tsx, jest and the compiled dist/ tree.
 */
import type { Knex } from 'knex';
import * as m001 from './001_foundation';
import * as m002 from './002_contracts';
import * as m003 from './003_messaging';
import * as m004 from './004_payment_notices';
import * as m005 from './005_billing';
import * as m010 from './010_delivery';
import * as m011 from './011_billing_claims';
import * as m012 from './012_security';
import * as m013 from './013_intake';
import * as m014 from './014_accounts';
import * as m015 from './015_campaigns';
import * as m016 from './016_carriers';
import * as m017 from './017_campaign_idempotency';

const MIGRATIONS: Record<string, Knex.Migration> = {
  '001_foundation': m001,
  '002_contracts': m002,
  '003_messaging': m003,
  '004_payment_notices': m004,
  '005_billing': m005,
  '010_delivery': m010,
  '011_billing_claims': m011,
  '012_security': m012,
  '013_intake': m013,
  '014_accounts': m014,
  '015_campaigns': m015,
  '016_carriers': m016,
  '017_campaign_idempotency': m017,
};

export const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(MIGRATIONS),
  getMigrationName: (name) => name,
  getMigration: async (name) => MIGRATIONS[name],
};
