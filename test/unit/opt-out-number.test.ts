import {
  checkOptOutNumber,
  checkOptOutNumberRegistration,
  decideOptOutNumberReview,
  MAX_OPT_OUT_NUMBERS,
} from '../../domain/opt-out-number';

describe('080 opt-out numbers (SPEC §4)', () => {
  it.each([
    ['080-123-4567', '0801234567'],
    ['080-1234-5678', '08012345678'],
    ['080 123 4567', '0801234567'],
  ])('takes %s as %s', (input, digits) => {
    expect(checkOptOutNumber(input, 'number')).toEqual({ ok: true, digits });
  });

  it.each(['02-1234-5678', '010-1234-5678', '080-12-3456', '1588-4954', '080-123-45678-9'])('refuses %s', (input) => {
    const c = checkOptOutNumber(input, 'number');
    expect(c.ok ? 'ok' : c.violation).toMatchObject({ code: 'invalid_opt_out_number', field: 'number' });
  });

  it('registers a number once per open contract, at most 10 live ones', () => {
    const ten = Array.from({ length: MAX_OPT_OUT_NUMBERS }, (_, i) => ({
      number: `08012345${String(i).padStart(2, '0')}`,
      status: 'verified' as const,
    }));
    const code = (r: { ok: true } | { ok: false; violation: { code: string } }) => (r.ok ? 'ok' : r.violation.code);
    expect(code(checkOptOutNumberRegistration('active', [], '0801234567'))).toBe('ok');
    expect(code(checkOptOutNumberRegistration('applied', [], '0801234567'))).toBe('ok');
    expect(
      code(checkOptOutNumberRegistration('active', [{ number: '0801234567', status: 'pending' }], '0801234567')),
    ).toBe('opt_out_number_exists');
    expect(
      code(checkOptOutNumberRegistration('active', [{ number: '0801234567', status: 'rejected' }], '0801234567')),
    ).toBe('ok');
    expect(code(checkOptOutNumberRegistration('active', ten, '0809999999'))).toBe('too_many_opt_out_numbers');
    expect(code(checkOptOutNumberRegistration('terminated', [], '0801234567'))).toBe('contract_closed');
  });

  it('is verified or rejected once, and verified for one merchant only', () => {
    expect(decideOptOutNumberReview('pending', true, false)).toEqual({ ok: true, status: 'verified' });
    expect(decideOptOutNumberReview('pending', false, true)).toEqual({ ok: true, status: 'rejected' });
    const taken = decideOptOutNumberReview('pending', true, true);
    expect(taken.ok ? 'ok' : taken.violation.code).toBe('opt_out_number_taken');
    const again = decideOptOutNumberReview('verified', true, false);
    expect(again.ok ? 'ok' : again.violation.code).toBe('opt_out_number_already_reviewed');
  });
});
