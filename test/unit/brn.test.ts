import { checkBrn, formatBrn } from '../../domain/brn';

describe('business registration number (사업자등록번호)', () => {
  it.each(['124-81-00998', '1248100998', '220-81-83676', '211-86-11019'])('accepts the valid number %s', (brn) => {
    expect(checkBrn(brn)).toEqual({ ok: true, brn: brn.replace(/-/g, '') });
  });

  it('refuses a number whose check digit is wrong', () => {
    expect(checkBrn('124-81-00997')).toEqual({ ok: false, reason: 'checksum' });
  });

  it.each(['12481009', '12481009989', '124-81-0099a', ''])('refuses %p as not ten digits', (brn) => {
    expect(checkBrn(brn)).toEqual({ ok: false, reason: 'format' });
  });

  it('formats for a tax invoice', () => {
    expect(formatBrn('1248100998')).toBe('124-81-00998');
  });
});
