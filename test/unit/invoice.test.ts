import { createBusinessCalendar } from '../../domain/business-days';
import { acceptedPartDueDate, isClosedPeriod, periodEnd, previousPeriod } from '../../domain/invoice';

describe('billing periods', () => {
  it('a scheduled run on the 1st bills the month before, across a year end', () => {
    expect(previousPeriod('2026-12-01')).toBe('2026-11');
    expect(previousPeriod('2027-01-01')).toBe('2026-12');
  });

  it('a month can be billed only once it is over in Korea', () => {
    // 2026-11-30 23:30 KST is still November; 2026-12-01 00:00 KST is not.
    expect(isClosedPeriod('2026-11', new Date('2026-11-30T23:30:00+09:00'))).toBe(false);
    expect(isClosedPeriod('2026-11', new Date('2026-12-01T00:00:00+09:00'))).toBe(true);
    expect(isClosedPeriod('2026-12', new Date('2026-12-01T00:00:00+09:00'))).toBe(false);
  });

  it('a month ends at midnight in Korea on the 1st of the next, across a year end', () => {
    expect(periodEnd('2026-11')).toEqual(new Date('2026-12-01T00:00:00+09:00'));
    expect(periodEnd('2026-12')).toEqual(new Date('2027-01-01T00:00:00+09:00'));
  });
});

describe('the accepted part of a resolved dispute (Art. 7.2)', () => {
  const cal = createBusinessCalendar();

  it('is due 20 business days after the resolution', () => {
    // Resolved Thu 7 Jan 2027: Jan 8 (1), 11–15 (2–6), 18–22 (7–11), 25–29 (12–16), Feb 1–4 (17–20).
    expect(acceptedPartDueDate(new Date('2027-01-07T15:00:00+09:00'), '2027-01-04', cal)).toBe('2027-02-04');
  });

  it('is never due before the invoice itself', () => {
    expect(acceptedPartDueDate(new Date('2026-12-03T10:00:00+09:00'), '2027-02-26', cal)).toBe('2027-02-26');
  });
});
