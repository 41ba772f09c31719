/**
 * Scheduled sends, campaigns and recipient-initiated 080 opt-out (issue 15, SPEC §4, §7): the time
 * a message is scheduled for and the campaign it belongs to; campaigns and their recipients; the
 * 080 numbers merchants register on their contracts; where an opt-out came from.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('messages', (t) => {
    // The time the merchant asked for (예약발송); null: at once.
    t.timestamp('scheduled_at', { useTz: true });
    // A FriendTalk asked to be held rather than refused in Kakao's ad quiet hours: a reschedule keeps asking.
    t.boolean('hold_during_quiet_hours').notNullable().defaultTo(false);
    t.text('campaign_id');
    t.index(['campaign_id', 'status']);
  });
  await knex.raw(`ALTER TABLE messages DROP CONSTRAINT messages_status`);
  await knex.raw(
    `ALTER TABLE messages ADD CONSTRAINT messages_status CHECK (status IN ('accepted','scheduled','sending','delivered','failed','cancelled'))`,
  );

  await knex.schema.createTable('campaigns', (t) => {
    t.text('id').primary();
    t.text('merchant_id').notNullable().references('merchants.id');
    t.text('name').notNullable();
    t.text('status').notNullable();
    // The one content every recipient gets (personal data: destroyed with the messages, Art. 10.2).
    t.jsonb('message');
    t.timestamp('scheduled_at', { useTz: true });
    t.integer('rate_per_minute').notNullable();
    t.integer('total').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('started_at', { useTz: true });
    t.timestamp('finished_at', { useTz: true });
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['merchant_id', 'created_at', 'id']);
  });
  await knex.raw(
    `ALTER TABLE campaigns ADD CONSTRAINT campaigns_status CHECK (status IN ('scheduled','running','paused','completed','cancelled'))`,
  );

  await knex.schema.createTable('campaign_recipients', (t) => {
    t.text('campaign_id').notNullable().references('campaigns.id');
    // The row's index in the request (0-based), the order recipients are sent in.
    t.integer('seq').notNullable();
    // Personal data (Art. 10.2): destroyed when the contract ends.
    t.text('recipient');
    t.jsonb('variables');
    t.text('state').notNullable().defaultTo('pending');
    t.text('message_id');
    // Why the acceptance rules refused this row, in the API's error shape.
    t.jsonb('error');
    t.primary(['campaign_id', 'seq']);
  });
  await knex.raw(
    `ALTER TABLE campaign_recipients ADD CONSTRAINT campaign_recipients_state CHECK (state IN ('pending','accepted','rejected','cancelled'))`,
  );

  // 080 opt-out numbers, registered on a contract with a proof document and verified like sender numbers.
  await knex.schema.createTable('opt_out_numbers', (t) => {
    t.text('id').primary();
    t.text('contract_id').notNullable().references('contracts.id');
    t.text('merchant_id').notNullable().references('merchants.id');
    t.text('number').notNullable();
    t.text('status').notNullable();
    t.text('document_id').notNullable().references('proof_documents.id');
    t.text('rejection_reason');
    t.timestamp('added_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('decided_at', { useTz: true });
    t.index(['contract_id']);
    t.index(['number', 'status']);
  });
  await knex.raw(
    `ALTER TABLE opt_out_numbers ADD CONSTRAINT opt_out_numbers_status CHECK (status IN ('pending','verified','rejected'))`,
  );
  await knex.raw(
    `CREATE UNIQUE INDEX opt_out_numbers_live ON opt_out_numbers (contract_id, number) WHERE status <> 'rejected'`,
  );

  await knex.schema.alterTable('opt_outs', (t) => {
    // `merchant` (the API or console) or `carrier_080` (the recipient called the 080 number).
    t.text('source').notNullable().defaultTo('merchant');
    // A carrier-reported opt-out's notice to the merchant (webhook opt_out.created) names it by this id.
    t.text('notice_id').unique();
  });

  await knex.schema.alterTable('webhook_deliveries', (t) => {
    // The webhook opt_out.created of a carrier-reported opt-out (no message, no template).
    t.text('opt_out_notice_id');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('webhook_deliveries', (t) => {
    t.dropColumn('opt_out_notice_id');
  });
  await knex.schema.alterTable('opt_outs', (t) => {
    t.dropColumn('notice_id');
    t.dropColumn('source');
  });
  await knex.schema.dropTable('opt_out_numbers');
  await knex.schema.dropTable('campaign_recipients');
  await knex.schema.dropTable('campaigns');
  await knex.raw(`ALTER TABLE messages DROP CONSTRAINT messages_status`);
  await knex.raw(
    `ALTER TABLE messages ADD CONSTRAINT messages_status CHECK (status IN ('accepted','sending','delivered','failed'))`,
  );
  await knex.schema.alterTable('messages', (t) => {
    t.dropIndex(['campaign_id', 'status']);
    t.dropColumn('campaign_id');
    t.dropColumn('hold_during_quiet_hours');
    t.dropColumn('scheduled_at');
  });
}
