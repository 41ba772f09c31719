/**
 * 080 opt-out numbers (080 수신거부, SPEC §4, 정보통신망법 §50④): the free number an ad prints so
 * its recipients can opt out by calling it. A merchant registers its 080 numbers on its contract
 * with a proof document, and an operator verifies them like sender numbers (Art. 4.4); a carrier's
 * report of a call to a verified one puts the caller on that merchant's opt-out list at once.
 */
import type { ContractStatus, SenderNumberStatus } from './contract';
import { normalizePhone } from './phone';
import { refuse, type Refusal } from './rules';

/** As many as sender numbers (Art. 4.4: at most 10 per contract). */
export const MAX_OPT_OUT_NUMBERS = 10;

/** 080 free numbers: 080-XXX-XXXX or 080-XXXX-XXXX. */
const FREE_NUMBER = /^080\d{7,8}$/;

export function checkOptOutNumber(
  input: string,
  field: string,
): { ok: true; digits: string } | Refusal<'invalid_opt_out_number'> {
  const digits = normalizePhone(input);
  if (!digits || !FREE_NUMBER.test(digits))
    return refuse('invalid_opt_out_number', `"${input}" is not an 080 free number (080-XXX-XXXX)`, { field });
  return { ok: true, digits };
}

/** Pending until an operator has seen its proof document, like a sender number. */
export type OptOutNumberStatus = SenderNumberStatus;

const OPEN: readonly ContractStatus[] = ['applied', 'on_hold', 'active', 'suspended'];

export type OptOutNumberRefusal =
  | 'contract_closed'
  | 'opt_out_number_exists'
  | 'too_many_opt_out_numbers'
  | 'opt_out_number_already_reviewed'
  | 'opt_out_number_taken';

/** Registering `number` on a contract that already has `registered` (any status). */
export function checkOptOutNumberRegistration(
  contractStatus: ContractStatus,
  registered: { number: string; status: OptOutNumberStatus }[],
  number: string,
): { ok: true } | Refusal<OptOutNumberRefusal> {
  if (!OPEN.includes(contractStatus))
    return refuse('contract_closed', `the contract is ${contractStatus}: nothing more can change`);
  const live = registered.filter((n) => n.status !== 'rejected');
  if (live.some((n) => n.number === number))
    return refuse('opt_out_number_exists', 'this 080 number is already registered on the contract');
  if (live.length >= MAX_OPT_OUT_NUMBERS)
    return refuse('too_many_opt_out_numbers', `a contract has at most ${MAX_OPT_OUT_NUMBERS} 080 opt-out numbers`);
  return { ok: true };
}

/**
 * An operator's decision on a pending 080 number; a decided one stays decided. A carrier's report
 * must name one merchant, so a number verified on another open contract cannot be verified again.
 */
export function decideOptOutNumberReview(
  status: OptOutNumberStatus,
  verify: boolean,
  verifiedElsewhere: boolean,
): { ok: true; status: OptOutNumberStatus } | Refusal<OptOutNumberRefusal> {
  if (status !== 'pending')
    return refuse('opt_out_number_already_reviewed', `the 080 number is already ${status}`, { status });
  if (verify && verifiedElsewhere)
    return refuse('opt_out_number_taken', 'this 080 number is verified on another merchant’s contract');
  return { ok: true, status: verify ? 'verified' : 'rejected' };
}
