/**
 * Intake at platform scale (issue 13): the outbox of workflow starts written with the rows they
 * belong to, the per-key rate-limit buckets shared by every API process, and the answers of batch
 * requests kept under their Idempotency-Key.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  // One row per workflow still to be started; deleted once Temporal has it (platform/outbox.ts).
  await knex.schema.createTable('workflow_starts', (t) => {
    t.text('workflow_id').primary();
    t.text('workflow_type').notNullable();
    t.text('task_queue').notNullable();
    // Ids and plans only, never personal data: this becomes the workflow's input (Art. 10.2).
    t.jsonb('args').notNullable();
    t.jsonb('search_attributes').notNullable().defaultTo('{}');
    // Due from then on; a dispatcher that claims a row moves it ahead by its lease.
    t.timestamp('available_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('attempts').notNullable().defaultTo(0);
    t.text('last_error');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['available_at']);
  });

  // SPEC §7 429: one token bucket per API key, for all API processes together.
  await knex.schema.createTable('rate_limit_buckets', (t) => {
    t.text('key').primary();
    t.double('tokens').notNullable();
    t.timestamp('refilled_at', { useTz: true }).notNullable();
    // Whether the last request took a token (the answer of the statement that took it).
    t.boolean('allowed').notNullable();
  });

  // SPEC §7: a batch's Idempotency-Key returns the first answer again and creates nothing.
  await knex.schema.createTable('batch_requests', (t) => {
    t.text('merchant_id').notNullable().references('merchants.id');
    t.text('idempotency_key').notNullable();
    t.string('request_hash', 64).notNullable();
    t.jsonb('response').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['merchant_id', 'idempotency_key']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('batch_requests');
  await knex.schema.dropTable('rate_limit_buckets');
  await knex.schema.dropTable('workflow_starts');
}
