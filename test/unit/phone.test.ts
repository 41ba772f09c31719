import {
  checkRecipient,
  formatPhone,
  maskPhone,
  maskPhonesInText,
  normalizePhone,
  parsePhone,
  parseRecipient,
  parseSenderNumber,
  phoneForSearch,
} from '../../domain/phone';

describe('normalizing a phone number to digits', () => {
  it.each([
    ['01012345678', '01012345678'],
    ['010-1234-5678', '01012345678'],
    ['010 1234 5678', '01012345678'],
    ['010.1234.5678', '01012345678'],
    ['  010-1234-5678  ', '01012345678'],
    ['(02) 2345-6789', '0223456789'],
    ['+82 10-1234-5678', '01012345678'],
    ['+821012345678', '01012345678'],
    ['+82 010 1234 5678', '01012345678'],
    ['+82-2-2345-6789', '0223456789'],
    ['0082-10-1234-5678', '01012345678'],
    ['1588-4954', '15884954'],
  ])('reads %p as %p', (input, digits) => {
    expect(normalizePhone(input)).toBe(digits);
  });

  it.each(['010-1234-567a', '010/1234/5678', 'phone', '', '+1 415 555 0100x'])('gives up on %p', (input) => {
    expect(normalizePhone(input)).toBeUndefined();
  });
});

describe('kinds of Korean numbers (SPEC §2)', () => {
  it.each([
    ['010-1234-5678', '01012345678', 'mobile'],
    ['011-123-4567', '0111234567', 'mobile'],
    ['011-1234-5678', '01112345678', 'mobile'],
    ['016-123-4567', '0161234567', 'mobile'],
    ['017-1234-5678', '01712345678', 'mobile'],
    ['018-123-4567', '0181234567', 'mobile'],
    ['019-1234-5678', '01912345678', 'mobile'],
    ['02-123-4567', '021234567', 'landline'],
    ['02-2345-6789', '0223456789', 'landline'],
    ['031-123-4567', '0311234567', 'landline'],
    ['051-1234-5678', '05112345678', 'landline'],
    ['064-712-3456', '0647123456', 'landline'],
    ['070-1234-5678', '07012345678', 'internet'],
    ['1588-4954', '15884954', 'representative'],
    ['1577-1234', '15771234', 'representative'],
    ['1600-1234', '16001234', 'representative'],
    ['1899-1234', '18991234', 'representative'],
  ])('%s is a %s number', (input, digits, kind) => {
    expect(parsePhone(input)).toEqual({ digits, kind });
  });

  it.each([
    ['010-123-4567', '010 numbers have 8 subscriber digits'],
    ['010-12345-6789', 'too long for a mobile number'],
    ['011-12-3456', 'too short for a mobile number'],
    ['012-1234-5678', '012 is not a mobile prefix'],
    ['02-123-456', 'Seoul numbers have 7 or 8 subscriber digits'],
    ['02-12345-67890', 'too long for Seoul'],
    ['02-0123-4567', 'a subscriber number never starts with 0'],
    ['031-12-3456', 'too short for a landline'],
    ['039-123-4567', '039 is not an area code'],
    ['070-123-4567', '070 numbers have 8 subscriber digits'],
    ['1588-495', 'representative numbers have 8 digits'],
    ['1688-49541', 'representative numbers have 8 digits'],
    ['1234-5678', '12xx is not a representative prefix'],
    ['112', 'emergency numbers are not phone numbers here'],
    ['', 'empty'],
  ])('%s is not a valid number (%s)', (input) => {
    expect(parsePhone(input)).toBeUndefined();
  });
});

describe('searching messages by recipient (console)', () => {
  it.each([
    ['+82 10-1234-5678', '01012345678'],
    ['010 1234 5678', '01012345678'],
    ['1234-5678', '12345678'],
  ])('%s matches the stored digits %s', (typed, digits) => {
    expect(phoneForSearch(typed)).toBe(digits);
  });
});

describe('recipients and senders', () => {
  it('a message can be delivered only to a mobile phone', () => {
    expect(parseRecipient('+82 10-1234-5678')).toEqual({ digits: '01012345678', kind: 'mobile' });
    expect(parseRecipient('011-123-4567')).toEqual({ digits: '0111234567', kind: 'mobile' });
  });

  it.each(['02-2345-6789', '031-123-4567', '070-1234-5678', '1588-4954', '010-123-4567'])(
    '%s cannot receive messages',
    (input) => {
      expect(parseRecipient(input)).toBeUndefined();
    },
  );

  it.each([
    ['010-1234-5678', 'mobile'],
    ['02-2345-6789', 'landline'],
    ['070-1234-5678', 'internet'],
    ['1588-4954', 'representative'],
  ])('%s can be a sender number', (input, kind) => {
    expect(parseSenderNumber(input)?.kind).toBe(kind);
  });
});

describe('masking a number for merchants and logs', () => {
  it.each([
    ['01012345678', '010-****-5678'],
    ['0111234567', '011-***-4567'],
    ['0223456789', '02-****-6789'],
    ['021234567', '02-***-4567'],
    ['0311234567', '031-***-4567'],
    ['07012345678', '070-****-5678'],
  ])('shows %s as %s', (digits, masked) => {
    expect(maskPhone(digits)).toBe(masked);
  });

  it('keeps the last 4 digits and hides the middle', () => {
    const masked = maskPhone('01098765432');
    expect(masked.endsWith('5432')).toBe(true);
    expect(masked).not.toContain('9876');
  });

  it('hides a too-short number entirely', () => {
    expect(maskPhone('1234567')).toBe('*******');
    expect(maskPhone('')).toBe('');
  });
});

describe('formatting a number for people', () => {
  it.each([
    ['01012345678', '010-1234-5678'],
    ['0111234567', '011-123-4567'],
    ['0223456789', '02-2345-6789'],
    ['021234567', '02-123-4567'],
    ['0311234567', '031-123-4567'],
    ['05112345678', '051-1234-5678'],
    ['07012345678', '070-1234-5678'],
    ['15884954', '1588-4954'],
    ['18991234', '1899-1234'],
  ])('writes %s as %s', (digits, formatted) => {
    expect(formatPhone(digits)).toBe(formatted);
  });

  it('formats what it parses back to the same digits', () => {
    for (const input of ['010-1234-5678', '02-123-4567', '031-1234-5678', '1600-1234', '070-1234-5678']) {
      const digits = parsePhone(input)!.digits;
      expect(normalizePhone(formatPhone(digits))).toBe(digits);
    }
  });
});

describe('masking numbers inside free text (Art. 11: logs keep no phone numbers)', () => {
  it.each([
    ['수신번호 01012345678 으로 발송', '수신번호 010-****-5678 으로 발송'],
    ['수신번호 010-1234-5678 으로 발송', '수신번호 010-****-5678 으로 발송'],
    ['call 010 1234 5678 please', 'call 010-****-5678 please'],
    ['연락처:01012345678입니다', '연락처:010-****-5678입니다'],
    ['store 02-123-4567, branch 031-1234-5678', 'store 02-***-4567, branch 031-****-5678'],
    ['{"to":"0223456789","from":"0111234567"}', '{"to":"02-****-6789","from":"011-***-4567"}'],
    ['서울 021234567', '서울 02-***-4567'],
  ])('masks %p', (text, masked) => {
    expect(maskPhonesInText(text)).toBe(masked);
  });

  it.each([
    ['sent to +82 10-1234-5678', 'sent to 010-****-5678'],
    ['sent to +821012345678', 'sent to 010-****-5678'],
    ['office +82-2-2345-6789', 'office 02-****-6789'],
  ])('masks international forms: %p', (text, masked) => {
    expect(maskPhonesInText(text)).toBe(masked);
  });

  it('masks a number written with dots', () => {
    expect(maskPhonesInText('tel. 010.1234.5678')).toBe('tel. 010-****-5678');
  });

  it('masks every number in a text, not just the first', () => {
    expect(maskPhonesInText('01011112222 01033334444')).toBe('010-****-2222 010-****-4444');
  });

  it.each([
    'amount 15000000 won',
    '결제금액 15000000원',
    'due 20261125',
    'date 2026-11-25',
    'amount 1,500,000',
    'order 123456789012',
    'tid INIpayTest20261125123456',
  ])('leaves %p alone', (text) => {
    expect(maskPhonesInText(text)).toBe(text);
  });

  it('does not mask part of a longer run of digits', () => {
    expect(maskPhonesInText('account 9901012345678')).toBe('account 9901012345678');
    expect(maskPhonesInText('id 010123456789')).toBe('id 010123456789');
  });
});

describe('checking a recipient (Art. 2.1: mobile phones only)', () => {
  it('gives the digits of a mobile number', () => {
    expect(checkRecipient('010-1234-5678', 'to')).toEqual({ ok: true, digits: '01012345678', kind: 'mobile' });
  });

  it.each(['02-2345-6789', '1588-4954', '010-123'])('refuses %s with invalid_recipient on the named field', (input) => {
    expect(checkRecipient(input, 'number')).toMatchObject({
      ok: false,
      violation: { code: 'invalid_recipient', field: 'number' },
    });
  });
});
