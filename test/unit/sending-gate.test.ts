import type { ContractStatus, SuspensionReason } from '../../domain/contract';
import {
  checkSendingGate,
  defaultSender,
  type GateContract,
  type GateRequest,
  type SendKind,
} from '../../domain/sending-gate';
import { NO_SERVICES, type Services } from '../../domain/services';
import { ALL_MESSAGING } from '../support/fixtures';

const ALL_SERVICES: Services = ALL_MESSAGING;

const VERIFIED = '0223456789';
const PENDING = '01012345678';
const REJECTED = '0311234567';

function contract(overrides: Partial<GateContract> = {}): GateContract {
  return {
    id: 'contract-1',
    status: 'active',
    services: ALL_SERVICES,
    senderNumbers: [
      { number: VERIFIED, status: 'verified' },
      { number: PENDING, status: 'pending' },
      { number: REJECTED, status: 'rejected' },
    ],
    suspensionReason: null,
    ...overrides,
  };
}

function request(overrides: Partial<GateRequest> = {}): GateRequest {
  return { kind: 'sms', from: VERIFIED, fallback: null, recipientOptedOut: false, ...overrides };
}

const codeOf = (c: GateContract | undefined, r: GateRequest) => {
  const d = checkSendingGate(c, r);
  return d.ok ? 'ok' : d.violation.code;
};

describe('the contract must be active', () => {
  it('a merchant without a contract cannot send, and is told to apply', () => {
    const d = checkSendingGate(undefined, request());
    expect(d).toEqual({ ok: false, violation: expect.objectContaining({ code: 'no_contract' }) });
    if (!d.ok) expect(d.violation.message).toMatch(/apply/);
  });

  it.each(['unpaid_fees', 'spoofing', 'policy', 'maintenance'] as SuspensionReason[])(
    'a contract suspended for %s sends nothing, and says why',
    (reason) => {
      const d = checkSendingGate(contract({ status: 'suspended', suspensionReason: reason }), request());
      expect(d).toEqual({ ok: false, violation: expect.objectContaining({ code: 'contract_suspended', reason }) });
      if (!d.ok) expect(d.violation.message).toContain(reason);
    },
  );

  it('a suspended contract refuses even payment notices', () => {
    expect(
      codeOf(
        contract({ status: 'suspended', suspensionReason: 'unpaid_fees' }),
        request({ kind: 'payment_notice', from: null }),
      ),
    ).toBe('contract_suspended');
  });

  it.each(['applied', 'on_hold'] as ContractStatus[])(
    'a contract that is %s cannot send until it is approved',
    (status) => {
      const d = checkSendingGate(contract({ status }), request());
      expect(d).toEqual({ ok: false, violation: expect.objectContaining({ code: 'contract_not_active' }) });
      if (!d.ok) expect(d.violation.message).toMatch(/approve/);
    },
  );

  it.each(['rejected', 'terminated', 'expired'] as ContractStatus[])('a %s contract can no longer send', (status) => {
    expect(codeOf(contract({ status }), request())).toBe('contract_ended');
  });

  it('the contract status is checked before anything else', () => {
    const everythingWrong = request({
      kind: 'friendtalk',
      from: '0599999999',
      fallback: 'lms',
      recipientOptedOut: true,
    });
    expect(
      codeOf(contract({ status: 'suspended', suspensionReason: 'policy', services: NO_SERVICES }), everythingWrong),
    ).toBe('contract_suspended');
    expect(codeOf(contract({ status: 'on_hold', services: NO_SERVICES }), everythingWrong)).toBe('contract_not_active');
    expect(codeOf(contract({ status: 'expired', services: NO_SERVICES }), everythingWrong)).toBe('contract_ended');
  });
});

describe('the contract must include the service', () => {
  it.each([
    ['sms', 'sms'],
    ['lms', 'lms'],
    ['alimtalk', 'alimtalk'],
    ['friendtalk', 'friendtalkText'],
    ['friendtalk_image', 'friendtalkImage'],
  ] as [SendKind, keyof Services][])('a %s message needs the %s service', (kind, service) => {
    const without = contract({ services: { ...ALL_SERVICES, [service]: false } });
    expect(checkSendingGate(without, request({ kind }))).toEqual({
      ok: false,
      violation: expect.objectContaining({ code: 'service_not_subscribed', service }),
    });
  });

  it('a subscription to one service does not allow another', () => {
    const smsOnly = contract({ services: { ...NO_SERVICES, sms: true } });
    expect(codeOf(smsOnly, request({ kind: 'sms' }))).toBe('ok');
    expect(codeOf(smsOnly, request({ kind: 'lms' }))).toBe('service_not_subscribed');
    expect(codeOf(smsOnly, request({ kind: 'alimtalk', from: null }))).toBe('service_not_subscribed');
  });

  it.each([
    ['sms', 'fallbackSms'],
    ['lms', 'fallbackLms'],
  ] as const)('a Kakao message falling back to %s needs the %s service', (fallback, service) => {
    const without = contract({ services: { ...ALL_SERVICES, [service]: false } });
    expect(checkSendingGate(without, request({ kind: 'alimtalk', fallback }))).toEqual({
      ok: false,
      violation: expect.objectContaining({ code: 'fallback_not_subscribed', service }),
    });
  });

  it('the fallback to SMS does not need fallback LMS, and the other way round', () => {
    expect(
      codeOf(
        contract({ services: { ...ALL_SERVICES, fallbackLms: false } }),
        request({ kind: 'alimtalk', fallback: 'sms' }),
      ),
    ).toBe('ok');
    expect(
      codeOf(
        contract({ services: { ...ALL_SERVICES, fallbackSms: false } }),
        request({ kind: 'alimtalk', fallback: 'lms' }),
      ),
    ).toBe('ok');
  });

  it('the message service is checked before the fallback service', () => {
    expect(codeOf(contract({ services: NO_SERVICES }), request({ kind: 'alimtalk', fallback: 'sms' }))).toBe(
      'service_not_subscribed',
    );
  });
});

describe('the recipient and the sender number', () => {
  it('a recipient who opted out is not sent to', () => {
    expect(codeOf(contract(), request({ recipientOptedOut: true }))).toBe('recipient_opted_out');
  });

  it('the opt-out is checked after the services and before the sender number', () => {
    expect(
      codeOf(
        contract({ services: { ...ALL_SERVICES, fallbackSms: false } }),
        request({ kind: 'alimtalk', fallback: 'sms', recipientOptedOut: true }),
      ),
    ).toBe('fallback_not_subscribed');
    expect(codeOf(contract(), request({ from: null, recipientOptedOut: true }))).toBe('recipient_opted_out');
  });

  it.each([
    ['an SMS', { kind: 'sms' }],
    ['an LMS', { kind: 'lms' }],
    ['an AlimTalk with fallback', { kind: 'alimtalk', fallback: 'sms' }],
    ['a FriendTalk image with fallback', { kind: 'friendtalk_image', fallback: 'lms' }],
  ] as [string, Partial<GateRequest>][])('%s needs a sender number', (_name, overrides) => {
    expect(codeOf(contract(), request({ ...overrides, from: null }))).toBe('sender_number_required');
  });

  it('a number that is not on the contract cannot send (anti-spoofing, Art. 4.4)', () => {
    expect(checkSendingGate(contract(), request({ from: '0299999999' }))).toEqual({
      ok: false,
      violation: expect.objectContaining({ code: 'sender_number_not_registered', field: 'from' }),
    });
  });

  it.each([
    ['pending', PENDING],
    ['rejected', REJECTED],
  ])('a %s number cannot send until an operator verifies it', (status, number) => {
    const d = checkSendingGate(contract(), request({ from: number }));
    expect(d).toEqual({
      ok: false,
      violation: expect.objectContaining({ code: 'sender_number_not_verified', field: 'from' }),
    });
    if (!d.ok) expect(d.violation.message).toContain(status);
  });

  it('a verified number of the contract can send SMS and LMS', () => {
    expect(checkSendingGate(contract(), request({ kind: 'sms' }))).toEqual({ ok: true });
    expect(checkSendingGate(contract(), request({ kind: 'lms' }))).toEqual({ ok: true });
  });

  it('an AlimTalk with fallback from a verified number is allowed', () => {
    expect(checkSendingGate(contract(), request({ kind: 'alimtalk', fallback: 'lms' }))).toEqual({ ok: true });
  });
});

describe('what needs nothing more than an active contract', () => {
  it.each(['alimtalk', 'friendtalk', 'friendtalk_image'] as SendKind[])(
    'a %s without fallback needs no sender number',
    (kind) => {
      expect(checkSendingGate(contract({ senderNumbers: [] }), request({ kind, from: null }))).toEqual({ ok: true });
    },
  );

  it('a Kakao message without fallback ignores an unregistered "from"', () => {
    expect(checkSendingGate(contract(), request({ kind: 'alimtalk', from: '0299999999' }))).toEqual({ ok: true });
  });

  it('a payment notice needs only an active contract: no messaging service, no sender number', () => {
    const bare = contract({ services: NO_SERVICES, senderNumbers: [] });
    expect(checkSendingGate(bare, request({ kind: 'payment_notice', from: null }))).toEqual({ ok: true });
  });

  it('a payment notice reaches a recipient who opted out: it is a transaction record, not marketing', () => {
    expect(codeOf(contract(), request({ kind: 'payment_notice', recipientOptedOut: true }))).toBe('ok');
  });

  it('a payment notice falls back to SMS/LMS by the form itself, without the fallback services (form §2가)', () => {
    const bare = contract({ services: NO_SERVICES, senderNumbers: [] });
    expect(codeOf(bare, request({ kind: 'payment_notice', from: '15884954', fallback: 'sms' }))).toBe('ok');
    expect(codeOf(bare, request({ kind: 'payment_notice', from: null, fallback: 'lms' }))).toBe('ok');
  });
});

describe('the contract of an accepted message', () => {
  it('sends under the contract it was accepted under', () => {
    expect(codeOf(contract(), request({ contractId: 'contract-1' }))).toBe('ok');
  });

  it('sends nothing once the merchant has another contract: it is as if there were none', () => {
    expect(codeOf(contract({ id: 'contract-2' }), request({ contractId: 'contract-1' }))).toBe('no_contract');
    expect(codeOf(contract({ id: 'contract-2' }), request({ kind: 'payment_notice', contractId: 'contract-1' }))).toBe(
      'no_contract',
    );
  });
});

describe('the default sender number', () => {
  it('is the only verified number when there is exactly one', () => {
    expect(defaultSender(contract())).toBe(VERIFIED);
  });

  it.each<[string, GateContract['senderNumbers']]>([
    [
      'several numbers are verified: the request must choose',
      [
        { number: VERIFIED, status: 'verified' },
        { number: PENDING, status: 'verified' },
      ],
    ],
    [
      'no number is verified yet',
      [
        { number: PENDING, status: 'pending' },
        { number: REJECTED, status: 'rejected' },
      ],
    ],
    ['the contract has no number', []],
  ])('is none when %s', (_why, senderNumbers) => {
    expect(defaultSender(contract({ senderNumbers }))).toBeNull();
  });
});
