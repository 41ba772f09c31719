/** Times in answers are ISO-8601 with the Korean offset (SPEC §7: "with offset"). */
import { toKstIso } from '../domain/calendar-kst';

export function iso(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return toKstIso(value instanceof Date ? value : new Date(value));
}
