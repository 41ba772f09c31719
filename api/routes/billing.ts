/**
 * Invoices, payments, disputes, billing runs and the holiday calendar (SPEC §5, §7). Reads come
 * from Postgres; every write is an operation in api/operations/ — payments, disputes and
 * resolutions are Updates of the invoice's workflow, which refuses anything that would break
 * paid + credited + outstanding = total.
 */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Client } from '@temporalio/client';
import type { Router } from 'express';
import { formatBrn } from '../../domain/brn';
import { HOLIDAY_SOURCES, holidaysOfYear } from '../../domain/business-days';
import { kstPeriod, PERIOD_PATTERN } from '../../domain/calendar-kst';
import { DEPOSIT_ACCOUNT } from '../../domain/company';
import type { InvoiceDraft, InvoiceParty } from '../../domain/invoice';
import { DISPUTE_STATUSES, INVOICE_STATUSES, type Dispute } from '../../domain/invoice-ledger';
import { formatCentiwon, formatUnitPrice } from '../../domain/money';
import type { Config } from '../../platform/config';
import type { Db } from '../../platform/db';
import { contractMerchantId, draftInvoice, extraHolidays, listInvoices, type InvoiceRecord } from '../../store/billing';
import { actingMerchant, canSee, listedMerchant } from '../auth';
import { decodeCursorPair, encodeCursorPair, listPage } from '../cursor';
import { notFound } from '../errors';
import { visibleInvoice } from '../invoice-updates';
import { z } from '../openapi';
import { addHoliday } from '../operations/add-holiday';
import { openDispute } from '../operations/open-dispute';
import { recordPayment } from '../operations/record-payment';
import { resolveDispute } from '../operations/resolve-dispute';
import { startBillingRun } from '../operations/start-billing-run';
import { defineRoute } from '../route';
import { IdParams, ListQuery, listOf, Timestamp } from '../schemas/common';
import { iso } from '../time';

const Period = z.string().regex(PERIOD_PATTERN, 'a month as YYYY-MM');
const Won = z.number().int().positive().max(Number.MAX_SAFE_INTEGER).openapi({ description: 'won' });

const Line = z.object({
  type: z.string(),
  quantity: z.number().int(),
  unitPrice: z.string().openapi({ example: '8.50' }),
  amount: z.string().openapi({ description: 'quantity × unit price, exact', example: '25.50' }),
});
const Party = z.object({
  name: z.string(),
  businessRegistrationNumber: z.string().openapi({ example: '124-81-00998' }),
  representative: z.string().optional(),
  address: z.string().optional(),
});
const DisputeView = z.object({
  id: z.string(),
  amount: z.number().int(),
  reason: z.string(),
  status: z.enum(DISPUTE_STATUSES),
  acceptedAmount: z.number().int().nullable(),
  creditedAmount: z.number().int().nullable(),
  openedAt: Timestamp,
  resolvedAt: Timestamp.nullable(),
});
const Invoice = z
  .object({
    id: z.string(),
    contractId: z.string(),
    merchantId: z.string(),
    period: z.string(),
    status: z.enum(INVOICE_STATUSES),
    lines: z.array(Line),
    supplyAmount: z.number().int().openapi({ description: '공급가액: the lines’ sum, rounded down to whole won' }),
    vat: z.number().int().openapi({ description: '부가세: 10% of the supply amount, rounded down' }),
    total: z.number().int(),
    paidAmount: z.number().int(),
    creditedAmount: z.number().int(),
    outstandingAmount: z.number().int(),
    disputedAmount: z.number().int(),
    issuedAt: Timestamp,
    issueDate: z.string(),
    dueDate: z.string().openapi({ description: '20 business days after the issue date (Art. 7.1)' }),
    deadlines: z
      .object({ legal: z.string(), contract: z.string() })
      .openapi({ description: 'issue-by dates: VAT Act Art. 34 and the 10th business day (Art. 7.1)' }),
    supplier: Party,
    buyer: Party,
    depositAccount: z.object({ bank: z.string(), accountNumber: z.string(), holder: z.string() }),
    payments: z.array(z.object({ id: z.string(), amount: z.number().int(), paidAt: Timestamp })),
    disputes: z.array(DisputeView),
  })
  .openapi('Invoice');
const UpcomingInvoice = z
  .object({
    contractId: z.string(),
    period: z.string(),
    status: z.literal('draft'),
    lines: z.array(Line),
    supplyAmount: z.number().int(),
    vat: z.number().int(),
    total: z.number().int(),
    asOf: Timestamp,
  })
  .openapi('UpcomingInvoice');

const party = (p: InvoiceParty) => ({ ...p, businessRegistrationNumber: formatBrn(p.businessRegistrationNumber) });

const disputeView = ({
  id,
  amount,
  reason,
  status,
  acceptedAmount,
  creditedAmount,
  openedAt,
  resolvedAt,
}: Dispute) => ({
  id,
  amount,
  reason,
  status,
  acceptedAmount: acceptedAmount ?? null,
  creditedAmount: creditedAmount ?? null,
  openedAt: iso(openedAt),
  resolvedAt: iso(resolvedAt ?? null),
});

function invoiceView(r: InvoiceRecord) {
  const x = r.row;
  return {
    id: x.id,
    contractId: x.contract_id,
    merchantId: x.merchant_id,
    period: x.period,
    status: x.status,
    lines: r.lines.map((l) => ({
      type: l.usage_type,
      quantity: l.quantity,
      unitPrice: l.unit_price,
      amount: l.amount,
    })),
    supplyAmount: x.supply_amount,
    vat: x.vat,
    total: x.total,
    paidAmount: x.paid_amount,
    creditedAmount: x.credited_amount,
    outstandingAmount: x.outstanding_amount,
    disputedAmount: x.disputed_amount,
    issuedAt: iso(x.issued_at),
    issueDate: x.issue_date,
    dueDate: x.due_date,
    deadlines: { legal: x.legal_deadline, contract: x.contract_deadline },
    supplier: party(x.supplier),
    buyer: party(x.buyer),
    depositAccount: DEPOSIT_ACCOUNT,
    payments: r.payments.map((p) => ({ ...p, paidAt: iso(p.paidAt) })),
    disputes: r.disputes.map(disputeView),
  };
}

function upcomingView(draft: InvoiceDraft, asOf: Date) {
  return {
    contractId: draft.contractId,
    period: draft.period,
    status: 'draft' as const,
    lines: draft.lines.map((l) => ({
      type: l.type,
      quantity: l.quantity,
      unitPrice: formatUnitPrice(l.unitPriceCentiwon),
      amount: formatCentiwon(l.amountCentiwon),
    })),
    supplyAmount: draft.supplyAmount,
    vat: draft.vat,
    total: draft.total,
    asOf: iso(asOf),
  };
}

export function billingRoutes(
  router: Router,
  registry: OpenAPIRegistry,
  deps: { db: Db; temporal: Client; config: Config },
): void {
  const { db } = deps;

  defineRoute(router, registry, {
    method: 'get',
    path: '/v1/invoices/upcoming',
    tag: 'Invoices',
    summary: 'The running draft of this month’s invoice, from the usage so far',
    access: 'authenticated',
    query: z.object({ contractId: z.string().min(1).max(64) }),
    responses: {
      200: { description: 'Draft (no id, status draft)', schema: UpcomingInvoice },
      404: { description: 'No such contract, or not yours' },
    },
    handler: async ({ query, res }) => {
      const merchantId = await contractMerchantId(db, query.contractId);
      if (!merchantId || !canSee(res, merchantId)) throw notFound('contract');
      const now = new Date();
      const draft = (await draftInvoice(db, query.contractId, kstPeriod(now)))!;
      return { status: 200, body: upcomingView(draft, now) };
    },
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/v1/invoices',
    tag: 'Invoices',
    summary: 'List invoices (a merchant sees its own)',
    access: 'authenticated',
    query: ListQuery.extend({
      period: Period.optional(),
      contractId: z.string().max(64).optional(),
      status: Invoice.shape.status.optional(),
    }),
    responses: {
      200: { description: 'A page of invoices, newest period first', schema: listOf(Invoice, 'InvoiceList') },
    },
    handler: async ({ query, principal, req }) => {
      const page = await listInvoices(db, {
        merchantId: listedMerchant(req, principal),
        contractId: query.contractId,
        period: query.period,
        status: query.status,
        after: query.cursor ? decodeCursorPair(query.cursor) : undefined,
        limit: query.limit,
      });
      return {
        status: 200,
        body: listPage(page.records, page.hasMore, invoiceView, (last) =>
          encodeCursorPair(last.row.period, last.row.id),
        ),
      };
    },
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/v1/invoices/:id',
    tag: 'Invoices',
    summary: 'Get an invoice: lines, amounts, deadlines, both parties and the deposit account, like a tax invoice',
    access: 'authenticated',
    params: IdParams,
    responses: {
      200: { description: 'The invoice', schema: Invoice },
      404: { description: 'No such invoice, or not yours' },
    },
    handler: async ({ params, principal }) => ({
      status: 200,
      body: invoiceView(await visibleInvoice(db, principal, params.id)),
    }),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/v1/invoices/:id/payments',
    tag: 'Invoices',
    summary: 'Record a deposit (partial payments allowed, never above what is owed)',
    access: 'operator',
    params: IdParams,
    body: z.object({ amount: Won, paidAt: z.iso.datetime({ offset: true }).optional() }).strict(),
    responses: {
      200: { description: 'The invoice after the payment', schema: Invoice },
      404: { description: 'No such invoice' },
      409: { description: 'The invoice is closed' },
      422: { description: 'More than is owed' },
    },
    handler: async ({ params, body, principal }) => ({
      status: 200,
      body: invoiceView(await recordPayment(deps, principal, params.id, body)),
    }),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/v1/invoices/:id/disputes',
    tag: 'Invoices',
    summary: 'Dispute part of an invoice (Art. 7.2): the undisputed part stays due on the due date',
    access: 'authenticated',
    params: IdParams,
    body: z.object({ amount: Won, reason: z.string().trim().min(1).max(2000) }).strict(),
    responses: {
      201: { description: 'The invoice with the new dispute', schema: Invoice },
      404: { description: 'No such invoice, or not yours' },
      409: { description: 'The invoice is closed' },
      422: { description: 'More than is outstanding' },
    },
    handler: async ({ params, req, res, body, principal }) => {
      const caller = { principal, actingMerchant: () => actingMerchant(req, res) };
      return { status: 201, body: invoiceView(await openDispute(deps, caller, params.id, body)) };
    },
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/v1/invoices/:id/disputes/:disputeId/resolve',
    tag: 'Invoices',
    summary: 'Resolve a dispute after reconciliation: the accepted amount stays owed, the rest is credited',
    access: 'operator',
    params: z.object({ id: z.string().min(1).max(64), disputeId: z.string().min(1).max(64) }),
    body: z.object({ acceptedAmount: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) }).strict(),
    responses: {
      200: { description: 'The invoice after the resolution', schema: Invoice },
      404: { description: 'No such invoice or dispute' },
      409: { description: 'Already resolved, or the invoice is closed' },
      422: { description: 'Accepted amount out of range' },
    },
    handler: async ({ params, body, principal }) => ({
      status: 200,
      body: invoiceView(
        await resolveDispute(deps, principal, { invoiceId: params.id, disputeId: params.disputeId }, body),
      ),
    }),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/v1/billing/runs',
    tag: 'Billing',
    summary: 'Run a month’s billing now (idempotent: one invoice per contract and month, ever)',
    description:
      'The `billing-monthly` Temporal Schedule does the same on the 1st of every month (Asia/Seoul) for the month before.',
    access: 'operator',
    body: z.object({ period: Period }).strict(),
    responses: {
      202: {
        description: 'Started (or already running)',
        schema: z.object({ workflowId: z.string(), period: z.string() }),
      },
      422: { description: 'The month is not over yet' },
    },
    handler: async ({ body }) => ({ status: 202, body: await startBillingRun(deps, body.period) }),
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/v1/holidays',
    tag: 'Billing',
    summary: 'The Korean public holidays of a year (official dataset + operator-added) used for business days',
    access: 'authenticated',
    query: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
    responses: {
      200: {
        description: 'Holidays',
        schema: z.object({
          year: z.number(),
          covered: z.boolean(),
          data: z.array(z.object({ date: z.string(), names: z.array(z.string()), source: z.enum(HOLIDAY_SOURCES) })),
        }),
      },
    },
    handler: async ({ query }) => {
      const { covered, holidays } = holidaysOfYear(query.year, await extraHolidays(db));
      return { status: 200, body: { year: query.year, covered, data: holidays } };
    },
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/v1/holidays',
    tag: 'Billing',
    summary: 'Add a holiday the dataset does not have yet (e.g. a newly declared temporary holiday)',
    access: 'operator',
    body: z.object({ date: z.iso.date(), name: z.string().trim().min(1).max(100) }).strict(),
    responses: { 201: { description: 'Added' }, 409: { description: 'Already added' } },
    handler: async ({ body, principal }) => ({ status: 201, body: await addHoliday(db, principal, body) }),
  });
}
