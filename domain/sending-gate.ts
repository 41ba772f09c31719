/**
 * "May this merchant send type X from number Y to Z now?" (SPEC §4, Art. 4.4–4.5, 5.2).
 * Asked when a message is accepted and again just before it goes out, since a contract can be
 * suspended in between. A refusal names the precise reason.
 */
import type { ContractStatus, SenderNumberStatus, SuspensionReason } from './contract';
import { isKakaoType, MESSAGE_TYPES, type FallbackChannel } from './message-types';
import { refuse, type Refusal } from './rules';
import type { Services } from './services';

/** What is sent: a message of its own type, or a payment notice (Art. 2.2). */
export const SEND_KINDS = [...MESSAGE_TYPES, 'payment_notice'] as const;
export type SendKind = (typeof SEND_KINDS)[number];

export interface GateContract {
  id: string;
  status: ContractStatus;
  services: Services;
  senderNumbers: { number: string; status: SenderNumberStatus }[];
  suspensionReason: SuspensionReason | null;
}

export interface GateRequest {
  kind: SendKind;
  /** Sender number (digits) for SMS/LMS and for the fallback of Kakao messages. */
  from: string | null;
  /** The fallback channel the message would use, if it has one. */
  fallback: FallbackChannel | null;
  recipientOptedOut: boolean;
  /** The contract an accepted message belongs to: it sends under that contract or not at all. */
  contractId?: string;
}

const SERVICE_OF: Record<Exclude<SendKind, 'payment_notice'>, keyof Omit<Services, 'paymentNotice'>> = {
  sms: 'sms',
  lms: 'lms',
  alimtalk: 'alimtalk',
  friendtalk: 'friendtalkText',
  friendtalk_image: 'friendtalkImage',
};

/** Every code the gate refuses with; at send time it becomes the message's failure reason. */
export const GATE_REFUSALS = [
  'no_contract',
  'contract_suspended',
  'contract_not_active',
  'contract_ended',
  'service_not_subscribed',
  'fallback_not_subscribed',
  'recipient_opted_out',
  'sender_number_required',
  'sender_number_not_registered',
  'sender_number_not_verified',
] as const;
export type GateRefusal = (typeof GATE_REFUSALS)[number];

export type GateDecision = { ok: true } | Refusal<GateRefusal>;

export function checkSendingGate(contract: GateContract | undefined, req: GateRequest): GateDecision {
  if (!contract || (req.contractId !== undefined && contract.id !== req.contractId))
    return refuse('no_contract', 'the merchant has no messaging contract: apply for one first (POST /v1/contracts)');
  switch (contract.status) {
    case 'active':
      break;
    case 'suspended':
      return refuse(
        'contract_suspended',
        `the contract is suspended (${contract.suspensionReason ?? 'unknown reason'}): nothing is sent until it is resumed`,
        {
          reason: contract.suspensionReason,
        },
      );
    case 'applied':
    case 'on_hold':
      return refuse(
        'contract_not_active',
        `the contract is ${contract.status.replace('_', ' ')}: it can send once an operator approves it`,
      );
    default:
      return refuse('contract_ended', `the contract is ${contract.status}: it can no longer send`);
  }
  // A payment notice (Art. 2.2, form §2가) needs only an active contract: it is a transaction record
  // the buyer or merchant needs, not marketing, so an opt-out does not stop it; it goes out from the
  // company's own sender number; and it falls back to SMS by the form itself, not by a fallback service.
  if (req.kind === 'payment_notice') return { ok: true };

  if (!contract.services[SERVICE_OF[req.kind]]) {
    return refuse('service_not_subscribed', `the contract does not include ${req.kind}`, {
      service: SERVICE_OF[req.kind],
    });
  }
  if (req.fallback) {
    const service = req.fallback === 'sms' ? 'fallbackSms' : 'fallbackLms';
    if (!contract.services[service]) {
      return refuse(
        'fallback_not_subscribed',
        `this message would fall back to ${req.fallback.toUpperCase()}, which the contract does not include (${service})`,
        { service },
      );
    }
  }
  if (req.recipientOptedOut)
    return refuse('recipient_opted_out', 'the recipient opted out of messages from this merchant (수신거부)');

  // Art. 4.4: SMS/LMS (plain or as fallback) only from a pre-registered, verified number.
  if (!isKakaoType(req.kind) || req.fallback !== null) {
    if (!req.from) return refuse('sender_number_required', 'SMS/LMS and fallback need a sender number ("from")');
    const registered = contract.senderNumbers.find((n) => n.number === req.from);
    if (!registered)
      // The number itself stays out of the message: it travels into timelines and workflow histories.
      return refuse('sender_number_not_registered', 'the sender number ("from") is not one of this contract', {
        field: 'from',
      });
    if (registered.status !== 'verified') {
      return refuse(
        'sender_number_not_verified',
        `the sender number ("from") is ${registered.status}: only numbers whose proof document an operator verified can send`,
        { field: 'from' },
      );
    }
  }
  return { ok: true };
}

/** When a request names no sender, the contract's only verified number is used. */
export function defaultSender(contract: GateContract): string | null {
  const verified = contract.senderNumbers.filter((n) => n.status === 'verified');
  return verified.length === 1 ? verified[0].number : null;
}
