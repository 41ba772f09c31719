/**
 * Korean business days (영업일) in Asia/Seoul for billing (SPEC §5, Art. 7.1): not a Saturday, not a
 * Sunday, not a public holiday. Public holidays — lunar, election, temporary and substitute ones —
 * come from @hyunbinseo/holidays-kr (transcribed from the official gazette), plus holidays operators
 * add and whole years they load (PUT /v1/holidays/:year), passed in as data. A date in a year that
 * neither the dataset nor an operator covers throws HolidayDataMissing: guessing would silently
 * move invoice and due dates.
 */
import { y2018, y2019, y2020, y2021, y2022, y2023, y2024, y2025, y2026, y2027 } from '@hyunbinseo/holidays-kr/all';
import {
  addDays,
  addPeriods,
  dayOfWeek,
  firstDayOf,
  isValidIsoDate,
  PERIOD_PATTERN,
  periodOf,
  type IsoDate,
} from './calendar-kst';

type HolidayTable = Readonly<Record<string, readonly string[]>>;

const DATASETS: readonly HolidayTable[] = [y2018, y2019, y2020, y2021, y2022, y2023, y2024, y2025, y2026, y2027];

/** Gazette holidays by date, and the years they cover (taken from the data, not assumed). */
const GAZETTE = new Map<IsoDate, readonly string[]>(DATASETS.flatMap((table) => Object.entries(table)));
const GAZETTE_YEARS: readonly number[] = [...new Set([...GAZETTE.keys()].map((date) => Number(date.slice(0, 4))))].sort(
  (a, b) => a - b,
);

export class HolidayDataMissing extends Error {
  override readonly name = 'HolidayDataMissing';
  constructor(readonly year: number) {
    super(
      `no Korean holiday data for ${year}: load the year's holidays (PUT /v1/holidays/${year}) or update @hyunbinseo/holidays-kr`,
    );
  }
}

/** A holiday an operator added (stored in the database), e.g. a newly declared 임시공휴일. */
export interface ExtraHoliday {
  date: IsoDate;
  name: string;
}

export const HOLIDAY_SOURCES = ['gazette', 'operator'] as const;
export type HolidaySource = (typeof HOLIDAY_SOURCES)[number];

export interface ListedHoliday {
  date: IsoDate;
  names: string[];
  source: HolidaySource;
}

/**
 * A year's holidays as the calendar counts them, by date: each gazette date with its names, then
 * each operator-added one. `covered` is false for a year neither the gazette dataset has nor an
 * operator loaded (`loadedYears`).
 */
export function holidaysOfYear(
  year: number,
  extraHolidays: ReadonlyArray<ExtraHoliday>,
  loadedYears: ReadonlyArray<number> = [],
): { covered: boolean; holidays: ListedHoliday[] } {
  const inYear = (date: IsoDate) => date.startsWith(`${year}-`);
  const holidays: ListedHoliday[] = [
    ...[...GAZETTE]
      .filter(([date]) => inYear(date))
      .map(([date, names]) => ({
        date,
        names: [...names],
        source: 'gazette' as const,
      })),
    ...extraHolidays
      .filter((h) => inYear(h.date))
      .map((h) => ({ date: h.date, names: [h.name], source: 'operator' as const })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  return { covered: GAZETTE_YEARS.includes(year) || loadedYears.includes(year), holidays };
}

export interface BusinessCalendar {
  isBusinessDay(date: IsoDate): boolean;
  /** Gazette and operator holiday names of a date; [] for a plain weekday or weekend. */
  holidayNames(date: IsoDate): string[];
  /** The n-th business day (n ≥ 1) of a `YYYY-MM` month. */
  nthBusinessDayOfMonth(period: string, n: number): IsoDate;
  /** N business days after a date, the date itself not counted (n = 0 gives the date). */
  addBusinessDays(date: IsoDate, n: number): IsoDate;
  nextBusinessDayOnOrAfter(date: IsoDate): IsoDate;
  /** Years the gazette dataset or an operator's loaded list covers; a single added holiday never adds a year. */
  coveredYears(): number[];
}

function assertDate(date: IsoDate): void {
  if (!isValidIsoDate(date)) throw new RangeError(`invalid date "${date}": expected YYYY-MM-DD`);
}

function assertPeriod(period: string): void {
  if (!PERIOD_PATTERN.test(period)) throw new RangeError(`invalid period "${period}": expected YYYY-MM`);
}

function assertCount(n: number, min: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < min) throw new RangeError(`${what} must be an integer ≥ ${min}, got ${n}`);
}

/**
 * `loadedYears`: years whose official holidays an operator loaded (they are among `extraHolidays`),
 * which the calendar then covers even where the gazette dataset does not.
 */
export function createBusinessCalendar(
  extraHolidays: ReadonlyArray<ExtraHoliday> = [],
  loadedYears: ReadonlyArray<number> = [],
): BusinessCalendar {
  const covered = [...new Set([...GAZETTE_YEARS, ...loadedYears])].sort((a, b) => a - b);
  const extra = new Map<IsoDate, string[]>();
  for (const { date, name } of extraHolidays) {
    assertDate(date);
    extra.set(date, [...(extra.get(date) ?? []), name]);
  }

  const holidayNames = (date: IsoDate): string[] => {
    assertDate(date);
    const year = Number(date.slice(0, 4));
    if (!covered.includes(year)) throw new HolidayDataMissing(year);
    return [...(GAZETTE.get(date) ?? []), ...(extra.get(date) ?? [])];
  };

  const isBusinessDay = (date: IsoDate): boolean => {
    const names = holidayNames(date);
    const dow = dayOfWeek(date);
    return dow !== 0 && dow !== 6 && names.length === 0;
  };

  const nextBusinessDayOnOrAfter = (date: IsoDate): IsoDate => {
    let day = date;
    while (!isBusinessDay(day)) day = addDays(day, 1);
    return day;
  };

  const addBusinessDays = (date: IsoDate, n: number): IsoDate => {
    assertDate(date);
    assertCount(n, 0, 'number of business days');
    let day = date;
    for (let counted = 0; counted < n;) {
      day = addDays(day, 1);
      if (isBusinessDay(day)) counted++;
    }
    return day;
  };

  const nthBusinessDayOfMonth = (period: string, n: number): IsoDate => {
    assertPeriod(period);
    assertCount(n, 1, 'business day ordinal');
    const day = addBusinessDays(nextBusinessDayOnOrAfter(firstDayOf(period)), n - 1);
    if (periodOf(day) !== period) throw new RangeError(`${period} has fewer than ${n} business days`);
    return day;
  };

  return {
    isBusinessDay,
    holidayNames,
    nthBusinessDayOfMonth,
    addBusinessDays,
    nextBusinessDayOnOrAfter,
    coveredYears: () => [...covered],
  };
}

export interface InvoiceDeadlines {
  /** Art. 7.1: the 10th business day of the following month. */
  contractDeadline: IsoDate;
  /** VAT Act Art. 34: the 10th of the following month, moved to the next business day when that is a weekend or holiday. */
  legalDeadline: IsoDate;
  /** The date the invoice must be issued by. */
  issueBy: IsoDate;
}

/** Issue deadlines for the invoice of a usage month `YYYY-MM` (SPEC §5). */
export function invoiceDeadlines(period: string, cal: BusinessCalendar): InvoiceDeadlines {
  assertPeriod(period);
  const next = addPeriods(period, 1);
  const contractDeadline = cal.nthBusinessDayOfMonth(next, 10);
  const legalDeadline = cal.nextBusinessDayOnOrAfter(`${next}-10`);
  // The legal deadline is never later than the contract's: the 10th business day falls on or after
  // the 10th calendar day (at most one business day per day) and is itself a business day, so it is
  // on or after the first business day on or after the 10th. The legal date is therefore the earlier.
  return { contractDeadline, legalDeadline, issueBy: legalDeadline };
}

/** Art. 7.1 "청구일로부터 20 영업일까지": the last day to pay, 20 business days after the issue date. */
export function dueDate(issueDate: IsoDate, cal: BusinessCalendar): IsoDate {
  return cal.addBusinessDays(issueDate, 20);
}
