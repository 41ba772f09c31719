/**
 * Contracts (projection of each ContractWorkflow), their fees, MIDs, sender numbers with proof
 * documents, and the history of every transition.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('contracts', (t) => {
    t.text('id').primary();
    t.text('merchant_id').notNullable().references('merchants.id');
    t.text('status').notNullable();
    t.jsonb('services').notNullable();
    t.text('kakao_search_id');
    // Merchant staff mobile numbers for merchant-target payment notices (personal data, Art. 10.2).
    t.specificType('receiver_numbers', 'text[]').notNullable().defaultTo('{}');
    t.timestamp('applied_at', { useTz: true }).notNullable();
    t.integer('term_number');
    t.timestamp('term_start', { useTz: true });
    t.timestamp('term_end', { useTz: true });
    t.jsonb('non_renewal');
    t.jsonb('pending_suspension');
    t.jsonb('suspension');
    t.specificType('overdue_invoices', 'text[]').notNullable().defaultTo('{}');
    t.jsonb('pending_termination');
    t.jsonb('review');
    t.jsonb('termination');
    t.timestamp('expired_at', { useTz: true });
    t.timestamp('personal_data_purged_at', { useTz: true });
    // The workflow's state version: a projection write only lands when it is newer.
    t.integer('version').notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['merchant_id']);
    t.index(['status']);
  });
  await knex.raw(
    `ALTER TABLE contracts ADD CONSTRAINT contracts_status CHECK (status IN ('applied','on_hold','rejected','active','suspended','terminated','expired'))`,
  );
  // One open contract per merchant: sending, billing and payment notices always know which one.
  await knex.raw(
    `CREATE UNIQUE INDEX contracts_one_open_per_merchant ON contracts (merchant_id) WHERE status IN ('applied','on_hold','active','suspended')`,
  );

  await knex.schema.createTable('contract_fees', (t) => {
    t.text('contract_id').notNullable().references('contracts.id');
    t.text('usage_type').notNullable();
    // Unit price in won, VAT excluded, up to 2 decimals (form §3): exact NUMERIC, never float.
    t.decimal('unit_price', 12, 2).notNullable();
    t.primary(['contract_id', 'usage_type']);
  });

  await knex.schema.createTable('contract_mids', (t) => {
    t.text('contract_id').notNullable().references('contracts.id');
    t.text('mid').notNullable();
    t.boolean('released').notNullable().defaultTo(false);
    t.primary(['contract_id', 'mid']);
  });
  // A MID belongs to one live contract at a time; it is released when that contract ends.
  await knex.raw(`CREATE UNIQUE INDEX contract_mids_live ON contract_mids (mid) WHERE NOT released`);

  await knex.schema.createTable('contract_events', (t) => {
    t.text('contract_id').notNullable().references('contracts.id');
    t.integer('seq').notNullable();
    t.timestamp('at', { useTz: true }).notNullable();
    t.text('actor_type').notNullable();
    t.text('actor_id');
    t.text('action').notNullable();
    t.text('from_status').notNullable();
    t.text('to_status').notNullable();
    t.jsonb('details').notNullable().defaultTo('{}');
    t.primary(['contract_id', 'seq']);
  });

  await knex.schema.createTable('proof_documents', (t) => {
    t.text('id').primary();
    t.text('merchant_id').notNullable().references('merchants.id');
    t.text('file_name').notNullable();
    t.text('content_type').notNullable();
    t.integer('size_bytes').notNullable();
    t.string('sha256', 64).notNullable();
    t.binary('content').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });

  await knex.schema.createTable('sender_numbers', (t) => {
    t.text('id').primary();
    t.text('contract_id').notNullable().references('contracts.id');
    t.text('merchant_id').notNullable().references('merchants.id');
    t.text('number').notNullable();
    t.text('status').notNullable();
    t.text('document_id').notNullable().references('proof_documents.id');
    t.text('rejection_reason');
    t.timestamp('added_at', { useTz: true }).notNullable();
    t.timestamp('decided_at', { useTz: true });
    t.index(['contract_id']);
  });
  await knex.raw(
    `ALTER TABLE sender_numbers ADD CONSTRAINT sender_numbers_status CHECK (status IN ('pending','verified','rejected'))`,
  );
  await knex.raw(
    `CREATE UNIQUE INDEX sender_numbers_live ON sender_numbers (contract_id, number) WHERE status <> 'rejected'`,
  );
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'sender_numbers',
    'proof_documents',
    'contract_events',
    'contract_mids',
    'contract_fees',
    'contracts',
  ]) {
    await knex.schema.dropTable(table);
  }
}
