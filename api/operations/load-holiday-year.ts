/**
 * An operator loads a year's official holidays (SPEC §5): they replace the operator-entered
 * holidays of that year and make the year covered, so invoices dated in it no longer wait for a
 * dataset upgrade. Audited.
 */
import type { ExtraHoliday } from '../../domain/business-days';
import { isValidIsoDate } from '../../domain/calendar-kst';
import type { Db } from '../../platform/db';
import { recordAudit } from '../../store/audit';
import { loadHolidayYear as storeYear } from '../../store/billing';
import type { Principal } from '../auth';
import { unprocessable } from '../errors';

export async function loadHolidayYear(
  db: Db,
  principal: Principal,
  input: { year: number; holidays: ExtraHoliday[] },
): Promise<void> {
  const seen = new Set<string>();
  for (const [i, h] of input.holidays.entries()) {
    if (!isValidIsoDate(h.date))
      throw unprocessable('invalid_date', `${h.date} is not a calendar date`, { field: `holidays.${i}.date` });
    if (!h.date.startsWith(`${input.year}-`))
      throw unprocessable('date_outside_year', `${h.date} is not in ${input.year}`, { field: `holidays.${i}.date` });
    if (seen.has(h.date))
      throw unprocessable('duplicate_date', `${h.date} is listed twice: give one entry per date`, {
        field: `holidays.${i}.date`,
      });
    seen.add(h.date);
  }
  const { replaced } = await storeYear(db, { ...input, loadedBy: principal.actorId });
  await recordAudit(db, {
    actor: { type: 'operator', id: principal.actorId },
    action: 'holiday.year_loaded',
    subjectType: 'holiday_year',
    subjectId: String(input.year),
    details: { holidays: input.holidays.length, replaced },
  });
}
