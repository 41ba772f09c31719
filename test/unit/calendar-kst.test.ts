import {
  addDays,
  addKstMonths,
  addMonths,
  addPeriods,
  dayOfWeek,
  firstDayOf,
  isValidIsoDate,
  KST_OFFSET_MS,
  kstDate,
  kstPeriod,
  kstStartOf,
  PERIOD_PATTERN,
  periodOf,
  toKstIso,
} from '../../domain/calendar-kst';

describe('the Korean date of an instant', () => {
  it('is 9 hours ahead of UTC', () => {
    expect(KST_OFFSET_MS).toBe(9 * 3_600_000);
  });

  it.each([
    ['2026-11-24T14:59:59.999Z', '2026-11-24'],
    ['2026-11-24T15:00:00.000Z', '2026-11-25'], // midnight in Seoul
    ['2026-11-25T00:00:00.000Z', '2026-11-25'],
    ['2026-12-31T15:00:00.000Z', '2027-01-01'], // new year in Seoul while still 31 Dec in UTC
    ['2028-02-28T15:30:00.000Z', '2028-02-29'],
  ])('%s falls on %s in Seoul', (instant, date) => {
    expect(kstDate(new Date(instant))).toBe(date);
    expect(kstDate(Date.parse(instant))).toBe(date);
  });
});

describe('the instant a Korean date begins', () => {
  it('midnight in Seoul is 15:00 UTC the day before', () => {
    expect(kstStartOf('2026-11-25').toISOString()).toBe('2026-11-24T15:00:00.000Z');
  });

  it('takes a KST hour and minute', () => {
    expect(kstStartOf('2026-11-25', 18).toISOString()).toBe('2026-11-25T09:00:00.000Z');
    expect(kstStartOf('2026-11-25', 8, 30).toISOString()).toBe('2026-11-24T23:30:00.000Z');
    expect(kstStartOf('2026-11-25', 20, 50).toISOString()).toBe('2026-11-25T11:50:00.000Z');
  });

  it('round-trips with kstDate', () => {
    for (const date of ['2026-01-01', '2026-12-31', '2028-02-29']) {
      expect(kstDate(kstStartOf(date))).toBe(date);
      expect(kstDate(+kstStartOf(date) - 1)).toBe(addDays(date, -1));
    }
  });
});

describe('writing an instant in Korean time', () => {
  it('writes ISO-8601 with a +09:00 offset', () => {
    expect(toKstIso(Date.parse('2026-11-25T09:00:00Z'))).toBe('2026-11-25T18:00:00.000+09:00');
    expect(toKstIso(new Date('2026-12-31T15:00:00.123Z'))).toBe('2027-01-01T00:00:00.123+09:00');
  });

  it('means the same instant when read back', () => {
    const at = Date.parse('2026-03-01T23:59:59.999Z');
    expect(Date.parse(toKstIso(at))).toBe(at);
  });
});

describe('calendar dates', () => {
  it.each(['2026-01-01', '2026-12-31', '2028-02-29', '2000-02-29'])('%s is a valid date', (text) => {
    expect(isValidIsoDate(text)).toBe(true);
  });

  it.each([
    '2026-02-29',
    '1900-02-29',
    '2026-02-30',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-1-5',
    '20261125',
    '2026-11-25T00:00',
    '',
    'yesterday',
  ])('%p is not a valid date', (text) => {
    expect(isValidIsoDate(text)).toBe(false);
  });

  it.each([
    ['2026-11-25', 1, '2026-11-26'],
    ['2026-11-30', 1, '2026-12-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2026-11-25', 0, '2026-11-25'],
    ['2026-01-01', 365, '2027-01-01'],
  ])('%s plus %i days is %s', (date, days, result) => {
    expect(addDays(date, days)).toBe(result);
  });

  it.each([
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-01-31', 1, '2026-02-28'], // clamped to the end of February
    ['2028-01-31', 1, '2028-02-29'], // leap year
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2028-02-29', 48, '2032-02-29'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-01-15', -1, '2025-12-15'],
  ])('%s plus %i months is %s', (date, months, result) => {
    expect(addMonths(date, months)).toBe(result);
  });

  it('month arithmetic is not chained: clamping once does not shorten later months', () => {
    expect(addMonths(addMonths('2026-01-31', 1), 1)).toBe('2026-03-28');
    expect(addMonths('2026-01-31', 2)).toBe('2026-03-31');
  });

  it.each([
    ['2026-11-22', 0],
    ['2026-11-23', 1],
    ['2026-11-25', 3],
    ['2026-11-28', 6],
    ['2028-02-29', 2],
  ])('%s is day %i of the week (0 = Sunday)', (date, day) => {
    expect(dayOfWeek(date)).toBe(day);
  });

  it('a billing period is the year and month of a date', () => {
    expect(periodOf('2026-11-25')).toBe('2026-11');
    expect(firstDayOf('2026-11')).toBe('2026-11-01');
    expect(firstDayOf(periodOf('2027-01-31'))).toBe('2027-01-01');
  });

  it('the billing period of an instant is its month in Korea', () => {
    // 2026-11-30 15:00 UTC is already 1 December in Seoul.
    expect(kstPeriod(new Date('2026-11-30T14:59:59Z'))).toBe('2026-11');
    expect(kstPeriod(new Date('2026-11-30T15:00:00Z'))).toBe('2026-12');
  });

  it.each([
    ['2026-11', 1, '2026-12'],
    ['2026-12', 1, '2027-01'],
    ['2027-01', -1, '2026-12'],
    ['2026-03', -14, '2025-01'],
  ])('%s moved by %i months is %s', (period, months, expected) => {
    expect(addPeriods(period, months)).toBe(expected);
  });

  it.each(['2026-01', '2026-12'])('%s is a period', (p) => expect(PERIOD_PATTERN.test(p)).toBe(true));
  it.each(['2026-00', '2026-13', '2026-1', '202601', '2026-01-01'])('%s is not a period', (p) =>
    expect(PERIOD_PATTERN.test(p)).toBe(false),
  );
});

describe('months later, on the Korean calendar (terms and 3-month clocks)', () => {
  const kst = (local: string) => Date.parse(`${local}+09:00`);

  it('keeps the Korean date and time of day', () => {
    expect(addKstMonths(kst('2026-03-02T10:00'), 12).toISOString()).toBe(
      new Date(kst('2027-03-02T10:00')).toISOString(),
    );
    expect(addKstMonths(new Date(kst('2026-06-10T14:00')), 3)).toEqual(new Date(kst('2026-09-10T14:00')));
  });

  it('clamps to the end of a shorter month', () => {
    expect(addKstMonths(kst('2028-02-29T10:00'), 12)).toEqual(new Date(kst('2029-02-28T10:00')));
    expect(addKstMonths(kst('2026-11-30T15:00'), 3)).toEqual(new Date(kst('2027-02-28T15:00')));
  });

  it('counts from the Korean date, not the UTC one, early in the morning', () => {
    // 00:30 on 31 March in Seoul is still 30 March in UTC: one month later is 30 April 00:30 KST
    // (31 March clamped), not 1 May as counting on the UTC date would give.
    expect(addKstMonths(kst('2026-03-31T00:30'), 1)).toEqual(new Date(kst('2026-04-30T00:30')));
    expect(addKstMonths(kst('2026-03-01T08:00'), 12)).toEqual(new Date(kst('2027-03-01T08:00')));
  });

  it('counts from the Korean date late in the evening', () => {
    expect(addKstMonths(kst('2026-05-31T23:30'), 3)).toEqual(new Date(kst('2026-08-31T23:30')));
    expect(addKstMonths(kst('2026-01-31T23:59'), 1)).toEqual(new Date(kst('2026-02-28T23:59')));
  });

  it('keeps milliseconds', () => {
    expect(addKstMonths(kst('2026-01-15T12:34:56.789'), 1)).toEqual(new Date(kst('2026-02-15T12:34:56.789')));
  });

  it('every anniversary of a 29 February start, counted from the start, lands on 28 or 29 February', () => {
    const start = kst('2028-02-29T10:00');
    const ends = [1, 2, 3, 4, 5].map((years) => toKstIso(addKstMonths(start, 12 * years)));
    expect(ends).toEqual(
      ['2029-02-28', '2030-02-28', '2031-02-28', '2032-02-29', '2033-02-28'].map((d) => `${d}T10:00:00.000+09:00`),
    );
  });
});
