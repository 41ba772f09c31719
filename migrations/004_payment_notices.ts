/** Payment events from the payment gateway; their notices are messages (messages.payment_notice_id). */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('payment_events', (t) => {
    t.text('id').primary();
    t.text('contract_id').notNullable().references('contracts.id');
    t.text('merchant_id').notNullable().references('merchants.id');
    t.text('mid').notNullable();
    t.text('tid').notNullable();
    t.text('event').notNullable();
    t.text('method').notNullable();
    t.bigInteger('amount').notNullable();
    t.text('product_name').notNullable();
    // Personal data (Art. 10.2): destroyed when the contract ends.
    t.text('buyer_name');
    t.text('buyer_phone');
    t.jsonb('vbank');
    // Why no notice went out for a recipient group (e.g. a service the contract did not apply for).
    t.jsonb('skipped').notNullable().defaultTo('[]');
    t.text('status').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    // Art. 2.2: one set of notices per payment event, however often the gateway repeats it.
    t.unique(['mid', 'tid', 'event']);
  });
  await knex.raw(
    `ALTER TABLE payment_events ADD CONSTRAINT payment_events_method CHECK (method IN ('card','vbank','transfer','mobile'))`,
  );
  await knex.raw(`ALTER TABLE payment_events ADD CONSTRAINT payment_events_amount CHECK (amount >= 0)`);
  await knex.schema.alterTable('messages', (t) => {
    // merchant | buyer: who a payment notice was for.
    t.text('notice_audience');
  });
  await knex.raw(
    `CREATE INDEX messages_payment_notice ON messages (payment_notice_id) WHERE payment_notice_id IS NOT NULL`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX IF EXISTS messages_payment_notice');
  await knex.schema.alterTable('messages', (t) => t.dropColumn('notice_audience'));
  await knex.schema.dropTable('payment_events');
}
