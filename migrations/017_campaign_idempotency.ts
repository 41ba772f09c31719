/**
 * Idempotency-Key on POST /v1/campaigns (SPEC §7: every write that sends, and so bills, takes one):
 * a campaign keeps its key and the hash of its request, one campaign per merchant and key.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('campaigns', (t) => {
    t.text('idempotency_key');
    t.text('request_hash');
  });
  await knex.raw(
    `CREATE UNIQUE INDEX campaigns_idempotency ON campaigns (merchant_id, idempotency_key) WHERE idempotency_key IS NOT NULL`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`DROP INDEX campaigns_idempotency`);
  await knex.schema.alterTable('campaigns', (t) => {
    t.dropColumn('idempotency_key');
    t.dropColumn('request_hash');
  });
}
