/**
 * SMS/LMS failover between carriers (SMS_PROVIDERS): for each send (idempotency key) and carrier,
 * whether the carrier is failing, handed the attempt on, or took it — so a retried activity picks
 * up where the last one stopped and never sends through the same carrier twice. No personal data.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('carrier_attempts', (t) => {
    t.text('idempotency_key').notNullable();
    t.text('message_id').notNullable();
    t.text('carrier').notNullable();
    t.text('status').notNullable();
    t.text('provider_message_id');
    /** The carrier's last failure, as the adapter put it (no recipient, no content). */
    t.text('failure');
    t.timestamp('failing_since', { useTz: true });
    t.text('handed_over_to');
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.primary(['idempotency_key', 'carrier']);
    t.index(['message_id']);
    t.index(['provider_message_id']);
  });
  await knex.raw(
    `ALTER TABLE carrier_attempts ADD CONSTRAINT carrier_attempts_status CHECK (status IN ('failing','handed_over','accepted'))`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('carrier_attempts');
}
