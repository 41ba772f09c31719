/**
 * People's accounts for the consoles (SPEC §6): merchant staff (owner, developer, viewer) and operators
 * sign in with email + password; API keys stay for programs. Only hashes of passwords, session tokens
 * and invitation tokens are stored.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('users', (t) => {
    t.text('id').primary();
    // Lower-cased on the way in: one account per address, whatever its spelling.
    t.text('email').notNullable().unique();
    t.text('name').notNullable();
    t.text('password_hash').notNullable(); // argon2id, PHC string
    t.text('role').notNullable(); // operator | owner | developer | viewer
    t.text('merchant_id').references('merchants.id').onDelete('CASCADE');
    t.integer('failed_attempts').notNullable().defaultTo(0);
    t.timestamp('locked_until', { useTz: true });
    t.timestamp('last_sign_in_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['merchant_id']);
  });
  await knex.raw(`ALTER TABLE users ADD CONSTRAINT users_role CHECK (
    (role = 'operator' AND merchant_id IS NULL) OR (role IN ('owner', 'developer', 'viewer') AND merchant_id IS NOT NULL))`);

  await knex.schema.createTable('sessions', (t) => {
    t.string('token_hash', 64).primary();
    t.text('user_id').notNullable().references('users.id').onDelete('CASCADE');
    // Synchronizer token: sent back in the X-CSRF-Token header on every unsafe cookie-authenticated request.
    t.text('csrf_token').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.index(['user_id']);
  });

  await knex.schema.createTable('invitations', (t) => {
    t.text('id').primary();
    t.string('token_hash', 64).notNullable().unique();
    t.text('email').notNullable();
    t.text('role').notNullable();
    t.text('merchant_id').references('merchants.id').onDelete('CASCADE');
    t.text('invited_by').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('accepted_at', { useTz: true });
    t.text('user_id').references('users.id').onDelete('SET NULL');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('invitations');
  await knex.schema.dropTable('sessions');
  await knex.schema.dropTable('users');
}
