/** Usage, invoices, payments, disputes and operator-added holidays in PostgreSQL. */
import type { Knex } from 'knex';
import type { ExtraHoliday } from '../domain/business-days';
import type { Supplier } from '../domain/company';
import type { InvoiceDraft, InvoiceParty, InvoiceSnapshot } from '../domain/invoice';
import type { Dispute, InvoiceStatus, Payment } from '../domain/invoice-ledger';
import {
  computeInvoiceAmounts,
  formatCentiwon,
  formatUnitPrice,
  parseUnitPrice,
  USAGE_TYPES,
  type UsageType,
} from '../domain/money';
import { splitPage, upsertNewer } from './queries';

/** Delivered messages of a contract in a period, priced with the contract's fees (SPEC §5). */
export async function draftInvoice(db: Knex, contractId: string, period: string): Promise<InvoiceDraft | undefined> {
  const contract = await db('contracts as c')
    .join('merchants as m', 'm.id', 'c.merchant_id')
    .where('c.id', contractId)
    .first('c.merchant_id', 'm.name', 'm.brn', 'm.representative', 'm.address');
  if (!contract) return undefined;
  const [counts, fees] = await Promise.all([
    db('usage_records')
      .where({ contract_id: contractId, period })
      .groupBy('usage_type')
      .select('usage_type', db.raw('count(*)::bigint as quantity')),
    db('contract_fees').where({ contract_id: contractId }).select('usage_type', 'unit_price'),
  ]);
  const price = new Map(fees.map((f) => [f.usage_type as UsageType, f.unit_price as string]));
  const quantity = new Map(counts.map((c) => [c.usage_type as UsageType, Number(c.quantity)]));
  const lines = USAGE_TYPES.filter((type) => (quantity.get(type) ?? 0) > 0).map((type) => {
    const unit = parseUnitPrice(price.get(type) ?? '0');
    if (!unit.ok) throw new Error(`contract ${contractId} has an invalid ${type} fee`);
    return { type, quantity: quantity.get(type)!, unitPriceCentiwon: unit.centiwon };
  });
  return {
    contractId,
    merchantId: contract.merchant_id,
    period,
    buyer: {
      name: contract.name,
      businessRegistrationNumber: contract.brn,
      representative: contract.representative,
      address: contract.address,
    },
    ...computeInvoiceAmounts(lines),
  };
}

/** The merchant of a contract; undefined when there is no such contract. */
export async function contractMerchantId(db: Knex, contractId: string): Promise<string | undefined> {
  const row = await db('contracts').where({ id: contractId }).first('merchant_id');
  return row?.merchant_id;
}

/** Contracts with delivered messages in a period: the ones a billing run invoices. */
export async function contractsWithUsage(
  db: Knex,
  period: string,
): Promise<{ contractId: string; merchantId: string }[]> {
  const rows = await db('usage_records')
    .where({ period })
    .distinct('contract_id', 'merchant_id')
    .orderBy('contract_id');
  return rows.map((r) => ({ contractId: r.contract_id, merchantId: r.merchant_id }));
}

export async function extraHolidays(db: Knex): Promise<ExtraHoliday[]> {
  const rows = await db('holidays').orderBy('date').select(db.raw(`to_char(date, 'YYYY-MM-DD') as date`), 'name');
  return rows.map((r) => ({ date: r.date, name: r.name }));
}

/** Adds an operator's holiday; false when one was already added for that date. */
export async function insertHoliday(db: Knex, h: ExtraHoliday & { createdBy: string }): Promise<boolean> {
  const rows = await db('holidays')
    .insert({ date: h.date, name: h.name, created_by: h.createdBy })
    .onConflict('date')
    .ignore()
    .returning('date');
  return rows.length > 0;
}

/** Writes an invoice snapshot; only a newer version lands (handlers may finish out of order). */
export async function saveInvoice(db: Knex, s: InvoiceSnapshot): Promise<void> {
  await db.transaction(async (trx) => {
    const row = {
      id: s.id,
      contract_id: s.draft.contractId,
      merchant_id: s.draft.merchantId,
      period: s.draft.period,
      status: s.summary.status,
      supply_amount: s.draft.supplyAmount,
      vat: s.draft.vat,
      total: s.draft.total,
      paid_amount: s.summary.paidAmount,
      credited_amount: s.summary.creditedAmount,
      outstanding_amount: s.summary.outstandingAmount,
      disputed_amount: s.summary.disputedAmount,
      issued_at: s.issuedAt,
      issue_date: s.issueDate,
      due_date: s.ledger.dueDate,
      legal_deadline: s.deadlines.legal,
      contract_deadline: s.deadlines.contract,
      supplier: JSON.stringify(s.supplier),
      buyer: JSON.stringify(s.draft.buyer),
      version: s.version,
      updated_at: trx.fn.now(),
    };
    if (!(await upsertNewer(trx, 'invoices', row))) return;
    await trx('invoice_lines')
      .insert(
        s.draft.lines.map((l) => ({
          invoice_id: s.id,
          usage_type: l.type,
          quantity: l.quantity,
          unit_price: formatUnitPrice(l.unitPriceCentiwon),
          amount: formatCentiwon(l.amountCentiwon),
        })),
      )
      .onConflict(['invoice_id', 'usage_type'])
      .ignore();
    for (const p of s.ledger.payments) {
      await trx('invoice_payments')
        .insert({ id: p.id, invoice_id: s.id, amount: p.amount, paid_at: p.paidAt })
        .onConflict('id')
        .ignore();
    }
    for (const d of s.ledger.disputes) {
      await trx('invoice_disputes')
        .insert({
          id: d.id,
          invoice_id: s.id,
          amount: d.amount,
          reason: d.reason,
          status: d.status,
          accepted_amount: d.acceptedAmount ?? null,
          credited_amount: d.creditedAmount ?? null,
          opened_at: d.openedAt,
          resolved_at: d.resolvedAt ?? null,
        })
        .onConflict('id')
        .merge(['status', 'accepted_amount', 'credited_amount', 'resolved_at']);
    }
  });
}

export interface InvoiceRecord {
  row: {
    id: string;
    contract_id: string;
    merchant_id: string;
    period: string;
    status: InvoiceStatus;
    supply_amount: number;
    vat: number;
    total: number;
    paid_amount: number;
    credited_amount: number;
    outstanding_amount: number;
    disputed_amount: number;
    issued_at: Date;
    issue_date: string;
    due_date: string;
    legal_deadline: string;
    contract_deadline: string;
    supplier: Supplier;
    buyer: InvoiceParty;
  };
  lines: { usage_type: UsageType; quantity: number; unit_price: string; amount: string }[];
  payments: Payment[];
  disputes: Dispute[];
}

const DATE_COLUMNS = ['issue_date', 'due_date', 'legal_deadline', 'contract_deadline'].map(
  (c) => `to_char(${c}, 'YYYY-MM-DD') as ${c}`,
);

async function loadInvoices(db: Knex, where: (q: Knex.QueryBuilder) => void, limit?: number): Promise<InvoiceRecord[]> {
  const q = db('invoices')
    .select('invoices.*', ...DATE_COLUMNS.map((c) => db.raw(c)))
    .orderBy([
      { column: 'period', order: 'desc' },
      { column: 'id', order: 'desc' },
    ]);
  where(q);
  if (limit) q.limit(limit);
  const rows = await q;
  const ids = rows.map((r) => r.id);
  const [lines, payments, disputes] = await Promise.all([
    db('invoice_lines')
      .whereIn('invoice_id', ids)
      .select('invoice_id', 'usage_type', 'quantity', 'unit_price', 'amount'),
    db('invoice_payments').whereIn('invoice_id', ids).orderBy('paid_at'),
    db('invoice_disputes').whereIn('invoice_id', ids).orderBy('opened_at'),
  ]);
  const order = (type: UsageType) => USAGE_TYPES.indexOf(type);
  return rows.map((row) => ({
    row,
    lines: lines.filter((l) => l.invoice_id === row.id).sort((a, b) => order(a.usage_type) - order(b.usage_type)),
    payments: payments
      .filter((p) => p.invoice_id === row.id)
      .map((p) => ({ id: p.id, amount: p.amount, paidAt: new Date(p.paid_at).toISOString() })),
    disputes: disputes
      .filter((d) => d.invoice_id === row.id)
      .map((d) => ({
        id: d.id,
        amount: d.amount,
        reason: d.reason,
        status: d.status,
        openedAt: new Date(d.opened_at).toISOString(),
        ...(d.accepted_amount !== null
          ? {
              acceptedAmount: d.accepted_amount,
              creditedAmount: d.credited_amount,
              resolvedAt: new Date(d.resolved_at).toISOString(),
            }
          : {}),
      })),
  }));
}

export async function findInvoice(db: Knex, id: string): Promise<InvoiceRecord | undefined> {
  return (await loadInvoices(db, (q) => q.where('invoices.id', id)))[0];
}

export async function listInvoices(
  db: Knex,
  f: {
    merchantId?: string;
    contractId?: string;
    period?: string;
    status?: InvoiceStatus;
    /** Position after which the page starts: [period, id]. */
    after?: [string, string];
    limit: number;
  },
): Promise<{ records: InvoiceRecord[]; hasMore: boolean }> {
  const records = await loadInvoices(
    db,
    (q) => {
      if (f.merchantId) q.where('merchant_id', f.merchantId);
      if (f.contractId) q.where('contract_id', f.contractId);
      if (f.period) q.where('period', f.period);
      if (f.status) q.where('status', f.status);
      if (f.after) q.whereRaw('(period, id) < (?, ?)', f.after);
    },
    f.limit + 1,
  );
  const page = splitPage(records, f.limit);
  return { records: page.rows, hasMore: page.hasMore };
}
