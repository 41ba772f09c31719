/** Usage, invoices, payments, disputes and operator-added holidays in PostgreSQL. */
import type { Knex } from 'knex';
import type { ExtraHoliday } from '../domain/business-days';
import type { Supplier } from '../domain/company';
import { periodEnd, type InvoiceDraft, type InvoiceParty, type InvoiceSnapshot } from '../domain/invoice';
import type {
  Dispute,
  DisputeStatus,
  InvoiceStatus,
  Payment,
  Refund,
  RequestFingerprint,
} from '../domain/invoice-ledger';
import {
  computeInvoiceAmounts,
  formatCentiwon,
  formatUnitPrice,
  parseUnitPrice,
  USAGE_TYPES,
  type UsageType,
} from '../domain/money';
import { splitPage, upsertNewer } from './queries';

/** Usage counts priced with the contract's fees (SPEC §5). */
async function priced(
  db: Knex,
  contractId: string,
  period: string,
  usage: (q: Knex.QueryBuilder) => void,
): Promise<InvoiceDraft | undefined> {
  const contract = await db('contracts as c')
    .join('merchants as m', 'm.id', 'c.merchant_id')
    .where('c.id', contractId)
    .first('c.merchant_id', 'm.name', 'm.brn', 'm.representative', 'm.address');
  if (!contract) return undefined;
  const query = db('usage_records').groupBy('usage_type').select('usage_type', db.raw('count(*)::bigint as quantity'));
  usage(query);
  const [counts, fees] = await Promise.all([
    query,
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

/**
 * The invoice of a contract's month claims, in one transaction, every usage record of the contract
 * delivered before the month's end and on no invoice yet — a late result of an earlier month
 * included — and is drafted from what it claimed (SPEC §5). A record written after this lands on
 * the next month's invoice; the trigger of migration 011 refuses any second claim. Run again for
 * the same invoice (a retried activity), it claims what has arrived since and drafts all of it.
 * Undefined when the invoice claims nothing.
 */
export async function claimUsage(
  db: Knex,
  c: { invoiceId: string; contractId: string; period: string },
): Promise<InvoiceDraft | undefined> {
  return db.transaction(async (trx) => {
    await trx('usage_records')
      .where({ contract_id: c.contractId })
      .whereNull('invoice_id')
      .where('delivered_at', '<', periodEnd(c.period))
      .update({ invoice_id: c.invoiceId, claimed_at: trx.fn.now() });
    const draft = await priced(trx, c.contractId, c.period, (q) => q.where({ invoice_id: c.invoiceId }));
    // Usage of a contract that does not exist cannot be billed: nothing is claimed.
    if (!draft) throw new Error(`contract ${c.contractId} not found`);
    return draft.lines.length ? draft : undefined;
  });
}

/** What the next invoice of a contract would claim if the month ended at `asOf`: the running statement. */
export async function upcomingDraft(db: Knex, contractId: string, period: string, asOf: Date): Promise<InvoiceDraft> {
  const draft = await priced(db, contractId, period, (q) =>
    q.where({ contract_id: contractId }).whereNull('invoice_id').where('delivered_at', '<', asOf),
  );
  if (!draft) throw new Error(`contract ${contractId} not found`);
  return draft;
}

/**
 * Contracts with usage delivered before the month's end and on no invoice yet: the ones a billing
 * run invoices, whatever their status (a terminated contract gets its final invoice) and whether
 * or not that usage is of this month.
 */
export async function contractsWithUnclaimedUsage(
  db: Knex,
  period: string,
): Promise<{ contractId: string; merchantId: string }[]> {
  const rows = await db('usage_records')
    .whereNull('invoice_id')
    .where('delivered_at', '<', periodEnd(period))
    .distinct('contract_id', 'merchant_id')
    .orderBy('contract_id');
  return rows.map((r) => ({ contractId: r.contract_id, merchantId: r.merchant_id }));
}

/** Usage records not on any invoice (for checks and the property test). */
export async function unclaimedUsageCount(db: Knex, contractId?: string): Promise<number> {
  const q = db('usage_records').whereNull('invoice_id').count('* as n');
  if (contractId) q.where({ contract_id: contractId });
  return Number((await q.first())!.n);
}

export async function extraHolidays(db: Knex): Promise<ExtraHoliday[]> {
  const rows = await db('holidays').orderBy('date').select(db.raw(`to_char(date, 'YYYY-MM-DD') as date`), 'name');
  return rows.map((r) => ({ date: r.date, name: r.name }));
}

/** Years whose holidays an operator loaded (PUT /v1/holidays/:year): the calendar covers them. */
export async function loadedHolidayYears(db: Knex): Promise<number[]> {
  return (await db('holiday_years').orderBy('year').pluck('year')).map(Number);
}

/** Everything the business-day calendar needs from the database. */
export async function calendarData(db: Knex): Promise<{ extraHolidays: ExtraHoliday[]; loadedYears: number[] }> {
  const [holidays, years] = await Promise.all([extraHolidays(db), loadedHolidayYears(db)]);
  return { extraHolidays: holidays, loadedYears: years };
}

/**
 * Loads a year's official holidays: they replace the operator-entered holidays of that year, and
 * the year counts as covered from then on. One transaction.
 */
export async function loadHolidayYear(
  db: Knex,
  y: { year: number; holidays: ExtraHoliday[]; loadedBy: string },
): Promise<{ replaced: number }> {
  return db.transaction(async (trx) => {
    const replaced = await trx('holidays')
      .whereBetween('date', [`${y.year}-01-01`, `${y.year}-12-31`])
      .delete();
    await trx('holidays').insert(y.holidays.map((h) => ({ date: h.date, name: h.name, created_by: y.loadedBy })));
    await trx('holiday_years')
      .insert({ year: y.year, loaded_by: y.loadedBy, loaded_at: trx.fn.now() })
      .onConflict('year')
      .merge();
    return { replaced };
  });
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
      refunded_amount: s.summary.refundedAmount,
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
    await insertEntries(trx, 'invoice_payments', s.ledger.payments.map(paymentRow(s.id)));
    // A dispute's resolution comes after it was opened: those columns take the newer state.
    await insertEntries(trx, 'invoice_disputes', s.ledger.disputes.map(disputeRow(s.id)), [
      'status',
      ...RESOLUTION_COLUMNS,
    ]);
    await insertEntries(trx, 'invoice_refunds', s.ledger.refunds.map(refundRow(s.id)));
  });
}

/** Inserts the ledger entries the table lacks; `merge` names the columns a later state may change. */
async function insertEntries(trx: Knex.Transaction, table: string, rows: object[], merge?: string[]): Promise<void> {
  if (rows.length === 0) return;
  const insert = trx(table).insert(rows).onConflict('id');
  await (merge ? insert.merge(merge) : insert.ignore());
}

const RESOLUTION_COLUMNS = [
  'accepted_amount',
  'credited_amount',
  'resolved_at',
  'resolve_idempotency_key',
  'resolve_request_hash',
];

const paymentRow =
  (invoiceId: string) =>
  ({ id, amount, paidAt, request }: Payment) => ({
    id,
    invoice_id: invoiceId,
    amount,
    paid_at: paidAt,
    ...fingerprintColumns('', request),
  });

const disputeRow = (invoiceId: string) => (d: Dispute) => ({
  id: d.id,
  invoice_id: invoiceId,
  amount: d.amount,
  reason: d.reason,
  status: d.status,
  opened_at: d.openedAt,
  ...fingerprintColumns('', d.request),
  accepted_amount: d.acceptedAmount ?? null,
  credited_amount: d.creditedAmount ?? null,
  resolved_at: d.resolvedAt ?? null,
  ...fingerprintColumns('resolve_', d.resolutionRequest),
});

const refundRow =
  (invoiceId: string) =>
  ({ id, disputeId, amount, refundedAt }: Refund) => ({
    id,
    invoice_id: invoiceId,
    dispute_id: disputeId,
    amount,
    refunded_at: refundedAt,
  });

/** An Idempotency-Key and its request's hash as the ledger tables keep them (`prefix` names the request's kind). */
const fingerprintColumns = (prefix: '' | 'resolve_', f: RequestFingerprint | undefined) => ({
  [`${prefix}idempotency_key`]: f?.key ?? null,
  [`${prefix}request_hash`]: f?.hash ?? null,
});

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
    refunded_amount: number;
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
  refunds: Refund[];
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
  const [lines, payments, disputes, refunds] = await Promise.all([
    db('invoice_lines')
      .whereIn('invoice_id', ids)
      .select('invoice_id', 'usage_type', 'quantity', 'unit_price', 'amount'),
    db<PaymentRow>('invoice_payments').whereIn('invoice_id', ids).orderBy('paid_at'),
    db<DisputeRow>('invoice_disputes').whereIn('invoice_id', ids).orderBy('opened_at'),
    db<RefundRow>('invoice_refunds').whereIn('invoice_id', ids).orderBy('refunded_at'),
  ]);
  const order = (type: UsageType) => USAGE_TYPES.indexOf(type);
  return rows.map((row) => ({
    row,
    lines: lines.filter((l) => l.invoice_id === row.id).sort((a, b) => order(a.usage_type) - order(b.usage_type)),
    payments: payments.filter((p) => p.invoice_id === row.id).map(paymentOf),
    disputes: disputes.filter((d) => d.invoice_id === row.id).map(disputeOf),
    refunds: refunds.filter((r) => r.invoice_id === row.id).map(refundOf),
  }));
}

const fingerprintOf = (key: string | null, hash: string | null) => (key && hash ? { request: { key, hash } } : {});
const instant = (at: Date) => new Date(at).toISOString();

// The ledger entries read back as domain/invoice-ledger keeps them.
interface EntryRow {
  id: string;
  invoice_id: string;
  amount: number;
  idempotency_key: string | null;
  request_hash: string | null;
}
type PaymentRow = EntryRow & { paid_at: Date };
type DisputeRow = EntryRow & {
  reason: string;
  status: DisputeStatus;
  opened_at: Date;
  accepted_amount: number | null;
  credited_amount: number | null;
  resolved_at: Date | null;
  resolve_idempotency_key: string | null;
  resolve_request_hash: string | null;
};
type RefundRow = Omit<EntryRow, 'idempotency_key' | 'request_hash'> & { dispute_id: string; refunded_at: Date };

const paymentOf = ({ id, amount, paid_at, idempotency_key, request_hash }: PaymentRow): Payment => ({
  id,
  amount,
  paidAt: instant(paid_at),
  ...fingerprintOf(idempotency_key, request_hash),
});

const disputeOf = (d: DisputeRow): Dispute => ({
  id: d.id,
  amount: d.amount,
  reason: d.reason,
  status: d.status,
  openedAt: instant(d.opened_at),
  ...fingerprintOf(d.idempotency_key, d.request_hash),
  ...(d.resolve_idempotency_key && d.resolve_request_hash
    ? { resolutionRequest: { key: d.resolve_idempotency_key, hash: d.resolve_request_hash } }
    : {}),
  ...(d.accepted_amount !== null && d.resolved_at
    ? {
        acceptedAmount: d.accepted_amount,
        creditedAmount: d.credited_amount ?? undefined,
        resolvedAt: instant(d.resolved_at),
      }
    : {}),
});

const refundOf = ({ id, dispute_id, amount, refunded_at }: RefundRow): Refund => ({
  id,
  disputeId: dispute_id,
  amount,
  refundedAt: instant(refunded_at),
});

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
