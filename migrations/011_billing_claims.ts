/**
 * Billing that never loses a won (SPEC §5, issue 11):
 * - a usage record belongs to the month (KST) its message was delivered, and is claimed by exactly
 *   one invoice, ever: the claiming invoice is on the row, and a trigger refuses any second claim;
 * - refunds: paid − refunded + credited + outstanding = total;
 * - Idempotency-Key on payments, disputes and resolutions (the key and the request's hash on the row);
 * - years of holidays loaded by operators, which the calendar then covers.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('usage_records', (t) => {
    t.text('invoice_id');
    t.timestamp('claimed_at', { useTz: true });
  });
  // What round 1 already invoiced was claimed then, by the invoice of the month the message was accepted.
  await knex.raw(`
    UPDATE usage_records u SET invoice_id = i.id, claimed_at = i.issued_at
    FROM invoices i WHERE i.contract_id = u.contract_id AND i.period = u.period`);
  // The billing month is the month of delivery from now on.
  await knex.raw(`UPDATE usage_records SET period = to_char(delivered_at AT TIME ZONE 'Asia/Seoul', 'YYYY-MM')`);
  await knex.raw(`
    CREATE FUNCTION usage_records_claim_once() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' AND OLD.invoice_id IS NOT NULL THEN
        RAISE EXCEPTION 'usage record of message % is on invoice % and cannot be deleted', OLD.message_id, OLD.invoice_id
          USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'usage_records_claim_once';
      END IF;
      IF TG_OP = 'DELETE' THEN
        RETURN OLD;
      END IF;
      IF OLD.invoice_id IS NOT NULL AND NEW.invoice_id IS DISTINCT FROM OLD.invoice_id THEN
        RAISE EXCEPTION 'usage record of message % is already claimed by invoice %', OLD.message_id, OLD.invoice_id
          USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'usage_records_claim_once';
      END IF;
      RETURN NEW;
    END $$`);
  await knex.raw(`
    CREATE TRIGGER usage_records_claim_once BEFORE UPDATE OF invoice_id OR DELETE ON usage_records
    FOR EACH ROW EXECUTE FUNCTION usage_records_claim_once()`);
  await knex.raw(`
    ALTER TABLE usage_records ADD CONSTRAINT usage_records_claimed_at
    CHECK ((invoice_id IS NULL) = (claimed_at IS NULL))`);
  // The next invoice's claim: a contract's unclaimed usage.
  await knex.raw(
    `CREATE INDEX usage_records_unclaimed ON usage_records (contract_id, delivered_at) WHERE invoice_id IS NULL`,
  );
  await knex.schema.alterTable('usage_records', (t) => t.index(['invoice_id']));

  await knex.schema.alterTable('invoices', (t) => {
    t.bigInteger('refunded_amount').notNullable().defaultTo(0);
  });
  await knex.raw(`ALTER TABLE invoices DROP CONSTRAINT invoices_balance`);
  await knex.raw(
    `ALTER TABLE invoices ADD CONSTRAINT invoices_balance CHECK (paid_amount - refunded_amount + credited_amount + outstanding_amount = total AND outstanding_amount >= 0 AND refunded_amount >= 0 AND refunded_amount <= paid_amount AND total = supply_amount + vat)`,
  );
  await knex.schema.createTable('invoice_refunds', (t) => {
    t.text('id').primary();
    t.text('invoice_id').notNullable().references('invoices.id');
    t.text('dispute_id').notNullable().references('invoice_disputes.id');
    t.bigInteger('amount').notNullable();
    t.timestamp('refunded_at', { useTz: true }).notNullable();
    t.index(['invoice_id']);
  });
  await knex.raw(`ALTER TABLE invoice_refunds ADD CONSTRAINT invoice_refunds_amount CHECK (amount > 0)`);

  await knex.schema.alterTable('invoice_payments', (t) => {
    t.text('idempotency_key');
    t.text('request_hash');
    t.unique(['invoice_id', 'idempotency_key']);
  });
  await knex.schema.alterTable('invoice_disputes', (t) => {
    t.text('idempotency_key');
    t.text('request_hash');
    t.text('resolve_idempotency_key');
    t.text('resolve_request_hash');
    t.unique(['invoice_id', 'idempotency_key']);
  });

  await knex.schema.createTable('holiday_years', (t) => {
    t.integer('year').primary();
    t.text('loaded_by').notNullable();
    t.timestamp('loaded_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('holiday_years');
  await knex.schema.alterTable('invoice_disputes', (t) => {
    t.dropUnique(['invoice_id', 'idempotency_key']);
    t.dropColumns('idempotency_key', 'request_hash', 'resolve_idempotency_key', 'resolve_request_hash');
  });
  await knex.schema.alterTable('invoice_payments', (t) => {
    t.dropUnique(['invoice_id', 'idempotency_key']);
    t.dropColumns('idempotency_key', 'request_hash');
  });
  await knex.schema.dropTable('invoice_refunds');
  await knex.raw(`ALTER TABLE invoices DROP CONSTRAINT invoices_balance`);
  await knex.raw(
    `ALTER TABLE invoices ADD CONSTRAINT invoices_balance CHECK (paid_amount + credited_amount + outstanding_amount = total AND outstanding_amount >= 0 AND total = supply_amount + vat)`,
  );
  await knex.schema.alterTable('invoices', (t) => t.dropColumn('refunded_amount'));
  await knex.raw(`DROP TRIGGER usage_records_claim_once ON usage_records`);
  await knex.raw(`DROP FUNCTION usage_records_claim_once()`);
  await knex.raw(`ALTER TABLE usage_records DROP CONSTRAINT usage_records_claimed_at`);
  await knex.raw(`DROP INDEX usage_records_unclaimed`);
  await knex.schema.alterTable('usage_records', (t) => {
    t.dropIndex(['invoice_id']);
    t.dropColumns('invoice_id', 'claimed_at');
  });
}
