/**
 * The wait of a scheduled message (예약발송, SPEC §4), inside its MessageWorkflow: a durable timer
 * until the message's time, which the merchant's cancel or reschedule (Updates) interrupts. Once
 * the time has come the message has started: both are refused from then on (a conflict), and the
 * MessageWorkflow re-checks the sending gate before it sends.
 */
import * as wf from '@temporalio/workflow';
import type { ScheduleActivities } from '../activities/schedules';
import { SCHEDULE_CHANGE_REFUSAL } from '../domain/schedule';
import { shortRetries } from './activity-options';

const { recordSchedule } = wf.proxyLocalActivities<ScheduleActivities>(shortRetries('10 seconds'));

/** Histories of messages started before scheduled sends existed carry no scheduled wait. */
export const SCHEDULED_SEND_PATCH = 'scheduled-send';

/** A reschedule as the API decided it (domain/schedule.ts checkReschedule), times in ISO-8601. */
export interface RescheduleRequest {
  scheduledAt: string | null;
  heldUntil: string | null;
  startsAt: string;
}

export const cancelScheduledUpdate = wf.defineUpdate<{ status: 'cancelled' }, []>('cancel');
export const rescheduleUpdate = wf.defineUpdate<{ status: 'scheduled' | 'started' }, [RescheduleRequest]>('reschedule');

/** Error type of a refused cancel or reschedule; details carry the `{code, message}` for the API. */
export const SCHEDULE_VIOLATION = 'ScheduleViolation';

/**
 * Waits until `startsAt` (moved by reschedules). True when the merchant cancelled the message
 * first: `cancel` has then recorded it, before the cancel request is answered.
 */
export async function cancelledBeforeItsTime(
  input: { messageId: string; scheduledAt?: string | null },
  cancel: () => Promise<void>,
): Promise<boolean> {
  if (!input.scheduledAt || !wf.patched(SCHEDULED_SEND_PATCH)) return false;
  let startsAt = Date.parse(input.scheduledAt);
  let state = 'waiting' as 'waiting' | 'cancelled' | 'started';
  let cancelRecorded = false;

  const refuseUnlessWaiting = () => {
    if (state === 'waiting') return;
    const message = `the message is ${state === 'started' ? 'already being sent' : 'cancelled'}: it can no longer be cancelled or rescheduled`;
    throw wf.ApplicationFailure.create({
      type: SCHEDULE_VIOLATION,
      message,
      details: [{ code: SCHEDULE_CHANGE_REFUSAL, message }],
      nonRetryable: true,
    });
  };
  wf.setHandler(
    cancelScheduledUpdate,
    async () => {
      state = 'cancelled';
      await wf.condition(() => cancelRecorded);
      return { status: 'cancelled' as const };
    },
    { validator: refuseUnlessWaiting },
  );
  wf.setHandler(
    rescheduleUpdate,
    async (change) => {
      // The timer moves at once; the row follows before the merchant is answered.
      startsAt = Date.parse(change.startsAt);
      await recordSchedule({
        messageId: input.messageId,
        scheduledAt: change.scheduledAt,
        heldUntil: change.heldUntil,
      });
      return { status: state === 'started' ? ('started' as const) : ('scheduled' as const) };
    },
    { validator: (_change: RescheduleRequest) => refuseUnlessWaiting() },
  );

  while (state === 'waiting') {
    const at = startsAt;
    if (at <= Date.now()) break;
    await wf.condition(() => state !== 'waiting' || startsAt !== at, at - Date.now());
  }
  if (state === 'cancelled') {
    await cancel();
    cancelRecorded = true;
    return true;
  }
  state = 'started';
  return false;
}
