/** An operator adds a holiday the gazette dataset does not have yet, e.g. a newly declared 임시공휴일 (SPEC §5). */
import type { HolidaySource } from '../../domain/business-days';
import { isValidIsoDate } from '../../domain/calendar-kst';
import type { Db } from '../../platform/db';
import { recordAudit } from '../../store/audit';
import { insertHoliday } from '../../store/billing';
import type { Principal } from '../auth';
import { conflict, unprocessable } from '../errors';

export async function addHoliday(
  db: Db,
  principal: Principal,
  holiday: { date: string; name: string },
): Promise<{ date: string; name: string; source: HolidaySource }> {
  if (!isValidIsoDate(holiday.date)) throw unprocessable('invalid_date', `${holiday.date} is not a calendar date`);
  if (!(await insertHoliday(db, { ...holiday, createdBy: principal.actorId })))
    throw conflict('holiday_exists', `${holiday.date} was already added`);
  await recordAudit(db, {
    actor: { type: 'operator', id: principal.actorId },
    action: 'holiday.added',
    subjectType: 'holiday',
    subjectId: holiday.date,
    details: { name: holiday.name },
  });
  return { date: holiday.date, name: holiday.name, source: 'operator' };
}
