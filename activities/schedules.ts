/** Activities of a scheduled message's wait (workflows/scheduled-send.ts). */
import type { Db } from '../platform/db';
import { setSchedule } from '../store/scheduled-messages';

export function createScheduleActivities({ db }: { db: Db }) {
  return {
    /** Writes a reschedule before the merchant's request is answered, so GET shows the new time. */
    async recordSchedule(input: { messageId: string; scheduledAt: string | null; heldUntil: string | null }) {
      await setSchedule(db, input.messageId, input.scheduledAt, input.heldUntil);
    },
  };
}

export type ScheduleActivities = ReturnType<typeof createScheduleActivities>;
