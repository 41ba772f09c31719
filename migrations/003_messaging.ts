/**
 * Messages (one per MessageWorkflow), their timeline of attempts, usage records (exactly one per
 * delivered message), AlimTalk templates, opt-outs, carrier reports and merchant webhook deliveries.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('messages', (t) => {
    t.text('id').primary();
    t.text('merchant_id').notNullable().references('merchants.id');
    t.text('contract_id').notNullable().references('contracts.id');
    t.text('type').notNullable();
    t.text('status').notNullable();
    t.text('delivered_via');
    t.text('failure_reason');
    // Personal data (Art. 10.2): the recipient and the content are destroyed when the contract ends.
    t.text('recipient');
    t.text('recipient_masked').notNullable();
    t.text('sender_number');
    t.text('text');
    t.text('subject');
    t.text('template_code');
    t.jsonb('variables');
    t.text('image_url');
    t.jsonb('fallback');
    t.text('reference');
    t.text('payment_notice_id');
    t.text('idempotency_key');
    t.string('request_hash', 64);
    t.timestamp('not_before', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('finalized_at', { useTz: true });
    t.timestamp('personal_data_purged_at', { useTz: true });
    t.index(['merchant_id', 'created_at', 'id']);
    t.index(['merchant_id', 'status']);
  });
  await knex.raw(
    `ALTER TABLE messages ADD CONSTRAINT messages_status CHECK (status IN ('accepted','sending','delivered','failed'))`,
  );
  await knex.raw(
    `CREATE UNIQUE INDEX messages_idempotency ON messages (merchant_id, idempotency_key) WHERE idempotency_key IS NOT NULL`,
  );

  await knex.schema.createTable('message_attempts', (t) => {
    t.text('message_id').notNullable().references('messages.id');
    // Assigned by the workflow: an activity retry writes the same row again, never a second one.
    t.integer('seq').notNullable();
    t.text('channel').notNullable();
    t.text('status').notNullable();
    t.text('provider_message_id');
    t.text('result_code');
    t.text('note');
    t.timestamp('at', { useTz: true }).notNullable();
    t.primary(['message_id', 'seq']);
  });

  await knex.schema.createTable('usage_records', (t) => {
    t.bigIncrements('id');
    // Art. 6.3: fees are per successful message — one record per delivered message, enforced here.
    t.text('message_id').notNullable().unique().references('messages.id');
    t.text('merchant_id').notNullable();
    t.text('contract_id').notNullable();
    t.text('usage_type').notNullable();
    t.text('channel').notNullable();
    // The month (KST) the message was accepted in: the invoice it belongs to.
    t.string('period', 7).notNullable();
    t.timestamp('delivered_at', { useTz: true }).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['contract_id', 'period']);
  });

  await knex.schema.createTable('templates', (t) => {
    t.text('merchant_id').notNullable().references('merchants.id');
    t.text('code').notNullable();
    t.text('text').notNullable();
    t.jsonb('buttons').notNullable().defaultTo('[]');
    t.specificType('variables', 'text[]').notNullable();
    t.text('status').notNullable();
    t.text('rejection_reason');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('reviewed_at', { useTz: true });
    t.primary(['merchant_id', 'code']);
  });

  await knex.schema.createTable('opt_outs', (t) => {
    t.text('merchant_id').notNullable().references('merchants.id');
    t.text('number').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['merchant_id', 'number']);
  });

  await knex.schema.createTable('provider_reports', (t) => {
    t.bigIncrements('id');
    t.text('provider').notNullable();
    t.text('provider_message_id').notNullable();
    t.text('idempotency_key').notNullable();
    t.text('status').notNullable();
    t.text('result_code');
    t.timestamp('reported_at', { useTz: true });
    t.timestamp('received_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.text('message_id');
    t.boolean('delivered_to_workflow').notNullable().defaultTo(false);
    t.unique(['provider', 'provider_message_id', 'status']);
  });

  await knex.schema.createTable('webhook_deliveries', (t) => {
    t.bigIncrements('id');
    t.text('merchant_id').notNullable();
    t.text('message_id').notNullable();
    t.text('event').notNullable();
    t.text('url').notNullable();
    t.integer('attempt').notNullable();
    t.integer('status_code');
    t.text('error');
    t.boolean('succeeded').notNullable();
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['message_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'webhook_deliveries',
    'provider_reports',
    'opt_outs',
    'templates',
    'usage_records',
    'message_attempts',
    'messages',
  ]) {
    await knex.schema.dropTable(table);
  }
}
