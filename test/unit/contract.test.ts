import {
  autoRenews,
  carriesPersonalData,
  CONTRACT_STATUSES,
  decide,
  isFinal,
  isInForce,
  newContract,
  nextDeadline,
  onDeadline,
  OPEN_STATUSES,
  purgesPersonalData,
  REQUESTABLE_TERMINATION_CAUSES,
  senderNumberConflict,
  SUSPENSION_REASONS,
  TERMINATION_CAUSES,
  type Application,
  type ContractCommand,
  type ContractEvent,
  type ContractState,
  type ContractStatus,
  type DeadlineKind,
  type Decision,
  type ReviewReason,
  type SenderNumberStatus,
  type SuspensionReason,
  type TerminationCause,
  withoutPersonalData,
} from '../../domain/contract';
import { statusOfRule } from '../../api/rule-status';
import type { Actor } from '../../domain/actor';
import type { RuleViolation } from '../../domain/rules';
import { NO_SERVICES, type Services } from '../../domain/services';
import { FEES } from '../support/fixtures';

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/** Freezes an object and everything reachable from it, so any write in strict-mode code throws. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** A KST wall-clock time as epoch milliseconds: at('2026-03-02T10:00') is 10:00 in Seoul. */
const at = (kstLocal: string) => Date.parse(`${kstLocal}+09:00`);
/** The stored (UTC ISO) form of a KST wall-clock time. */
const isoAt = (kstLocal: string) => new Date(at(kstLocal)).toISOString();
const iso = (ms: number) => new Date(ms).toISOString();
const DAY = 86_400_000;

const OPERATOR: Actor = { type: 'operator', id: 'op-1' };
const MERCHANT: Actor = { type: 'merchant', id: 'merchant-1' };
const SYSTEM: Actor = { type: 'system' };

const SERVICES: Services = { ...NO_SERVICES, sms: true, lms: true, alimtalk: true, fallbackSms: true };

const APPLIED_AT = '2026-02-27T09:00';
const APPROVED_AT = '2026-03-02T10:00';
const TERM_END = '2027-03-02T10:00';

function application(overrides: Partial<Application> = {}): Application {
  return {
    id: 'contract-1',
    merchantId: 'merchant-1',
    appliedAt: isoAt(APPLIED_AT),
    services: SERVICES,
    kakaoSearchId: '@shop',
    mids: [],
    senderNumbers: [{ id: 'sn-1', documentId: 'doc-1' }],
    ...overrides,
  };
}

/**
 * Runs `decide` on a deep-frozen state and checks the input came out untouched (a write to a frozen
 * object throws in the domain's strict-mode code, and the structural comparison catches the rest).
 */
function decideFrozen(state: ContractState, command: ContractCommand, actor: Actor, now: number): Decision {
  const before = structuredClone(state);
  deepFreeze(state);
  deepFreeze(command);
  const d = decide(state, command, actor, now);
  expect(state).toEqual(before);
  return d;
}

function deadlineFrozen(state: ContractState, kind: DeadlineKind, now: number): Decision {
  const before = structuredClone(state);
  deepFreeze(state);
  const d = onDeadline(state, kind, now);
  expect(state).toEqual(before);
  return d;
}

/** A decision as the API answers it: a refusal carries the HTTP status of its code. */
const answered = (d: Decision) =>
  d.ok ? d : { ...d, violation: { ...d.violation, status: statusOfRule(d.violation.code) } };

/** Checks the common shape of an accepted change: one version up, an event describing it. */
function expectChange(prev: ContractState, d: Decision, actor: Actor, now: number): Extract<Decision, { ok: true }> {
  if (!d.ok) throw new Error(`expected the change to be accepted, got ${d.violation.code} (${d.violation.message})`);
  expect(d.state.version).toBe(prev.version + 1);
  expect(d.event.seq).toBe(d.state.version);
  expect(d.event.from).toBe(prev.status);
  expect(d.event.to).toBe(d.state.status);
  expect(d.event.actor).toEqual(actor);
  expect(d.event.at).toBe(iso(now));
  return d;
}

/** What the contract history shows of a change: what happened, from which status to which, and its details. */
function expectEvent(
  event: ContractEvent,
  action: string,
  from: ContractStatus,
  to: ContractStatus,
  details: Record<string, unknown>,
) {
  expect(event).toMatchObject({ action, from, to, details });
}

function accept(state: ContractState, command: ContractCommand, actor: Actor, now: number) {
  return expectChange(state, decideFrozen(state, command, actor, now), actor, now);
}

/** The refusal, with the HTTP status the API answers for its code (409 state conflict, 422 rule). */
function refuse(
  state: ContractState,
  command: ContractCommand,
  actor: Actor,
  now: number,
): RuleViolation & { status: number } {
  const d = decideFrozen(state, command, actor, now);
  if (d.ok) throw new Error(`expected ${command.type} to be refused, but it moved the contract to ${d.state.status}`);
  expect(typeof d.violation.message).toBe('string');
  expect(d.violation.message.length).toBeGreaterThan(0);
  return { ...d.violation, status: statusOfRule(d.violation.code) };
}

function deadline(state: ContractState, kind: DeadlineKind, now: number, actor: Actor = SYSTEM) {
  return expectChange(state, deadlineFrozen(state, kind, now), actor, now);
}

// Named steps: each runs one command through `accept`, so every step also checks the common shape of a
// change. The actor is the one who takes the step in the product, or a parameter where either may.
const approve = (state: ContractState, now: number) => accept(state, { type: 'approve', fees: FEES }, OPERATOR, now);
const hold = (state: ContractState, reason: ReviewReason, now: number) =>
  accept(state, { type: 'hold', reason }, OPERATOR, now);
const reject = (state: ContractState, reason: ReviewReason, now: number) =>
  accept(state, { type: 'reject', reason }, OPERATOR, now);
const suspend = (state: ContractState, reason: SuspensionReason, now: number) =>
  accept(state, { type: 'suspend', reason }, OPERATOR, now);
/** A suspension given at `now` with the date it is to take effect (an ISO string). */
const noticeSuspension = (state: ContractState, reason: SuspensionReason, effectiveAt: string, now: number) =>
  accept(state, { type: 'suspend', reason, effectiveAt }, OPERATOR, now);
const resume = (state: ContractState, now: number) => accept(state, { type: 'resume' }, OPERATOR, now);
const fileObjection = (state: ContractState, text: string, now: number) =>
  accept(state, { type: 'object', text }, MERCHANT, now);
const requestNonRenewal = (state: ContractState, by: Actor, now: number) =>
  accept(state, { type: 'request_non_renewal' }, by, now);
const terminate = (state: ContractState, cause: TerminationCause, by: Actor, now: number) =>
  accept(state, { type: 'terminate', cause }, by, now);
const markOverdue = (state: ContractState, invoiceId: string, now: number) =>
  accept(state, { type: 'invoice_overdue', invoiceId }, SYSTEM, now);
const pay = (state: ContractState, invoiceId: string, now: number) =>
  accept(state, { type: 'invoice_paid', invoiceId }, SYSTEM, now);
const verify = (state: ContractState, id: string, now: number) =>
  accept(state, { type: 'verify_sender_number', id }, OPERATOR, now);

// States the tests start from. Each call builds a fresh (unfrozen) object.
const appliedState = (overrides: Partial<Application> = {}) => newContract(application(overrides));
const onHoldState = () => hold(appliedState(), 'missing_or_false_documents', at('2026-02-28T11:00')).state;
function activeState(approvedAt = APPROVED_AT, overrides: Partial<Application> = {}): ContractState {
  return approve(appliedState(overrides), at(approvedAt)).state;
}
function suspendedState(reason: SuspensionReason = 'policy', noticeAt = '2026-06-10T14:00'): ContractState {
  return suspend(activeState(), reason, at(noticeAt)).state;
}
const rejectedState = () => reject(appliedState(), 'business_not_operating', at('2026-02-28T11:00')).state;
const terminatedState = () => terminate(activeState(), 'bankruptcy', OPERATOR, at('2026-07-01T09:00')).state;
function expiredState(): ContractState {
  const noticed = requestNonRenewal(activeState(), MERCHANT, at('2026-12-01T09:00')).state;
  return deadline(noticed, 'term_end', at(TERM_END)).state;
}

/** How a contract comes to be in each status, with the builders' defaults. */
const REACHING: Record<ContractStatus, () => ContractState> = {
  applied: () => appliedState(),
  on_hold: onHoldState,
  rejected: rejectedState,
  active: () => activeState(),
  suspended: () => suspendedState(),
  terminated: terminatedState,
  expired: expiredState,
};
const stateIn = (status: ContractStatus): ContractState => REACHING[status]();

/** One of every command, for the "nothing may change" checks. */
const EVERY_COMMAND: ContractCommand[] = [
  { type: 'approve', fees: FEES },
  { type: 'reject', reason: 'improper_application' },
  { type: 'hold', reason: 'procedure_not_followed' },
  { type: 'suspend', reason: 'policy' },
  { type: 'resume' },
  { type: 'object', text: 'we disagree' },
  { type: 'request_non_renewal' },
  { type: 'terminate', cause: 'breach_not_cured' },
  { type: 'add_sender_number', id: 'sn-new', documentId: 'doc-new' },
  { type: 'verify_sender_number', id: 'sn-1' },
  { type: 'reject_sender_number', id: 'sn-1', reason: 'document unreadable' },
  { type: 'invoice_overdue', invoiceId: 'inv-new' },
];

// ---------------------------------------------------------------------------------------------

describe('a new application', () => {
  it('starts as applied, version 1, with every sender number pending review', () => {
    const s = appliedState({
      senderNumbers: [
        { id: 'sn-1', documentId: 'doc-1' },
        { id: 'sn-2', documentId: 'doc-2' },
      ],
    });
    expect(s.status).toBe('applied');
    expect(s.version).toBe(1);
    expect(s.appliedAt).toBe(isoAt(APPLIED_AT));
    expect(s.fees).toBeNull();
    expect(s.term).toBeNull();
    expect(s.suspension).toBeNull();
    expect(s.nonRenewal).toBeNull();
    expect(s.overdueInvoices).toEqual([]);
    expect(s.senderNumbers).toEqual([
      {
        id: 'sn-1',
        documentId: 'doc-1',
        status: 'pending',
        addedAt: isoAt(APPLIED_AT),
        decidedAt: null,
        rejectionReason: null,
      },
      {
        id: 'sn-2',
        documentId: 'doc-2',
        status: 'pending',
        addedAt: isoAt(APPLIED_AT),
        decidedAt: null,
        rejectionReason: null,
      },
    ]);
  });

  it('has nothing scheduled until it is approved', () => {
    expect(nextDeadline(appliedState())).toBeUndefined();
    expect(nextDeadline(onHoldState())).toBeUndefined();
  });
});

describe('review of an application (Art. 3)', () => {
  it('approval makes the contract active with the agreed fees and a first 1-year term', () => {
    const d = approve(appliedState(), at(APPROVED_AT));
    expect(d.state.status).toBe('active');
    expect(d.state.fees).toEqual(FEES);
    expect(d.state.term).toEqual({
      number: 1,
      start: isoAt(APPROVED_AT),
      end: isoAt(TERM_END),
      firstStart: isoAt(APPROVED_AT),
    });
    expect(d.event).toMatchObject({
      seq: 2,
      action: 'approved',
      from: 'applied',
      to: 'active',
      details: { termStart: isoAt(APPROVED_AT), termEnd: isoAt(TERM_END) },
    });
  });

  it('an application on hold can still be approved, and the hold reason is cleared', () => {
    const held = onHoldState();
    expect(held.review).not.toBeNull();
    const d = approve(held, at(APPROVED_AT));
    expect(d.state.status).toBe('active');
    expect(d.state.review).toBeNull();
    expect(d.event).toMatchObject({ from: 'on_hold', to: 'active', seq: 3 });
  });

  it('a term ends on the same Korean date and time one year later', () => {
    // 08:00 KST on 1 March is still 28 February in UTC: the anniversary is taken on the Korean calendar.
    const d = approve(appliedState(), at('2026-03-01T08:00'));
    expect(d.state.term?.end).toBe(isoAt('2027-03-01T08:00'));
  });

  it('a contract approved on 29 February ends on 28 February of the next year', () => {
    const d = approve(appliedState(), at('2028-02-29T10:00'));
    expect(d.state.term?.end).toBe(isoAt('2029-02-28T10:00'));
  });

  it.each(['active', 'suspended'] as const)('an %s contract cannot be approved again', (status) => {
    expect(refuse(stateIn(status), { type: 'approve', fees: FEES }, OPERATOR, at('2026-07-01T09:00'))).toMatchObject({
      code: 'invalid_transition',
      status: 409,
    });
  });

  it('an operator can hold an application, with the reason shown to the merchant', () => {
    const d = accept(
      appliedState(),
      { type: 'hold', reason: 'missing_or_false_documents', note: 'proof document is blurred' },
      OPERATOR,
      at('2026-02-28T11:00'),
    );
    expect(d.state.status).toBe('on_hold');
    expect(d.state.review).toEqual({
      decision: 'on_hold',
      reason: 'missing_or_false_documents',
      note: 'proof document is blurred',
      at: isoAt('2026-02-28T11:00'),
    });
    expectEvent(d.event, 'held', 'applied', 'on_hold', {
      reason: 'missing_or_false_documents',
      note: 'proof document is blurred',
    });
  });

  it('a hold without a note records the note as null', () => {
    const d = hold(appliedState(), 'insufficient_capacity', at('2026-02-28T11:00'));
    expect(d.state.review?.note).toBeNull();
  });

  it.each(['on_hold', 'active', 'suspended'] as const)(
    'an application can be held only while applied, not when %s',
    (status) => {
      expect(
        refuse(stateIn(status), { type: 'hold', reason: 'procedure_not_followed' }, OPERATOR, at('2026-07-01T09:00')),
      ).toMatchObject({ code: 'invalid_transition', status: 409 });
    },
  );

  it.each(['applied', 'on_hold'] as const)(
    'an application that is %s can be rejected, and the reason is kept',
    (status) => {
      const prev = stateIn(status);
      const d = reject(prev, 'applicant_is_minor', at('2026-03-01T11:00'));
      expect(d.state.status).toBe('rejected');
      expect(d.state.review).toEqual({
        decision: 'rejected',
        reason: 'applicant_is_minor',
        note: null,
        at: isoAt('2026-03-01T11:00'),
      });
      expect(d.event).toMatchObject({ action: 'rejected', from: status, to: 'rejected' });
      expect(nextDeadline(d.state)).toBeUndefined();
    },
  );

  it.each(['active', 'suspended'] as const)(
    'a %s contract cannot be rejected (it must be terminated instead)',
    (status) => {
      expect(
        refuse(stateIn(status), { type: 'reject', reason: 'improper_application' }, OPERATOR, at('2026-07-01T09:00')),
      ).toMatchObject({ code: 'invalid_transition', status: 409 });
    },
  );
});

describe('closed contracts (rejected, terminated, expired)', () => {
  const cases = (['rejected', 'terminated', 'expired'] as const).flatMap((status) =>
    EVERY_COMMAND.map((command) => [status, command.type, command] as const),
  );

  it.each(cases)('a %s contract refuses %s with contract_closed', (status, _type, command) => {
    const v = refuse(stateIn(status), command, OPERATOR, at('2027-06-01T09:00'));
    expect(v).toMatchObject({ code: 'contract_closed', status: 409 });
  });

  it.each(['rejected', 'terminated', 'expired'] as const)('a %s contract has no deadline left', (status) => {
    expect(nextDeadline(stateIn(status))).toBeUndefined();
  });

  it('a payment of an overdue invoice after termination is still recorded, but the contract stays terminated', () => {
    const overdue = markOverdue(activeState(), 'inv-1', at('2026-06-01T00:00')).state;
    const ended = terminate(overdue, 'fee_arrears', OPERATOR, at('2026-07-01T09:00')).state;
    const d = pay(ended, 'inv-1', at('2026-07-05T09:00'));
    expect(d.state.status).toBe('terminated');
    expect(d.state.overdueInvoices).toEqual([]);
    expect(d.event.action).toBe('invoice_paid');
  });
});

describe('suspension (Art. 5.2, 13.3)', () => {
  const NOTICE = '2026-06-10T14:00';

  it.each(SUSPENSION_REASONS.map((r) => [r]))('an operator can suspend an active contract at once for %s', (reason) => {
    const d = suspend(activeState(), reason, at(NOTICE));
    expect(d.state.status).toBe('suspended');
    expect(d.state.suspension).toMatchObject({ reason, noticeAt: isoAt(NOTICE), by: OPERATOR, objection: null });
    expectEvent(d.event, 'suspended', 'active', 'suspended', { reason });
  });

  it.each(['unpaid_fees', 'spoofing', 'policy'] as const)(
    'a suspension for %s terminates the contract 3 months after the notice unless the merchant objects',
    (reason) => {
      const d = suspend(activeState(), reason, at(NOTICE));
      expect(d.state.suspension?.terminationAt).toBe(isoAt('2026-09-10T14:00'));
    },
  );

  it('a maintenance suspension is temporary: no termination clock runs', () => {
    const d = suspend(activeState(), 'maintenance', at(NOTICE));
    expect(d.state.suspension?.terminationAt).toBeNull();
    expect(nextDeadline(d.state)).toEqual({ kind: 'term_end', at: at(TERM_END) });
  });

  it('the 3-month clock counts Korean calendar months, clamping to the end of a shorter month', () => {
    const d = suspend(activeState(), 'policy', at('2026-11-30T15:00'));
    expect(d.state.suspension?.terminationAt).toBe(isoAt('2027-02-28T15:00'));
  });

  it('the 3-month clock follows the Korean date even late in the evening (a different day in UTC)', () => {
    const d = suspend(activeState(), 'unpaid_fees', at('2026-05-31T23:30'));
    expect(d.state.suspension?.terminationAt).toBe(isoAt('2026-08-31T23:30'));
  });

  it('a suspension over number spoofing takes effect at once even when a later date is given', () => {
    const d = noticeSuspension(activeState(), 'spoofing', isoAt('2026-07-01T00:00'), at(NOTICE));
    expect(d.state.status).toBe('suspended');
    expect(d.state.pendingSuspension).toBeNull();
    expect(d.state.suspension).toMatchObject({
      reason: 'spoofing',
      noticeAt: isoAt(NOTICE),
      terminationAt: isoAt('2026-09-10T14:00'),
    });
  });

  it.each(['policy', 'maintenance', 'unpaid_fees'] as const)(
    'a %s suspension with a later date is noticed now and takes effect then',
    (reason) => {
      const effectiveAt = isoAt('2026-07-01T00:00');
      const noticed = noticeSuspension(activeState(), reason, effectiveAt, at(NOTICE));
      expect(noticed.state.status).toBe('active');
      expect(noticed.state.suspension).toBeNull();
      expect(noticed.state.pendingSuspension).toEqual({ reason, noticeAt: isoAt(NOTICE), effectiveAt, by: OPERATOR });
      expectEvent(noticed.event, 'suspension_noticed', 'active', 'active', { reason, effectiveAt });
      expect(nextDeadline(noticed.state)).toEqual({ kind: 'suspension_takes_effect', at: Date.parse(effectiveAt) });

      // The deadline event is attributed to whoever gave the notice.
      const effective = deadline(noticed.state, 'suspension_takes_effect', Date.parse(effectiveAt), OPERATOR);
      expect(effective.state.status).toBe('suspended');
      expect(effective.state.pendingSuspension).toBeNull();
      expect(effective.state.suspension).toMatchObject({
        reason,
        noticeAt: isoAt(NOTICE),
        by: OPERATOR,
        objection: null,
      });
      expect(effective.event).toMatchObject({ action: 'suspended', from: 'active', to: 'suspended' });
    },
  );

  it('the termination clock of a noticed suspension runs from the notice, not from when it took effect', () => {
    const noticed = noticeSuspension(activeState(), 'policy', isoAt('2026-07-01T00:00'), at(NOTICE)).state;
    const effective = deadline(noticed, 'suspension_takes_effect', at('2026-07-01T00:00'), OPERATOR).state;
    expect(effective.suspension?.terminationAt).toBe(isoAt('2026-09-10T14:00'));
  });

  it('a noticed maintenance suspension starts no termination clock when it takes effect', () => {
    const noticed = noticeSuspension(activeState(), 'maintenance', isoAt('2026-07-01T00:00'), at(NOTICE)).state;
    const effective = deadline(noticed, 'suspension_takes_effect', at('2026-07-01T00:00'), OPERATOR).state;
    expect(effective.suspension?.terminationAt).toBeNull();
  });

  it('an effective date that is now or already past suspends at once', () => {
    const now = at(NOTICE);
    expect(noticeSuspension(activeState(), 'policy', iso(now), now).state.status).toBe('suspended');
    expect(noticeSuspension(activeState(), 'policy', iso(now - DAY), now).state.status).toBe('suspended');
  });

  it('an unreadable effective date is refused', () => {
    expect(
      refuse(activeState(), { type: 'suspend', reason: 'policy', effectiveAt: 'next tuesday' }, OPERATOR, at(NOTICE)),
    ).toMatchObject({ code: 'invalid_effective_at', status: 422 });
  });

  it('a second future suspension cannot be noticed while one is pending', () => {
    const noticed = noticeSuspension(activeState(), 'policy', isoAt('2026-07-01T00:00'), at(NOTICE)).state;
    expect(
      refuse(
        noticed,
        { type: 'suspend', reason: 'maintenance', effectiveAt: isoAt('2026-07-05T00:00') },
        OPERATOR,
        at(NOTICE) + 1000,
      ),
    ).toMatchObject({
      code: 'suspension_already_noticed',
      status: 409,
    });
  });

  it('a spoofing suspension overrides a pending noticed suspension', () => {
    const noticed = noticeSuspension(activeState(), 'policy', isoAt('2026-07-01T00:00'), at(NOTICE)).state;
    const d = suspend(noticed, 'spoofing', at('2026-06-11T09:00'));
    expect(d.state.status).toBe('suspended');
    expect(d.state.suspension?.reason).toBe('spoofing');
    expect(d.state.pendingSuspension).toBeNull();
  });

  it('a pending suspension can be withdrawn before it takes effect', () => {
    const noticed = noticeSuspension(activeState(), 'policy', isoAt('2026-07-01T00:00'), at(NOTICE)).state;
    const d = resume(noticed, at('2026-06-20T09:00'));
    expect(d.state.status).toBe('active');
    expect(d.state.pendingSuspension).toBeNull();
    expect(d.event.action).toBe('suspension_withdrawn');
    expect(nextDeadline(d.state)?.kind).toBe('term_end');
  });

  it('a suspended contract cannot be suspended again', () => {
    expect(
      refuse(suspendedState('maintenance'), { type: 'suspend', reason: 'policy' }, OPERATOR, at('2026-06-20T09:00')),
    ).toMatchObject({ code: 'already_suspended', status: 409 });
  });

  it.each(['applied', 'on_hold'] as const)('an application that is %s cannot be suspended', (status) => {
    expect(
      refuse(stateIn(status), { type: 'suspend', reason: 'policy' }, OPERATOR, at('2026-03-01T09:00')),
    ).toMatchObject({ code: 'invalid_transition', status: 409 });
  });

  it('resuming a suspended contract makes it active again and stops its termination clock', () => {
    const d = resume(suspendedState('policy'), at('2026-06-20T09:00'));
    expect(d.state.status).toBe('active');
    expect(d.state.suspension).toBeNull();
    expectEvent(d.event, 'resumed', 'suspended', 'active', { reason: 'policy' });
    expect(nextDeadline(d.state)).toEqual({ kind: 'term_end', at: at(TERM_END) });
  });

  it.each(['applied', 'on_hold', 'active'] as const)(
    'a contract that is %s (with nothing pending) cannot be resumed',
    (status) => {
      expect(refuse(stateIn(status), { type: 'resume' }, OPERATOR, at('2026-06-20T09:00'))).toMatchObject({
        code: 'invalid_transition',
        status: 409,
      });
    },
  );

  it('the suspension deadline changes nothing when no suspension is pending', () => {
    const d = deadlineFrozen(activeState(), 'suspension_takes_effect', at('2026-07-01T00:00'));
    expect(answered(d)).toMatchObject({ ok: false, violation: { code: 'invalid_transition', status: 409 } });
  });
});

describe('objection to a suspension (Art. 13.4)', () => {
  const NOTICE = '2026-06-10T14:00';
  const CLOCK_END = '2026-09-10T14:00';

  it('an objection within 3 months stops the termination clock and is kept for an operator', () => {
    const d = fileObjection(suspendedState('policy', NOTICE), 'our numbers were never spoofed', at('2026-07-01T10:00'));
    expect(d.state.status).toBe('suspended');
    expect(d.state.suspension?.terminationAt).toBeNull();
    expect(d.state.suspension?.objection).toEqual({
      text: 'our numbers were never spoofed',
      at: isoAt('2026-07-01T10:00'),
    });
    expectEvent(d.event, 'objection_filed', 'suspended', 'suspended', { text: 'our numbers were never spoofed' });
    expect(nextDeadline(d.state)).toEqual({ kind: 'term_end', at: at(TERM_END) });
  });

  it('an objection at the very last moment of the window still counts', () => {
    const d = fileObjection(suspendedState('policy', NOTICE), 'just in time', at(CLOCK_END));
    expect(d.state.suspension?.terminationAt).toBeNull();
  });

  it('an objection after the 3 months is refused', () => {
    expect(
      refuse(suspendedState('policy', NOTICE), { type: 'object', text: 'too late' }, MERCHANT, at(CLOCK_END) + 1),
    ).toMatchObject({ code: 'objection_window_closed', status: 409 });
  });

  it('only one objection per suspension can be filed', () => {
    const objected = fileObjection(suspendedState('unpaid_fees', NOTICE), 'first', at('2026-07-01T10:00')).state;
    expect(refuse(objected, { type: 'object', text: 'second' }, MERCHANT, at('2026-07-02T10:00'))).toMatchObject({
      code: 'objection_already_filed',
      status: 409,
    });
  });

  it('there is nothing to object to in a maintenance suspension', () => {
    expect(
      refuse(suspendedState('maintenance', NOTICE), { type: 'object', text: 'why?' }, MERCHANT, at('2026-07-01T10:00')),
    ).toMatchObject({ code: 'no_termination_clock', status: 409 });
  });

  it.each(['applied', 'on_hold', 'active'] as const)('a contract that is %s cannot be objected to', (status) => {
    expect(refuse(stateIn(status), { type: 'object', text: 'hm' }, MERCHANT, at('2026-07-01T10:00'))).toMatchObject({
      code: 'invalid_transition',
      status: 409,
    });
  });

  it('without an objection the contract is terminated when the 3 months are up', () => {
    const suspended = suspendedState('spoofing', NOTICE);
    expect(nextDeadline(suspended)).toEqual({ kind: 'termination_after_suspension', at: at(CLOCK_END) });
    const d = deadline(suspended, 'termination_after_suspension', at(CLOCK_END));
    expect(d.state.status).toBe('terminated');
    expect(d.state.termination).toEqual({
      cause: 'no_objection_after_suspension',
      at: isoAt(CLOCK_END),
      by: SYSTEM,
      note: null,
    });
    expectEvent(d.event, 'terminated', 'suspended', 'terminated', { cause: 'no_objection_after_suspension' });
    expect(nextDeadline(d.state)).toBeUndefined();
  });
});

describe('notice of non-renewal (Art. 12)', () => {
  // Term 1: 2026-03-02T10:00 → 2027-03-02T10:00 (KST).
  const end = at(TERM_END);
  const FOLLOWING_END = isoAt('2028-03-02T10:00');

  it('a notice of non-renewal exactly 30 days before the end stops this term from renewing', () => {
    const d = requestNonRenewal(activeState(), MERCHANT, end - 30 * DAY);
    expect(d.state.nonRenewal).toEqual({ requestedAt: iso(end - 30 * DAY), by: MERCHANT, termEnd: isoAt(TERM_END) });
    expectEvent(d.event, 'non_renewal_noticed', 'active', 'active', {
      endsAt: isoAt(TERM_END),
      appliesTo: 'current_term',
    });
  });

  it('a notice of non-renewal 31 days before the end stops this term from renewing', () => {
    const d = requestNonRenewal(activeState(), OPERATOR, end - 31 * DAY);
    expect(d.state.nonRenewal?.termEnd).toBe(isoAt(TERM_END));
  });

  it('a notice of non-renewal 29 days before the end applies to the following term', () => {
    const d = requestNonRenewal(activeState(), MERCHANT, end - 29 * DAY);
    expect(d.state.nonRenewal?.termEnd).toBe(FOLLOWING_END);
    expect(d.event.details).toEqual({ endsAt: FOLLOWING_END, appliesTo: 'following_term' });
  });

  it('a notice even a moment later than 30 days before the end applies to the following term', () => {
    const d = requestNonRenewal(activeState(), MERCHANT, end - 30 * DAY + 1);
    expect(d.state.nonRenewal?.termEnd).toBe(FOLLOWING_END);
  });

  it("a late notice in a renewed term applies to the term after it, still on the first start's anniversary", () => {
    const renewed = deadline(activeState(), 'term_end', end).state; // term 2 ends 2028-03-02
    const d = requestNonRenewal(renewed, MERCHANT, at('2028-02-20T09:00'));
    expect(d.state.nonRenewal?.termEnd).toBe(isoAt('2029-03-02T10:00'));
  });

  it('a suspended contract can also be given notice of non-renewal', () => {
    const d = requestNonRenewal(suspendedState('policy'), MERCHANT, at('2026-07-01T09:00'));
    expect(d.state.nonRenewal?.termEnd).toBe(isoAt(TERM_END));
  });

  it('a second notice of non-renewal is refused', () => {
    const noticed = requestNonRenewal(activeState(), MERCHANT, at('2026-10-01T09:00')).state;
    expect(refuse(noticed, { type: 'request_non_renewal' }, OPERATOR, at('2026-10-02T09:00'))).toMatchObject({
      code: 'non_renewal_already_given',
      status: 409,
    });
  });

  it.each(['applied', 'on_hold'] as const)('an application that is %s has no term to stop renewing', (status) => {
    expect(refuse(stateIn(status), { type: 'request_non_renewal' }, MERCHANT, at('2026-03-01T09:00'))).toMatchObject({
      code: 'invalid_transition',
      status: 409,
    });
  });

  it('a contract with notice given in time expires at the end of its term', () => {
    const noticed = requestNonRenewal(activeState(), MERCHANT, at('2026-12-01T09:00')).state;
    expect(nextDeadline(noticed)).toEqual({ kind: 'term_end', at: end });
    const d = deadline(noticed, 'term_end', end);
    expect(d.state.status).toBe('expired');
    expect(d.state.expiredAt).toBe(isoAt(TERM_END));
    expectEvent(d.event, 'expired', 'active', 'expired', { termEnd: isoAt(TERM_END) });
    expect(nextDeadline(d.state)).toBeUndefined();
  });

  it('a contract with late notice renews once more and then expires', () => {
    const noticed = requestNonRenewal(activeState(), MERCHANT, end - 10 * DAY).state;
    const renewed = deadline(noticed, 'term_end', end);
    expect(renewed.state.status).toBe('active');
    expect(renewed.state.term?.number).toBe(2);
    expect(nextDeadline(renewed.state)).toEqual({ kind: 'term_end', at: Date.parse(FOLLOWING_END) });
    const expired = deadline(renewed.state, 'term_end', Date.parse(FOLLOWING_END));
    expect(expired.state.status).toBe('expired');
    expect(expired.state.expiredAt).toBe(FOLLOWING_END);
  });

  it('a suspended contract whose notice was given in time expires at the end of its term', () => {
    const noticed = requestNonRenewal(suspendedState('maintenance'), MERCHANT, at('2026-07-01T09:00')).state;
    const d = deadline(noticed, 'term_end', end);
    expect(d.state.status).toBe('expired');
    expect(d.event).toMatchObject({ from: 'suspended', to: 'expired' });
  });
});

describe('automatic renewal (Art. 12)', () => {
  it('without notice the contract renews for another year, term after term', () => {
    let s = activeState();
    const expected = [
      [2, '2027-03-02T10:00', '2028-03-02T10:00'],
      [3, '2028-03-02T10:00', '2029-03-02T10:00'],
      [4, '2029-03-02T10:00', '2030-03-02T10:00'],
    ] as const;
    for (const [number, start, end] of expected) {
      const d = deadline(s, 'term_end', Date.parse(s.term!.end));
      expect(d.state.status).toBe('active');
      expect(d.state.term).toEqual({ number, start: isoAt(start), end: isoAt(end), firstStart: isoAt(APPROVED_AT) });
      expectEvent(d.event, 'renewed', 'active', 'active', {
        term: number,
        termStart: isoAt(start),
        termEnd: isoAt(end),
      });
      s = d.state;
    }
  });

  it('terms of a contract approved on 29 February end on the anniversary and never drift', () => {
    let s = activeState('2028-02-29T10:00');
    const ends = [s.term!.end];
    for (let i = 0; i < 4; i++) {
      s = deadline(s, 'term_end', Date.parse(s.term!.end)).state;
      ends.push(s.term!.end);
    }
    expect(s.term?.number).toBe(5);
    // 2032 is a leap year again: the term ends on 29 February, not on the drifted 28th.
    expect(ends).toEqual(
      ['2029-02-28T10:00', '2030-02-28T10:00', '2031-02-28T10:00', '2032-02-29T10:00', '2033-02-28T10:00'].map(isoAt),
    );
  });

  it('a suspended contract renews too, and stays suspended', () => {
    const d = deadline(suspendedState('maintenance'), 'term_end', at(TERM_END));
    expect(d.state.status).toBe('suspended');
    expect(d.state.term?.number).toBe(2);
    expect(d.state.suspension?.reason).toBe('maintenance');
  });

  it('the term deadline changes nothing on a contract that has no term yet', () => {
    expect(answered(deadlineFrozen(appliedState(), 'term_end', at(TERM_END)))).toMatchObject({
      ok: false,
      violation: { code: 'invalid_transition', status: 409 },
    });
  });
});

describe('termination (Art. 13.2, 13.5)', () => {
  const NOW = '2026-07-01T09:00';
  const immediateByOperator = REQUESTABLE_TERMINATION_CAUSES.filter((c) => c !== 'business_reasons');
  const merchantCauses = REQUESTABLE_TERMINATION_CAUSES.filter((c) =>
    (TERMINATION_CAUSES[c].by as readonly string[]).includes('merchant'),
  );

  it.each(immediateByOperator.map((c) => [c]))('an operator terminating for %s ends the contract at once', (cause) => {
    const d = accept(activeState(), { type: 'terminate', cause, note: 'see file 12' }, OPERATOR, at(NOW));
    expect(d.state.status).toBe('terminated');
    expect(d.state.termination).toEqual({ cause, at: isoAt(NOW), by: OPERATOR, note: 'see file 12' });
    expectEvent(d.event, 'terminated', 'active', 'terminated', { cause, note: 'see file 12' });
  });

  it.each(merchantCauses.map((c) => [c]))('a merchant can terminate for %s at once', (cause) => {
    const d = terminate(activeState(), cause, MERCHANT, at(NOW));
    expect(d.state.status).toBe('terminated');
    expect(d.state.termination).toEqual({ cause, at: isoAt(NOW), by: MERCHANT, note: null });
  });

  it('the merchant-side causes are every cause but fee arrears and business reasons', () => {
    expect([...merchantCauses].sort()).toEqual(
      REQUESTABLE_TERMINATION_CAUSES.filter((c) => c !== 'fee_arrears' && c !== 'business_reasons').sort(),
    );
  });

  it.each(['fee_arrears', 'business_reasons'] as const)('a merchant cannot terminate for %s', (cause) => {
    expect(refuse(activeState(), { type: 'terminate', cause }, MERCHANT, at(NOW))).toMatchObject({
      code: 'termination_cause_not_allowed',
      status: 422,
    });
  });

  it.each([OPERATOR, MERCHANT])(
    'nobody but the system terminates for "no objection after suspension" (%o)',
    (actor) => {
      expect(
        refuse(suspendedState('policy'), { type: 'terminate', cause: 'no_objection_after_suspension' }, actor, at(NOW)),
      ).toMatchObject({
        code: 'termination_cause_not_allowed',
        status: 422,
      });
    },
  );

  it('a suspended contract can be terminated at once', () => {
    const d = terminate(suspendedState('unpaid_fees'), 'fee_arrears', OPERATOR, at(NOW));
    expect(d.state.status).toBe('terminated');
    expect(d.event).toMatchObject({ from: 'suspended', to: 'terminated' });
  });

  it.each(['applied', 'on_hold'] as const)('an application that is %s is rejected, not terminated', (status) => {
    expect(
      refuse(stateIn(status), { type: 'terminate', cause: 'breach_not_cured' }, OPERATOR, at('2026-03-01T09:00')),
    ).toMatchObject({ code: 'invalid_transition', status: 409 });
  });

  it('termination for business reasons takes effect one month after the notice', () => {
    const noticed = terminate(activeState(), 'business_reasons', OPERATOR, at('2027-01-31T12:00'));
    expect(noticed.state.status).toBe('active');
    expect(noticed.state.pendingTermination).toEqual({
      cause: 'business_reasons',
      noticeAt: isoAt('2027-01-31T12:00'),
      effectiveAt: isoAt('2027-02-28T12:00'),
      by: OPERATOR,
    });
    expectEvent(noticed.event, 'termination_noticed', 'active', 'active', {
      cause: 'business_reasons',
      effectiveAt: isoAt('2027-02-28T12:00'),
    });
    expect(nextDeadline(noticed.state)).toEqual({ kind: 'termination_takes_effect', at: at('2027-02-28T12:00') });

    const ended = deadline(noticed.state, 'termination_takes_effect', at('2027-02-28T12:00'), OPERATOR);
    expect(ended.state.status).toBe('terminated');
    expect(ended.state.pendingTermination).toBeNull();
    expect(ended.state.termination).toEqual({
      cause: 'business_reasons',
      at: isoAt('2027-02-28T12:00'),
      by: OPERATOR,
      note: null,
    });
  });

  it('a second notice of termination for business reasons is refused', () => {
    const noticed = terminate(activeState(), 'business_reasons', OPERATOR, at(NOW)).state;
    expect(
      refuse(noticed, { type: 'terminate', cause: 'business_reasons' }, OPERATOR, at('2026-07-02T09:00')),
    ).toMatchObject({ code: 'termination_already_noticed', status: 409 });
  });

  it('an immediate termination during a business-reasons notice ends the contract at once', () => {
    const noticed = terminate(activeState(), 'business_reasons', OPERATOR, at(NOW)).state;
    const d = terminate(noticed, 'business_closure', MERCHANT, at('2026-07-10T09:00'));
    expect(d.state.status).toBe('terminated');
    expect(d.state.termination?.cause).toBe('business_closure');
    expect(d.state.pendingTermination).toBeNull();
  });

  it('termination clears a pending suspension', () => {
    const noticed = noticeSuspension(activeState(), 'policy', isoAt('2026-08-01T00:00'), at(NOW)).state;
    const d = terminate(noticed, 'bankruptcy', OPERATOR, at('2026-07-02T09:00'));
    expect(d.state.pendingSuspension).toBeNull();
  });
});

describe('sender numbers (form §2가, Art. 4.4)', () => {
  const NOW = '2026-04-01T09:00';
  const add = (id: string): ContractCommand => ({ type: 'add_sender_number', id, documentId: `doc-${id}` });
  /** The state after an operator rejected one of its numbers. */
  const withRejected = (state: ContractState, id: string, reason: string): ContractState =>
    accept(state, { type: 'reject_sender_number', id, reason }, OPERATOR, at(NOW)).state;
  /** Nine more numbers after sn-1 from the application: 10 in all. */
  function withTenNumbers(): ContractState {
    let s = activeState();
    for (let i = 2; i <= 10; i++) s = accept(s, add(`sn-${i}`), MERCHANT, at(NOW)).state;
    return s;
  }

  it('a merchant can add a sender number, which waits for an operator to check its document', () => {
    const d = accept(activeState(), add('sn-2'), MERCHANT, at(NOW));
    expect(d.state.senderNumbers).toHaveLength(2);
    expect(d.state.senderNumbers[1]).toEqual({
      id: 'sn-2',
      status: 'pending',
      documentId: 'doc-sn-2',
      addedAt: isoAt(NOW),
      decidedAt: null,
      rejectionReason: null,
    });
    expectEvent(d.event, 'sender_number_added', 'active', 'active', { senderNumberId: 'sn-2' });
  });

  it.each(['applied', 'on_hold', 'suspended'] as const)(
    'a sender number can be added while the contract is %s',
    (status) => {
      expect(accept(stateIn(status), add('sn-2'), MERCHANT, at(NOW)).state.senderNumbers).toHaveLength(2);
    },
  );

  it('a contract can hold 10 sender numbers', () => {
    expect(withTenNumbers().senderNumbers).toHaveLength(10);
  });

  it('an 11th sender number is refused', () => {
    expect(refuse(withTenNumbers(), add('sn-11'), MERCHANT, at(NOW))).toMatchObject({
      code: 'too_many_sender_numbers',
      status: 422,
    });
  });

  it('rejected sender numbers do not count toward the 10', () => {
    const rejected = withRejected(withTenNumbers(), 'sn-3', 'document does not match');
    const d = accept(rejected, add('sn-11'), MERCHANT, at(NOW));
    expect(d.state.senderNumbers.filter((n) => n.status !== 'rejected')).toHaveLength(10);
  });

  it('a number already on the contract cannot be added twice; a rejected one can be submitted again', () => {
    const stored = (status: SenderNumberStatus) => [{ number: '0212345678', status }];
    for (const status of ['pending', 'verified'] as const)
      expect(senderNumberConflict(stored(status), '0212345678')).toMatchObject({ code: 'sender_number_exists' });
    expect(senderNumberConflict(stored('rejected'), '0212345678')).toBeUndefined();
    expect(senderNumberConflict(stored('verified'), '0311112222')).toBeUndefined();
  });

  it('a rejected number resubmitted is a new sender number, pending again', () => {
    const rejected = withRejected(activeState(), 'sn-1', 'blurred scan');
    const d = accept(rejected, add('sn-2'), MERCHANT, at(NOW));
    expect(d.state.senderNumbers.map((n) => [n.id, n.status])).toEqual([
      ['sn-1', 'rejected'],
      ['sn-2', 'pending'],
    ]);
  });

  it('an operator verifies a pending number, which can then send', () => {
    const d = verify(activeState(), 'sn-1', at(NOW));
    expect(d.state.senderNumbers[0]).toMatchObject({
      id: 'sn-1',
      status: 'verified',
      decidedAt: isoAt(NOW),
      rejectionReason: null,
    });
    expect(d.event).toMatchObject({ action: 'sender_number_verified', details: { senderNumberId: 'sn-1' } });
  });

  it('an operator rejects a pending number with a reason', () => {
    const d = accept(
      activeState(),
      { type: 'reject_sender_number', id: 'sn-1', reason: 'document is for another number' },
      OPERATOR,
      at(NOW),
    );
    expect(d.state.senderNumbers[0]).toMatchObject({
      status: 'rejected',
      decidedAt: isoAt(NOW),
      rejectionReason: 'document is for another number',
    });
    expect(d.event).toMatchObject({
      action: 'sender_number_rejected',
      details: { senderNumberId: 'sn-1', reason: 'document is for another number' },
    });
  });

  it('numbers can be verified while the application is still under review', () => {
    expect(verify(appliedState(), 'sn-1', at('2026-02-28T09:00')).state.senderNumbers[0].status).toBe('verified');
  });

  it.each([
    ['verified', 'verify_sender_number'],
    ['verified', 'reject_sender_number'],
    ['rejected', 'verify_sender_number'],
    ['rejected', 'reject_sender_number'],
  ] as const)('a %s number cannot be reviewed again (%s)', (first, second) => {
    const firstCommand: ContractCommand =
      first === 'verified'
        ? { type: 'verify_sender_number', id: 'sn-1' }
        : { type: 'reject_sender_number', id: 'sn-1', reason: 'bad' };
    const reviewed = accept(activeState(), firstCommand, OPERATOR, at(NOW)).state;
    const again: ContractCommand =
      second === 'verify_sender_number' ? { type: second, id: 'sn-1' } : { type: second, id: 'sn-1', reason: 'again' };
    expect(refuse(reviewed, again, OPERATOR, at(NOW))).toMatchObject({
      code: 'sender_number_already_reviewed',
      status: 409,
    });
  });

  it.each([
    { type: 'verify_sender_number', id: 'sn-404' },
    { type: 'reject_sender_number', id: 'sn-404', reason: 'x' },
  ] as ContractCommand[])('reviewing a number the contract does not have is refused ($type)', (command) => {
    expect(refuse(activeState(), command, OPERATOR, at(NOW))).toMatchObject({
      code: 'sender_number_not_found',
      status: 409,
    });
  });
});

describe('billing signals (Art. 5.2.3)', () => {
  const OVERDUE_AT = '2026-06-15T00:00';

  it('an overdue invoice suspends an active contract for unpaid fees, with the termination clock running', () => {
    const d = markOverdue(activeState(), 'inv-1', at(OVERDUE_AT));
    expect(d.state.status).toBe('suspended');
    expect(d.state.overdueInvoices).toEqual(['inv-1']);
    expect(d.state.suspension).toEqual({
      reason: 'unpaid_fees',
      noticeAt: isoAt(OVERDUE_AT),
      by: SYSTEM,
      terminationAt: isoAt('2026-09-15T00:00'),
      objection: null,
    });
    expectEvent(d.event, 'suspended', 'active', 'suspended', { reason: 'unpaid_fees', invoiceId: 'inv-1' });
  });

  it('an overdue invoice replaces a suspension that was only noticed', () => {
    const noticed = noticeSuspension(
      activeState(),
      'maintenance',
      isoAt('2026-07-01T00:00'),
      at('2026-06-01T09:00'),
    ).state;
    const d = markOverdue(noticed, 'inv-1', at(OVERDUE_AT));
    expect(d.state.pendingSuspension).toBeNull();
    expect(d.state.suspension?.reason).toBe('unpaid_fees');
  });

  it('the same overdue invoice is recorded only once', () => {
    const overdue = markOverdue(activeState(), 'inv-1', at(OVERDUE_AT)).state;
    expect(
      refuse(overdue, { type: 'invoice_overdue', invoiceId: 'inv-1' }, SYSTEM, at(OVERDUE_AT) + 1000),
    ).toMatchObject({ code: 'already_recorded', status: 409 });
  });

  it('a further overdue invoice on a suspended contract is recorded without changing the suspension', () => {
    const spoofed = suspendedState('spoofing');
    const d = markOverdue(spoofed, 'inv-1', at(OVERDUE_AT));
    expect(d.state.status).toBe('suspended');
    expect(d.state.suspension).toEqual(spoofed.suspension);
    expect(d.state.overdueInvoices).toEqual(['inv-1']);
    expect(d.event.action).toBe('invoice_overdue');
  });

  it('paying the overdue invoice resumes a contract suspended for unpaid fees', () => {
    const overdue = markOverdue(activeState(), 'inv-1', at(OVERDUE_AT)).state;
    const d = pay(overdue, 'inv-1', at('2026-06-20T10:00'));
    expect(d.state.status).toBe('active');
    expect(d.state.suspension).toBeNull();
    expect(d.state.overdueInvoices).toEqual([]);
    expectEvent(d.event, 'resumed', 'suspended', 'active', { reason: 'unpaid_fees', invoiceId: 'inv-1' });
  });

  it('the contract stays suspended until the last overdue invoice is paid', () => {
    let s = markOverdue(activeState(), 'inv-1', at(OVERDUE_AT)).state;
    s = markOverdue(s, 'inv-2', at('2026-07-15T00:00')).state;
    const first = pay(s, 'inv-2', at('2026-07-20T10:00'));
    expect(first.state.status).toBe('suspended');
    expect(first.state.overdueInvoices).toEqual(['inv-1']);
    expect(first.event.action).toBe('invoice_paid');
    const last = pay(first.state, 'inv-1', at('2026-07-21T10:00'));
    expect(last.state.status).toBe('active');
  });

  it('paying an overdue invoice does not lift a suspension for number spoofing', () => {
    const spoofed = markOverdue(suspendedState('spoofing'), 'inv-1', at(OVERDUE_AT)).state;
    const d = pay(spoofed, 'inv-1', at('2026-06-20T10:00'));
    expect(d.state.status).toBe('suspended');
    expect(d.state.suspension?.reason).toBe('spoofing');
    expect(d.state.overdueInvoices).toEqual([]);
  });

  it('a payment of an invoice that was not overdue changes nothing', () => {
    expect(refuse(activeState(), { type: 'invoice_paid', invoiceId: 'inv-9' }, SYSTEM, at(OVERDUE_AT))).toMatchObject({
      code: 'not_overdue',
      status: 409,
    });
  });

  it('resuming a contract suspended for unpaid fees while the invoice is still overdue takes a reason (409 naming it otherwise)', () => {
    const overdue = markOverdue(activeState(), 'inv-1', at(OVERDUE_AT)).state;
    expect(refuse(overdue, { type: 'resume' }, OPERATOR, at('2026-06-16T09:00'))).toMatchObject({
      code: 'invoices_overdue',
      status: 409,
      overdueInvoices: ['inv-1'],
    });
    expect(refuse(overdue, { type: 'resume', reason: '  ' }, OPERATOR, at('2026-06-16T09:00')).code).toBe(
      'invoices_overdue',
    );
    const d = accept(overdue, { type: 'resume', reason: '분할 납부 약정' }, OPERATOR, at('2026-06-16T09:00'));
    expect(d.state).toMatchObject({ status: 'active', suspension: null, overdueInvoices: ['inv-1'] });
    expect(d.event.details).toEqual({ reason: 'unpaid_fees', overdueInvoices: ['inv-1'], note: '분할 납부 약정' });
    // The arrears stay recorded: paying the invoice clears them; the contract stays active.
    expect(pay(d.state, 'inv-1', at('2026-06-20T09:00')).state).toMatchObject({
      status: 'active',
      overdueInvoices: [],
    });
  });
});

describe('what each status means', () => {
  // [status, open (one per merchant), in force (a term runs), final, personal data purged]
  const table: [ContractStatus, boolean, boolean, boolean, boolean][] = [
    ['applied', true, false, false, false],
    ['on_hold', true, false, false, false],
    ['active', true, true, false, false],
    ['suspended', true, true, false, false],
    ['rejected', false, false, true, false],
    ['terminated', false, false, true, true],
    ['expired', false, false, true, true],
  ];
  it('covers every status', () => {
    expect(table.map(([status]) => status).sort()).toEqual([...CONTRACT_STATUSES].sort());
  });
  it.each(table)('%s: open %s, in force %s, final %s, purged %s', (status, open, inForce, final, purged) => {
    expect(OPEN_STATUSES.includes(status)).toBe(open);
    expect(isInForce(status)).toBe(inForce);
    expect(isFinal(status)).toBe(final);
    expect(purgesPersonalData(status)).toBe(purged);
  });
  it.each(table)('%s renews automatically only while in force and without notice of non-renewal', (status) => {
    expect(autoRenews({ status, nonRenewal: null })).toBe(isInForce(status));
    expect(autoRenews({ status, nonRenewal: { termEnd: '2027-03-02T01:00:00.000Z' } })).toBe(false);
  });
});

describe('the next deadline', () => {
  it('an active contract waits for the end of its term', () => {
    expect(nextDeadline(activeState())).toEqual({ kind: 'term_end', at: at(TERM_END) });
  });

  it('a noticed suspension before the term end comes first; one after it comes second', () => {
    const soon = noticeSuspension(activeState(), 'policy', isoAt('2026-07-01T00:00'), at('2026-06-01T09:00')).state;
    expect(nextDeadline(soon)).toEqual({ kind: 'suspension_takes_effect', at: at('2026-07-01T00:00') });
    const late = noticeSuspension(activeState(), 'policy', isoAt('2027-04-01T00:00'), at('2026-06-01T09:00')).state;
    expect(nextDeadline(late)).toEqual({ kind: 'term_end', at: at(TERM_END) });
  });

  it('a suspended contract waits for its termination clock when that ends before the term', () => {
    expect(nextDeadline(suspendedState('policy', '2026-06-10T14:00'))).toEqual({
      kind: 'termination_after_suspension',
      at: at('2026-09-10T14:00'),
    });
  });

  it('a termination clock that runs past the term end comes after the renewal', () => {
    expect(nextDeadline(suspendedState('policy', '2027-01-10T14:00'))).toEqual({ kind: 'term_end', at: at(TERM_END) });
  });

  it('a termination for business reasons is the next deadline when it comes first', () => {
    const suspended = suspendedState('policy', '2026-06-10T14:00');
    const noticed = terminate(suspended, 'business_reasons', OPERATOR, at('2026-06-11T09:00')).state;
    expect(nextDeadline(noticed)).toEqual({ kind: 'termination_takes_effect', at: at('2026-07-11T09:00') });
  });

  it('the term end comes before a business-reasons termination noticed just before it', () => {
    const noticed = terminate(activeState(), 'business_reasons', OPERATOR, at('2027-02-20T09:00')).state;
    expect(nextDeadline(noticed)).toEqual({ kind: 'term_end', at: at(TERM_END) });
  });

  it.each(CONTRACT_STATUSES.map((s) => [s]))(
    'a %s contract has a deadline exactly when it is active or suspended',
    (status) => {
      const d = nextDeadline(stateIn(status));
      if (status === 'active' || status === 'suspended') expect(d).toBeDefined();
      else expect(d).toBeUndefined();
    },
  );
});

describe('a whole life, step by step', () => {
  it('every change is one version and one event, and no input state is ever modified', () => {
    const steps: [ContractCommand, Actor, string][] = [
      [{ type: 'hold', reason: 'missing_or_false_documents' }, OPERATOR, '2026-02-28T09:00'],
      [{ type: 'approve', fees: FEES }, OPERATOR, '2026-03-02T10:00'],
      [{ type: 'verify_sender_number', id: 'sn-1' }, OPERATOR, '2026-03-02T11:00'],
      [{ type: 'add_sender_number', id: 'sn-2', documentId: 'doc-2' }, MERCHANT, '2026-03-10T09:00'],
      [{ type: 'invoice_overdue', invoiceId: 'inv-2026-04' }, SYSTEM, '2026-06-10T00:00'],
      [{ type: 'object', text: 'the invoice is disputed' }, MERCHANT, '2026-06-11T09:00'],
      [{ type: 'invoice_paid', invoiceId: 'inv-2026-04' }, SYSTEM, '2026-06-12T09:00'],
      [{ type: 'request_non_renewal' }, MERCHANT, '2026-12-01T09:00'],
    ];
    let s = appliedState();
    const seqs: number[] = [];
    for (const [command, actor, when] of steps) {
      const d = accept(s, command, actor, at(when));
      seqs.push(d.event.seq);
      s = d.state;
    }
    expect(seqs).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(s.status).toBe('active');
    const end = deadline(s, 'term_end', at(TERM_END));
    expect(end.state.status).toBe('expired');
    expect(end.event.seq).toBe(10);
  });

  it('the deep-freeze helper really freezes nested state (so a write would throw)', () => {
    const s = deepFreeze(activeState());
    expect(Object.isFrozen(s.senderNumbers[0])).toBe(true);
    expect(Object.isFrozen(s.term)).toBe(true);
    expect(() => {
      (s.senderNumbers as unknown as { push: (x: unknown) => void }).push({});
    }).toThrow(TypeError);
  });
});

describe('no phone numbers in the workflow (Art. 10.2)', () => {
  it('a contract started from an application holds ids only', () => {
    const s = appliedState();
    expect(carriesPersonalData({ state: s })).toBe(false);
    expect(carriesPersonalData({ application: application() })).toBe(false);
    expect(JSON.stringify(s)).not.toMatch(/\d{8,}/);
  });

  it('recognises a run of earlier code by the numbers in its input, and leaves them out of its state', () => {
    const legacyApplication = {
      ...application(),
      receiverNumbers: ['01011112222'],
      senderNumbers: [{ id: 'sn-1', number: '0212345678', documentId: 'doc-1' }],
    };
    expect(carriesPersonalData({ application: legacyApplication })).toBe(true);
    const legacyState = {
      ...activeState(),
      receiverNumbers: ['01011112222'],
      senderNumbers: activeState().senderNumbers.map((n) => ({ ...n, number: '0212345678' })),
    } as ContractState;
    expect(carriesPersonalData({ state: legacyState })).toBe(true);
    const clean = withoutPersonalData(legacyState);
    expect(JSON.stringify(clean)).not.toContain('01011112222');
    expect(JSON.stringify(clean)).not.toContain('0212345678');
    expect(clean).toEqual(activeState());
    expect(carriesPersonalData({ state: clean })).toBe(false);
  });
});
