/**
 * Monthly billing: invoices (projection of each InvoiceWorkflow) with their lines, payments and
 * disputes, and the holidays operators add to the official calendar. Money columns are BIGINT won
 * or NUMERIC — never floating point.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('holidays', (t) => {
    t.date('date').primary();
    t.text('name').notNullable();
    t.text('created_by');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });

  await knex.schema.createTable('invoices', (t) => {
    t.text('id').primary();
    t.text('contract_id').notNullable().references('contracts.id');
    t.text('merchant_id').notNullable().references('merchants.id');
    t.string('period', 7).notNullable();
    t.text('status').notNullable();
    t.bigInteger('supply_amount').notNullable();
    t.bigInteger('vat').notNullable();
    t.bigInteger('total').notNullable();
    t.bigInteger('paid_amount').notNullable().defaultTo(0);
    t.bigInteger('credited_amount').notNullable().defaultTo(0);
    t.bigInteger('outstanding_amount').notNullable();
    t.bigInteger('disputed_amount').notNullable().defaultTo(0);
    t.timestamp('issued_at', { useTz: true }).notNullable();
    t.date('issue_date').notNullable();
    t.date('due_date').notNullable();
    t.date('legal_deadline').notNullable();
    t.date('contract_deadline').notNullable();
    // The tax-invoice parties as they were at issue (SPEC §5, form §4).
    t.jsonb('supplier').notNullable();
    t.jsonb('buyer').notNullable();
    t.integer('version').notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    // One invoice per contract and period, ever.
    t.unique(['contract_id', 'period']);
    t.index(['merchant_id', 'period']);
  });
  await knex.raw(
    `ALTER TABLE invoices ADD CONSTRAINT invoices_status CHECK (status IN ('issued','partially_paid','paid','disputed','overdue','settled'))`,
  );
  // Every won accounted for, enforced by the database too.
  await knex.raw(
    `ALTER TABLE invoices ADD CONSTRAINT invoices_balance CHECK (paid_amount + credited_amount + outstanding_amount = total AND outstanding_amount >= 0 AND total = supply_amount + vat)`,
  );

  await knex.schema.createTable('invoice_lines', (t) => {
    t.text('invoice_id').notNullable().references('invoices.id');
    t.text('usage_type').notNullable();
    t.bigInteger('quantity').notNullable();
    t.decimal('unit_price', 12, 2).notNullable();
    t.decimal('amount', 16, 2).notNullable();
    t.primary(['invoice_id', 'usage_type']);
  });

  await knex.schema.createTable('invoice_payments', (t) => {
    t.text('id').primary();
    t.text('invoice_id').notNullable().references('invoices.id');
    t.bigInteger('amount').notNullable();
    t.timestamp('paid_at', { useTz: true }).notNullable();
    t.index(['invoice_id']);
  });

  await knex.schema.createTable('invoice_disputes', (t) => {
    t.text('id').primary();
    t.text('invoice_id').notNullable().references('invoices.id');
    t.bigInteger('amount').notNullable();
    t.text('reason').notNullable();
    t.text('status').notNullable();
    t.bigInteger('accepted_amount');
    t.bigInteger('credited_amount');
    t.timestamp('opened_at', { useTz: true }).notNullable();
    t.timestamp('resolved_at', { useTz: true });
    t.index(['invoice_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['invoice_disputes', 'invoice_payments', 'invoice_lines', 'invoices', 'holidays'])
    await knex.schema.dropTable(table);
}
