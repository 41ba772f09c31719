/** Scheduled messages (예약발송, SPEC §4, §7): cancel one, or move it, until it starts. */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Router } from 'express';
import { messageView } from '../../store/message-view';
import type { AttemptRow, MessageRow } from '../../store/messages';
import { z } from '../openapi';
import { cancelScheduledMessage, rescheduleMessage, type ScheduleDeps } from '../operations/change-schedule';
import { defineRoute, notYours } from '../route';
import { IdParams } from '../schemas/common';
import { Message } from '../schemas/messages';

const RescheduleBody = z
  .object({
    scheduledAt: z.iso.datetime({ offset: true }).openapi({
      description: 'the new time, at most one year ahead; in the past or now = at once',
      example: '2026-12-24T09:00:00+09:00',
    }),
  })
  .strict()
  .openapi('RescheduleRequest');

const EmptyBody = z.object({}).strict();

/** Both routes answer with the message as it now is… */
const answer = ({ message, attempts }: { message: MessageRow; attempts: AttemptRow[] }) => ({
  status: 200,
  body: messageView(message, attempts),
});
/** …and refuse one that is not scheduled (any more). */
const NOT_SCHEDULED = {
  404: notYours('message'),
  409: 'The message is not scheduled (any more): it has started or finished',
};

export function scheduledMessageRoutes(router: Router, registry: OpenAPIRegistry, deps: ScheduleDeps): void {
  defineRoute(router, registry, {
    method: 'post',
    path: '/v1/messages/:id/cancel',
    tag: 'Messages',
    summary: 'Cancel a scheduled message: it is never sent nor billed (webhook message.cancelled)',
    access: 'authenticated',
    params: IdParams,
    body: EmptyBody.optional(),
    responses: {
      200: { description: 'Cancelled', schema: Message },
      ...NOT_SCHEDULED,
    },
    handler: async ({ params, principal }) => answer(await cancelScheduledMessage(deps, principal, params.id)),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/v1/messages/:id/reschedule',
    tag: 'Messages',
    summary:
      'Move a scheduled message to another time (a FriendTalk not into 20:50–08:00 KST unless it asked to be held)',
    access: 'authenticated',
    params: IdParams,
    body: RescheduleBody,
    responses: {
      200: { description: 'Rescheduled', schema: Message },
      ...NOT_SCHEDULED,
      422: 'The new time is more than a year ahead, or in the ad quiet hours',
    },
    handler: async ({ params, body, principal }) =>
      answer(await rescheduleMessage(deps, principal, params.id, body.scheduledAt)),
  });
}
