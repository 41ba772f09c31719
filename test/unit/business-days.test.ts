import { addMonths, firstDayOf, periodOf } from '../../domain/calendar-kst';
import {
  createBusinessCalendar,
  dueDate,
  HolidayDataMissing,
  holidaysOfYear,
  invoiceDeadlines,
} from '../../domain/business-days';

const cal = createBusinessCalendar();

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('Korean holidays from the gazette dataset', () => {
  it.each([
    // Seollal 2025, with the one-off temporary holiday the government declared for Mon 27 Jan.
    ['2025-01-27', ['임시공휴일']],
    ['2025-01-28', ['설날 전날']],
    ['2025-01-29', ['설날']],
    ['2025-01-30', ['설날 다음 날']],
    ['2025-03-03', ['대체공휴일(3ㆍ1절)']],
    ['2025-05-05', ['어린이날', '부처님 오신 날']],
    ['2025-06-03', ['임시공휴일(대통령선거)']],
    // Chuseok 2025 falls on a Sunday (Oct 5), so Wed Oct 8 is its substitute; 한글날 follows on Oct 9.
    ['2025-10-05', ['추석 전날']],
    ['2025-10-06', ['추석']],
    ['2025-10-07', ['추석 다음 날']],
    ['2025-10-08', ['대체공휴일(추석)']],
    ['2025-10-09', ['한글날']],
    ['2026-02-16', ['설날 전날']],
    ['2026-02-17', ['설날']],
    ['2026-02-18', ['설날 다음 날']],
    ['2026-03-02', ['대체공휴일(3ㆍ1절)']],
    ['2026-06-03', ['전국동시지방선거']],
    ['2026-09-24', ['추석 전날']],
    ['2026-09-25', ['추석']],
    ['2026-09-26', ['추석 다음 날']],
    // Seollal 2027 starts on a Saturday (Feb 6), so Tue Feb 9 is a substitute holiday.
    ['2027-02-06', ['설날 전날']],
    ['2027-02-07', ['설날']],
    ['2027-02-08', ['설날 다음 날']],
    ['2027-02-09', ['대체공휴일(설날)']],
  ])('%s is %p', (date, names) => {
    expect(cal.holidayNames(date)).toEqual(names);
    expect(cal.isBusinessDay(date)).toBe(false);
  });

  it.each(['2025-01-31', '2025-10-10', '2026-02-19', '2026-06-04', '2027-02-10'])(
    '%s, a weekday after a holiday, is a business day',
    (date) => {
      expect(cal.holidayNames(date)).toEqual([]);
      expect(cal.isBusinessDay(date)).toBe(true);
    },
  );

  it('weekends are not business days and have no holiday name', () => {
    expect(cal.isBusinessDay('2025-02-01')).toBe(false); // Saturday
    expect(cal.isBusinessDay('2025-02-02')).toBe(false); // Sunday
    expect(cal.holidayNames('2025-02-01')).toEqual([]);
  });

  it('covers the years of the dataset', () => {
    expect(cal.coveredYears()).toEqual([2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027]);
  });
});

describe('a year without holiday data', () => {
  it.each([
    ['2031-03-04', 2031],
    ['2017-06-07', 2017],
    ['2031-01-04', 2031], // a Saturday: still refused, never guessed
  ])('%s throws HolidayDataMissing naming %i', (date, year) => {
    expect(() => cal.isBusinessDay(date)).toThrow(HolidayDataMissing);
    expect(() => cal.holidayNames(date)).toThrow(`no Korean holiday data for ${year}`);
    expect(thrown(() => cal.isBusinessDay(date))).toMatchObject({ name: 'HolidayDataMissing', year });
  });

  it('throws when counting runs past the dataset: 20 business days after 2027-12-10 reach 2028', () => {
    expect(() => dueDate('2027-12-10', cal)).toThrow('no Korean holiday data for 2028');
    expect(() => invoiceDeadlines('2027-12', cal)).toThrow(HolidayDataMissing);
  });

  it('operator-added holidays do not make a year covered', () => {
    const withExtra = createBusinessCalendar([{ date: '2031-01-02', name: '임시공휴일' }]);
    expect(withExtra.coveredYears()).not.toContain(2031);
    expect(() => withExtra.isBusinessDay('2031-01-02')).toThrow('no Korean holiday data for 2031');
    expect(() => withExtra.isBusinessDay('2031-01-02')).toThrow('PUT /v1/holidays/2031');
  });

  it('a year an operator loaded (PUT /v1/holidays/:year) is covered, with its holidays; the years around it are not', () => {
    const loaded = createBusinessCalendar(
      [
        { date: '2028-01-01', name: '1월 1일' },
        { date: '2028-01-26', name: '설날' },
      ],
      [2028],
    );
    expect(loaded.coveredYears()).toContain(2028);
    // Wed 26 Jan 2028 is the loaded 설날; Thu 27 Jan is a plain weekday.
    expect(loaded.holidayNames('2028-01-26')).toEqual(['설날']);
    expect(loaded.isBusinessDay('2028-01-26')).toBe(false);
    expect(loaded.isBusinessDay('2028-01-27')).toBe(true);
    // 20 business days after Fri 10 Dec 2027 now count into 2028: Dec 13–17 (5), 20–24 (10), Mon 27
    // 대체공휴일(기독탄신일) skipped, Dec 28–31 (14), Jan 3–7 2028 (19), Mon 10 Jan (20).
    expect(dueDate('2027-12-10', loaded)).toBe('2028-01-10');
    expect(() => loaded.isBusinessDay('2029-01-02')).toThrow('no Korean holiday data for 2029');
  });
});

describe('due dates: 20 business days after the issue date (Art. 7.1)', () => {
  // Counted by hand on a calendar from the dataset above: the issue date is day 0, then every
  // weekday that is not a listed holiday counts 1.
  it.each([
    // Fri 2025-01-10. Jan 13–17 (5), 20–24 (10), 27 temporary + 28–30 Seollal skipped, 31 (11),
    // Feb 3–7 (16), 10–13 (20).
    ['2025-01-10', '2025-02-13'],
    // Fri 2025-05-02. May 5 (children's day/Buddha's birthday) and 6 (substitute) skipped, 7–9 (3),
    // 12–16 (8), 19–23 (13), 26–30 (18), Jun 2 (19), Jun 3 presidential election skipped, Jun 4 (20).
    ['2025-05-02', '2025-06-04'],
    // Tue 2025-09-30. Oct 1–2 (2), Oct 3 개천절 and 6–9 (Chuseok, substitute, 한글날) skipped,
    // Oct 10 (3), 13–17 (8), 20–24 (13), 27–31 (18), Nov 3–4 (20).
    ['2025-09-30', '2025-11-04'],
    // Tue 2026-02-10. Feb 11–13 (3), 16–18 Seollal skipped, 19–20 (5), 23–27 (10),
    // Mar 2 substitute skipped, Mar 3–6 (14), 9–13 (19), 16 (20).
    ['2026-02-10', '2026-03-16'],
    // Mon 2026-05-11. May 12–15 (4), 18–22 (9), May 25 substitute skipped, 26–29 (13),
    // Jun 1–2 (15), Jun 3 local election skipped, Jun 4–5 (17), 8–10 (20).
    ['2026-05-11', '2026-06-10'],
    // Thu 2026-09-10. Sep 11 (1), 14–18 (6), 21–23 (9), 24–25 Chuseok skipped, 28–30 (12),
    // Oct 1–2 (14), Oct 5 substitute skipped, 6–8 (17), Oct 9 한글날 skipped, 12–14 (20).
    ['2026-09-10', '2026-10-14'],
    // Fri 2027-01-29. Feb 1–5 (5), Feb 8 Seollal and 9 substitute skipped, 10–12 (8), 15–19 (13),
    // 22–26 (18), Mar 1 skipped, Mar 2–3 (20).
    ['2027-01-29', '2027-03-03'],
    // Fri 2027-09-10. Sep 13 (1), 14–16 Chuseok skipped, 17 (2), 20–24 (7), 27–Oct 1 (12),
    // Oct 4 substitute (개천절) skipped, 5–8 (16), Oct 11 substitute (한글날) skipped, 12–15 (20).
    ['2027-09-10', '2027-10-15'],
  ])('issued %s → due %s', (issued, due) => {
    expect(dueDate(issued, cal)).toBe(due);
  });

  it('an operator-added holiday inside the window moves the due date by one business day', () => {
    const withExtra = createBusinessCalendar([{ date: '2026-03-05', name: '임시공휴일(운영자 추가)' }]);
    expect(withExtra.holidayNames('2026-03-05')).toEqual(['임시공휴일(운영자 추가)']);
    expect(dueDate('2026-02-10', withExtra)).toBe('2026-03-17');
    // One outside the window changes nothing.
    expect(dueDate('2026-02-10', createBusinessCalendar([{ date: '2026-04-01', name: 'x' }]))).toBe('2026-03-16');
  });

  it('counts 0 business days as the date itself and refuses a negative count', () => {
    expect(cal.addBusinessDays('2025-10-06', 0)).toBe('2025-10-06');
    expect(cal.addBusinessDays('2025-10-02', 1)).toBe('2025-10-10');
    expect(() => cal.addBusinessDays('2025-10-02', -1)).toThrow(RangeError);
  });

  it('finds the next business day on or after a date', () => {
    expect(cal.nextBusinessDayOnOrAfter('2025-10-03')).toBe('2025-10-10');
    expect(cal.nextBusinessDayOnOrAfter('2025-10-10')).toBe('2025-10-10');
  });

  it('refuses a malformed date', () => {
    expect(() => cal.isBusinessDay('2025-02-30')).toThrow(RangeError);
    expect(() => createBusinessCalendar([{ date: '2025-13-01', name: 'x' }])).toThrow(RangeError);
  });
});

describe('n-th business day of a month', () => {
  it('counts only business days', () => {
    // October 2025: 23 weekdays, minus Oct 3 and 6–9 = 18 business days.
    expect(cal.nthBusinessDayOfMonth('2025-10', 1)).toBe('2025-10-01');
    expect(cal.nthBusinessDayOfMonth('2025-10', 3)).toBe('2025-10-10');
    expect(cal.nthBusinessDayOfMonth('2025-10', 18)).toBe('2025-10-31');
    expect(() => cal.nthBusinessDayOfMonth('2025-10', 19)).toThrow('2025-10 has fewer than 19 business days');
  });

  it('starts after a holiday on the 1st', () => {
    expect(cal.nthBusinessDayOfMonth('2026-05', 1)).toBe('2026-05-04'); // May 1 노동절, then a weekend
  });

  it('refuses a bad period or ordinal', () => {
    expect(() => cal.nthBusinessDayOfMonth('2025-13', 1)).toThrow(RangeError);
    expect(() => cal.nthBusinessDayOfMonth('2025-10', 0)).toThrow(RangeError);
  });
});

describe('invoice deadlines (Art. 7.1 and VAT Act Art. 34)', () => {
  // Hand-counted. Contract: the 10th business day of the following month. Legal: the 10th, or the
  // next business day when the 10th is a weekend or holiday.
  it.each([
    // Jan 2025: Jan 1 holiday; Jan 2–3 (2), 6–10 (7), 13–15 (10). Jan 10 is a Friday.
    ['2024-12', '2025-01-15', '2025-01-10'],
    // Feb 2025: Feb 3–7 (5), 10–14 (10). Feb 10 is a Monday.
    ['2025-01', '2025-02-14', '2025-02-10'],
    // Jun 2025: Jun 2 (1), Jun 3 election, 4–5 (3), Jun 6 현충일, 9–13 (8), 16–17 (10).
    ['2025-05', '2025-06-17', '2025-06-10'],
    // Oct 2025: Oct 1–2 (2), 3 and 6–9 holidays, 10 (3), 13–17 (8), 20–21 (10). Oct 10 is a Friday.
    ['2025-09', '2025-10-21', '2025-10-10'],
    // Feb 2026: Feb 2–6 (5), 9–13 (10); Seollal comes after. Feb 10 is a Tuesday.
    ['2026-01', '2026-02-13', '2026-02-10'],
    // May 2026: May 1 노동절, May 4 (1), May 5 어린이날, 6–8 (4), 11–15 (9), 18 (10). May 10 is a Sunday.
    ['2026-04', '2026-05-18', '2026-05-11'],
    // Oct 2026: Oct 1–2 (2), Oct 5 substitute, 6–8 (5), Oct 9 한글날, 12–16 (10). Oct 10 is a Saturday.
    ['2026-09', '2026-10-16', '2026-10-12'],
    // Feb 2027: Feb 1–5 (5), 8–9 holidays, 10–12 (8), 15–16 (10). Feb 10 is a Wednesday.
    ['2027-01', '2027-02-16', '2027-02-10'],
    // Oct 2027: Oct 1 (1), Oct 4 substitute, 5–8 (5), Oct 11 substitute, 12–15 (9), 18 (10).
    // Oct 10 is a Sunday and Oct 11 a holiday, so the legal date is Tue Oct 12.
    ['2027-09', '2027-10-18', '2027-10-12'],
  ])('usage of %s: contract %s, legal %s', (period, contractDeadline, legalDeadline) => {
    expect(invoiceDeadlines(period, cal)).toEqual({ contractDeadline, legalDeadline, issueBy: legalDeadline });
  });

  // Usage months 2024-12 … 2027-11: deadlines in every month of 2025–2027 (December 2027's
  // deadlines fall in 2028, which the dataset does not cover — tested above).
  const periods = Array.from({ length: 36 }, (_, i) => periodOf(addMonths(firstDayOf('2024-12'), i)));

  it.each(periods)(
    'usage of %s: the legal deadline is a business day no later than the contract deadline',
    (period) => {
      const { contractDeadline, legalDeadline, issueBy } = invoiceDeadlines(period, cal);
      const next = periodOf(addMonths(firstDayOf(period), 1));
      expect(periodOf(contractDeadline)).toBe(next);
      expect(legalDeadline >= `${next}-10`).toBe(true);
      expect(cal.isBusinessDay(legalDeadline)).toBe(true);
      expect(cal.isBusinessDay(contractDeadline)).toBe(true);
      expect(legalDeadline <= contractDeadline).toBe(true);
      expect(issueBy).toBe(legalDeadline <= contractDeadline ? legalDeadline : contractDeadline);
    },
  );
});

describe('the holidays of a year, as GET /v1/holidays lists them', () => {
  const extra = [
    { date: '2025-01-29', name: '운영자 추가' },
    { date: '2025-03-04', name: '임시공휴일(운영자 추가)' },
    { date: '2026-01-02', name: '다른 해' },
  ];

  it('lists gazette and operator holidays of that year by date, the gazette first on a shared date', () => {
    const { covered, holidays } = holidaysOfYear(2025, extra);
    expect(covered).toBe(true);
    expect(holidays.map((h) => h.date)).toEqual([...holidays.map((h) => h.date)].sort());
    expect(holidays.filter((h) => h.date === '2025-01-29')).toEqual([
      { date: '2025-01-29', names: ['설날'], source: 'gazette' },
      { date: '2025-01-29', names: ['운영자 추가'], source: 'operator' },
    ]);
    expect(holidays).toContainEqual({ date: '2025-03-04', names: ['임시공휴일(운영자 추가)'], source: 'operator' });
    expect(holidays.some((h) => h.date.startsWith('2026-'))).toBe(false);
  });

  it('a year the dataset does not cover is not covered, and shows only what operators added', () => {
    expect(holidaysOfYear(2031, [{ date: '2031-05-01', name: '운영자 추가' }])).toEqual({
      covered: false,
      holidays: [{ date: '2031-05-01', names: ['운영자 추가'], source: 'operator' }],
    });
  });
});
