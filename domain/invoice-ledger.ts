/**
 * The balance of one issued invoice (SPEC §5, Art. 7.2), held as state by the invoice workflow.
 * Amounts are whole won. Every won is accounted for: paid − refunded + credited + outstanding = total.
 * Commands never mutate their input; they return a new state or the rule they broke.
 */
import { addDays, isValidIsoDate, kstStartOf, type IsoDate } from './calendar-kst';
import { refuse, type Refusal, type RuleViolation } from './rules';

/** The statuses an invoice and its disputes pass through (the API lists them from here). */
export const DISPUTE_STATUSES = ['open', 'resolved'] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

export const INVOICE_STATUSES = ['issued', 'partially_paid', 'paid', 'disputed', 'overdue', 'settled'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** The request that made an entry, when it carried an Idempotency-Key: a retry of it changes nothing. */
export interface RequestFingerprint {
  key: string;
  /** Hash of the request's body: the same key with another body is refused. */
  hash: string;
}

export interface Payment {
  id: string;
  amount: number;
  /** ISO-8601 instant. */
  paidAt: string;
  request?: RequestFingerprint;
}

/** Money paid back to the merchant: what it had paid beyond what a won dispute leaves owed. */
export interface Refund {
  id: string;
  disputeId: string;
  amount: number;
  /** ISO-8601 instant: when the dispute that made it was resolved. */
  refundedAt: string;
}

export interface Dispute {
  id: string;
  amount: number;
  reason: string;
  openedAt: string;
  status: DisputeStatus;
  /** On resolution: the part of the disputed amount that stays owed. */
  acceptedAmount?: number;
  /** On resolution: the part written off (amount − accepted; below that only for disputes resolved before refunds existed). */
  creditedAmount?: number;
  resolvedAt?: string;
  /** On resolution: the last day to pay the accepted part (it was not owed while reconciled). */
  acceptedDueDate?: IsoDate;
  request?: RequestFingerprint;
  resolutionRequest?: RequestFingerprint;
}

export interface InvoiceLedgerState {
  total: number;
  payments: readonly Payment[];
  disputes: readonly Dispute[];
  refunds: readonly Refund[];
  /** The last day to pay (Art. 7.1, 20 business days after issue). */
  dueDate: IsoDate;
  issuedAt: string;
}

export interface InvoiceSummary {
  paidAmount: number;
  refundedAmount: number;
  creditedAmount: number;
  /** Sum of open disputes. */
  disputedAmount: number;
  /** total − (paid − refunded) − credited. */
  outstandingAmount: number;
  /** outstanding − disputed, never negative: what Art. 7.2 says must be paid first. */
  undisputedOutstanding: number;
  /** What is owed by now and unpaid: the arrears that suspend the contract (Art. 5.2.3). */
  overdueAmount: number;
  status: InvoiceStatus;
}

export type LedgerResult = { ok: true; state: InvoiceLedgerState } | Refusal;

const isAmount = (n: number, min: number) => Number.isSafeInteger(n) && n >= min;
// ISO-8601 with an explicit offset only: Date.parse of any other form is implementation-defined.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const isInstant = (text: string) =>
  typeof text === 'string' &&
  INSTANT.test(text) &&
  isValidIsoDate(text.slice(0, 10)) &&
  !Number.isNaN(Date.parse(text));
const sum = (amounts: number[]) => amounts.reduce((a, b) => a + b, 0);

const isId = (id: unknown): id is string => typeof id === 'string' && id !== '';
/** A command repeated with a known id: a no-op when its details are the same, refused when they differ. */
const repeated = (state: InvoiceLedgerState, same: boolean, code: string, message: string): LedgerResult =>
  same ? { ok: true, state } : refuse(code, message, { field: 'id' });

/** A fresh ledger for an invoice just issued. Throws RangeError on an invalid total or date. */
export function openLedger(input: { total: number; dueDate: IsoDate; issuedAt: string }): InvoiceLedgerState {
  if (!isAmount(input.total, 0))
    throw new RangeError(`invoice total must be a non-negative safe integer, got ${input.total}`);
  if (!isValidIsoDate(input.dueDate)) throw new RangeError(`invalid due date "${input.dueDate}"`);
  if (!isInstant(input.issuedAt)) throw new RangeError(`invalid issue instant "${input.issuedAt}"`);
  return {
    total: input.total,
    payments: [],
    disputes: [],
    refunds: [],
    dueDate: input.dueDate,
    issuedAt: input.issuedAt,
  };
}

/** The due date is the last day to pay: overdue begins at 00:00 KST the day after. */
export function overdueFrom(dueDate: IsoDate): Date {
  return kstStartOf(addDays(dueDate, 1));
}

function amounts(state: InvoiceLedgerState) {
  const paidAmount = sum(state.payments.map((p) => p.amount));
  const refundedAmount = sum(state.refunds.map((r) => r.amount));
  const creditedAmount = sum(state.disputes.map((d) => (d.status === 'resolved' ? (d.creditedAmount ?? 0) : 0)));
  const disputedAmount = sum(state.disputes.map((d) => (d.status === 'open' ? d.amount : 0)));
  const outstandingAmount = state.total - (paidAmount - refundedAmount) - creditedAmount;
  return {
    paidAmount,
    refundedAmount,
    creditedAmount,
    disputedAmount,
    outstandingAmount,
    undisputedOutstanding: Math.max(0, outstandingAmount - disputedAmount),
  };
}

/** A dispute raised by the end of the due date: it shields its amount until it is resolved (Art. 7.2). */
const isTimely = (state: InvoiceLedgerState, d: Dispute) => Date.parse(d.openedAt) < +overdueFrom(state.dueDate);

/**
 * What must have been paid by `now` (Art. 7.1–7.2): after the due date, everything except what was
 * disputed in time; a dispute raised only after the due date shields nothing (the merchant was
 * already late), though its credit still counts. The accepted part of a timely dispute is owed from
 * its own due date, set when it was resolved.
 */
function owedBy(state: InvoiceLedgerState, now: Date): number {
  let owed = 0;
  if (+now >= +overdueFrom(state.dueDate)) {
    owed = state.total;
    for (const d of state.disputes) owed -= isTimely(state, d) ? d.amount : (d.creditedAmount ?? 0);
  }
  for (const d of state.disputes) {
    if (isTimely(state, d) && d.status === 'resolved' && d.acceptedDueDate && +now >= +overdueFrom(d.acceptedDueDate))
      owed += d.acceptedAmount ?? 0;
  }
  return owed;
}

/** The next moment more becomes owed (the due date, an accepted part's due date), if any. */
export function nextOverdueAt(state: InvoiceLedgerState, now: Date): Date | undefined {
  const moments = [
    overdueFrom(state.dueDate),
    ...state.disputes
      .filter((d) => isTimely(state, d) && d.acceptedDueDate && (d.acceptedAmount ?? 0) > 0)
      .map((d) => overdueFrom(d.acceptedDueDate!)),
  ];
  return moments.filter((m) => +m > +now).sort((a, b) => +a - +b)[0];
}

/** Nothing outstanding and no dispute open: the invoice is paid or settled (it may still take a dispute, see openDispute). */
export function isClosed(state: InvoiceLedgerState): boolean {
  return amounts(state).outstandingAmount === 0 && state.disputes.every((d) => d.status === 'resolved');
}

/**
 * Balances and status at `now`. Status, first match wins:
 * - `settled`: nothing outstanding nor disputed, and a dispute was raised (credited, refunded or not);
 * - `paid`: nothing outstanding, by payments alone;
 * - `overdue`: something owed by now is unpaid (see owedBy: the disputed part is not late while it
 *   is being reconciled, Art. 7.2);
 * - `disputed`: a dispute is open;
 * - `partially_paid`: some payment, something outstanding;
 * - `issued`: otherwise.
 */
export function summarize(state: InvoiceLedgerState, now: Date): InvoiceSummary {
  const a = amounts(state);
  const netPaid = a.paidAmount - a.refundedAmount;
  const overdueAmount = Math.min(a.outstandingAmount, Math.max(0, owedBy(state, now) - netPaid));
  const status: InvoiceStatus =
    a.outstandingAmount === 0 && a.disputedAmount === 0
      ? state.disputes.length > 0
        ? 'settled'
        : 'paid'
      : overdueAmount > 0
        ? 'overdue'
        : a.disputedAmount > 0
          ? 'disputed'
          : a.paidAmount > 0
            ? 'partially_paid'
            : 'issued';
  return { ...a, overdueAmount, status };
}

/**
 * The ledger's invariants; [] when they hold. Amounts are safe integers (payments, disputes and
 * refunds positive), ids unique, a resolution within its dispute, a refund only of a resolved
 * dispute and never more than was paid, nothing outstanding below zero, and
 * paid − refunded + credited + outstanding = total.
 */
export function checkInvariant(state: InvoiceLedgerState): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const fail = (code: string, message: string) => violations.push({ code, message });
  if (!isAmount(state.total, 0)) fail('total_invalid', `total ${state.total} is not a non-negative safe integer`);
  for (const p of state.payments)
    if (!isAmount(p.amount, 1))
      fail('payment_amount_invalid', `payment ${p.id} amount ${p.amount} is not a positive integer`);
  for (const d of state.disputes) {
    if (!isAmount(d.amount, 1))
      fail('dispute_amount_invalid', `dispute ${d.id} amount ${d.amount} is not a positive integer`);
    if (d.status === 'resolved') {
      const accepted = d.acceptedAmount ?? -1;
      const credited = d.creditedAmount ?? -1;
      if (!isAmount(accepted, 0) || accepted > d.amount)
        fail('accepted_amount_invalid', `dispute ${d.id} accepted ${d.acceptedAmount} of ${d.amount}`);
      else if (!isAmount(credited, 0) || credited > d.amount - accepted)
        fail(
          'credited_amount_invalid',
          `dispute ${d.id} credited ${d.creditedAmount} of ${d.amount - accepted} not accepted`,
        );
    }
  }
  for (const r of state.refunds) {
    if (!isAmount(r.amount, 1))
      fail('refund_amount_invalid', `refund ${r.id} amount ${r.amount} is not a positive integer`);
    if (!state.disputes.some((d) => d.id === r.disputeId && d.status === 'resolved'))
      fail('refund_without_resolution', `refund ${r.id} does not belong to a resolved dispute`);
  }
  if (new Set(state.refunds.map((r) => r.id)).size !== state.refunds.length)
    fail('refund_id_duplicate', 'refund ids are not unique');
  if (new Set(state.payments.map((p) => p.id)).size !== state.payments.length)
    fail('payment_id_duplicate', 'payment ids are not unique');
  if (new Set(state.disputes.map((d) => d.id)).size !== state.disputes.length)
    fail('dispute_id_duplicate', 'dispute ids are not unique');
  const a = amounts(state);
  if (a.refundedAmount > a.paidAmount)
    fail('refund_exceeds_paid', `refunded ${a.refundedAmount} exceeds the ${a.paidAmount} paid`);
  if (!Number.isSafeInteger(a.outstandingAmount) || a.outstandingAmount < 0)
    fail(
      'outstanding_negative',
      `outstanding ${a.outstandingAmount} is negative: paid ${a.paidAmount} − refunded ${a.refundedAmount} + credited ${a.creditedAmount} exceed total ${state.total}`,
    );
  if (a.paidAmount - a.refundedAmount + a.creditedAmount + a.outstandingAmount !== state.total)
    fail('ledger_unbalanced', 'paid − refunded + credited + outstanding ≠ total');
  return violations;
}

/**
 * A retried request (same Idempotency-Key) is a no-op when it is the same request, and refused
 * when the key was used for another one.
 */
function retried(
  earlier: readonly (RequestFingerprint | undefined)[],
  request: RequestFingerprint | undefined,
  state: InvoiceLedgerState,
): LedgerResult | undefined {
  const first = request && earlier.find((e) => e?.key === request.key);
  if (!request || !first) return undefined;
  return first.hash === request.hash
    ? { ok: true, state }
    : refuse('idempotency_key_reused', 'this Idempotency-Key was already used with a different request', {
        field: 'Idempotency-Key',
      });
}

/**
 * A payment or dispute the ledger may have taken before: a retried request (its Idempotency-Key
 * again) answers as the first did; an entry with a known id is a no-op when `same` says its details
 * match and refused otherwise. Undefined for a new entry.
 */
function seenBefore<E extends { id: string; request?: RequestFingerprint }>(
  state: InvoiceLedgerState,
  kind: 'payment' | 'dispute',
  entries: readonly E[],
  entry: { id: string; request?: RequestFingerprint },
  known: { same: (known: E) => boolean; was: (known: E) => string },
): LedgerResult | undefined {
  const again = retried(
    entries.map((e) => e.request),
    entry.request,
    state,
  );
  if (again) return again;
  if (!isId(entry.id)) return refuse(`${kind}_id_invalid`, `a ${kind} needs an id`, { field: 'id' });
  const earlier = entries.find((e) => e.id === entry.id);
  if (!earlier) return undefined;
  return repeated(
    state,
    known.same(earlier),
    `${kind}_id_conflict`,
    `${kind} ${entry.id} was already ${known.was(earlier)}`,
  );
}

/**
 * Records a payment of up to the whole outstanding amount — the undisputed part is due first
 * (Art. 7.2), but a merchant may also pay what it disputes. Re-recording the same payment (same
 * id, amount and time, e.g. a redelivered deposit notice; or the same Idempotency-Key and request)
 * is a no-op; the same id or key with other details is refused.
 */
export function recordPayment(state: InvoiceLedgerState, payment: Payment): LedgerResult {
  const { id, amount, paidAt, request } = payment;
  const before = seenBefore(state, 'payment', state.payments, payment, {
    same: (known) => known.amount === amount && known.paidAt === paidAt,
    was: (known) => `recorded with amount ${known.amount} at ${known.paidAt}`,
  });
  if (before) return before;
  if (!isAmount(amount, 1))
    return refuse('payment_amount_invalid', `payment amount must be a positive whole number of won, got ${amount}`, {
      field: 'amount',
    });
  if (!isInstant(paidAt))
    return refuse('paid_at_invalid', `paidAt must be an ISO-8601 instant, got "${paidAt}"`, { field: 'paidAt' });
  const { outstandingAmount } = amounts(state);
  if (amount > outstandingAmount) {
    return refuse(
      'payment_exceeds_outstanding',
      `payment of ${amount} won exceeds the outstanding ${outstandingAmount} won`,
      { field: 'amount', outstandingAmount },
    );
  }
  return {
    ok: true,
    state: { ...state, payments: [...state.payments, { id, amount, paidAt, ...(request ? { request } : {}) }] },
  };
}

/**
 * Opens a dispute over part of the invoice (Art. 7.2): at most what it bills, less what was already
 * credited and what is under an open dispute — paid or not, since a merchant who paid and then
 * finds an error is refunded (SPEC §5); once paid or settled, only until `window` closes.
 * Re-opening the same dispute (same id and details, or the same Idempotency-Key and request) is a
 * no-op.
 */
export function openDispute(
  state: InvoiceLedgerState,
  dispute: { id: string; amount: number; reason: string; openedAt: string; request?: RequestFingerprint },
  /** Until when a paid or settled invoice takes disputes (SPEC §5: until the next month's invoice). */
  window?: { closesAt: Date },
): LedgerResult {
  const { id, amount, reason, openedAt, request } = dispute;
  const before = seenBefore(state, 'dispute', state.disputes, dispute, {
    same: (known) => known.amount === amount && known.reason === reason && known.openedAt === openedAt,
    was: (known) => `opened with amount ${known.amount} at ${known.openedAt}`,
  });
  if (before) return before;
  if (!isAmount(amount, 1))
    return refuse('dispute_amount_invalid', `disputed amount must be a positive whole number of won, got ${amount}`, {
      field: 'amount',
    });
  if (typeof reason !== 'string' || reason.trim() === '')
    return refuse('dispute_reason_required', 'a dispute needs a reason', { field: 'reason' });
  if (!isInstant(openedAt))
    return refuse('opened_at_invalid', `openedAt must be an ISO-8601 instant, got "${openedAt}"`, {
      field: 'openedAt',
    });
  if (window && isClosed(state) && Date.parse(openedAt) >= +window.closesAt)
    return refuse(
      'dispute_window_closed',
      'the invoice is settled and the next month’s invoice is issued: it can no longer be disputed',
    );
  const { creditedAmount, disputedAmount } = amounts(state);
  const disputable = state.total - creditedAmount - disputedAmount;
  if (amount > disputable) {
    return refuse(
      'dispute_exceeds_outstanding',
      `disputed amount ${amount} won exceeds the ${disputable} won billed and not already credited or disputed`,
      { field: 'amount', disputableAmount: disputable },
    );
  }
  const opened: Dispute = { id, amount, reason, openedAt, status: 'open', ...(request ? { request } : {}) };
  return { ok: true, state: { ...state, disputes: [...state.disputes, opened] } };
}

/**
 * An operator resolves a dispute after reconciliation (Art. 7.2): the accepted part stays owed — due
 * by `acceptedDueDate`, since it was not payable while reconciled — and the rest is credited. When
 * the merchant had already paid more than the resolution leaves owed, the difference is refunded
 * (SPEC §5), dated at the resolution: paid − refunded + credited + outstanding = total, outstanding
 * never below zero. Resolving again with the same Idempotency-Key and request is a no-op.
 */
export function resolveDispute(
  state: InvoiceLedgerState,
  resolution: {
    disputeId: string;
    acceptedAmount: number;
    resolvedAt: string;
    acceptedDueDate: IsoDate;
    request?: RequestFingerprint;
  },
): LedgerResult {
  const { disputeId, acceptedAmount, resolvedAt, acceptedDueDate, request } = resolution;
  const dispute = state.disputes.find((d) => d.id === disputeId);
  if (!dispute) return refuse('dispute_not_found', `no dispute ${disputeId} on this invoice`, { field: 'disputeId' });
  const again = retried([dispute.resolutionRequest], request, state);
  if (again) return again;
  if (dispute.status !== 'open')
    return refuse('dispute_already_resolved', `dispute ${disputeId} was already resolved at ${dispute.resolvedAt}`, {
      field: 'disputeId',
    });
  if (!isAmount(acceptedAmount, 0) || acceptedAmount > dispute.amount) {
    return refuse(
      'accepted_amount_invalid',
      `accepted amount must be a whole number of won from 0 to the disputed ${dispute.amount}, got ${acceptedAmount}`,
      { field: 'acceptedAmount' },
    );
  }
  if (!isInstant(resolvedAt))
    return refuse('resolved_at_invalid', `resolvedAt must be an ISO-8601 instant, got "${resolvedAt}"`, {
      field: 'resolvedAt',
    });
  if (!isValidIsoDate(acceptedDueDate) || acceptedDueDate < state.dueDate) {
    return refuse(
      'accepted_due_date_invalid',
      `the accepted part's due date must be a date on or after the invoice's due date ${state.dueDate}, got "${acceptedDueDate}"`,
      { field: 'acceptedDueDate' },
    );
  }
  const creditedAmount = dispute.amount - acceptedAmount;
  const refundAmount = Math.max(0, creditedAmount - amounts(state).outstandingAmount);
  const resolved: Dispute = {
    ...dispute,
    status: 'resolved',
    acceptedAmount,
    creditedAmount,
    resolvedAt,
    acceptedDueDate,
    ...(request ? { resolutionRequest: request } : {}),
  };
  const refunds = refundAmount
    ? [...state.refunds, { id: refundIdFor(disputeId), disputeId, amount: refundAmount, refundedAt: resolvedAt }]
    : state.refunds;
  return {
    ok: true,
    state: { ...state, disputes: state.disputes.map((d) => (d.id === disputeId ? resolved : d)), refunds },
  };
}

/** A dispute refunds at most once: its refund's id follows from the dispute's. */
export function refundIdFor(disputeId: string): string {
  return `rfd_${disputeId.replace(/^dsp_/, '')}`;
}
