/**
 * Cancelling or moving a scheduled message (예약발송, SPEC §4, §7). The message's own workflow
 * decides — it refuses once the message has started (409) — and records the change before it
 * answers, so the message read afterwards shows it. A cancelled message is never sent nor billed.
 */
import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import { checkReschedule, checkScheduleChange, SCHEDULE_CHANGE_REFUSAL } from '../../domain/schedule';
import type { Db } from '../../platform/db';
import { findMessage, type AttemptRow, type MessageRow } from '../../store/messages';
import { messageWorkflowId } from '../../workflows/ids';
import { cancelScheduledUpdate, rescheduleUpdate, SCHEDULE_VIOLATION } from '../../workflows/scheduled-send';
import { maySee, type Principal } from '../auth';
import { ApiError, notFound, ruleViolations } from '../errors';
import { statusOfRule } from '../rule-status';
import { runUpdate } from '../temporal-errors';

export interface ScheduleDeps {
  db: Db;
  temporal: Client;
}

const notScheduled = { code: SCHEDULE_CHANGE_REFUSAL, message: 'the message has finished: it is no longer scheduled' };

/** The caller's scheduled message; 404 when it is not theirs, 409 when it is no longer scheduled. */
async function scheduledMessage(db: Db, principal: Principal, id: string): Promise<MessageRow> {
  const found = await findMessage(db, id);
  if (!found || !maySee(principal, found.message.merchant_id)) throw notFound('message');
  const change = checkScheduleChange(found.message.status);
  if (!change.ok)
    throw new ApiError(statusOfRule(change.violation.code), change.violation.code, change.violation.message);
  return found.message;
}

/**
 * Runs the workflow's Update: its refusals in the API's shape; a workflow the outbox has not
 * started yet is a moment away (503).
 */
function changeSchedule(update: () => Promise<unknown>): Promise<unknown> {
  return runUpdate(
    () =>
      update().catch((err: unknown) => {
        if (err instanceof WorkflowNotFoundError)
          throw new ApiError(503, 'message_starting', 'the message is being set up; retry in a moment');
        throw err;
      }),
    SCHEDULE_VIOLATION,
    notScheduled,
  );
}

async function reread(db: Db, id: string): Promise<{ message: MessageRow; attempts: AttemptRow[] }> {
  return (await findMessage(db, id))!;
}

export async function cancelScheduledMessage(deps: ScheduleDeps, principal: Principal, id: string) {
  await scheduledMessage(deps.db, principal, id);
  await changeSchedule(() =>
    deps.temporal.workflow.getHandle(messageWorkflowId(id)).executeUpdate(cancelScheduledUpdate),
  );
  return reread(deps.db, id);
}

export async function rescheduleMessage(deps: ScheduleDeps, principal: Principal, id: string, requested: string) {
  const message = await scheduledMessage(deps.db, principal, id);
  if (message.type === 'payment_notice') throw notFound('message');
  const checked = checkReschedule({
    type: message.type,
    requested: new Date(requested),
    now: new Date(),
    holdDuringQuietHours: message.hold_during_quiet_hours,
  });
  if (!checked.ok) throw ruleViolations(checked.violations);
  const { scheduledAt, heldUntil, startsAt } = checked.schedule;
  await changeSchedule(() =>
    deps.temporal.workflow.getHandle(messageWorkflowId(id)).executeUpdate(rescheduleUpdate, {
      args: [
        {
          scheduledAt: scheduledAt?.toISOString() ?? null,
          heldUntil: heldUntil?.toISOString() ?? null,
          startsAt: startsAt.toISOString(),
        },
      ],
    }),
  );
  return reread(deps.db, id);
}
