/**
 * InvoiceWorkflow and BillingRunWorkflow on the time-skipping server (SPEC §5; Art. 6, 7, 5.2.3):
 * real PostgreSQL, real activities, a real ContractWorkflow per contract so the overdue and paid
 * signals have a contract to suspend and resume.
 *
 * The test server's clock starts at the real current time and only moves forward, so every
 * describe block gets its own server and, inside a block, the steps run in calendar order. The
 * calendar block asserts hand-counted literal dates and runs the cases still ahead of today; the
 * other blocks bill the month the clock is in and take their dates from the issued invoice.
 *
 * Every literal date below was counted by hand from the official holiday data shipped in
 * node_modules/@hyunbinseo/holidays-kr/dist/2026-*.js and 2027-*.js (weekdays checked with GNU
 * `date`), never with the product's calendar code. "Business day" = Monday to Friday and not in
 * that list. Due dates count the business days after the issue date, the issue date not counted
 * (Art. 7.1 "청구일로부터 20 영업일").
 */
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { statusOfRule } from '../../api/rule-status';
import type { Actor } from '../../domain/actor';
import type { ContractState } from '../../domain/contract';
import { invoiceIdFor, type InvoiceSnapshot } from '../../domain/invoice';
import type { InvoiceSummary } from '../../domain/invoice-ledger';
import type { Channel } from '../../domain/message';
import type { UsageType } from '../../domain/money';
import type { Db } from '../../platform/db';
import { newId } from '../../platform/ids';
import type { SendKind } from '../../domain/sending-gate';
import { loadHolidayYear } from '../../store/billing';
import { finalizeMessage, insertMessages } from '../../store/messages';
import { BillingRunWorkflow } from '../../workflows/billing-run';
import { ContractWorkflow, contractStateQuery, contractUpdate, type ContractRequest } from '../../workflows/contract';
import { InvoiceWorkflow, invoiceQuery, invoiceUpdate, type InvoiceCommand } from '../../workflows/invoice';
import { TASK_QUEUES } from '../../workflows/task-queues';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { FEES, messageRow, seedApplication, seedMerchant } from '../support/fixtures';
import { timeSkippingEnv } from '../support/temporal';
import { startWorkers } from '../support/worker';
import { workflowTestFile } from '../support/workflow-tests';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const OPERATOR: Actor = { type: 'operator', id: 'operator' };

/** An instant in Asia/Seoul: kst('2026-12-03') is 00:00 KST that day. */
const kst = (date: string, time = '00:00') => Date.parse(`${date}T${time}:00+09:00`);

const t = workflowTestFile();

/**
 * A fresh time-skipping server (its clock at the real now) with the real workers, for one describe
 * block. With `ownDatabase` the block also gets a database of its own (the fixtures use it while
 * the block runs): for billing runs, which bill every contract with usage in a month.
 */
function timeSkippingServer(opts: { ownDatabase?: boolean } = {}) {
  const ctx = {} as { env: TestWorkflowEnvironment; workers: { stop(): Promise<void> } };
  let own: { database: TestDatabase; fileDb: Db } | undefined;
  beforeAll(async () => {
    if (opts.ownDatabase) {
      own = { database: await createTestDatabase(), fileDb: t.db };
      t.db = own.database.db;
    }
    ctx.env = await timeSkippingEnv();
    ctx.workers = await startWorkers(ctx.env, t.bundle, t.db);
  });
  afterAll(async () => {
    await ctx.workers?.stop();
    await ctx.env?.teardown();
    if (own) {
      await own.database.drop();
      t.db = own.fileDb;
    }
  });
  return ctx;
}

// --- fixtures ---

/** Each usage type's message type and the channel it is delivered on. */
const USAGE: Record<UsageType, { type: SendKind; channel: Channel }> = {
  paymentNotice: { type: 'payment_notice', channel: 'alimtalk' },
  sms: { type: 'sms', channel: 'sms' },
  lms: { type: 'lms', channel: 'lms' },
  alimtalk: { type: 'alimtalk', channel: 'alimtalk' },
  friendtalkText: { type: 'friendtalk', channel: 'friendtalk' },
  friendtalkImage: { type: 'friendtalk_image', channel: 'friendtalk_image' },
};

/** Delivered messages of a month and their usage records, written straight to the tables. */
async function insertUsage(
  c: { contractId: string; merchantId: string },
  period: string,
  counts: Partial<Record<UsageType, number>>,
) {
  const at = new Date(kst(`${period}-15`, '12:00')).toISOString();
  const messages = (Object.entries(counts) as [UsageType, number][]).flatMap(([type, n]) =>
    Array.from({ length: n }, () => ({ id: newId('msg'), type })),
  );
  await insertMessages(
    t.db,
    messages.map((m) =>
      messageRow({
        id: m.id,
        merchantId: c.merchantId,
        contractId: c.contractId,
        type: USAGE[m.type].type,
        recipient: '01012345678',
        text: '주문이 접수되었습니다.',
        createdAt: at,
      }),
    ),
  );
  for (const m of messages) {
    await t
      .db('messages')
      .where({ id: m.id })
      .update({ status: 'delivered', delivered_via: USAGE[m.type].channel, finalized_at: at });
  }
  await t.db('usage_records').insert(
    messages.map((m) => ({
      message_id: m.id,
      merchant_id: c.merchantId,
      contract_id: c.contractId,
      usage_type: m.type,
      channel: USAGE[m.type].channel,
      period,
      delivered_at: at,
    })),
  );
}

/** A merchant whose contract runs in a real ContractWorkflow, approved with FEES. */
async function approvedContract(env: TestWorkflowEnvironment) {
  const merchant = await seedMerchant(t.db);
  const merchantId = merchant.merchant.id;
  const app = await seedApplication(t.db, merchantId, undefined, new Date(await env.currentTimeMs()));
  const handle = await env.client.workflow.start(ContractWorkflow, {
    workflowId: `contract-${app.id}`,
    taskQueue: TASK_QUEUES.contracts,
    args: [{ application: app }],
  });
  const approved = await handle.executeUpdate(contractUpdate('approve'), {
    args: [{ actor: OPERATOR, command: { type: 'approve', fees: FEES } } as ContractRequest<'approve'>],
  });
  expect(approved.status).toBe('active');
  return {
    contractId: app.id,
    merchantId,
    handle,
    contract: (): Promise<ContractState> => handle.query(contractStateQuery),
  };
}

/**
 * One message delivered at `deliveredAt`, its usage record written now, the way the message
 * workflow's last step writes it (store/messages finalizeMessage): a result may reach the database
 * long after the delivery it reports.
 */
async function deliver(c: { contractId: string; merchantId: string }, type: UsageType, deliveredAt: string) {
  const id = newId('msg');
  await insertMessages(t.db, [
    messageRow({
      id,
      merchantId: c.merchantId,
      contractId: c.contractId,
      type: USAGE[type].type,
      recipient: '01012345678',
      text: '주문이 접수되었습니다.',
      createdAt: deliveredAt,
    }),
  ]);
  await finalizeMessage(t.db, {
    messageId: id,
    status: 'delivered',
    deliveredVia: USAGE[type].channel,
    failureReason: null,
    finalizedAt: deliveredAt,
    usage: { kind: type === 'paymentNotice' ? 'payment_notice' : 'message', usageType: type },
  });
  return id;
}

/** Which invoice claimed each usage record (null: none yet). */
const claims = (ids: string[]) =>
  t
    .db('usage_records')
    .whereIn('message_id', ids)
    .select('message_id', 'invoice_id', 'period')
    .then((rows) => Object.fromEntries(rows.map((r) => [r.message_id, { invoice: r.invoice_id, period: r.period }])));

function startInvoice(env: TestWorkflowEnvironment, contractId: string, period: string) {
  return env.client.workflow.start(InvoiceWorkflow, {
    workflowId: `invoice-${contractId}-${period}`,
    taskQueue: TASK_QUEUES.billing,
    args: [{ contractId, period }],
  });
}

/** A contract with usage in `period` and its InvoiceWorkflow, started now. */
async function billedContract(
  env: TestWorkflowEnvironment,
  period: string,
  counts: Partial<Record<UsageType, number>>,
  opts: { startAt?: number } = {},
) {
  const c = await approvedContract(env);
  await insertUsage(c, period, counts);
  if (opts.startAt) await sleepUntil(env, opts.startAt);
  const invoice = await startInvoice(env, c.contractId, period);
  const run = async <T extends InvoiceCommand['type']>(command: Extract<InvoiceCommand, { type: T }>) =>
    invoice.executeUpdate(invoiceUpdate(command.type as T), { args: [command] });
  const nowIso = async () => new Date(await env.currentTimeMs()).toISOString();
  return {
    ...c,
    invoice,
    snapshot: () => invoice.query(invoiceQuery),
    row: () => t.db('invoices').where({ contract_id: c.contractId, period }).first(),
    pay: async (amount: number) =>
      run<'record_payment'>({ type: 'record_payment', id: newId('pay'), amount, paidAt: await nowIso() }),
    dispute: async (amount: number, reason = '실패 건이 과금되었습니다') =>
      run<'open_dispute'>({ type: 'open_dispute', id: newId('dsp'), amount, reason, openedAt: await nowIso() }),
    resolve: async (disputeId: string, acceptedAmount: number) =>
      run<'resolve_dispute'>({ type: 'resolve_dispute', disputeId, acceptedAmount, resolvedAt: await nowIso() }),
  };
}

/** YYYY-MM-DD plus n days (plain calendar arithmetic). */
const plusDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 24 * HOUR).toISOString().slice(0, 10);
/** The month after a YYYY-MM. */
const nextPeriod = (period: string) => plusDays(`${period}-28`, 7).slice(0, 7);
/** The month (KST) the test server's clock is in: its invoice is issued once it is over. */
const currentPeriod = async (env: TestWorkflowEnvironment) =>
  new Date((await env.currentTimeMs()) + 9 * HOUR).toISOString().slice(0, 7);

/**
 * Skips to just after the month's end (00:00 KST on the 1st of the next month), when its invoices
 * are issued, then a day at a time until `probe` sees them. For the scenarios that do not assert
 * literal dates, so they run whatever the real date.
 */
async function skipUntilIssued<T>(
  env: TestWorkflowEnvironment,
  period: string,
  probe: () => Promise<T | null | undefined>,
): Promise<T> {
  await sleepUntil(env, kst(`${nextPeriod(period)}-01`) + MINUTE);
  for (let day = 0; day < 10; day++) {
    const value = await until(probe, 'the invoice', 2_000).catch(() => undefined);
    if (value !== undefined) return value;
    await env.sleep(24 * HOUR);
  }
  throw new Error(`no invoice for ${period} within 10 days of its end`);
}

async function sleepUntil(env: TestWorkflowEnvironment, at: number) {
  const ms = at - (await env.currentTimeMs());
  if (ms > 0) await env.sleep(ms);
}

/** Polls until `probe` returns a value (activities run in real time after a skip). */
async function until<T>(probe: () => Promise<T | null | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A contract's invoice of a month, as `issued` reads it: its workflow's snapshot and its row. */
const invoiceOf = (env: TestWorkflowEnvironment, contractId: string, period: string) => ({
  snapshot: () => env.client.workflow.getHandle(`invoice-${contractId}-${period}`).query(invoiceQuery),
  row: () =>
    t
      .db('invoices')
      .where({ id: invoiceIdFor(contractId, period) })
      .first(),
});

/** The issued invoice, once the workflow has issued it (its snapshot, written to Postgres too). */
async function issued(c: {
  snapshot(): Promise<InvoiceSnapshot | null>;
  row(): Promise<any>;
}): Promise<InvoiceSnapshot> {
  const snapshot = await until(c.snapshot, 'the invoice to be issued');
  await until(c.row, 'the invoice row');
  return snapshot;
}

type BilledContract = Awaited<ReturnType<typeof billedContract>>;

/**
 * For a describe block: a contract billed with `counts` in the month the server's clock is in,
 * with that `period` and, as `issued`, its invoice once issued (the clock skipped past the month).
 */
function issuedThisMonth(server: { env: TestWorkflowEnvironment }, counts: Partial<Record<UsageType, number>>) {
  const c = {} as BilledContract & { period: string; issued: InvoiceSnapshot };
  beforeAll(async () => {
    const period = await currentPeriod(server.env);
    const billed = await billedContract(server.env, period, counts);
    const snapshot = await skipUntilIssued(server.env, period, () => billed.snapshot()).then(() => issued(billed));
    Object.assign(c, billed, { period, issued: snapshot });
  });
  return c;
}

/** Waits until the workflow's snapshot satisfies `ok` (an Update or timer may still be finishing). */
const snapshotWhere = (
  c: { snapshot(): Promise<InvoiceSnapshot | null> },
  ok: (s: InvoiceSnapshot) => boolean,
  what: string,
) =>
  until(async () => {
    const s = await c.snapshot();
    return s && ok(s) ? s : undefined;
  }, what);

/**
 * The merchant's first payment, of the whole undisputed part: the invoice stays disputed, with
 * only the disputed `outstandingAmount` left.
 */
async function payUndisputed(c: BilledContract, amount: number, outstandingAmount: number) {
  const s = await c.pay(amount);
  await expectBalanced(c, s, { status: 'disputed', paidAmount: amount, outstandingAmount, undisputedOutstanding: 0 });
}

/** The invoice ended `status`: its workflow completed with it and the contract is active. */
async function expectClosed(
  c: { invoice: { result(): Promise<unknown> }; contract(): Promise<ContractState> },
  invoiceId: string,
  status: 'paid' | 'settled',
) {
  expect(await c.invoice.result()).toEqual({ invoiceId, status });
  expect((await c.contract()).status).toBe('active');
}

/**
 * The snapshot's summary matches `summary`, and paid + credited + outstanding = total, in the
 * workflow's snapshot and in the invoices row, and they agree.
 */
async function expectBalanced(c: { row(): Promise<any> }, s: InvoiceSnapshot, summary: Partial<InvoiceSummary> = {}) {
  expect(s.summary).toMatchObject(summary);
  const { paidAmount, creditedAmount, outstandingAmount } = s.summary;
  expect(paidAmount + creditedAmount + outstandingAmount).toBe(s.draft.total);
  const row = await until(async () => {
    const r = await c.row();
    return r && r.version === s.version ? r : undefined;
  }, `invoice row version ${s.version}`);
  expect(row).toMatchObject({
    status: s.summary.status,
    total: s.draft.total,
    paid_amount: paidAmount,
    credited_amount: creditedAmount,
    outstanding_amount: outstandingAmount,
    disputed_amount: s.summary.disputedAmount,
  });
  expect(row.paid_amount + row.credited_amount + row.outstanding_amount).toBe(row.total);
}

const dateColumns = (id: string) =>
  t
    .db('invoices')
    .where({ id })
    .first(
      t.db.raw(
        `to_char(issue_date, 'YYYY-MM-DD') as issue_date, to_char(due_date, 'YYYY-MM-DD') as due_date, to_char(legal_deadline, 'YYYY-MM-DD') as legal, to_char(contract_deadline, 'YYYY-MM-DD') as contract`,
      ),
    );

// --- scenarios ---

/**
 * Hand-counted cases, in calendar order. The test server's clock starts at the real now and only
 * moves forward, so a case runs only while its invoice is still in the future; each is independent.
 * When none is left the holiday dataset is about to run out (it covers 2018–2027): update
 * @hyunbinseo/holidays-kr and count new cases.
 */
interface CalendarCase {
  title: string;
  period: string;
  /** When the invoice's workflow starts (a late billing run); unset: before the month ends. */
  startAt?: number;
  /** Operator-added holidays in force before the invoice is issued. */
  extraHolidays?: { date: string; name: string }[];
  issueDate: string;
  dueDate: string;
  deadlines: { legal: string; contract: string };
  /** The invoice is issued after the VAT Act date: operators are alerted. */
  alert?: boolean;
}

const CALENDAR_CASES: CalendarCase[] = [
  {
    // Drafted at the month's end, Fri 1 Jan 2027 00:00 KST (1월 1일), and issued that day; the 20
    // business days start Mon 4 Jan. Without the operator's holiday: Jan 4–8 (1–5), 11–15 (6–10),
    // 18–22 (11–15), 25–29 (16–20) → Fri 29 Jan. With Wed 20 Jan off: Jan 18, 19 (11, 12), 21, 22
    // (13, 14), 25–29 (15–19), Mon 1 Feb (20). VAT Act: Sun 10 Jan → Mon 11 Jan. Art. 7.1: Jan 4–8,
    // 11–15 → Fri 15 Jan.
    title:
      'December 2026: issued Fri 1 Jan 2027; an operator-added holiday moves the due date from Fri 29 Jan to Mon 1 Feb',
    period: '2026-12',
    extraHolidays: [{ date: '2027-01-20', name: '임시공휴일(테스트)' }],
    issueDate: '2027-01-01',
    dueDate: '2027-02-01',
    deadlines: { legal: '2027-01-11', contract: '2027-01-15' },
  },
  {
    // A billing run started late, Mon 18 Jan 2027 09:00 KST: issued that day, after the VAT Act's
    // Mon 11 Jan. Jan 19–22 (1–4), 25–29 (5–9), Feb 1–5 (10–14); Mon 8 설날 다음 날 and Tue 9
    // 대체공휴일(설날) skipped; Feb 10–12 (15–17), 15–17 (18–20) → Wed 17 Feb.
    title:
      'December 2026 billed late, on Mon 18 Jan 2027: after the VAT Act date, operators are alerted; due Wed 17 Feb',
    period: '2026-12',
    startAt: kst('2027-01-18', '09:00'),
    issueDate: '2027-01-18',
    dueDate: '2027-02-17',
    deadlines: { legal: '2027-01-11', contract: '2027-01-15' },
    alert: true,
  },
  {
    // Issued Mon 1 Feb 2027. Feb 2–5 (1–4); Sat 6 설날 전날, Sun 7 설날, Mon 8 설날 다음 날, Tue 9
    // 대체공휴일(설날) skipped; Feb 10–12 (5–7), 15–19 (8–12), 22–26 (13–17); Mon 1 Mar 3ㆍ1절
    // skipped; Mar 2–4 (18–20). VAT Act: Wed 10 Feb. Art. 7.1: Feb 1, 2, 3, 4, 5, 10, 11, 12, 15, 16
    // → Tue 16 Feb.
    title:
      'January 2027: issued Mon 1 Feb 2027, due Thu 4 Mar 2027 (Seollal 6–9 Feb with its substitute day, and 3·1절 not counted)',
    period: '2027-01',
    issueDate: '2027-02-01',
    dueDate: '2027-03-04',
    deadlines: { legal: '2027-02-10', contract: '2027-02-16' },
  },
  {
    // Issued Wed 1 Sep 2027. Sep 2, 3 (1, 2), 6–10 (3–7), Mon 13 (8); Tue 14 추석 전날, Wed 15 추석,
    // Thu 16 추석 다음 날 skipped; Fri 17 (9), Sep 20–24 (10–14), Sep 27–Oct 1 (15–19); Mon 4 Oct
    // 대체공휴일(개천절) skipped; Tue 5 Oct (20). VAT Act: Fri 10 Sep. Art. 7.1: Sep 1, 2, 3, 6, 7, 8,
    // 9, 10, 13, 17 → Fri 17 Sep.
    title:
      'August 2027: issued Wed 1 Sep 2027, due Tue 5 Oct 2027 (Chuseok 14–16 Sep and the 개천절 substitute day not counted)',
    period: '2027-08',
    issueDate: '2027-09-01',
    dueDate: '2027-10-05',
    deadlines: { legal: '2027-09-10', contract: '2027-09-17' },
  },
  {
    // Issued Fri 1 Oct 2027. Sun 3 개천절, Mon 4 대체공휴일(개천절) skipped; Oct 5–8 (1–4); Sat 9
    // 한글날, Mon 11 대체공휴일(한글날) skipped; Oct 12–15 (5–8), 18–22 (9–13), 25–29 (14–18), Nov 1
    // (19), Tue 2 Nov (20). VAT Act: Sun 10 Oct → Mon 11 Oct is a holiday → Tue 12 Oct. Art. 7.1:
    // Oct 1, 5, 6, 7, 8, 12, 13, 14, 15, 18 → Mon 18 Oct.
    title: 'September 2027: issued Fri 1 Oct 2027, due Tue 2 Nov (the 개천절 and 한글날 substitute days not counted)',
    period: '2027-09',
    issueDate: '2027-10-01',
    dueDate: '2027-11-02',
    deadlines: { legal: '2027-10-12', contract: '2027-10-18' },
  },
];

/** When a case's invoice is issued: its month's end, or its late start. */
const issuedAtOf = (c: CalendarCase) => c.startAt ?? kst(`${nextPeriod(c.period)}-01`);
const UPCOMING = CALENDAR_CASES.filter((c) => issuedAtOf(c) > Date.now() + 10 * MINUTE);

describe('issue and due dates follow the Korean business-day calendar (Art. 7.1)', () => {
  const server = timeSkippingServer();

  it('has hand-counted cases still ahead of today (else: update the holiday dataset and count new ones)', () => {
    expect(UPCOMING.length).toBeGreaterThan(0);
  });

  for (const c of UPCOMING) {
    it(c.title, async () => {
      const { env } = server;
      await t.db('holidays').delete();
      if (c.extraHolidays)
        await t.db('holidays').insert(c.extraHolidays.map((h) => ({ ...h, created_by: 'operator' })));
      const billed = await billedContract(env, c.period, { sms: 1 }, { startAt: c.startAt });
      if (!c.startAt) {
        // Nothing before the month is over.
        await sleepUntil(env, issuedAtOf(c) - 30 * MINUTE);
        expect(await billed.snapshot()).toBeNull();
        expect(await billed.row()).toBeUndefined();
      }
      await sleepUntil(env, issuedAtOf(c) + HOUR);
      const s = await issued(billed);
      expect(s.issueDate).toBe(c.issueDate);
      expect(s.ledger.dueDate).toBe(c.dueDate);
      expect(s.deadlines).toEqual(c.deadlines);
      expect(await dateColumns(s.id)).toEqual({
        issue_date: c.issueDate,
        due_date: c.dueDate,
        legal: c.deadlines.legal,
        contract: c.deadlines.contract,
      });
      const alerts = () =>
        t.db('audit_log').where({ action: 'invoice.deadline_missed', subject_id: billed.contractId });
      if (c.alert) {
        const alert = await until(async () => (await alerts())[0], 'the missed-deadline alert');
        expect(alert.details).toMatchObject({ period: c.period, issueDate: c.issueDate, issueBy: c.deadlines.legal });
      } else {
        expect(await alerts()).toEqual([]);
      }
      await t.db('holidays').delete();
    });
  }
});

describe('amounts and payments (SPEC §5: exact lines, supply and VAT floored)', () => {
  const server = timeSkippingServer();
  // FEES (centiwon): payment notice 8.50, SMS 9.00, LMS 25.00, AlimTalk 7.50, FriendTalk image 20.25.
  const c = issuedThisMonth(server, { paymentNotice: 3, sms: 2, lms: 1, alimtalk: 7, friendtalkImage: 3 });

  it('prices each line as count × unit price to the hundredth of a won, floors the supply amount and the VAT', async () => {
    expect(c.issued.draft.lines.map((l) => [l.type, l.quantity, l.unitPriceCentiwon, l.amountCentiwon])).toEqual([
      ['paymentNotice', 3, 850, 2550], // 3 × 8.50 = 25.50
      ['sms', 2, 900, 1800], // 2 × 9.00 = 18.00
      ['lms', 1, 2500, 2500], // 1 × 25.00 = 25.00
      ['alimtalk', 7, 750, 5250], // 7 × 7.50 = 52.50
      ['friendtalkImage', 3, 2025, 6075], // 3 × 20.25 = 60.75
    ]);
    // Sum 181.75 → supply 181 (had each line been floored first it would be 180); VAT floor(18.1) = 18.
    expect(c.issued.draft).toMatchObject({ supplyAmount: 181, vat: 18, total: 199 });
    expect(c.issued.summary).toMatchObject({
      status: 'issued',
      paidAmount: 0,
      creditedAmount: 0,
      outstandingAmount: 199,
    });

    const row = await c.row();
    expect(row).toMatchObject({
      id: c.issued.id,
      status: 'issued',
      supply_amount: 181,
      vat: 18,
      total: 199,
      paid_amount: 0,
      credited_amount: 0,
      outstanding_amount: 199,
    });
    const lines = await t
      .db('invoice_lines')
      .where({ invoice_id: c.issued.id })
      .orderBy('usage_type')
      .select('usage_type', 'quantity', 'unit_price', 'amount');
    expect(lines).toEqual([
      { usage_type: 'alimtalk', quantity: 7, unit_price: '7.50', amount: '52.50' },
      { usage_type: 'friendtalkImage', quantity: 3, unit_price: '20.25', amount: '60.75' },
      { usage_type: 'lms', quantity: 1, unit_price: '25.00', amount: '25.00' },
      { usage_type: 'paymentNotice', quantity: 3, unit_price: '8.50', amount: '25.50' },
      { usage_type: 'sms', quantity: 2, unit_price: '9.00', amount: '18.00' },
    ]);
    // The tax invoice's parties: the supplier and the merchant as it was at issue.
    const merchant = await t.db('merchants').where({ id: c.merchantId }).first('brn', 'name');
    expect(c.issued.draft.buyer).toMatchObject({ name: merchant.name, businessRegistrationNumber: merchant.brn });
    expect(c.issued.supplier.businessRegistrationNumber).toMatch(/^\d{10}$/);
  });

  it('the database refuses an invoice row whose amounts do not balance', async () => {
    await expect(t.db('invoices').where({ id: c.issued.id }).update({ paid_amount: 1 })).rejects.toThrow(
      /invoices_balance/,
    );
    await expect(t.db('invoices').where({ id: c.issued.id }).update({ vat: 19 })).rejects.toThrow(/invoices_balance/);
    await expect(t.db('invoices').where({ id: c.issued.id }).update({ status: 'refunded' })).rejects.toThrow(
      /invoices_status/,
    );
    expect(await c.row()).toMatchObject({ paid_amount: 0, vat: 18, status: 'issued' });
  });

  it('a partial payment leaves the invoice partially paid', async () => {
    const after = await c.pay(100);
    await expectBalanced(c, after, { status: 'partially_paid', paidAmount: 100, outstandingAmount: 99 });
    expect(await t.db('invoice_payments').where({ invoice_id: c.issued.id }).pluck('amount')).toEqual([100]);
  });

  it('refuses a payment above what is owed, with payment_exceeds_outstanding (422), and changes nothing', async () => {
    const before = (await c.snapshot())!;
    const refused = await c.pay(150).catch((e) => e);
    expect(refused).toBeInstanceOf(WorkflowUpdateFailedError);
    expect(refused).toMatchObject({
      cause: {
        type: 'InvoiceViolation',
        details: [{ code: 'payment_exceeds_outstanding', outstandingAmount: 99 }],
      },
    });
    // The workflow refuses with a code only; the API answers that code with 422.
    expect(statusOfRule(refused.cause.details[0].code)).toBe(422);
    const now = (await c.snapshot())!;
    expect(now.version).toBe(before.version);
    expect(now.summary).toEqual(before.summary);
    expect(await c.row()).toMatchObject({ version: before.version, paid_amount: 100, outstanding_amount: 99 });
    expect(await t.db('invoice_payments').where({ invoice_id: c.issued.id }).pluck('amount')).toEqual([100]);
  });

  it('paying the rest marks it paid and the invoice workflow completes; the contract stays active', async () => {
    const after = await c.pay(99);
    await expectBalanced(c, after, { status: 'paid', paidAmount: 199, outstandingAmount: 0 });
    await expectClosed(c, c.issued.id, 'paid');
  });

  it('a month with no usage ends with nothing_to_bill and writes no invoice', async () => {
    const empty = await approvedContract(server.env);
    const handle = await startInvoice(server.env, empty.contractId, c.period);
    expect(await handle.result()).toEqual({ invoiceId: null, status: 'nothing_to_bill' });
    expect(await t.db('invoices').where({ contract_id: empty.contractId })).toEqual([]);
  });
});

describe('a disputed invoice (Art. 7.2): the undisputed part is paid by the due date, the rest after reconciliation', () => {
  const server = timeSkippingServer();
  // 20 LMS × 25.00 = 500.00 → supply 500, VAT 50, total 550.
  const c = issuedThisMonth(server, { lms: 20 });
  let disputeId: string;
  beforeAll(() => expect(c.issued.draft.total).toBe(550));

  it('the merchant disputes part of the invoice', async () => {
    const s = await c.dispute(200);
    disputeId = s.ledger.disputes[0].id;
    await expectBalanced(c, s, {
      status: 'disputed',
      disputedAmount: 200,
      outstandingAmount: 550,
      undisputedOutstanding: 350,
    });
  });

  it('paying the undisputed 350 won before the due date keeps it out of arrears after the due date passes', async () => {
    await payUndisputed(c, 350, 200);

    // Overdue would begin at 00:00 KST the day after the due date.
    await sleepUntil(server.env, kst(plusDays(c.issued.ledger.dueDate, 1), '12:00'));
    const s = (await c.snapshot())!;
    expect(s.summary.status).toBe('disputed');
    await expectBalanced(c, s);
    expect(await c.contract()).toMatchObject({ status: 'active', overdueInvoices: [] });
  });

  it('resolving with 80 of the 200 won accepted leaves 80 owed and credits 120', async () => {
    const s = await c.resolve(disputeId, 80);
    expect(s.ledger.disputes[0]).toMatchObject({
      id: disputeId,
      status: 'resolved',
      acceptedAmount: 80,
      creditedAmount: 120,
    });
    await expectBalanced(c, s, { paidAmount: 350, creditedAmount: 120, disputedAmount: 0, outstandingAmount: 80 });
    const dispute = await t.db('invoice_disputes').where({ id: disputeId }).first();
    expect(dispute).toMatchObject({ status: 'resolved', amount: 200, accepted_amount: 80, credited_amount: 120 });
  });

  it('resolving after the due date does not put the merchant in arrears at once: the accepted part was never due before (Art. 7.2, 5.2.3)', async () => {
    // The merchant paid everything undisputed on time; the accepted 80 won became owed only now,
    // after reconciliation. It cannot have been late on the original due date. Fails while
    // summarize() (domain/invoice-ledger.ts) counts an accepted amount as overdue from the original
    // due date: the resolve Update itself then signals invoice_overdue and the contract is
    // suspended in the same instant, with no chance to pay.
    const s = (await c.snapshot())!;
    expect(s.summary.outstandingAmount).toBe(80);
    expect(s.summary.status).not.toBe('overdue');
    expect(await c.contract()).toMatchObject({ status: 'active', overdueInvoices: [] });
  });

  it('paying the accepted 80 won settles the invoice; the workflow completes and the contract is active', async () => {
    const s = await c.pay(80);
    await expectBalanced(c, s, { status: 'settled', paidAmount: 430, creditedAmount: 120, outstandingAmount: 0 });
    await expectClosed(c, s.id, 'settled');
  });
});

describe('an unpaid invoice past its due date suspends the contract until paid (Art. 5.2.3)', () => {
  const server = timeSkippingServer();
  let c: BilledContract;
  let id: string;
  let disputeId: string;
  /** The same bill, but the merchant neither pays nor disputes before the due date. */
  let silent: BilledContract;
  let dueDate: string;

  beforeAll(async () => {
    const period = await currentPeriod(server.env);
    // 10 AlimTalk × 7.50 = 75.00 → supply 75, VAT 7 (7.5 floored), total 82.
    [c, silent] = await Promise.all([
      billedContract(server.env, period, { alimtalk: 10 }),
      billedContract(server.env, period, { alimtalk: 10 }),
    ]);
    const s = await skipUntilIssued(server.env, period, () => c.snapshot()).then(() => issued(c));
    await issued(silent);
    dueDate = s.ledger.dueDate;
    id = s.id;
    expect(s.draft).toMatchObject({ supplyAmount: 75, vat: 7, total: 82 });
    // The merchant disputes 30 won and pays nothing.
    disputeId = (await c.dispute(30)).ledger.disputes[0].id;
  });

  it('is still in time on the due date itself, at 23:59 KST', async () => {
    await sleepUntil(server.env, kst(dueDate, '23:59'));
    expect((await c.snapshot())!.summary.status).toBe('disputed');
    expect((await c.contract()).status).toBe('active');
  });

  it('turns overdue at 00:00 KST the next day and the contract is suspended for unpaid fees', async () => {
    await sleepUntil(server.env, kst(plusDays(dueDate, 1), '00:05'));
    const s = await snapshotWhere(c, (x) => x.summary.status === 'overdue', 'the invoice to turn overdue');
    await expectBalanced(c, s, { outstandingAmount: 82, disputedAmount: 30, undisputedOutstanding: 52 });
    const contract = await until(async () => {
      const x = await c.contract();
      return x.status === 'suspended' ? x : undefined;
    }, 'the contract to be suspended');
    expect(contract).toMatchObject({
      status: 'suspended',
      suspension: { reason: 'unpaid_fees' },
      overdueInvoices: [id],
    });
    expect(await t.db('contracts').where({ id: c.contractId }).first('status')).toEqual({ status: 'suspended' });
  });

  it('a dispute filed only after the due date does not lift the suspension: the arrears must be paid (Art. 7.2, 5.2.3)', async () => {
    await until(
      async () => ((await silent.contract()).status === 'suspended' ? true : undefined),
      'the silent merchant’s contract to be suspended',
    );
    // The whole 82 won was undisputed and unpaid on the due date. Disputing it now is the merchant's
    // right, but it pays nothing: the service stays suspended until paid (SPEC §5). Fails while a
    // late dispute lowers the "undisputed outstanding" to 0 and the workflow signals invoice_paid.
    await silent.dispute(82, '뒤늦은 이의');
    const contract = await silent.contract();
    expect(contract).toMatchObject({ status: 'suspended', suspension: { reason: 'unpaid_fees' } });
  });

  it('paying the undisputed balance makes the contract active again while the dispute stays open', async () => {
    await payUndisputed(c, 52, 30);
    const contract = await until(async () => {
      const x = await c.contract();
      return x.status === 'active' ? x : undefined;
    }, 'the contract to be resumed');
    expect(contract).toMatchObject({ suspension: null, overdueInvoices: [] });
  });

  it('a dispute rejected in full is credited and settles the invoice', async () => {
    const s = await c.resolve(disputeId, 0);
    await expectBalanced(c, s, { status: 'settled', paidAmount: 52, creditedAmount: 30, outstandingAmount: 0 });
    await expectClosed(c, id, 'settled');
  });
});

describe('a month whose dates fall in a year without holiday data', () => {
  const server = timeSkippingServer();

  it('December 2027 (issued in 2028) waits, naming 2028, never guessing a date; once an operator loads 2028 it is issued with that calendar', async () => {
    const { env } = server;
    const c = await approvedContract(env);
    await insertUsage(c, '2027-12', { sms: 1 });
    const handle = await startInvoice(env, c.contractId, '2027-12');
    // The month ends Sat 1 Jan 2028 00:00 KST; the bundled dataset ends with 2027.
    await sleepUntil(env, kst('2028-01-01') + MINUTE);
    // The dates are computed in an activity, retried until the year is loaded (its failure names it).
    const failure = await until(async () => {
      const pending = (await handle.describe()).raw.pendingActivities?.[0];
      return pending?.activityType?.name === 'invoiceDates' ? pending.lastFailure : undefined;
    }, 'the invoiceDates activity to fail');
    expect(failure!.message).toMatch(/no Korean holiday data for 2028/);
    expect((await handle.describe()).status.name).toBe('RUNNING');
    expect(await t.db('invoices').where({ contract_id: c.contractId })).toEqual([]);

    // The operator loads 2028 (PUT /v1/holidays/2028 does this): 1월 1일 on Sat 1 Jan, and Seollal
    // Tue 25 – Thu 27 Jan. Issued Sat 1 Jan 2028; Jan 3–7 (1–5), 10–14 (6–10), 17–21 (11–15), Mon 24
    // (16); Jan 25–27 skipped; Fri 28 (17), Mon 31 (18), Feb 1, 2 (19, 20) → Wed 2 Feb. VAT Act: Mon
    // 10 Jan. Art. 7.1: Jan 3–7, 10–14 → Fri 14 Jan.
    await loadHolidayYear(t.db, {
      year: 2028,
      loadedBy: 'operator',
      holidays: [
        { date: '2028-01-01', name: '1월 1일' },
        { date: '2028-01-25', name: '설날 전날' },
        { date: '2028-01-26', name: '설날' },
        { date: '2028-01-27', name: '설날 다음 날' },
      ],
    });
    const billed = {
      snapshot: () => handle.query(invoiceQuery),
      row: () => t.db('invoices').where({ contract_id: c.contractId }).first(),
    };
    const s = await skipUntilIssued(env, '2027-12', billed.snapshot).then(() => issued(billed));
    expect(s.issueDate).toBe('2028-01-01');
    expect(s.ledger.dueDate).toBe('2028-02-02');
    expect(s.deadlines).toEqual({ legal: '2028-01-10', contract: '2028-01-14' });
    await handle.terminate('test over');
  });
});

describe('BillingRunWorkflow: one invoice per contract and month, ever', () => {
  const server = timeSkippingServer({ ownDatabase: true });

  it('starts an invoice for each contract with usage delivered by the month’s end, and none on a second run', async () => {
    const { env } = server;
    const period = await currentPeriod(env);
    const [a, b, idle] = await Promise.all([approvedContract(env), approvedContract(env), approvedContract(env)]);
    await insertUsage(a, period, { sms: 2 });
    await insertUsage(b, period, { alimtalk: 1 });
    // The third contract has usage, but in another month.
    await insertUsage(idle, nextPeriod(period), { sms: 1 });
    const run = (n: number) =>
      env.client.workflow.execute(BillingRunWorkflow, {
        workflowId: `billing-run-${period}-${n}-${a.contractId}`,
        taskQueue: TASK_QUEUES.billing,
        args: [{ period, searchAttributes: false }],
      });

    const first = await run(1);
    expect(first).toEqual({ period, started: [a.contractId, b.contractId].sort(), alreadyInvoiced: [] });
    const second = await run(2);
    expect(second).toEqual({ period, started: [], alreadyInvoiced: [a.contractId, b.contractId].sort() });

    for (const x of [a, b])
      expect((await env.client.workflow.getHandle(`invoice-${x.contractId}-${period}`).describe()).status.name).toBe(
        'RUNNING',
      );
    await expect(env.client.workflow.getHandle(`invoice-${idle.contractId}-${period}`).describe()).rejects.toThrow(
      WorkflowNotFoundError,
    );

    const rows = await skipUntilIssued(env, period, async () => {
      const r = await t.db('invoices').where({ period }).select('contract_id', 'total');
      return r.length === 2 ? r : undefined;
    });
    // 2 × 9.00 = 18 + VAT 1 = 19; 1 × 7.50 → supply 7, VAT 0, total 7.
    expect(rows.sort((x: any, y: any) => x.contract_id.localeCompare(y.contract_id))).toEqual(
      [
        { contract_id: a.contractId, total: 19 },
        { contract_id: b.contractId, total: 7 },
      ].sort((x, y) => x.contract_id.localeCompare(y.contract_id)),
    );

    // Once issued, their usage is on the invoices: a third run finds nothing left to bill.
    expect(await run(3)).toEqual({ period, started: [], alreadyInvoiced: [] });
    expect(Number((await t.db('invoices').where({ period }).count('* as n').first())!.n)).toBe(2);
  });
});

/** The last minute of a month, KST, as an ISO instant. */
const lastMinuteOf = (period: string, seconds = 30) =>
  new Date(kst(`${nextPeriod(period)}-01`) - 60_000 + seconds * 1000).toISOString();

describe('a late result crosses the month: billed in the month it was delivered, or on the next month’s invoice (SPEC §5)', () => {
  const server = timeSkippingServer();

  it('the month’s invoice claims what was delivered and recorded by its end; a FriendTalk held past midnight and a result recorded after the draft land on the next month’s', async () => {
    const { env } = server;
    const period = await currentPeriod(env);
    const next = nextPeriod(period);
    const c = await approvedContract(env);
    const [sms1, sms2] = [
      await deliver(c, 'sms', new Date(kst(`${period}-15`, '12:00')).toISOString()),
      await deliver(c, 'sms', lastMinuteOf(period, 10)),
    ];
    // Accepted at 23:00 on the last day, held by the FriendTalk night ban and delivered at 08:00.
    const held = await deliver(c, 'friendtalkText', new Date(kst(`${next}-01`, '08:00')).toISOString());
    const [thisMonth, nextMonth] = [
      await startInvoice(env, c.contractId, period),
      await startInvoice(env, c.contractId, next),
    ];
    const first = invoiceOf(env, c.contractId, period);

    // Drafted as soon as the month is over — no result window to wait for.
    await sleepUntil(env, kst(`${next}-01`) + MINUTE);
    const s = await issued(first);
    expect(s.issueDate).toBe(`${next}-01`);
    expect(s.draft.lines.map((l) => [l.type, l.quantity])).toEqual([['sms', 2]]);

    // An LMS delivered at 23:59:30 whose result reaches the database only now, after the draft.
    const late = await deliver(c, 'lms', lastMinuteOf(period, 30));
    expect(await claims([sms1, sms2, held, late])).toEqual({
      [sms1]: { invoice: s.id, period },
      [sms2]: { invoice: s.id, period },
      [held]: { invoice: null, period: next },
      [late]: { invoice: null, period },
    });
    // A claimed record can never be claimed again, nor deleted.
    await expect(t.db('usage_records').where({ message_id: sms1 }).update({ invoice_id: 'inv_other' })).rejects.toThrow(
      /already claimed/,
    );
    await expect(t.db('usage_records').where({ message_id: sms1 }).delete()).rejects.toThrow(/cannot be deleted/);

    const second = invoiceOf(env, c.contractId, next);
    const n = await skipUntilIssued(env, next, second.snapshot).then(() => issued(second));
    expect(n.draft.lines.map((l) => [l.type, l.quantity])).toEqual([
      ['lms', 1],
      ['friendtalkText', 1],
    ]);
    expect(await claims([held, late])).toEqual({
      [held]: { invoice: n.id, period: next },
      [late]: { invoice: n.id, period },
    });
    // Every record on exactly one invoice: 4 delivered, 4 billed, none left.
    const billed = await t.db('invoice_lines').whereIn('invoice_id', [s.id, n.id]).sum('quantity as n').first();
    expect(Number(billed!.n)).toBe(4);
    expect(await t.db('usage_records').where({ contract_id: c.contractId }).whereNull('invoice_id')).toEqual([]);
    await Promise.all([thisMonth.terminate('test over'), nextMonth.terminate('test over')]);
  });
});

describe('a terminated contract gets its final invoice, and a result recorded after it one more (SPEC §5)', () => {
  const server = timeSkippingServer({ ownDatabase: true });

  it('billing runs bill a terminated contract’s unclaimed usage, also in a month in which it had none', async () => {
    const { env } = server;
    const period = await currentPeriod(env);
    const next = nextPeriod(period);
    const c = await approvedContract(env);
    for (let i = 0; i < 3; i++) await deliver(c, 'sms', new Date(kst(`${period}-10`, '10:00')).toISOString());
    const ended = await c.handle.executeUpdate(contractUpdate('terminate'), {
      args: [
        { actor: OPERATOR, command: { type: 'terminate', cause: 'business_closure' } } as ContractRequest<'terminate'>,
      ],
    });
    expect(ended.status).toBe('terminated');
    const run = (month: string) =>
      env.client.workflow.execute(BillingRunWorkflow, {
        workflowId: `billing-run-${month}-${c.contractId}`,
        taskQueue: TASK_QUEUES.billing,
        args: [{ period: month, searchAttributes: false }],
      });

    await sleepUntil(env, kst(`${next}-01`) + MINUTE);
    expect(await run(period)).toEqual({ period, started: [c.contractId], alreadyInvoiced: [] });
    const final = await issued(invoiceOf(env, c.contractId, period));
    // 3 × 9.00 = 27 + VAT 2 = 29.
    expect(final.draft).toMatchObject({ contractId: c.contractId, supplyAmount: 27, vat: 2, total: 29 });

    // A result of the last day reaches the database after that invoice was drafted.
    await deliver(c, 'sms', lastMinuteOf(period));
    await sleepUntil(env, kst(`${nextPeriod(next)}-01`) + MINUTE);
    expect(await run(next)).toEqual({ period: next, started: [c.contractId], alreadyInvoiced: [] });
    const after = await issued(invoiceOf(env, c.contractId, next));
    expect(after.draft).toMatchObject({ supplyAmount: 9, vat: 0, total: 9 });
    expect(after.draft.lines.map((l) => [l.type, l.quantity])).toEqual([['sms', 1]]);
    expect(await t.db('usage_records').where({ contract_id: c.contractId }).whereNull('invoice_id')).toEqual([]);
  });
});

describe('paid, then disputed and won: the overpaid part is refunded (SPEC §5)', () => {
  const server = timeSkippingServer();
  // 20 LMS × 25.00 = 500.00 → supply 500, VAT 50, total 550.
  const c = issuedThisMonth(server, { lms: 20 });
  beforeAll(() => expect(c.issued.draft.total).toBe(550));

  const payOnce = async (amount: number, request: { key: string; hash: string }) =>
    c.invoice.executeUpdate(invoiceUpdate('record_payment'), {
      args: [
        {
          type: 'record_payment',
          id: newId('pay'),
          amount,
          paidAt: new Date(await server.env.currentTimeMs()).toISOString(),
          request,
        },
      ],
    });

  it('a retried payment (same Idempotency-Key, same request) is recorded once; the key with another request is refused', async () => {
    const first = await payOnce(200, { key: 'deposit-1', hash: 'h-200' });
    const retry = await payOnce(200, { key: 'deposit-1', hash: 'h-200' });
    expect(retry.summary).toMatchObject({ paidAmount: 200, outstandingAmount: 350 });
    expect(retry.ledger.payments).toEqual(first.ledger.payments);
    const reused = await payOnce(300, { key: 'deposit-1', hash: 'h-300' }).catch((e) => e);
    expect(reused).toMatchObject({ cause: { details: [{ code: 'idempotency_key_reused' }] } });
    expect(statusOfRule(reused.cause.details[0].code)).toBe(422);
    expect(
      await t.db('invoice_payments').where({ invoice_id: c.issued.id }).select('amount', 'idempotency_key'),
    ).toEqual([{ amount: 200, idempotency_key: 'deposit-1' }]);
  });

  it('paid in full, the invoice stays open: disputes are still possible until the next month’s invoice', async () => {
    const paid = await c.pay(350);
    expect(paid.summary).toMatchObject({ status: 'paid', paidAmount: 550, outstandingAmount: 0 });
    expect((await c.invoice.describe()).status.name).toBe('RUNNING');
    const disputed = await c.dispute(100, '발송 실패 건이 과금되었습니다');
    await expectBalanced(c, disputed, { status: 'disputed', disputedAmount: 100, outstandingAmount: 0 });
  });

  it('won with 40 of the 100 won accepted: 60 credited and 60 refunded, dated at the resolution; paid − refunded + credited + outstanding = total', async () => {
    const open = (await c.snapshot())!.ledger.disputes[0];
    const resolvedAt = new Date(await server.env.currentTimeMs()).toISOString();
    const r = await c.invoice.executeUpdate(invoiceUpdate('resolve_dispute'), {
      args: [{ type: 'resolve_dispute', disputeId: open.id, acceptedAmount: 40, resolvedAt }],
    });
    expect(r.summary).toMatchObject({
      status: 'settled',
      paidAmount: 550,
      refundedAmount: 60,
      creditedAmount: 60,
      outstandingAmount: 0,
    });
    expect(r.ledger.refunds).toEqual([
      { id: expect.stringMatching(/^rfd_/), disputeId: open.id, amount: 60, refundedAt: resolvedAt },
    ]);
    const { paidAmount, refundedAmount, creditedAmount, outstandingAmount } = r.summary;
    expect(paidAmount - refundedAmount + creditedAmount + outstandingAmount).toBe(550);
    const row = await until(async () => {
      const x = await c.row();
      return x.version === r.version ? x : undefined;
    }, 'the refunded row');
    expect(row).toMatchObject({
      paid_amount: 550,
      refunded_amount: 60,
      credited_amount: 60,
      outstanding_amount: 0,
      status: 'settled',
    });
    const refund = await t.db('invoice_refunds').where({ invoice_id: c.issued.id }).first();
    expect(refund).toMatchObject({ dispute_id: open.id, amount: 60 });
    expect(new Date(refund.refunded_at).toISOString()).toBe(resolvedAt);
    // The database keeps the ledger whole too.
    await expect(t.db('invoices').where({ id: c.issued.id }).update({ refunded_amount: 61 })).rejects.toThrow(
      /invoices_balance/,
    );
  });

  it('once the next month is over (its invoice issued) the workflow ends and disputes are refused', async () => {
    expect(await c.invoice.result()).toEqual({ invoiceId: c.issued.id, status: 'settled' });
    expect(await server.env.currentTimeMs()).toBeGreaterThanOrEqual(kst(`${nextPeriod(nextPeriod(c.period))}-01`));
    await expect(c.dispute(10)).rejects.toThrow();
  });
});

describe('arrears are not forgiven by accident: resuming while an invoice is overdue takes a reason (Art. 5.2.3)', () => {
  const server = timeSkippingServer();

  it('refused (409 invoices_overdue, naming the invoice) without a reason; with one it is active, the arrears stay recorded and paying them clears them', async () => {
    const { env } = server;
    const period = await currentPeriod(env);
    // 10 AlimTalk × 7.50 = 75 + VAT 7 = 82.
    const c = await billedContract(env, period, { alimtalk: 10 });
    const s = await skipUntilIssued(env, period, () => c.snapshot()).then(() => issued(c));
    await sleepUntil(env, kst(plusDays(s.ledger.dueDate, 1), '00:05'));
    await until(async () => ((await c.contract()).status === 'suspended' ? true : undefined), 'the suspension');
    const resume = (reason?: string) =>
      c.handle.executeUpdate(contractUpdate('resume'), {
        args: [
          { actor: OPERATOR, command: { type: 'resume', ...(reason ? { reason } : {}) } } as ContractRequest<'resume'>,
        ],
      });

    const refused = await resume().catch((e) => e);
    expect(refused).toBeInstanceOf(WorkflowUpdateFailedError);
    expect(refused).toMatchObject({
      cause: {
        type: 'ContractViolation',
        details: [{ code: 'invoices_overdue', overdueInvoices: [s.id] }],
      },
    });
    expect(statusOfRule(refused.cause.details[0].code)).toBe(409);
    expect(refused.cause.message).toContain(s.id);
    expect(await c.contract()).toMatchObject({ status: 'suspended', overdueInvoices: [s.id] });

    const resumed = await resume('분할 납부 약정 (2회)');
    expect(resumed).toMatchObject({ status: 'active', suspension: null, overdueInvoices: [s.id] });
    const event = await until(
      () => t.db('contract_events').where({ contract_id: c.contractId, action: 'resumed' }).first(),
      'the resumed event',
    );
    expect(event.details).toMatchObject({
      reason: 'unpaid_fees',
      note: '분할 납부 약정 (2회)',
      overdueInvoices: [s.id],
    });

    await c.pay(82);
    const paid = await until(async () => {
      const x = await c.contract();
      return x.overdueInvoices.length === 0 ? x : undefined;
    }, 'the arrears to clear');
    expect(paid.status).toBe('active');
  });
});
