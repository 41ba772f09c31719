/**
 * Korea Standard Time (UTC+9, no daylight saving since 1988): converting instants to Korean
 * calendar dates and back without a time-zone database, so workflows can use it deterministically.
 */
export const KST_OFFSET_MS = 9 * 3_600_000;

/** A calendar date `YYYY-MM-DD`. */
export type IsoDate = string;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The Korean calendar date of an instant. */
export function kstDate(at: Date | number): IsoDate {
  return new Date(+at + KST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a Korean calendar date begins (00:00 KST), optionally at a given KST hour. */
export function kstStartOf(date: IsoDate, hour = 0, minute = 0): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d, hour, minute) - KST_OFFSET_MS);
}

/** An instant as ISO-8601 in KST: 2026-11-25T18:00:00.000+09:00. */
export function toKstIso(at: Date | number): string {
  const shifted = new Date(+at + KST_OFFSET_MS).toISOString();
  return `${shifted.slice(0, 23)}+09:00`;
}

/** A stored time (instant or ISO text) as KST ISO-8601, null when there is none: how answers show times (SPEC §7). */
export function toKstIsoOrNull(at: Date | string | null | undefined): string | null {
  if (at === null || at === undefined) return null;
  return toKstIso(at instanceof Date ? at : new Date(at));
}

export function isValidIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(+d) && d.toISOString().slice(0, 10) === text;
}

/** Adds days to a calendar date. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Adds calendar months, clamping to the month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return `${first.getUTCFullYear()}-${pad(first.getUTCMonth() + 1)}-${pad(Math.min(d, last))}`;
}

/** The same instant a number of calendar months later in Korea (term ends, 3-month clocks). */
export function addKstMonths(at: Date | number, months: number): Date {
  const start = +at + KST_OFFSET_MS;
  const day = new Date(start).toISOString().slice(0, 10);
  const timeOfDay = start % 86_400_000;
  return new Date(Date.parse(`${addMonths(day, months)}T00:00:00Z`) + timeOfDay - KST_OFFSET_MS);
}

/** Day of week of a calendar date: 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** A usage month (billing period), `YYYY-MM`. */
export const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** `YYYY-MM` of a calendar date, and the first day of a `YYYY-MM` period. */
export const periodOf = (date: IsoDate) => date.slice(0, 7);
export const firstDayOf = (period: string): IsoDate => `${period}-01`;

/** The Korean month (`YYYY-MM`) an instant falls in. */
export const kstPeriod = (at: Date | number) => periodOf(kstDate(at));

/** The `YYYY-MM` month `months` after a period (before it when negative). */
export const addPeriods = (period: string, months: number) => periodOf(addMonths(firstDayOf(period), months));
