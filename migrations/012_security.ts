/**
 * Security and privacy (issue 12): uploaded FriendTalk images instead of merchant-given URLs the
 * platform would fetch (SPEC §2); merchant self-service — noticed business-information changes
 * (Art. 4.1.3), named API keys with their last use, webhook secret rotation with a grace period;
 * what the purge (Art. 10.2) and the retention sweep (Art. 5.6) destroy may be null.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('images', (t) => {
    t.text('id').primary();
    t.text('merchant_id').notNullable().references('merchants.id');
    // Destroyed with the merchant's data when its contract ends (Art. 10.2); the metadata stays.
    t.text('file_name');
    t.binary('content');
    t.text('format').notNullable();
    t.integer('width').notNullable();
    t.integer('height').notNullable();
    t.integer('size_bytes').notNullable();
    t.string('sha256', 64).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('purged_at', { useTz: true });
    t.index(['merchant_id']);
  });
  await knex.schema.alterTable('messages', (t) => {
    t.text('image_id').references('images.id');
    t.dropColumn('image_url');
  });
  await knex.schema.alterTable('merchants', (t) => {
    // {id, fields, noticedAt, effectiveAt}: applied by its MerchantChangeWorkflow.
    t.jsonb('pending_change');
    // The secret before the last rotation: it signs webhooks too, until the grace period ends.
    t.text('previous_webhook_secret');
    t.timestamp('previous_webhook_secret_until', { useTz: true });
  });
  await knex.schema.alterTable('api_keys', (t) => {
    t.text('name').notNullable().defaultTo('default');
    t.timestamp('last_used_at', { useTz: true });
  });
  // Proof documents and the sender numbers they prove are destroyed once their retention ends.
  await knex.schema.alterTable('proof_documents', (t) => {
    t.text('file_name').nullable().alter();
    t.binary('content').nullable().alter();
    t.timestamp('destroyed_at', { useTz: true });
  });
  await knex.schema.alterTable('sender_numbers', (t) => {
    t.text('number').nullable().alter();
  });
  // The retention sweep finds final messages whose contents still exist.
  await knex.raw(
    'CREATE INDEX messages_retention ON messages (finalized_at) WHERE personal_data_purged_at IS NULL AND finalized_at IS NOT NULL',
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX IF EXISTS messages_retention');
  await knex.schema.alterTable('proof_documents', (t) => t.dropColumn('destroyed_at'));
  await knex.schema.alterTable('api_keys', (t) => {
    t.dropColumn('name');
    t.dropColumn('last_used_at');
  });
  await knex.schema.alterTable('merchants', (t) => {
    t.dropColumn('pending_change');
    t.dropColumn('previous_webhook_secret');
    t.dropColumn('previous_webhook_secret_until');
  });
  await knex.schema.alterTable('messages', (t) => {
    t.dropColumn('image_id');
    t.text('image_url');
  });
  await knex.schema.dropTable('images');
}
