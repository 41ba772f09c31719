/**
 * Security and privacy (issue 12): uploaded FriendTalk images instead of merchant-given URLs the
 * platform would fetch (SPEC §2).
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
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('messages', (t) => {
    t.dropColumn('image_id');
    t.text('image_url');
  });
  await knex.schema.dropTable('images');
}
