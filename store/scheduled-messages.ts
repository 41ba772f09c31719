/** The time of a scheduled message (예약발송, SPEC §4), as the merchant moved it. */
import type { Knex } from 'knex';

/** A reschedule: the new time, and until when a FriendTalk in the ad quiet hours is held. */
export async function setSchedule(
  db: Knex,
  messageId: string,
  scheduledAt: string | null,
  heldUntil: string | null,
): Promise<void> {
  await db('messages').where({ id: messageId }).update({ scheduled_at: scheduledAt, not_before: heldUntil });
}
