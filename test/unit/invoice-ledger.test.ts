import fc from 'fast-check';
import {
  checkInvariant,
  isClosed,
  nextOverdueAt,
  openDispute,
  openLedger,
  overdueFrom,
  recordPayment,
  resolveDispute,
  summarize,
  type InvoiceLedgerState,
  type InvoiceSummary,
  type LedgerResult,
} from '../../domain/invoice-ledger';

// Issued 2026-02-10, due 20 business days later on 2026-03-16 (see business-days.test.ts).
const fresh = (total = 110_000) => openLedger({ total, dueDate: '2026-03-16', issuedAt: '2026-02-10T10:00:00+09:00' });
const beforeDue = new Date('2026-03-01T00:00:00+09:00');
const afterDue = new Date('2026-03-20T00:00:00+09:00');

/** Unwraps a successful command, failing the test with the violation otherwise. */
function ok(result: LedgerResult): InvoiceLedgerState {
  if (!result.ok) throw new Error(`unexpected violation ${JSON.stringify(result.violation)}`);
  return result.state;
}

const pay = (state: InvoiceLedgerState, id: string, amount: number) =>
  recordPayment(state, { id, amount, paidAt: '2026-03-02T09:00:00+09:00' });
const dispute = (state: InvoiceLedgerState, id: string, amount: number) =>
  openDispute(state, {
    id,
    amount,
    reason: 'AlimTalk count differs from our log',
    openedAt: '2026-02-12T09:00:00+09:00',
  });
// Resolved 2026-03-25; the accepted part gets its own 20 business days, to 2026-04-22.
const ACCEPTED_DUE = '2026-04-22';
const resolve = (state: InvoiceLedgerState, disputeId: string, acceptedAmount: number) =>
  resolveDispute(state, {
    disputeId,
    acceptedAmount,
    resolvedAt: '2026-03-25T15:00:00+09:00',
    acceptedDueDate: ACCEPTED_DUE,
  });
const afterAcceptedDue = new Date('2026-04-23T00:00:00+09:00');

/** The ledger's summary at `at` matches `expected`. */
function expectSummary(state: InvoiceLedgerState, at: Date, expected: Partial<InvoiceSummary>) {
  expect(summarize(state, at)).toMatchObject(expected);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('payments', () => {
  it('starts issued, goes partially paid, then paid', () => {
    let state = fresh();
    expect(summarize(state, beforeDue)).toEqual({
      paidAmount: 0,
      refundedAmount: 0,
      creditedAmount: 0,
      disputedAmount: 0,
      outstandingAmount: 110_000,
      undisputedOutstanding: 110_000,
      overdueAmount: 0,
      status: 'issued',
    });
    state = ok(pay(state, 'p1', 50_000));
    expectSummary(state, beforeDue, { paidAmount: 50_000, outstandingAmount: 60_000, status: 'partially_paid' });
    state = ok(pay(state, 'p2', 60_000));
    expectSummary(state, afterDue, { paidAmount: 110_000, outstandingAmount: 0, status: 'paid' });
    expect(checkInvariant(state)).toEqual([]);
  });

  it('refuses a payment above the outstanding amount and says what is owed', () => {
    const state = ok(pay(fresh(), 'p1', 50_000));
    const result = pay(state, 'p2', 60_001);
    expect(result).toMatchObject({
      ok: false,
      violation: { code: 'payment_exceeds_outstanding', outstandingAmount: 60_000 },
    });
    expect(result.ok ? '' : result.violation.message).toContain('60000');
  });

  it.each([0, -5, 1.5, Number.NaN])('refuses the amount %p', (amount) => {
    expect(pay(fresh(), 'p1', amount)).toMatchObject({
      ok: false,
      violation: { code: 'payment_amount_invalid', field: 'amount' },
    });
  });

  it('refuses a payment time that is not an ISO instant with an offset', () => {
    expect(recordPayment(fresh(), { id: 'p1', amount: 1, paidAt: '2026-03-02' })).toMatchObject({
      ok: false,
      violation: { code: 'paid_at_invalid' },
    });
  });

  it('treats a redelivered payment as a no-op and a reused id as a conflict', () => {
    const state = ok(pay(fresh(), 'p1', 50_000));
    expect(pay(state, 'p1', 50_000)).toEqual({ ok: true, state });
    expect(pay(state, 'p1', 40_000)).toMatchObject({ ok: false, violation: { code: 'payment_id_conflict' } });
  });

  it('never mutates its input', () => {
    const state = deepFreeze(ok(dispute(ok(pay(fresh(), 'p1', 10_000)), 'd1', 5_000)));
    const snapshot = structuredClone(state);
    ok(pay(state, 'p2', 1_000));
    ok(dispute(state, 'd2', 1_000));
    ok(resolve(state, 'd1', 2_000));
    expect(state).toEqual(snapshot);
  });
});

describe('disputes (Art. 7.2)', () => {
  it('dispute, pay the undisputed part, resolve with partial acceptance, pay the rest → settled', () => {
    let state = ok(dispute(fresh(), 'd1', 10_000));
    expectSummary(state, beforeDue, { disputedAmount: 10_000, undisputedOutstanding: 100_000, status: 'disputed' });

    state = ok(pay(state, 'p1', 100_000));
    // Only the disputed part is left: not overdue even after the due date.
    expectSummary(state, afterDue, { outstandingAmount: 10_000, undisputedOutstanding: 0, status: 'disputed' });

    state = ok(resolve(state, 'd1', 4_000));
    expect(state.disputes[0]).toMatchObject({ status: 'resolved', acceptedAmount: 4_000, creditedAmount: 6_000 });
    expectSummary(state, beforeDue, {
      creditedAmount: 6_000,
      disputedAmount: 0,
      outstandingAmount: 4_000,
      status: 'partially_paid',
    });
    // The accepted part is owed, but from its own due date: resolving late puts nobody in arrears at once.
    expectSummary(state, afterDue, { overdueAmount: 0, status: 'partially_paid' });
    expectSummary(state, afterAcceptedDue, { overdueAmount: 4_000, status: 'overdue' });

    state = ok(pay(state, 'p2', 4_000));
    expect(summarize(state, afterDue)).toEqual({
      paidAmount: 104_000,
      refundedAmount: 0,
      creditedAmount: 6_000,
      disputedAmount: 0,
      outstandingAmount: 0,
      undisputedOutstanding: 0,
      overdueAmount: 0,
      status: 'settled',
    });
    expect(checkInvariant(state)).toEqual([]);
  });

  it('a fully rejected dispute settles the invoice by credit', () => {
    const state = ok(resolve(ok(pay(ok(dispute(fresh(), 'd1', 10_000)), 'p1', 100_000)), 'd1', 0));
    expectSummary(state, afterDue, {
      paidAmount: 100_000,
      creditedAmount: 10_000,
      outstandingAmount: 0,
      status: 'settled',
    });
  });

  it('is overdue when the undisputed part is unpaid after the due date', () => {
    const state = ok(pay(ok(dispute(fresh(), 'd1', 10_000)), 'p1', 50_000));
    expect(summarize(state, beforeDue).status).toBe('disputed');
    expectSummary(state, afterDue, { undisputedOutstanding: 50_000, overdueAmount: 50_000, status: 'overdue' });
  });

  it('a dispute raised only after the due date does not lift the arrears', () => {
    const late = ok(
      openDispute(ok(pay(fresh(), 'p1', 10_000)), {
        id: 'd1',
        amount: 100_000,
        reason: 'late',
        openedAt: '2026-03-18T09:00:00+09:00',
      }),
    );
    expectSummary(late, afterDue, { undisputedOutstanding: 0, overdueAmount: 100_000, status: 'overdue' });
    // Once resolved, its credit does reduce what is owed.
    const resolved = ok(resolve(late, 'd1', 30_000));
    expectSummary(resolved, afterDue, { creditedAmount: 70_000, overdueAmount: 30_000, status: 'overdue' });
  });

  it('knows the next moment more becomes owed', () => {
    const state = ok(resolve(ok(pay(ok(dispute(fresh(), 'd1', 10_000)), 'p1', 100_000)), 'd1', 4_000));
    expect(nextOverdueAt(state, beforeDue)).toEqual(overdueFrom('2026-03-16'));
    expect(nextOverdueAt(state, afterDue)).toEqual(overdueFrom(ACCEPTED_DUE));
    expect(nextOverdueAt(state, afterAcceptedDue)).toBeUndefined();
  });

  it('refuses an accepted part due before the invoice itself', () => {
    const state = ok(dispute(fresh(), 'd1', 10_000));
    const r = resolveDispute(state, {
      disputeId: 'd1',
      acceptedAmount: 1,
      resolvedAt: '2026-03-01T09:00:00+09:00',
      acceptedDueDate: '2026-03-10',
    });
    expect(r).toMatchObject({ ok: false, violation: { code: 'accepted_due_date_invalid' } });
  });

  it('credits all that is not accepted and refunds what the merchant paid beyond what stays owed', () => {
    // Total 1,000; 300 disputed; the merchant pays 800, i.e. 100 of the disputed part.
    let state = ok(pay(ok(dispute(fresh(1_000), 'd1', 300)), 'p1', 800));
    expectSummary(state, beforeDue, {
      outstandingAmount: 200,
      disputedAmount: 300,
      undisputedOutstanding: 0,
      status: 'disputed',
    });
    // 50 accepted: 250 credited, but only 200 was still owed: the other 50 are paid back.
    state = ok(resolve(state, 'd1', 50));
    expect(state.disputes[0]).toMatchObject({ acceptedAmount: 50, creditedAmount: 250 });
    expect(state.refunds).toEqual([
      { id: 'rfd_d1', disputeId: 'd1', amount: 50, refundedAt: '2026-03-25T15:00:00+09:00' },
    ]);
    expectSummary(state, beforeDue, {
      paidAmount: 800,
      refundedAmount: 50,
      creditedAmount: 250,
      outstandingAmount: 0,
      status: 'settled',
    });
    expect(checkInvariant(state)).toEqual([]);
  });

  it('a dispute won over an invoice paid in full is refunded in full', () => {
    const state = ok(resolve(ok(pay(ok(dispute(fresh(1_000), 'd1', 300)), 'p1', 1_000)), 'd1', 0));
    expect(state.disputes[0]).toMatchObject({ creditedAmount: 300 });
    expectSummary(state, beforeDue, {
      paidAmount: 1_000,
      refundedAmount: 300,
      creditedAmount: 300,
      outstandingAmount: 0,
      status: 'settled',
    });
  });

  it('a dispute may be opened after paying in full (SPEC §5): disputed until resolved, then refunded', () => {
    let state = ok(pay(fresh(1_000), 'p1', 1_000));
    expect(summarize(state, afterDue).status).toBe('paid');
    state = ok(dispute(state, 'd1', 400));
    expectSummary(state, afterDue, { status: 'disputed', outstandingAmount: 0, overdueAmount: 0 });
    state = ok(resolve(state, 'd1', 100));
    expectSummary(state, afterDue, { status: 'settled', refundedAmount: 300, creditedAmount: 300 });
    // What is credited can be disputed no more: 700 billed and not credited remain disputable.
    expect(dispute(state, 'd2', 701)).toMatchObject({ ok: false, violation: { disputableAmount: 700 } });
  });

  it('refuses disputing more than is billed and not already credited or under dispute, paid or not', () => {
    const state = ok(dispute(ok(pay(fresh(), 'p1', 10_000)), 'd1', 60_000));
    expect(dispute(state, 'd2', 50_001)).toMatchObject({
      ok: false,
      violation: { code: 'dispute_exceeds_outstanding', disputableAmount: 50_000 },
    });
    expect(ok(dispute(state, 'd2', 50_000)).disputes).toHaveLength(2);
  });

  it('refuses an invalid dispute', () => {
    expect(dispute(fresh(), 'd1', 0)).toMatchObject({ ok: false, violation: { code: 'dispute_amount_invalid' } });
    expect(
      openDispute(fresh(), { id: 'd1', amount: 1, reason: ' ', openedAt: '2026-02-12T09:00:00+09:00' }),
    ).toMatchObject({ ok: false, violation: { code: 'dispute_reason_required' } });
    const state = ok(dispute(fresh(), 'd1', 100));
    expect(dispute(state, 'd1', 100)).toEqual({ ok: true, state });
    expect(dispute(state, 'd1', 200)).toMatchObject({ ok: false, violation: { code: 'dispute_id_conflict' } });
  });

  it('refuses resolving an unknown or resolved dispute, or an accepted amount out of range', () => {
    const state = ok(dispute(fresh(), 'd1', 10_000));
    expect(resolve(state, 'nope', 0)).toMatchObject({ ok: false, violation: { code: 'dispute_not_found' } });
    for (const accepted of [-1, 10_001, 0.5]) {
      expect(resolve(state, 'd1', accepted)).toMatchObject({
        ok: false,
        violation: { code: 'accepted_amount_invalid' },
      });
    }
    expect(resolve(ok(resolve(state, 'd1', 10_000)), 'd1', 0)).toMatchObject({
      ok: false,
      violation: { code: 'dispute_already_resolved' },
    });
  });
});

describe('when an invoice is closed (nothing more can change)', () => {
  it('is open while anything is outstanding or a dispute is open, closed once paid or settled', () => {
    const paid = ok(pay(fresh(), 'p1', 110_000));
    expect(isClosed(fresh())).toBe(false);
    expect(isClosed(paid)).toBe(true);
    // Paid in full but still disputing: open until the dispute is resolved.
    const disputedThenPaid = ok(pay(ok(dispute(fresh(), 'd1', 10_000)), 'p1', 110_000));
    expect(isClosed(disputedThenPaid)).toBe(false);
    expect(isClosed(ok(resolve(disputedThenPaid, 'd1', 10_000)))).toBe(true);
  });
});

describe('overdue boundary', () => {
  it('starts at 00:00 KST the day after the due date', () => {
    const state = fresh();
    expect(overdueFrom('2026-03-16')).toEqual(new Date('2026-03-16T15:00:00.000Z'));
    expect(summarize(state, new Date('2026-03-16T23:59:59.999+09:00')).status).toBe('issued');
    expect(summarize(state, new Date('2026-03-17T00:00:00.000+09:00')).status).toBe('overdue');
  });

  it('a paid invoice is never overdue', () => {
    expect(summarize(ok(pay(fresh(), 'p1', 110_000)), afterDue).status).toBe('paid');
  });
});

describe('invariants over random command sequences', () => {
  const ids = fc.constantFrom('a', 'b', 'c', 'd');
  const amount = fc.oneof(fc.integer({ min: -10, max: 1_200 }), fc.constantFrom(0.5, 1e6));
  type Command = { kind: 'pay' | 'dispute' | 'resolve'; id: string; amount: number };
  const command: fc.Arbitrary<Command> = fc.oneof(
    fc.record({ kind: fc.constant('pay' as const), id: ids, amount }),
    fc.record({ kind: fc.constant('dispute' as const), id: ids, amount }),
    fc.record({ kind: fc.constant('resolve' as const), id: ids, amount }),
  );
  const apply = (state: InvoiceLedgerState, c: Command): LedgerResult =>
    c.kind === 'pay'
      ? pay(state, c.id, c.amount)
      : c.kind === 'dispute'
        ? dispute(state, c.id, c.amount)
        : resolve(state, c.id, c.amount);

  it('keeps paid − refunded + credited + outstanding = total with nothing negative, never mutating its input', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000 }),
        fc.array(command, { maxLength: 30 }),
        fc.boolean(),
        (total, commands, late) => {
          let state = fresh(total);
          for (const c of commands) {
            const frozen = deepFreeze(state);
            const result = apply(frozen, c);
            if (result.ok) state = result.state;
            expect(checkInvariant(state)).toEqual([]);
            const s = summarize(state, late ? afterDue : beforeDue);
            expect(s.paidAmount - s.refundedAmount + s.creditedAmount + s.outstandingAmount).toBe(total);
            expect(s.refundedAmount).toBeLessThanOrEqual(s.paidAmount);
            for (const value of [
              s.paidAmount,
              s.refundedAmount,
              s.creditedAmount,
              s.disputedAmount,
              s.outstandingAmount,
              s.undisputedOutstanding,
            ]) {
              expect(Number.isSafeInteger(value) && value >= 0).toBe(true);
            }
            expect(s.undisputedOutstanding).toBeLessThanOrEqual(s.outstandingAmount);
            if (s.outstandingAmount === 0)
              expect(s.disputedAmount > 0 ? ['disputed'] : ['paid', 'settled']).toContain(s.status);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('Idempotency-Key: a retried request changes nothing (SPEC §5)', () => {
  const request = (hash: string) => ({ key: 'k-1', hash });

  it('a payment retried with the same key and request is recorded once; the key with another request is refused', () => {
    const first = ok(
      recordPayment(fresh(), { id: 'p1', amount: 500, paidAt: '2026-03-02T09:00:00+09:00', request: request('h1') }),
    );
    // The retry carries a new id and time (the API makes them): the key is what matches.
    const again = recordPayment(first, {
      id: 'p2',
      amount: 500,
      paidAt: '2026-03-02T09:00:05+09:00',
      request: request('h1'),
    });
    expect(again).toEqual({ ok: true, state: first });
    expect(
      recordPayment(first, { id: 'p3', amount: 700, paidAt: '2026-03-02T09:00:05+09:00', request: request('h2') }),
    ).toMatchObject({ ok: false, violation: { code: 'idempotency_key_reused' } });
  });

  it('so are a dispute and a resolution', () => {
    const open = (id: string, hash: string) =>
      openDispute(fresh(), {
        id,
        amount: 10,
        reason: '과다 청구',
        openedAt: '2026-02-12T09:00:00+09:00',
        request: request(hash),
      });
    const first = ok(open('d1', 'h1'));
    const opened = openDispute(first, {
      id: 'd2',
      amount: 10,
      reason: '과다 청구',
      openedAt: '2026-02-13T09:00:00+09:00',
      request: request('h1'),
    });
    expect(opened).toEqual({ ok: true, state: first });
    const resolved = ok(
      resolveDispute(first, {
        disputeId: 'd1',
        acceptedAmount: 0,
        resolvedAt: '2026-03-25T15:00:00+09:00',
        acceptedDueDate: ACCEPTED_DUE,
        request: request('r1'),
      }),
    );
    const retry = resolveDispute(resolved, {
      disputeId: 'd1',
      acceptedAmount: 0,
      resolvedAt: '2026-03-25T15:00:09+09:00',
      acceptedDueDate: ACCEPTED_DUE,
      request: request('r1'),
    });
    expect(retry).toEqual({ ok: true, state: resolved });
    // Without the key (or with another), resolving twice is still refused.
    expect(resolve(resolved, 'd1', 0)).toMatchObject({ ok: false, violation: { code: 'dispute_already_resolved' } });
  });
});
