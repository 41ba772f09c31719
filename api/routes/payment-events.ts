/**
 * Payment events from the payment gateway (SPEC §7, form §2가, Art. 2.2): each becomes payment
 * notices to the merchant's receiving numbers and/or the buyer, decided by the contract's services.
 */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Router } from 'express';
import { AUDIENCES, PAYMENT_EVENT_STATUSES, PAYMENT_EVENTS } from '../../domain/payment-notices';
import { messageView } from '../../store/message-view';
import { attemptsOf, listMessages } from '../../store/messages';
import { paymentEventsOf } from '../../store/payment-events';
import { canSee } from '../auth';
import { notFound } from '../errors';
import { z } from '../openapi';
import { recordPaymentEvent, type PaymentEventDeps } from '../operations/record-payment-event';
import { defineRoute, notYours } from '../route';
import { DateInput } from '../schemas/common';
import { Message } from '../schemas/messages';
import { iso } from '../time';

const PaymentEventBody = z
  .object({
    mid: z.string().min(1).max(40),
    tid: z.string().min(1).max(64),
    event: z.enum(PAYMENT_EVENTS),
    method: z
      .string()
      .min(1)
      .max(20)
      .openapi({ description: 'card | vbank | transfer | mobile (Art. 2.2: no other method carries notices)' }),
    amount: z.number().int().min(0).openapi({ description: 'won' }),
    productName: z.string().trim().min(1).max(100),
    buyer: z
      .object({ name: z.string().max(50).optional(), phone: z.string().max(20).optional() })
      .strict()
      .optional(),
    vbank: z
      .object({
        bank: z.string().min(1).max(30),
        accountNumber: z.string().min(1).max(30),
        holder: z.string().min(1).max(50),
        dueDate: DateInput,
      })
      .strict()
      .optional()
      .openapi({ description: 'the virtual account, for vbank_issued' }),
  })
  .strict()
  .openapi('PaymentEvent');

const Skipped = z.object({ audience: z.enum(AUDIENCES), reason: z.string(), message: z.string() });

const PaymentEventAccepted = z
  .object({
    paymentEventId: z.string(),
    notices: z.array(z.string()).openapi({ description: 'ids of the notices (messages)' }),
    skipped: z.array(Skipped),
  })
  .openapi('PaymentEventAccepted');

const PaymentNotices = z
  .object({
    mid: z.string(),
    tid: z.string(),
    events: z.array(
      z.object({
        id: z.string(),
        event: z.enum(PAYMENT_EVENTS),
        method: z.string(),
        amount: z.number().int(),
        productName: z.string(),
        status: z.enum(PAYMENT_EVENT_STATUSES),
        createdAt: z.string(),
        skipped: z.array(Skipped),
        notices: z.array(Message.extend({ audience: z.enum(AUDIENCES).nullable() })),
      }),
    ),
  })
  .openapi('PaymentNotices');

export function paymentEventRoutes(router: Router, registry: OpenAPIRegistry, deps: PaymentEventDeps): void {
  const { db } = deps;

  defineRoute(router, registry, {
    method: 'post',
    path: '/v1/payment-events',
    tag: 'Payment notices',
    summary: 'Report a payment event; its payment notices go out (결제 알림톡)',
    description:
      'card/vbank/transfer/mobile only (Art. 2.2). Merchant-target notices go to every receiving number of the contract, buyer-target notices to the buyer, as the contract applied for; a virtual account’s approval notice goes out at `vbank_deposited`. The same (mid, tid, event) twice sends nothing new and answers with the first notices.',
    access: 'authenticated',
    body: PaymentEventBody,
    responses: {
      202: { description: 'Notices accepted', schema: PaymentEventAccepted },
      422: 'A rule refused the event (method, MID, contract)',
    },
    handler: async ({ body, principal }) => {
      const { replayed, ...recorded } = await recordPaymentEvent(deps, principal, body);
      return { status: 202, body: recorded, ...(replayed ? { headers: { 'Idempotent-Replayed': 'true' } } : {}) };
    },
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/v1/payment-events/:mid/:tid',
    tag: 'Payment notices',
    summary: 'The notices of one payment (every event of the tid) with each notice’s status',
    access: 'authenticated',
    params: z.object({ mid: z.string().min(1).max(40), tid: z.string().min(1).max(64) }),
    responses: {
      200: { description: 'Events and their notices', schema: PaymentNotices },
      404: notYours('payment'),
    },
    handler: async ({ params, res }) => {
      const events = (await paymentEventsOf(db, params.mid, params.tid)).filter((e) => canSee(res, e.merchant_id));
      if (!events.length) throw notFound('payment');
      const body = {
        mid: params.mid,
        tid: params.tid,
        events: await Promise.all(
          events.map(async (e) => {
            const page = await listMessages(db, { paymentNoticeId: e.id, limit: 1000 });
            const attempts = await attemptsOf(
              db,
              page.rows.map((m) => m.id),
            );
            return {
              id: e.id,
              event: e.event,
              method: e.method,
              amount: e.amount,
              productName: e.product_name,
              status: e.status,
              createdAt: iso(e.created_at),
              skipped: e.skipped,
              notices: page.rows.map((m) => ({
                ...messageView(m, attempts.get(m.id) ?? []),
                audience: m.notice_audience,
              })),
            };
          }),
        ),
      };
      return { status: 200, body };
    },
  });
}
