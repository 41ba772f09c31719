/**
 * Billing end to end, the way a merchant and an operator meet it: messages sent over HTTP through
 * the carrier simulator, the running draft of the month, a billing run, the invoice as a tax
 * invoice (JSON and PDF), partial payment, dispute, resolution, a dispute after full payment won
 * and refunded, Idempotency-Key retries, a late result landing on the next invoice and the holiday
 * calendar (SPEC §5, §7; Art. 6, 7; form §3–4). Real API, real workers on a Temporal dev server,
 * PostgreSQL. Besides the API the tests touch only the database (to move deliveries into past
 * months, see below) and Temporal (a billing run's result).
 *
 * Timers are short: the Kakao result timeout is 1 s and the result window ("48 h") is 4 s.
 *
 */
import { formatBrn } from '../../domain/brn';
import { kstDate, periodOf } from '../../domain/calendar-kst';
import { previousPeriod } from '../../domain/invoice';
import {
  activeContract,
  approvedTemplate,
  finalMessage,
  orderAlimtalk,
  type ActiveContract,
} from '../support/api-fixtures';
import { validBrn } from '../support/fixtures';
import { eventually, startTestPlatform, type ApiResponse, type TestPlatform } from '../support/platform';

let platform: TestPlatform;
/** The merchant that sends and is billed. */
let main: ActiveContract;
const mainBrn = validBrn();
/** Another merchant, who must never see the first one's bills. */
let other: ActiveContract;

const TEMPLATE = { code: 'ORDER_OK', text: '#{name}님, 주문 #{order}이(가) 접수되었습니다.' };
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

let middle = 2000 + Math.floor(Math.random() * 7000);
/** A fresh mobile number ending in `last4` (the simulator decides the outcome by the last 4 digits). */
const mobile = (last4 = '1234') => `010-${String(middle++).padStart(4, '0')}-${last4}`;

const thisMonth = () => periodOf(kstDate(new Date()));

/**
 * Moves usage records into a past month, as if delivered then: the messages were sent today, and a
 * month is billed once it is over.
 */
const deliveredIn = (where: Record<string, string>, at: string) =>
  platform
    .db('usage_records')
    .where(where)
    .update({ delivered_at: at, period: at.slice(0, 7) });

/**
 * What the contract's fees (FEES_BODY: SMS 9, LMS 25, AlimTalk 7.5 원) make of 2 SMS, 1 LMS and
 * 3 AlimTalk delivered: 18.00 + 25.00 + 22.50 = 65.50 → supply 65 (floored), VAT floor(6.5) = 6,
 * total 71. The two failed AlimTalks cost nothing.
 */
const EXPECTED_LINES = [
  { type: 'sms', quantity: 2, unitPrice: '9.00', amount: '18.00' },
  { type: 'lms', quantity: 1, unitPrice: '25.00', amount: '25.00' },
  { type: 'alimtalk', quantity: 3, unitPrice: '7.50', amount: '22.50' },
];
const EXPECTED = { supplyAmount: 65, vat: 6, total: 71 };

const call = (
  method: string,
  path: string,
  opts?: { key?: string | null; body?: unknown; headers?: Record<string, string> },
) => platform.api.call(method, path, opts);

/** The merchant whose API key is `key` disputes `amount` won of an invoice. */
const openDispute = (invoiceId: string, key: string, amount: number, reason: string) =>
  call('POST', `/v1/invoices/${invoiceId}/disputes`, { key, body: { amount, reason } });

function expectError(res: ApiResponse, status: number, code: string) {
  expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status, code });
}

/** paid + credited + outstanding = total, on the invoice as the API shows it. */
function expectBalanced(invoice: any) {
  expect(invoice.paidAmount + invoice.creditedAmount + invoice.outstandingAmount).toBe(invoice.total);
}

beforeAll(async () => {
  platform = await startTestPlatform({ kakaoResultTimeout: '1s', resultWindow: '4s' });
  [main, other] = await Promise.all([
    activeContract(platform.api, { merchant: { businessRegistrationNumber: mainBrn } }),
    activeContract(platform.api, { senderNumbers: ['031-234-5678'] }),
  ]);
  await approvedTemplate(platform.api, main.merchant.apiKey, TEMPLATE.code, TEMPLATE.text);

  const key = main.merchant.apiKey;
  const alimtalk = (to: string) => orderAlimtalk(to, TEMPLATE.code);
  const bodies = [
    alimtalk(mobile()),
    alimtalk(mobile()),
    alimtalk(mobile()),
    { type: 'sms', to: mobile(), text: '[바른상점] 배송이 시작되었습니다.' },
    { type: 'sms', to: mobile(), text: '[바른상점] 배송이 완료되었습니다.' },
    {
      type: 'lms',
      to: mobile(),
      subject: '출고 안내',
      text: `[바른상점] 주문 안내\n${'주문하신 상품이 오늘 출고되었습니다. '.repeat(5)}`,
    },
    // 9003: Kakao fails, then the carrier rejects the SMS fallback. 9004: the carrier never reports.
    alimtalk(mobile('9003')),
    alimtalk(mobile('9004')),
  ];
  const ids = await Promise.all(
    bodies.map(async (body) => {
      const res = await call('POST', '/v1/messages', { key, body });
      if (res.status !== 202) throw new Error(`message not accepted: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.id as string;
    }),
  );
  const finals = await Promise.all(ids.map((id) => finalMessage(platform.api, key, id, 30_000)));
  // One SMS of the other merchant, billed two months back (see the last describe).
  const otherSms = await call('POST', '/v1/messages', {
    key: other.merchant.apiKey,
    body: { type: 'sms', to: mobile(), text: '[이웃상점] 배송이 시작되었습니다.' },
  });
  expect(otherSms.status).toBe(202);
  expect((await finalMessage(platform.api, other.merchant.apiKey, otherSms.body.id, 30_000)).status).toBe('delivered');
  expect(finals.map((m) => [m.status, m.deliveredVia])).toEqual([
    ['delivered', 'alimtalk'],
    ['delivered', 'alimtalk'],
    ['delivered', 'alimtalk'],
    ['delivered', 'sms'],
    ['delivered', 'sms'],
    ['delivered', 'lms'],
    ['failed', null],
    ['failed', null],
  ]);
}, 120_000);

afterAll(() => platform?.close(), 60_000);

describe('the running draft of this month (GET /v1/invoices/upcoming)', () => {
  it('bills the delivered messages at the contract’s unit prices to the won, VAT floored; failed messages cost nothing', async () => {
    const res = await call('GET', `/v1/invoices/upcoming?contractId=${main.contractId}`, { key: main.merchant.apiKey });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      contractId: main.contractId,
      period: thisMonth(),
      status: 'draft',
      lines: EXPECTED_LINES,
      ...EXPECTED,
      asOf: expect.stringMatching(ISO_WITH_OFFSET),
    });
    expect(res.body).not.toHaveProperty('id');
  });

  it('an operator sees the same draft', async () => {
    const res = await call('GET', `/v1/invoices/upcoming?contractId=${main.contractId}`);
    expect(res.body).toMatchObject({ lines: EXPECTED_LINES, ...EXPECTED });
  });

  it('another merchant’s contract answers 404, as does one that does not exist', async () => {
    expectError(
      await call('GET', `/v1/invoices/upcoming?contractId=${other.contractId}`, { key: main.merchant.apiKey }),
      404,
      'not_found',
    );
    expectError(
      await call('GET', `/v1/invoices/upcoming?contractId=ctr_nope`, { key: main.merchant.apiKey }),
      404,
      'not_found',
    );
  });
});

describe('billing runs (POST /v1/billing/runs)', () => {
  it('refuses the current month with period_not_closed (422): a month is billed once it is over', async () => {
    expectError(await call('POST', '/v1/billing/runs', { body: { period: thisMonth() } }), 422, 'period_not_closed');
  });

  it('is for operators only (a merchant key gets 403) and checks the period’s format (400)', async () => {
    expectError(
      await call('POST', '/v1/billing/runs', {
        key: main.merchant.apiKey,
        body: { period: previousPeriod(kstDate(new Date())) },
      }),
      403,
      'forbidden',
    );
    expect((await call('POST', '/v1/billing/runs', { body: { period: '2026-13' } })).status).toBe(400);
  });
});

describe('an invoice for last month, from a billing run', () => {
  const period = previousPeriod(kstDate(new Date()));
  let invoice: any;
  let disputeId: string;

  beforeAll(async () => {
    // The month must be over to be billed: the API refuses the current month. The messages above
    // were sent today, so their usage is moved to last month: its invoice is drafted at once.
    expect(await deliveredIn({ contract_id: main.contractId }, `${period}-15T12:00:00+09:00`)).toBe(6);

    const run = await call('POST', '/v1/billing/runs', { body: { period } });
    expect(run.status).toBe(202);
    expect(run.body).toEqual({ workflowId: `billing-run-${period}`, period });
    invoice = await eventually(
      async () => {
        const res = await call('GET', `/v1/invoices?period=${period}`, { key: main.merchant.apiKey });
        return res.body.data?.length ? res.body.data[0] : undefined;
      },
      30_000,
      'the invoice',
    );
  }, 60_000);

  it('lists the invoice for its merchant, with the lines and amounts of the draft', async () => {
    expect(invoice).toMatchObject({
      contractId: main.contractId,
      merchantId: main.merchant.id,
      period,
      status: 'issued',
      lines: EXPECTED_LINES,
      ...EXPECTED,
    });
    expect(invoice).toMatchObject({
      paidAmount: 0,
      creditedAmount: 0,
      outstandingAmount: 71,
      disputedAmount: 0,
      payments: [],
      disputes: [],
    });
    expect(invoice.id).toMatch(/^inv_/);
  });

  it('shows, like a tax invoice, both parties’ registration numbers as XXX-XX-XXXXX and the deposit account of form §4', async () => {
    const res = await call('GET', `/v1/invoices/${invoice.id}`, { key: main.merchant.apiKey });
    expect(res.status).toBe(200);
    expect(res.body.supplier).toEqual({ name: '(주)케이지이니시스', businessRegistrationNumber: '220-81-83676' });
    expect(res.body.buyer).toMatchObject({ name: '바른상점', businessRegistrationNumber: formatBrn(mainBrn) });
    expect(res.body.buyer.businessRegistrationNumber).toMatch(/^\d{3}-\d{2}-\d{5}$/);
    expect(res.body.depositAccount).toEqual({
      bank: '우리은행',
      accountNumber: '218-063851-13-001',
      holder: '(주)케이지이니시스',
    });
  });

  it('is issued today and due 20 business days later, at least four weeks away, with its issue-by dates', async () => {
    const res = await call('GET', `/v1/invoices/${invoice.id}`, { key: main.merchant.apiKey });
    const today = kstDate(new Date());
    expect(res.body.issueDate).toBe(today);
    expect(res.body.issuedAt).toMatch(ISO_WITH_OFFSET);
    // 20 business days span four weeks at least (5 a week), and less than seven with any holidays.
    const days = (Date.parse(res.body.dueDate) - Date.parse(today)) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(28);
    expect(days).toBeLessThan(49);
    // Issue-by dates are in the month after the period: the VAT Act's 10th, no later than Art. 7.1's 10th business day.
    expect(res.body.deadlines.legal.slice(0, 7)).toBe(thisMonth());
    expect(res.body.deadlines.contract.slice(0, 7)).toBe(thisMonth());
    expect(res.body.deadlines.legal <= res.body.deadlines.contract).toBe(true);
  });

  it('is invisible to another merchant (404, and absent from its list)', async () => {
    expectError(await call('GET', `/v1/invoices/${invoice.id}`, { key: other.merchant.apiKey }), 404, 'not_found');
    expect((await call('GET', `/v1/invoices?period=${period}`, { key: other.merchant.apiKey })).body.data).toEqual([]);
  });

  it('running the same month again still leaves one invoice', async () => {
    expect((await call('POST', '/v1/billing/runs', { body: { period } })).status).toBe(202);
    const result = await platform.env.client.workflow.getHandle(`billing-run-${period}`).result();
    // Its usage is on the invoice: nothing is left for a second one.
    expect(result).toMatchObject({ period, started: [] });
    const list = await call('GET', `/v1/invoices?period=${period}&contractId=${main.contractId}`);
    expect(list.body.data.map((i: any) => i.id)).toEqual([invoice.id]);
  });

  it('payments are recorded by operators only: a merchant key gets 403', async () => {
    expectError(
      await call('POST', `/v1/invoices/${invoice.id}/payments`, { key: main.merchant.apiKey, body: { amount: 10 } }),
      403,
      'forbidden',
    );
  });

  it('refuses a payment above what is owed (422 payment_exceeds_outstanding) and a non-positive one (400)', async () => {
    expectError(
      await call('POST', `/v1/invoices/${invoice.id}/payments`, { body: { amount: 72 } }),
      422,
      'payment_exceeds_outstanding',
    );
    expect((await call('POST', `/v1/invoices/${invoice.id}/payments`, { body: { amount: 0 } })).status).toBe(400);
    expect((await call('GET', `/v1/invoices/${invoice.id}`)).body).toMatchObject({
      paidAmount: 0,
      outstandingAmount: 71,
      payments: [],
    });
  });

  it('the merchant disputes part of it (201); more than is outstanding is refused (422)', async () => {
    expectError(
      await openDispute(invoice.id, main.merchant.apiKey, 72, '과다 청구'),
      422,
      'dispute_exceeds_outstanding',
    );
    expectError(await openDispute(invoice.id, other.merchant.apiKey, 1, '남의 청구서'), 404, 'not_found');
    const res = await openDispute(invoice.id, main.merchant.apiKey, 21, '실패한 메시지가 과금된 것 같습니다');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'disputed', disputedAmount: 21, outstandingAmount: 71 });
    expect(res.body.disputes).toEqual([
      {
        id: expect.stringMatching(/^dsp_/),
        amount: 21,
        reason: '실패한 메시지가 과금된 것 같습니다',
        status: 'open',
        acceptedAmount: null,
        creditedAmount: null,
        openedAt: expect.stringMatching(ISO_WITH_OFFSET),
        resolvedAt: null,
      },
    ]);
    expectBalanced(res.body);
    disputeId = res.body.disputes[0].id;
  });

  it('the operator records the undisputed 50 won: the invoice stays disputed', async () => {
    const res = await call('POST', `/v1/invoices/${invoice.id}/payments`, { body: { amount: 50 } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'disputed', paidAmount: 50, outstandingAmount: 21, disputedAmount: 21 });
    expect(res.body.payments).toEqual([
      { id: expect.stringMatching(/^pay_/), amount: 50, paidAt: expect.stringMatching(ISO_WITH_OFFSET) },
    ]);
    expectBalanced(res.body);
  });

  it('resolving is for operators (403 for the merchant); an unknown dispute is 404 and an accepted amount above the dispute 422', async () => {
    expectError(
      await call('POST', `/v1/invoices/${invoice.id}/disputes/${disputeId}/resolve`, {
        key: main.merchant.apiKey,
        body: { acceptedAmount: 0 },
      }),
      403,
      'forbidden',
    );
    expectError(
      await call('POST', `/v1/invoices/${invoice.id}/disputes/dsp_nope/resolve`, { body: { acceptedAmount: 0 } }),
      404,
      'dispute_not_found',
    );
    expectError(
      await call('POST', `/v1/invoices/${invoice.id}/disputes/${disputeId}/resolve`, { body: { acceptedAmount: 22 } }),
      422,
      'accepted_amount_invalid',
    );
  });

  it('the operator resolves it accepting 5 of the 21 won: 5 owed, 16 credited; resolving twice is 409', async () => {
    const res = await call('POST', `/v1/invoices/${invoice.id}/disputes/${disputeId}/resolve`, {
      body: { acceptedAmount: 5 },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'partially_paid',
      paidAmount: 50,
      creditedAmount: 16,
      outstandingAmount: 5,
      disputedAmount: 0,
    });
    expect(res.body.disputes[0]).toMatchObject({
      id: disputeId,
      status: 'resolved',
      acceptedAmount: 5,
      creditedAmount: 16,
      resolvedAt: expect.stringMatching(ISO_WITH_OFFSET),
    });
    expectBalanced(res.body);
    expectError(
      await call('POST', `/v1/invoices/${invoice.id}/disputes/${disputeId}/resolve`, { body: { acceptedAmount: 5 } }),
      409,
      'dispute_already_resolved',
    );
  });

  it('paying the accepted 5 won settles the invoice; retried with the same Idempotency-Key it records nothing', async () => {
    const headers = { 'idempotency-key': `deposit-${invoice.id}-2` };
    const res = await call('POST', `/v1/invoices/${invoice.id}/payments`, { body: { amount: 5 }, headers });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'settled', paidAmount: 55, creditedAmount: 16, outstandingAmount: 0 });
    expectBalanced(res.body);
    const retry = await call('POST', `/v1/invoices/${invoice.id}/payments`, { body: { amount: 5 }, headers });
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(res.body);
    expect(retry.body.payments.map((p: any) => p.amount)).toEqual([50, 5]);
    expectError(
      await call('POST', `/v1/invoices/${invoice.id}/payments`, { body: { amount: 4 }, headers }),
      422,
      'idempotency_key_reused',
    );
    const settled = (await call('GET', `/v1/invoices?period=${period}&status=settled`, { key: main.merchant.apiKey }))
      .body.data;
    expect(settled.map((i: any) => i.id)).toEqual([invoice.id]);
  });

  it('paid in full, it can still be disputed until the next month’s invoice is issued (once per Idempotency-Key)', async () => {
    const request = {
      key: main.merchant.apiKey,
      body: { amount: 20, reason: '9004 번호로 보낸 알림톡이 과금되었습니다' },
      headers: { 'idempotency-key': `dispute-${invoice.id}-2` },
    };
    const res = await call('POST', `/v1/invoices/${invoice.id}/disputes`, request);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'disputed', disputedAmount: 20, outstandingAmount: 0, paidAmount: 55 });
    const retry = await call('POST', `/v1/invoices/${invoice.id}/disputes`, request);
    expect({ status: retry.status, replayed: retry.headers.get('idempotent-replayed') }).toEqual({
      status: 201,
      replayed: 'true',
    });
    expect(retry.body.disputes).toHaveLength(2);
    disputeId = res.body.disputes[1].id;
  });

  it('won in full, the 20 won it had paid are refunded, dated at the resolution: paid − refunded + credited + outstanding = total', async () => {
    const headers = { 'idempotency-key': `resolve-${disputeId}` };
    const path = `/v1/invoices/${invoice.id}/disputes/${disputeId}/resolve`;
    const res = await call('POST', path, { body: { acceptedAmount: 0 }, headers });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'settled',
      paidAmount: 55,
      refundedAmount: 20,
      creditedAmount: 36,
      outstandingAmount: 0,
      disputedAmount: 0,
    });
    expect(res.body.refunds).toEqual([
      {
        id: expect.stringMatching(/^rfd_/),
        disputeId,
        amount: 20,
        refundedAt: res.body.disputes[1].resolvedAt,
      },
    ]);
    expect(res.body.paidAmount - res.body.refundedAmount + res.body.creditedAmount + res.body.outstandingAmount).toBe(
      res.body.total,
    );
    // The same resolution retried answers as the first; without the key it is resolved already.
    const retry = await call('POST', path, { body: { acceptedAmount: 0 }, headers });
    expect({ status: retry.status, body: retry.body }).toEqual({ status: 200, body: res.body });
    expectError(await call('POST', path, { body: { acceptedAmount: 0 } }), 409, 'dispute_already_resolved');
  });

  it('prints as a PDF shaped like a tax invoice, for its merchant only', async () => {
    const fetchDocument = (key: string) =>
      fetch(`${platform.api.url}/v1/invoices/${invoice.id}/document`, { headers: { authorization: `Bearer ${key}` } });
    const res = await fetchDocument(main.merchant.apiKey);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5_000);
    expect((await fetchDocument(other.merchant.apiKey)).status).toBe(404);
  });

  it('a result recorded after the draft lands on the next month’s invoice, never on this one', async () => {
    // A message of today whose usage is moved to last month's last minute: delivered then, recorded
    // only now — after last month's invoice was drafted.
    const sent = await call('POST', '/v1/messages', {
      key: main.merchant.apiKey,
      body: { type: 'sms', to: mobile(), text: '[바른상점] 늦게 도착한 결과' },
    });
    await finalMessage(platform.api, main.merchant.apiKey, sent.body.id, 30_000);
    const lastMinute = new Date(Date.parse(`${thisMonth()}-01T00:00:00+09:00`) - 30_000).toISOString();
    expect(await deliveredIn({ message_id: sent.body.id }, lastMinute)).toBe(1);

    const upcoming = await call('GET', `/v1/invoices/upcoming?contractId=${main.contractId}`, {
      key: main.merchant.apiKey,
    });
    expect(upcoming.body).toMatchObject({
      period: thisMonth(),
      lines: [{ type: 'sms', quantity: 1, unitPrice: '9.00', amount: '9.00' }],
      total: 9,
    });
    const again = await call('GET', `/v1/invoices/${invoice.id}`);
    expect(again.body.lines).toEqual(EXPECTED_LINES);
  });
});

describe('an invoice whose dispute window is over (two months back)', () => {
  const period = previousPeriod(`${previousPeriod(kstDate(new Date()))}-01`);

  it('ends once paid in full: then nothing more can change (409 invoice_closed)', async () => {
    expect(await deliveredIn({ contract_id: other.contractId }, `${period}-20T09:00:00+09:00`)).toBe(1);
    expect((await call('POST', '/v1/billing/runs', { body: { period } })).status).toBe(202);
    const invoice = await eventually(
      async () => (await call('GET', `/v1/invoices?period=${period}`, { key: other.merchant.apiKey })).body.data?.[0],
      30_000,
      'the invoice',
    );
    // 1 SMS × 9.00 = 9, VAT 0.
    expect(invoice).toMatchObject({ total: 9, lines: [{ type: 'sms', quantity: 1 }] });
    expect((await call('POST', `/v1/invoices/${invoice.id}/payments`, { body: { amount: 9 } })).body.status).toBe(
      'paid',
    );
    await platform.env.client.workflow.getHandle(`invoice-${other.contractId}-${period}`).result();
    expectError(await openDispute(invoice.id, other.merchant.apiKey, 1, '다시'), 409, 'invoice_closed');
    expectError(
      await call('POST', `/v1/invoices/${invoice.id}/payments`, { body: { amount: 1 } }),
      409,
      'invoice_closed',
    );
  });
});

describe('the holiday calendar (GET/POST/PUT /v1/holidays)', () => {
  it('lists the official holidays of 2026, Chuseok (25 Sep) among them', async () => {
    const res = await call('GET', '/v1/holidays?year=2026', { key: main.merchant.apiKey });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ year: 2026, covered: true });
    expect(res.body.data).toContainEqual({ date: '2026-09-25', names: ['추석'], source: 'gazette' });
  });

  it('says when a year has no official data', async () => {
    expect((await call('GET', '/v1/holidays?year=2028')).body).toEqual({ year: 2028, covered: false, data: [] });
  });

  it('an operator adds a holiday (201), once (409 on repeat); a merchant may not (403)', async () => {
    // A date no invoice of this file depends on.
    const holiday = { date: '2027-12-31', name: '임시공휴일(테스트)' };
    expectError(await call('POST', '/v1/holidays', { key: main.merchant.apiKey, body: holiday }), 403, 'forbidden');
    const added = await call('POST', '/v1/holidays', { body: holiday });
    expect(added.status).toBe(201);
    expectError(await call('POST', '/v1/holidays', { body: holiday }), 409, 'holiday_exists');
    const res = await call('GET', '/v1/holidays?year=2027');
    expect(res.body.data).toContainEqual({ date: '2027-12-31', names: ['임시공휴일(테스트)'], source: 'operator' });
  });

  it('an operator loads a whole year (PUT /v1/holidays/2031): the year is covered, the load audited', async () => {
    const year = {
      holidays: [
        { date: '2031-01-01', name: '1월 1일' },
        { date: '2031-01-22', name: '설날' },
      ],
    };
    expect((await call('GET', '/v1/holidays?year=2031')).body).toMatchObject({ covered: false, data: [] });
    expectError(await call('PUT', '/v1/holidays/2031', { key: main.merchant.apiKey, body: year }), 403, 'forbidden');
    expectError(
      await call('PUT', '/v1/holidays/2031', { body: { holidays: [{ date: '2032-01-01', name: '1월 1일' }] } }),
      422,
      'date_outside_year',
    );
    expect((await call('PUT', '/v1/holidays/2031', { body: { holidays: [] } })).status).toBe(400);
    const res = await call('PUT', '/v1/holidays/2031', { body: year });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      year: 2031,
      covered: true,
      data: [
        { date: '2031-01-01', names: ['1월 1일'], source: 'operator' },
        { date: '2031-01-22', names: ['설날'], source: 'operator' },
      ],
    });
    expect((await call('GET', '/v1/holidays?year=2031', { key: main.merchant.apiKey })).body.covered).toBe(true);
    const audit = await platform.db('audit_log').where({ action: 'holiday.year_loaded', subject_id: '2031' }).first();
    expect(audit.details).toMatchObject({ holidays: 2 });
  });
});
