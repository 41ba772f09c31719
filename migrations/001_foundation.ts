/** Merchants, their API keys (only a hash is stored) and the audit log (Art. 11). */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('merchants', (t) => {
    t.text('id').primary();
    t.string('brn', 10).notNullable().unique();
    t.text('name').notNullable();
    t.text('representative').notNullable();
    t.text('address').notNullable();
    t.text('kakao_search_id');
    t.text('webhook_url');
    // Shared with the merchant once, at creation, to verify our webhook signatures.
    t.text('webhook_secret').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });

  await knex.schema.createTable('api_keys', (t) => {
    t.text('id').primary();
    t.text('merchant_id').notNullable().references('merchants.id').onDelete('CASCADE');
    // SHA-256 of the whole key: keys are 256-bit random, so a fast hash is enough and lookups stay O(1).
    t.string('key_hash', 64).notNullable().unique();
    // The first characters, for people to recognise a key in lists and logs.
    t.text('key_prefix').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('revoked_at', { useTz: true });
    t.index(['merchant_id']);
  });

  await knex.schema.createTable('audit_log', (t) => {
    t.bigIncrements('id');
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.text('actor_type').notNullable(); // operator | merchant | system
    t.text('actor_id');
    t.text('action').notNullable();
    t.text('subject_type').notNullable();
    t.text('subject_id');
    t.text('merchant_id');
    t.jsonb('details').notNullable().defaultTo('{}');
    t.index(['merchant_id', 'at']);
    t.index(['subject_type', 'subject_id']);
  });
  await knex.raw(
    `ALTER TABLE audit_log ADD CONSTRAINT audit_log_actor_type CHECK (actor_type IN ('operator', 'merchant', 'system'))`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('audit_log');
  await knex.schema.dropTable('api_keys');
  await knex.schema.dropTable('merchants');
}
