import fc from 'fast-check';
import {
  afterFailedSignIn,
  checkPassword,
  isLocked,
  LOCKOUT_MS,
  LOCKOUT_THRESHOLD,
  mayInvite,
  mayNoticeBusinessChange,
  staffMay,
  type StaffRole,
} from '../../domain/accounts';

describe('what merchant staff may do (SPEC §6)', () => {
  test.each<[StaffRole, string, string, boolean]>([
    ['viewer', 'GET', '/v1/messages', true],
    ['viewer', 'POST', '/v1/messages', false],
    ['viewer', 'POST', '/v1/templates', false],
    ['viewer', 'DELETE', '/v1/opt-outs/01012345678', false],
    ['viewer', 'DELETE', '/v1/session', true],
    ['developer', 'POST', '/v1/messages', true],
    ['developer', 'POST', '/v1/templates', true],
    ['developer', 'POST', '/v1/contracts', false],
    ['developer', 'POST', '/v1/contracts/ctr_1/sender-numbers', false],
    ['developer', 'POST', '/v1/invoices/inv_1/disputes', false],
    ['developer', 'POST', '/v1/invitations', false],
    ['developer', 'POST', '/v1/api-keys', false],
    ['developer', 'DELETE', '/v1/api-keys/key_1', false],
    ['developer', 'PATCH', '/v1/merchants/mer_1', true],
    ['developer', 'POST', '/v1/merchants/mer_1/webhook-secret', true],
    ['owner', 'POST', '/v1/contracts', true],
    ['owner', 'POST', '/v1/invitations', true],
    ['owner', 'POST', '/v1/invoices/inv_1/disputes', true],
    ['owner', 'POST', '/v1/api-keys', true],
  ])('%s %s %s → %s', (role, method, path, allowed) => {
    expect(staffMay(role, method, path)).toBe(allowed);
  });

  test('a viewer changes nothing, whatever the path', () => {
    fc.assert(
      fc.property(fc.constantFrom('POST', 'PUT', 'PATCH', 'DELETE'), fc.webPath(), (method, path) => {
        if (path !== '/v1/session') expect(staffMay('viewer', method, `/v1${path}`)).toBe(false);
      }),
    );
  });

  test('only operators invite operators; owners invite their staff; others invite nobody', () => {
    expect(mayInvite('operator', 'operator')).toBe(true);
    expect(mayInvite('operator_key', 'owner')).toBe(true);
    expect(mayInvite('owner', 'viewer')).toBe(true);
    expect(mayInvite('owner', 'operator')).toBe(false);
    expect(mayInvite('developer', 'viewer')).toBe(false);
    expect(mayInvite('viewer', 'viewer')).toBe(false);
  });
});

test('business information changes are noticed by owners, operators and the merchant’s programs, not developers or viewers', () => {
  expect(
    [undefined, 'operator', 'owner', 'developer', 'viewer'].map((r) => mayNoticeBusinessChange(r as never)),
  ).toEqual([true, true, true, false, false]);
});

describe('sign-in lockout', () => {
  const now = new Date('2026-12-01T09:00:00+09:00');

  test(`locks for 15 minutes at the ${LOCKOUT_THRESHOLD}th consecutive failure, not before`, () => {
    let state = { failedAttempts: 0, lockedUntil: null as Date | null };
    for (let i = 1; i < LOCKOUT_THRESHOLD; i++) {
      state = afterFailedSignIn(state.failedAttempts, now);
      expect(state.lockedUntil).toBeNull();
    }
    state = afterFailedSignIn(state.failedAttempts, now);
    expect(state.lockedUntil).toEqual(new Date(now.getTime() + LOCKOUT_MS));
    expect(isLocked(state.lockedUntil, new Date(now.getTime() + LOCKOUT_MS - 1))).toBe(true);
    expect(isLocked(state.lockedUntil, new Date(now.getTime() + LOCKOUT_MS))).toBe(false);
  });

  test('password rules', () => {
    expect(checkPassword('short')?.code).toBe('password_too_short');
    expect(checkPassword('aaaaaaaaaaaa')?.code).toBe('password_too_weak');
    expect(checkPassword('x'.repeat(201))?.code).toBe('password_too_long');
    expect(checkPassword('correct horse battery')).toBeNull();
  });
});
