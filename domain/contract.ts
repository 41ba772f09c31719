/**
 * The contract (이용계약) as a pure state machine (SPEC §3; Art. 3, 5.2, 10, 12, 13).
 *
 * The ContractWorkflow holds a ContractState and feeds it commands (operator and merchant actions,
 * billing signals) and deadlines (term end, termination clocks). Every rule about what may happen
 * when lives here; the workflow only waits and records. A refused command changes nothing and says
 * why with a stable code (the API decides what HTTP status that is: api/rule-status.ts).
 */
import { SYSTEM_ACTOR, type Actor } from './actor';
import { addKstMonths } from './calendar-kst';
import type { Fees } from './money';
import { refuse, type Refusal, type RuleViolation } from './rules';
import { MAX_SENDER_NUMBERS, type Services } from './services';

export const CONTRACT_STATUSES = [
  'applied',
  'on_hold',
  'rejected',
  'active',
  'suspended',
  'terminated',
  'expired',
] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/** Rejected, terminated or expired: nothing more can change, and the contract's MIDs are free again. */
export const FINAL_STATUSES: readonly ContractStatus[] = ['rejected', 'terminated', 'expired'];
export const isFinal = (s: ContractStatus) => FINAL_STATUSES.includes(s);
/** Every status but the final ones: a merchant has at most one open contract (SPEC §3). */
export const OPEN_STATUSES: readonly ContractStatus[] = CONTRACT_STATUSES.filter((s) => !isFinal(s));

/** Art. 10.2: once a contract that ran has ended, the personal data held for it is destroyed. */
export const purgesPersonalData = (s: ContractStatus): s is 'terminated' | 'expired' =>
  s === 'terminated' || s === 'expired';

/** Approved and not ended: a term runs, and it renews, ends on notice or is terminated (Art. 12–13). */
export const isInForce = (s: ContractStatus) => s === 'active' || s === 'suspended';

/** Art. 12: a contract in force renews at the end of its term unless notice of non-renewal was given. */
export const autoRenews = (c: { status: ContractStatus; nonRenewal: unknown }) => !c.nonRenewal && isInForce(c.status);

/** Art. 3.4: grounds to reject or hold an application. */
export const REVIEW_REASONS = [
  'procedure_not_followed',
  'missing_or_false_information',
  'missing_or_false_documents',
  'reapplication_after_termination',
  'applicant_is_minor',
  'business_not_operating',
  'insufficient_capacity',
  'improper_application',
] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];

/** Art. 5.2, 13.3: why service may be suspended. */
export const SUSPENSION_REASONS = ['unpaid_fees', 'spoofing', 'policy', 'maintenance'] as const;
export type SuspensionReason = (typeof SUSPENSION_REASONS)[number];

/**
 * Art. 13.2 causes for immediate termination (by either side unless noted), Art. 13.5 business
 * reasons (company only, one month's notice) and Art. 13.4 (no objection after suspension; system).
 */
export const TERMINATION_CAUSES = {
  breach_not_cured: { by: ['operator', 'merchant'] }, // 13.2.1: not cured within 10+ days of notice
  fee_arrears: { by: ['operator'] }, // 13.2.2
  trust_breakdown: { by: ['operator', 'merchant'] }, // 13.2.3
  seizure: { by: ['operator', 'merchant'] }, // 13.2.4 가압류·가처분
  dishonored_bills: { by: ['operator', 'merchant'] }, // 13.2.5
  bankruptcy: { by: ['operator', 'merchant'] }, // 13.2.6 파산·회생
  administrative_sanction: { by: ['operator', 'merchant'] }, // 13.2.7
  business_transfer: { by: ['operator', 'merchant'] }, // 13.2.8 영업양도·합병
  business_closure: { by: ['operator', 'merchant'] }, // 13.2.9 휴업·폐업·전업
  business_reasons: { by: ['operator'] }, // 13.5: takes effect one month after notice
  no_objection_after_suspension: { by: ['system'] }, // 13.4
} as const;
export type TerminationCause = keyof typeof TERMINATION_CAUSES;
export const REQUESTABLE_TERMINATION_CAUSES = (Object.keys(TERMINATION_CAUSES) as TerminationCause[]).filter(
  (c) => c !== 'no_objection_after_suspension',
);

export const TERM_MONTHS = 12; // Art. 12
export const NON_RENEWAL_NOTICE_DAYS = 30; // Art. 12
export const OBJECTION_WINDOW_MONTHS = 3; // Art. 13.4
export const BUSINESS_TERMINATION_NOTICE_MONTHS = 1; // Art. 13.5
const DAY_MS = 86_400_000;

export const SENDER_NUMBER_STATUSES = ['pending', 'verified', 'rejected'] as const;
export type SenderNumberStatus = (typeof SENDER_NUMBER_STATUSES)[number];

/**
 * A sender number as the contract's workflow knows it: by id. The number itself, like the
 * receiving numbers, stays in PostgreSQL (Art. 10.2: workflow histories carry no personal data).
 */
export interface SenderNumberState {
  id: string;
  status: SenderNumberStatus;
  documentId: string;
  addedAt: string;
  decidedAt: string | null;
  rejectionReason: string | null;
}

export interface Term {
  number: number;
  start: string;
  end: string;
  /** Start of the first term: every later term ends on its anniversary, so terms never drift. */
  firstStart: string;
}

export interface Suspension {
  reason: SuspensionReason;
  noticeAt: string;
  by: Actor;
  /** When the contract terminates unless the merchant objects (Art. 13.4); null once stopped. */
  terminationAt: string | null;
  objection: { text: string; at: string } | null;
}

export interface ContractState {
  id: string;
  merchantId: string;
  status: ContractStatus;
  appliedAt: string;
  services: Services;
  kakaoSearchId: string | null;
  mids: string[];
  senderNumbers: SenderNumberState[];
  /** Unit prices in centiwon, set on approval (form §3). */
  fees: Fees | null;
  term: Term | null;
  /** Written notice of non-renewal: the contract expires at `termEnd` (Art. 12). */
  nonRenewal: { requestedAt: string; by: Actor; termEnd: string } | null;
  /** A noticed suspension that takes effect later (not for spoofing, which is immediate). */
  pendingSuspension: { reason: SuspensionReason; noticeAt: string; effectiveAt: string; by: Actor } | null;
  suspension: Suspension | null;
  /** Invoices whose overdue balance keeps the contract suspended for unpaid fees (Art. 5.2.3). */
  overdueInvoices: string[];
  /** Termination for business reasons, noticed one month ahead (Art. 13.5). */
  pendingTermination: { cause: TerminationCause; noticeAt: string; effectiveAt: string; by: Actor } | null;
  /** The reason of a hold or rejection, shown to the merchant (Art. 3.4). */
  review: { decision: 'on_hold' | 'rejected'; reason: ReviewReason; note: string | null; at: string } | null;
  termination: { cause: TerminationCause; at: string; by: Actor; note: string | null } | null;
  expiredAt: string | null;
  /** Increments with every change; projections keep only the newest version. */
  version: number;
}

export interface ContractEvent {
  seq: number;
  at: string;
  actor: Actor;
  action: string;
  from: ContractStatus;
  to: ContractStatus;
  details: Record<string, unknown>;
}

export type Decision = { ok: true; state: ContractState; event: ContractEvent } | Refusal;

/** What the ContractWorkflow starts from: ids only (the numbers are in PostgreSQL, Art. 10.2). */
export interface Application {
  id: string;
  merchantId: string;
  appliedAt: string;
  services: Services;
  kakaoSearchId: string | null;
  mids: string[];
  senderNumbers: { id: string; documentId: string }[];
}

/** The first entry of every contract's history: the merchant applied. */
export function applicationEvent(app: Pick<Application, 'merchantId' | 'appliedAt'>): ContractEvent {
  return {
    seq: 1,
    at: app.appliedAt,
    actor: { type: 'merchant', id: app.merchantId },
    action: 'applied',
    from: 'applied',
    to: 'applied',
    details: {},
  };
}

export function newContract(app: Application): ContractState {
  return {
    id: app.id,
    merchantId: app.merchantId,
    status: 'applied',
    appliedAt: app.appliedAt,
    services: app.services,
    kakaoSearchId: app.kakaoSearchId,
    mids: app.mids,
    senderNumbers: app.senderNumbers.map((s) => ({
      id: s.id,
      documentId: s.documentId,
      status: 'pending',
      addedAt: app.appliedAt,
      decidedAt: null,
      rejectionReason: null,
    })),
    fees: null,
    term: null,
    nonRenewal: null,
    pendingSuspension: null,
    suspension: null,
    overdueInvoices: [],
    pendingTermination: null,
    review: null,
    termination: null,
    expiredAt: null,
    version: 1,
  };
}

export type ContractCommand =
  | { type: 'approve'; fees: Fees }
  | { type: 'reject'; reason: ReviewReason; note?: string }
  | { type: 'hold'; reason: ReviewReason; note?: string }
  | { type: 'suspend'; reason: SuspensionReason; effectiveAt?: string }
  | { type: 'resume'; reason?: string }
  | { type: 'object'; text: string }
  | { type: 'request_non_renewal' }
  | { type: 'terminate'; cause: TerminationCause; note?: string }
  | { type: 'add_sender_number'; id: string; documentId: string }
  | { type: 'verify_sender_number'; id: string }
  | { type: 'reject_sender_number'; id: string; reason: string }
  | { type: 'invoice_overdue'; invoiceId: string }
  | { type: 'invoice_paid'; invoiceId: string };

const iso = (ms: number) => new Date(ms).toISOString();

function changed(
  prev: ContractState,
  next: Omit<ContractState, 'version'>,
  actor: Actor,
  action: string,
  at: number,
  details: Record<string, unknown> = {},
): Decision {
  const state = { ...next, version: prev.version + 1 };
  return {
    ok: true,
    state,
    event: { seq: state.version, at: iso(at), actor, action, from: prev.status, to: state.status, details },
  };
}

function notInStatus(state: ContractState, action: string): Decision {
  return refuse('invalid_transition', `cannot ${action} a contract that is ${state.status.replace('_', ' ')}`);
}

function startSuspension(reason: SuspensionReason, noticeAt: number, by: Actor): Suspension {
  // Maintenance suspensions are temporary by nature (Art. 5.2.2): they start no termination clock.
  const terminationAt = reason === 'maintenance' ? null : addKstMonths(noticeAt, OBJECTION_WINDOW_MONTHS).toISOString();
  return { reason, noticeAt: iso(noticeAt), by, terminationAt, objection: null };
}

/** Applies a command at time `now` (ms). Pure: the input state is never modified. */
export function decide(state: ContractState, command: ContractCommand, actor: Actor, now: number): Decision {
  const s = state;
  if (isFinal(s.status) && command.type !== 'invoice_paid') {
    return refuse('contract_closed', `the contract is ${s.status}; nothing more can change`);
  }
  switch (command.type) {
    case 'approve': {
      if (s.status !== 'applied' && s.status !== 'on_hold') return notInStatus(s, 'approve');
      const start = iso(now);
      const term: Term = { number: 1, start, end: addKstMonths(now, TERM_MONTHS).toISOString(), firstStart: start };
      return changed(s, { ...s, status: 'active', fees: command.fees, term, review: null }, actor, 'approved', now, {
        termStart: term.start,
        termEnd: term.end,
      });
    }
    case 'reject':
    case 'hold': {
      const to = command.type === 'reject' ? 'rejected' : 'on_hold';
      const allowed =
        command.type === 'reject' ? s.status === 'applied' || s.status === 'on_hold' : s.status === 'applied';
      if (!allowed) return notInStatus(s, command.type);
      const review = { decision: to, reason: command.reason, note: command.note ?? null, at: iso(now) } as const;
      return changed(s, { ...s, status: to, review }, actor, command.type === 'reject' ? 'rejected' : 'held', now, {
        reason: command.reason,
        note: command.note ?? null,
      });
    }
    case 'suspend': {
      if (s.status === 'suspended')
        return refuse('already_suspended', `the contract is already suspended (${s.suspension?.reason})`);
      if (s.status !== 'active') return notInStatus(s, 'suspend');
      const effectiveAt = command.effectiveAt ? Date.parse(command.effectiveAt) : now;
      if (Number.isNaN(effectiveAt)) return refuse('invalid_effective_at', 'effectiveAt is not a valid time');
      // Art. 13.3: a suspension requested over number spoofing takes effect at once.
      if (command.reason === 'spoofing' || effectiveAt <= now) {
        return changed(
          s,
          {
            ...s,
            status: 'suspended',
            pendingSuspension: null,
            suspension: startSuspension(command.reason, now, actor),
          },
          actor,
          'suspended',
          now,
          {
            reason: command.reason,
          },
        );
      }
      if (s.pendingSuspension)
        return refuse(
          'suspension_already_noticed',
          `a suspension is already noticed for ${s.pendingSuspension.effectiveAt}`,
        );
      const pendingSuspension = {
        reason: command.reason,
        noticeAt: iso(now),
        effectiveAt: iso(effectiveAt),
        by: actor,
      };
      return changed(s, { ...s, pendingSuspension }, actor, 'suspension_noticed', now, {
        reason: command.reason,
        effectiveAt: pendingSuspension.effectiveAt,
      });
    }
    case 'resume': {
      if (s.status === 'active' && s.pendingSuspension) {
        return changed(s, { ...s, pendingSuspension: null }, actor, 'suspension_withdrawn', now);
      }
      if (s.status !== 'suspended') return notInStatus(s, 'resume');
      // Art. 5.2.3: unpaid fees suspend the service until paid. Resuming while an invoice is still
      // overdue forgives arrears, so it takes a stated reason; the arrears stay recorded either way
      // (the invoice's payment clears them, and another overdue invoice suspends again).
      const arrears = s.overdueInvoices;
      const reason = command.reason?.trim();
      if (arrears.length && !reason) {
        const many = arrears.length > 1;
        return refuse(
          'invoices_overdue',
          `invoice${many ? 's' : ''} ${arrears.join(', ')} ${many ? 'are' : 'is'} still overdue: resume with a reason to lift the suspension before ${many ? 'they are' : 'it is'} paid`,
          { overdueInvoices: [...arrears] },
        );
      }
      return changed(s, { ...s, status: 'active', suspension: null }, actor, 'resumed', now, {
        reason: s.suspension?.reason,
        ...(arrears.length ? { overdueInvoices: [...arrears], note: reason } : reason ? { note: reason } : {}),
      });
    }
    case 'object': {
      if (s.status !== 'suspended' || !s.suspension) return notInStatus(s, 'object to the suspension of');
      if (s.suspension.objection)
        return refuse(
          'objection_already_filed',
          'an objection to this suspension was already filed; an operator is reviewing it',
        );
      if (s.suspension.terminationAt === null)
        return refuse(
          'no_termination_clock',
          'this suspension does not lead to termination; there is nothing to object to',
        );
      if (now > Date.parse(s.suspension.terminationAt))
        return refuse('objection_window_closed', 'the three-month objection window has closed');
      // Art. 13.4: the objection stops the termination clock and puts the case to an operator.
      const suspension = { ...s.suspension, terminationAt: null, objection: { text: command.text, at: iso(now) } };
      return changed(s, { ...s, suspension }, actor, 'objection_filed', now, { text: command.text });
    }
    case 'request_non_renewal': {
      if (!isInForce(s.status)) return notInStatus(s, 'give notice of non-renewal for');
      if (!s.term) return notInStatus(s, 'give notice of non-renewal for');
      if (s.nonRenewal)
        return refuse(
          'non_renewal_already_given',
          `notice of non-renewal was already given; the contract ends ${s.nonRenewal.termEnd}`,
        );
      // Art. 12: notice at least 30 days before the term ends stops this term's renewal;
      // later notice applies to the following term.
      const inTime = now <= Date.parse(s.term.end) - NON_RENEWAL_NOTICE_DAYS * DAY_MS;
      const termEnd = inTime
        ? s.term.end
        : addKstMonths(Date.parse(s.term.firstStart), TERM_MONTHS * (s.term.number + 1)).toISOString();
      return changed(
        s,
        { ...s, nonRenewal: { requestedAt: iso(now), by: actor, termEnd } },
        actor,
        'non_renewal_noticed',
        now,
        {
          endsAt: termEnd,
          appliesTo: inTime ? 'current_term' : 'following_term',
        },
      );
    }
    case 'terminate': {
      if (!isInForce(s.status)) return notInStatus(s, 'terminate');
      const allowedBy = TERMINATION_CAUSES[command.cause].by as readonly string[];
      if (!allowedBy.includes(actor.type))
        return refuse('termination_cause_not_allowed', `a ${actor.type} cannot terminate for ${command.cause}`);
      if (command.cause === 'business_reasons') {
        if (s.pendingTermination)
          return refuse(
            'termination_already_noticed',
            `termination already takes effect ${s.pendingTermination.effectiveAt}`,
          );
        const effectiveAt = addKstMonths(now, BUSINESS_TERMINATION_NOTICE_MONTHS).toISOString();
        const pendingTermination = { cause: command.cause, noticeAt: iso(now), effectiveAt, by: actor };
        return changed(s, { ...s, pendingTermination }, actor, 'termination_noticed', now, {
          cause: command.cause,
          effectiveAt,
        });
      }
      return terminated(s, command.cause, actor, now, command.note ?? null);
    }
    case 'add_sender_number': {
      // Any open contract takes new sender numbers (a closed one was refused above).
      const live = s.senderNumbers.filter((n) => n.status !== 'rejected');
      if (live.length >= MAX_SENDER_NUMBERS)
        return refuse('too_many_sender_numbers', `a contract has at most ${MAX_SENDER_NUMBERS} sender numbers`);
      const added: SenderNumberState = {
        id: command.id,
        status: 'pending',
        documentId: command.documentId,
        addedAt: iso(now),
        decidedAt: null,
        rejectionReason: null,
      };
      return changed(s, { ...s, senderNumbers: [...s.senderNumbers, added] }, actor, 'sender_number_added', now, {
        senderNumberId: command.id,
      });
    }
    case 'verify_sender_number':
    case 'reject_sender_number': {
      const target = s.senderNumbers.find((n) => n.id === command.id);
      if (!target) return refuse('sender_number_not_found', 'no such sender number on this contract');
      if (target.status !== 'pending')
        return refuse('sender_number_already_reviewed', `the sender number is already ${target.status}`);
      const verify = command.type === 'verify_sender_number';
      const updated: SenderNumberState = {
        ...target,
        status: verify ? 'verified' : 'rejected',
        decidedAt: iso(now),
        rejectionReason: verify ? null : command.reason,
      };
      const senderNumbers = s.senderNumbers.map((n) => (n.id === command.id ? updated : n));
      return changed(
        s,
        { ...s, senderNumbers },
        actor,
        verify ? 'sender_number_verified' : 'sender_number_rejected',
        now,
        {
          senderNumberId: command.id,
          ...(verify ? {} : { reason: command.reason }),
        },
      );
    }
    case 'invoice_overdue': {
      if (s.overdueInvoices.includes(command.invoiceId))
        return refuse('already_recorded', 'this overdue invoice is already recorded');
      const overdueInvoices = [...s.overdueInvoices, command.invoiceId];
      // Art. 5.2.3: unpaid fees suspend the service until paid.
      if (s.status === 'active') {
        return changed(
          s,
          {
            ...s,
            status: 'suspended',
            overdueInvoices,
            pendingSuspension: null,
            suspension: startSuspension('unpaid_fees', now, actor),
          },
          actor,
          'suspended',
          now,
          {
            reason: 'unpaid_fees',
            invoiceId: command.invoiceId,
          },
        );
      }
      return changed(s, { ...s, overdueInvoices }, actor, 'invoice_overdue', now, { invoiceId: command.invoiceId });
    }
    case 'invoice_paid': {
      if (!s.overdueInvoices.includes(command.invoiceId))
        return refuse('not_overdue', 'this invoice was not keeping the contract suspended');
      const overdueInvoices = s.overdueInvoices.filter((i) => i !== command.invoiceId);
      const resume = s.status === 'suspended' && s.suspension?.reason === 'unpaid_fees' && overdueInvoices.length === 0;
      if (resume) {
        return changed(s, { ...s, status: 'active', suspension: null, overdueInvoices }, actor, 'resumed', now, {
          reason: 'unpaid_fees',
          invoiceId: command.invoiceId,
        });
      }
      return changed(s, { ...s, overdueInvoices }, actor, 'invoice_paid', now, { invoiceId: command.invoiceId });
    }
  }
}

/**
 * A number may be registered on a contract once: again only after its earlier registration was
 * rejected (the merchant resubmits it with a new document). Checked against the stored numbers.
 */
export function senderNumberConflict(
  registered: readonly { number: string | null; status: SenderNumberStatus }[],
  number: string,
): RuleViolation | undefined {
  return registered.some((n) => n.number === number && n.status !== 'rejected')
    ? { code: 'sender_number_exists', message: 'this sender number is already registered on the contract' }
    : undefined;
}

/**
 * Runs started by earlier code carry phone numbers in their input (`receiverNumbers`, each sender
 * number's `number`); the ContractWorkflow continues such a run as new without them.
 */
export function carriesPersonalData(input: { application: unknown } | { state: unknown }): boolean {
  const held = ('application' in input ? input.application : input.state) as {
    receiverNumbers?: unknown;
    senderNumbers?: { number?: unknown }[];
  };
  return held.receiverNumbers !== undefined || (held.senderNumbers ?? []).some((n) => n.number !== undefined);
}

/** The state with what earlier code kept in it and no longer belongs there (phone numbers) left out. */
export function withoutPersonalData(state: ContractState): ContractState {
  const { receiverNumbers: _receiverNumbers, ...rest } = state as ContractState & { receiverNumbers?: unknown };
  return {
    ...rest,
    senderNumbers: state.senderNumbers.map((n) => ({
      id: n.id,
      status: n.status,
      documentId: n.documentId,
      addedAt: n.addedAt,
      decidedAt: n.decidedAt,
      rejectionReason: n.rejectionReason,
    })),
  };
}

function terminated(
  s: ContractState,
  cause: TerminationCause,
  actor: Actor,
  now: number,
  note: string | null,
): Decision {
  const termination = { cause, at: iso(now), by: actor, note };
  return changed(
    s,
    { ...s, status: 'terminated', termination, pendingTermination: null, pendingSuspension: null },
    actor,
    'terminated',
    now,
    { cause, note },
  );
}

export type DeadlineKind =
  'term_end' | 'suspension_takes_effect' | 'termination_after_suspension' | 'termination_takes_effect';

/** The next moment the contract changes on its own, if any. */
export function nextDeadline(s: ContractState): { kind: DeadlineKind; at: number } | undefined {
  if (isFinal(s.status)) return undefined;
  const candidates: { kind: DeadlineKind; at: number }[] = [];
  if (s.term && isInForce(s.status)) candidates.push({ kind: 'term_end', at: Date.parse(s.term.end) });
  if (s.pendingSuspension && s.status === 'active')
    candidates.push({ kind: 'suspension_takes_effect', at: Date.parse(s.pendingSuspension.effectiveAt) });
  if (s.status === 'suspended' && s.suspension?.terminationAt)
    candidates.push({ kind: 'termination_after_suspension', at: Date.parse(s.suspension.terminationAt) });
  if (s.pendingTermination)
    candidates.push({ kind: 'termination_takes_effect', at: Date.parse(s.pendingTermination.effectiveAt) });
  return candidates.sort((a, b) => a.at - b.at)[0];
}

/** What happens when a deadline passes. */
export function onDeadline(s: ContractState, kind: DeadlineKind, now: number): Decision {
  switch (kind) {
    case 'term_end': {
      if (!s.term || isFinal(s.status)) return notInStatus(s, 'renew');
      if (s.nonRenewal && s.nonRenewal.termEnd === s.term.end) {
        return changed(s, { ...s, status: 'expired', expiredAt: s.term.end }, SYSTEM_ACTOR, 'expired', now, {
          termEnd: s.term.end,
        });
      }
      // Art. 12: renewed for another year on the same terms, indefinitely.
      const number = s.term.number + 1;
      const term: Term = {
        ...s.term,
        number,
        start: s.term.end,
        end: addKstMonths(Date.parse(s.term.firstStart), TERM_MONTHS * number).toISOString(),
      };
      return changed(s, { ...s, term }, SYSTEM_ACTOR, 'renewed', now, {
        term: number,
        termStart: term.start,
        termEnd: term.end,
      });
    }
    case 'suspension_takes_effect': {
      const p = s.pendingSuspension;
      if (!p || s.status !== 'active') return notInStatus(s, 'suspend');
      return changed(
        s,
        {
          ...s,
          status: 'suspended',
          pendingSuspension: null,
          suspension: startSuspension(p.reason, Date.parse(p.noticeAt), p.by),
        },
        p.by,
        'suspended',
        now,
        {
          reason: p.reason,
        },
      );
    }
    case 'termination_after_suspension':
      if (s.status !== 'suspended' || !s.suspension?.terminationAt) return notInStatus(s, 'terminate after suspension');
      return terminated(s, 'no_objection_after_suspension', SYSTEM_ACTOR, now, null);
    case 'termination_takes_effect':
      if (!s.pendingTermination) return notInStatus(s, 'terminate');
      return terminated(s, s.pendingTermination.cause, s.pendingTermination.by, now, null);
  }
}
