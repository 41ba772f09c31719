/**
 * Invoices, payments, disputes, billing runs and the holiday calendar (SPEC §5, §7). Reads come
 * from Postgres; every write is an operation in api/operations/ — payments, disputes and
 * resolutions are Updates of the invoice's workflow, which refuses anything that would break
 * paid − refunded + credited + outstanding = total, and take an Idempotency-Key. Every usage
 * record is billed on exactly one invoice: the one of the month it was delivered, or the next one.
 */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Router } from 'express';
import { formatBrn } from '../../domain/brn';
import { HOLIDAY_SOURCES, holidaysOfYear } from '../../domain/business-days';
import { kstPeriod, PERIOD_PATTERN } from '../../domain/calendar-kst';
import { DEPOSIT_ACCOUNT } from '../../domain/company';
import type { InvoiceDraft, InvoiceParty } from '../../domain/invoice';
import { DISPUTE_STATUSES, INVOICE_STATUSES, type Dispute } from '../../domain/invoice-ledger';
import { formatCentiwon, formatUnitPrice } from '../../domain/money';
import {
  contractMerchantId,
  extraHolidays,
  listInvoices,
  loadedHolidayYears,
  upcomingDraft,
  type InvoiceRecord,
} from '../../store/billing';
import { actingMerchant, canSee, listedMerchant } from '../auth';
import { CURSOR_SHAPES, decodeCursorPair, encodeCursorPair, listPage } from '../cursor';
import { notFound } from '../errors';
import { IdempotencyHeaders, idempotencyKeyOf, REPLAYED_HEADERS } from '../idempotency';
import { renderInvoiceDocument } from '../invoice-document';
import { visibleInvoice, type InvoiceWrite } from '../invoice-updates';
import { z } from '../openapi';
import { addHoliday } from '../operations/add-holiday';
import { loadHolidayYear } from '../operations/load-holiday-year';
import { openDispute } from '../operations/open-dispute';
import { recordPayment } from '../operations/record-payment';
import { resolveDispute } from '../operations/resolve-dispute';
import { startBillingRun } from '../operations/start-billing-run';
import { defineRoute, notYours, visible, type Access, type HandlerContext } from '../route';
import { DateInput, IdParams, InstantInput, ListQuery, listOf, Timestamp } from '../schemas/common';
import { iso } from '../time';
import type { WorkflowDeps } from '../workflow-deps';

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
    refundedAmount: z.number().int().openapi({ description: 'paid back after disputes won over paid money' }),
    creditedAmount: z.number().int(),
    outstandingAmount: z
      .number()
      .int()
      .openapi({ description: 'paid − refunded + credited + outstanding = total, always' }),
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
    refunds: z.array(
      z.object({ id: z.string(), disputeId: z.string(), amount: z.number().int(), refundedAt: Timestamp }),
    ),
  })
  .openapi('Invoice');
const Holidays = z
  .object({
    year: z.number(),
    covered: z.boolean(),
    data: z.array(z.object({ date: z.string(), names: z.array(z.string()), source: z.enum(HOLIDAY_SOURCES) })),
  })
  .openapi('Holidays');
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
    refundedAmount: x.refunded_amount,
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
    payments: r.payments.map((p) => ({ id: p.id, amount: p.amount, paidAt: iso(p.paidAt) })),
    disputes: r.disputes.map(disputeView),
    refunds: r.refunds.map((f) => ({ ...f, refundedAt: iso(f.refundedAt) })),
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

export function billingRoutes(router: Router, registry: OpenAPIRegistry, deps: WorkflowDeps): void {
  const { db } = deps;

  /** A year's holidays as the calendar counts them. */
  const holidaysOf = async (year: number) => {
    const [added, loaded] = await Promise.all([extraHolidays(db), loadedHolidayYears(db)]);
    const { covered, holidays } = holidaysOfYear(year, added, loaded);
    return { year, covered, data: holidays };
  };

  defineRoute(router, registry, {
    method: 'get',
    path: '/v1/invoices/upcoming',
    tag: 'Invoices',
    summary: 'The running draft of the next invoice: the usage delivered so far and on no invoice yet',
    access: 'authenticated',
    query: z.object({ contractId: z.string().min(1).max(64) }),
    responses: {
      200: { description: 'Draft (no id, status draft)', schema: UpcomingInvoice },
      404: notYours('contract'),
    },
    handler: async ({ query, res }) => {
      const merchantId = await contractMerchantId(db, query.contractId);
      if (!merchantId || !canSee(res, merchantId)) throw notFound('contract');
      const now = new Date();
      const draft = await upcomingDraft(db, query.contractId, kstPeriod(now), now);
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
        after: query.cursor ? decodeCursorPair(query.cursor, CURSOR_SHAPES.period) : undefined,
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
    responses: visible('invoice', Invoice),
    handler: async ({ params, principal }) => ({
      status: 200,
      body: invoiceView(await visibleInvoice(db, principal, params.id)),
    }),
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/v1/invoices/:id/document',
    tag: 'Invoices',
    summary: 'The printable invoice (PDF), shaped like a tax invoice',
    description:
      '공급자/공급받는자 with their registration numbers, 작성일자, 공급가액, 세액, 합계, the lines, the deposit account (form §4), the due date and the balance.',
    access: 'authenticated',
    params: IdParams,
    responses: {
      200: 'application/pdf',
      404: notYours('invoice'),
    },
    handler: async ({ params, res, principal }) => {
      const pdf = await renderInvoiceDocument(await visibleInvoice(db, principal, params.id));
      res
        .status(200)
        .type('application/pdf')
        .setHeader('Content-Disposition', `inline; filename="${params.id}.pdf"`)
        .send(pdf);
      return { status: 200, raw: true };
    },
  });

  /**
   * The invoice writes: Updates of the invoice's workflow that take an Idempotency-Key and answer
   * with the invoice as it now is; one replayed from an earlier request with the same key says so.
   */
  const invoiceWrite = <P extends z.ZodType, B extends z.ZodType>(spec: {
    path: string;
    summary: string;
    description: string;
    access: Access;
    params: P;
    body: B;
    answer: { status: 200 | 201; description: string };
    refusals: { 404: string; 409: string; 422: string };
    write: (
      ctx: HandlerContext<z.output<B>, unknown, z.output<P>>,
      idempotencyKey: string | undefined,
    ) => Promise<InvoiceWrite>;
  }) =>
    defineRoute(router, registry, {
      method: 'post',
      path: spec.path,
      tag: 'Invoices',
      summary: spec.summary,
      description: spec.description,
      access: spec.access,
      params: spec.params,
      headers: IdempotencyHeaders,
      body: spec.body,
      responses: { [spec.answer.status]: { description: spec.answer.description, schema: Invoice }, ...spec.refusals },
      handler: async (ctx) => {
        const done = await spec.write(ctx, idempotencyKeyOf(ctx.req));
        return {
          status: spec.answer.status,
          body: invoiceView(done.invoice),
          headers: done.replayed ? REPLAYED_HEADERS : {},
        };
      },
    });

  invoiceWrite({
    path: '/v1/invoices/:id/payments',
    summary: 'Record a deposit (partial payments allowed, never above what is owed)',
    description: 'A retry with the same `Idempotency-Key` answers as the first request did and records nothing.',
    access: 'operator',
    params: IdParams,
    body: z.object({ amount: Won, paidAt: InstantInput.optional() }).strict(),
    answer: { status: 200, description: 'The invoice after the payment' },
    refusals: {
      404: 'No such invoice',
      409: 'The invoice is closed',
      422: 'More than is owed, or the Idempotency-Key was used for another request',
    },
    write: ({ params, body, principal }, key) => recordPayment(deps, principal, params.id, body, key),
  });

  invoiceWrite({
    path: '/v1/invoices/:id/disputes',
    summary: 'Dispute part of an invoice (Art. 7.2): the undisputed part stays due on the due date',
    description:
      'Also after paying in full, until the next month’s invoice is issued: a won dispute over paid money is refunded. A retry with the same `Idempotency-Key` answers as the first request did.',
    access: 'authenticated',
    params: IdParams,
    body: z.object({ amount: Won, reason: z.string().trim().min(1).max(2000) }).strict(),
    answer: { status: 201, description: 'The invoice with the new dispute' },
    refusals: {
      404: notYours('invoice'),
      409: 'The invoice is closed, or settled and past its dispute window',
      422: 'More than it bills and is not credited or disputed yet, or the key was used for another request',
    },
    write: ({ params, req, res, body, principal }, key) =>
      openDispute(deps, { principal, actingMerchant: () => actingMerchant(req, res) }, params.id, body, key),
  });

  invoiceWrite({
    path: '/v1/invoices/:id/disputes/:disputeId/resolve',
    summary: 'Resolve a dispute after reconciliation: the accepted amount stays owed, the rest is credited',
    description:
      'What the merchant had already paid beyond what the resolution leaves owed is refunded (`refunds`, dated at the resolution). A retry with the same `Idempotency-Key` answers as the first request did.',
    access: 'operator',
    params: z.object({ id: z.string().min(1).max(64), disputeId: z.string().min(1).max(64) }),
    body: z.object({ acceptedAmount: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) }).strict(),
    answer: { status: 200, description: 'The invoice after the resolution' },
    refusals: {
      404: 'No such invoice or dispute',
      409: 'Already resolved, or the invoice is closed',
      422: 'Accepted amount out of range, or the key was used for another request',
    },
    write: ({ params, body, principal }, key) =>
      resolveDispute(deps, principal, { invoiceId: params.id, disputeId: params.disputeId }, body, key),
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
      422: 'The month is not over yet',
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
    responses: { 200: { description: 'Holidays', schema: Holidays } },
    handler: async ({ query }) => ({ status: 200, body: await holidaysOf(query.year) }),
  });

  defineRoute(router, registry, {
    method: 'put',
    path: '/v1/holidays/:year',
    tag: 'Billing',
    summary: 'Load a year’s official public holidays: the year is covered from then on (audited)',
    description:
      'Replaces the operator-entered holidays of that year with the list. Invoice dates in a year that neither the bundled dataset nor an operator covers wait (the invoice names the year) until it is loaded.',
    access: 'operator',
    params: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
    body: z
      .object({
        holidays: z
          .array(z.object({ date: z.iso.date(), name: z.string().trim().min(1).max(100) }).strict())
          .min(1)
          .max(100),
      })
      .strict(),
    responses: {
      200: { description: 'The year’s holidays as the calendar now has them', schema: Holidays },
      422: 'A date outside the year, not a calendar date, or listed twice',
    },
    handler: async ({ params, body, principal }) => {
      await loadHolidayYear(db, principal, { year: params.year, holidays: body.holidays });
      return { status: 200, body: await holidaysOf(params.year) };
    },
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/v1/holidays',
    tag: 'Billing',
    summary: 'Add a holiday the dataset does not have yet (e.g. a newly declared temporary holiday)',
    access: 'operator',
    body: z.object({ date: DateInput, name: z.string().trim().min(1).max(100) }).strict(),
    responses: { 201: 'Added', 409: 'Already added' },
    handler: async ({ body, principal }) => ({ status: 201, body: await addHoliday(db, principal, body) }),
  });
}
