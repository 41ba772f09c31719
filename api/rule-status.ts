/**
 * The HTTP status the API answers for a refusal by a domain rule (SPEC §7). Domain functions and
 * workflows refuse with a code only; this table is the one place a code becomes a status:
 * 404 the thing named does not exist, 409 the current state does not allow it, 422 a rule refuses the input.
 */
export type RuleStatus = 404 | 409 | 422;

export const RULE_STATUS: Record<string, RuleStatus> = {
  // Contracts (domain/contract.ts): the contract's state does not allow the action.
  contract_closed: 409,
  invalid_transition: 409,
  already_suspended: 409,
  suspension_already_noticed: 409,
  objection_already_filed: 409,
  no_termination_clock: 409,
  objection_window_closed: 409,
  non_renewal_already_given: 409,
  termination_already_noticed: 409,
  sender_number_exists: 409,
  sender_number_not_found: 409,
  sender_number_already_reviewed: 409,
  already_recorded: 409,
  not_overdue: 409,
  invoices_overdue: 409,
  // Contracts: a rule refuses the input.
  invalid_effective_at: 422,
  termination_cause_not_allowed: 422,
  too_many_sender_numbers: 422,
  // A workflow refusal that names no rule (api/temporal-errors.ts).
  refused: 409,
  // Invoice ledger (domain/invoice-ledger.ts).
  dispute_not_found: 404,
  dispute_already_resolved: 409,
  dispute_window_closed: 409,
  idempotency_key_reused: 422,
  // Scheduled sends and campaigns (domain/schedule.ts, domain/campaign.ts): they have started or ended.
  message_not_scheduled: 409,
  campaign_closed: 409,
  campaign_dispatched: 409,
  campaign_not_paused: 409,
  campaign_paused: 409,
  // 080 opt-out numbers (domain/opt-out-number.ts).
  opt_out_number_exists: 409,
  opt_out_number_already_reviewed: 409,
  opt_out_number_taken: 409,
};

export const statusOfRule = (code: string, fallback: RuleStatus = 422): RuleStatus =>
  Object.hasOwn(RULE_STATUS, code) ? RULE_STATUS[code] : fallback;
