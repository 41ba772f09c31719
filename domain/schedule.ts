/**
 * Scheduled sends (예약발송, SPEC §4): a message may name the time it goes out, at most one year
 * ahead; a time in the past or now means at once. Until it starts the merchant may cancel it or
 * move it, and a FriendTalk moved into Kakao's ad quiet hours is refused unless it asked to be held.
 */
import { checkQuietHours, isAdType } from './advertising';
import { addKstMonths, toKstIso } from './calendar-kst';
import type { MessageType } from './message-types';
import { refuse, type Refusal, type RuleViolation } from './rules';

/** How far ahead a send may be scheduled: one calendar year (Solapi offers 6 months, NHN Cloud 60 days). */
export const MAX_SCHEDULE_MONTHS = 12;

/** The latest time a message requested at `now` may be scheduled for. */
export const latestScheduleTime = (now: Date): Date => addKstMonths(now, MAX_SCHEDULE_MONTHS);

/** When a message goes out: `null` is at once (no time, or a time already come). */
export type ScheduleCheck = { ok: true; at: Date | null } | Refusal<'scheduled_too_far'>;

export function checkScheduledAt(requested: Date | undefined, now: Date): ScheduleCheck {
  if (requested === undefined || +requested <= +now) return { ok: true, at: null };
  const latest = latestScheduleTime(now);
  if (+requested > +latest)
    return refuse(
      'scheduled_too_far',
      `scheduledAt may be at most one year ahead (until ${toKstIso(latest)}); ${toKstIso(requested)} is later`,
      { field: 'scheduledAt', latest: toKstIso(latest) },
    );
  return { ok: true, at: requested };
}

/** The status an accepted message starts in: `scheduled` when its time is still to come. */
export const acceptedStatus = (requested: string | undefined, now: Date): 'accepted' | 'scheduled' => {
  const time = checkScheduledAt(requested === undefined ? undefined : new Date(requested), now);
  return time.ok && time.at ? 'scheduled' : 'accepted';
};

/** A scheduled message's new time, as `POST /v1/messages/:id/reschedule` asks for it. */
export interface Reschedule {
  type: MessageType;
  requested: Date;
  now: Date;
  /** The message asked to be held until 08:00 KST rather than refused in the ad quiet hours. */
  holdDuringQuietHours: boolean;
}

/** Where a rescheduled message now stands: when it is due, and when a held FriendTalk really starts. */
export interface NewSchedule {
  /** The time the merchant asked for (null: at once). */
  scheduledAt: Date | null;
  /** A FriendTalk whose time falls in the quiet hours, held until Kakao's ad window opens. */
  heldUntil: Date | null;
  /** When the message starts: its time, or the end of the hold. */
  startsAt: Date;
}

export function checkReschedule(
  r: Reschedule,
): { ok: true; schedule: NewSchedule } | { ok: false; violations: RuleViolation[] } {
  const time = checkScheduledAt(r.requested, r.now);
  if (!time.ok) return { ok: false, violations: [time.violation] };
  const due = time.at ?? r.now;
  const quiet = isAdType(r.type) ? checkQuietHours(due, r.holdDuringQuietHours) : { violations: [] };
  if (quiet.violations.length) return { ok: false, violations: quiet.violations };
  const heldUntil = quiet.notBefore ?? null;
  return { ok: true, schedule: { scheduledAt: time.at, heldUntil, startsAt: heldUntil ?? due } };
}

/** Only a message still waiting for its time can be cancelled or moved (a conflict otherwise). */
export const SCHEDULE_CHANGE_REFUSAL = 'message_not_scheduled';

export function checkScheduleChange(status: string): { ok: true } | Refusal<typeof SCHEDULE_CHANGE_REFUSAL> {
  if (status === 'scheduled') return { ok: true };
  return refuse(
    SCHEDULE_CHANGE_REFUSAL,
    `the message is ${status}: only a scheduled message that has not started can be cancelled or rescheduled`,
    { status },
  );
}
