/**
 * Payment events from the payment gateway (SPEC §7, form §2가, Art. 2.2): each becomes payment
 * notices to the merchant's receiving numbers and/or the buyer, decided by the contract's services.
 */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Client } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { Router } from 'express';
import { planFallback } from '../../domain/message';
import {
  checkPaymentEvent,
  PAYMENT_EVENTS,
  planPaymentNotices,
  renderNotice,
  type PaymentMethod,
} from '../../domain/payment-notices';
import { maskPhone, parseRecipient } from '../../domain/phone';
import { checkSendingGate } from '../../domain/sending-gate';
import { COMPANY_SENDER_NUMBER } from '../../domain/services';
import type { Config } from '../../platform/config';
import type { Db } from '../../platform/db';
import { newId } from '../../platform/ids';
import { contractOfMid, gateContract } from '../../store/contracts';
import { findMerchant } from '../../store/merchants';
import { messageView } from '../../store/message-view';
import { attemptsOf, insertMessages, listMessages, type MessageRow, type NewMessage } from '../../store/messages';
import {
  findPaymentEvent,
  insertPaymentEvent,
  noticeIdsOf,
  paymentEventsOf,
  type PaymentEventRow,
} from '../../store/payment-events';
import type { MessageWorkflowInput } from '../../workflows/message';
import { PaymentNoticeWorkflow } from '../../workflows/payment-notice';
import { MerchantId } from '../../workflows/search-attributes';
import { TASK_QUEUES } from '../../workflows/task-queues';
import { canSee, type Principal } from '../auth';
import { notFound, ruleViolations } from '../errors';
import { z } from '../openapi';
import { defineRoute } from '../route';
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
        dueDate: z.iso.date(),
      })
      .strict()
      .optional()
      .openapi({ description: 'the virtual account, for vbank_issued' }),
  })
  .strict()
  .openapi('PaymentEvent');

const Skipped = z.object({ audience: z.enum(['merchant', 'buyer']), reason: z.string(), message: z.string() });

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
        status: z.enum(['sending', 'completed']),
        createdAt: z.string(),
        skipped: z.array(Skipped),
        notices: z.array(Message.extend({ audience: z.enum(['merchant', 'buyer']).nullable() })),
      }),
    ),
  })
  .openapi('PaymentNotices');

export const paymentNoticeWorkflowId = (mid: string, tid: string, event: string) =>
  `payment-notice-${mid}-${tid}-${event}`;

const noticeInput = (m: Pick<MessageRow, 'id' | 'merchant_id' | 'fallback'>, config: Config): MessageWorkflowInput => ({
  messageId: m.id,
  merchantId: m.merchant_id,
  kind: 'payment_notice',
  channel: 'alimtalk',
  fallback: m.fallback?.channel ?? null,
  notBefore: null,
  kakaoResultTimeoutMs: config.kakaoResultTimeoutMs,
  resultWindowMs: config.resultWindowMs,
});

export function paymentEventRoutes(
  router: Router,
  registry: OpenAPIRegistry,
  deps: { db: Db; temporal: Client; config: Config },
): void {
  const { db, temporal, config } = deps;

  const startNotices = async (
    e: Pick<PaymentEventRow, 'id' | 'merchant_id' | 'mid' | 'tid' | 'event'>,
    notices: MessageWorkflowInput[],
  ) => {
    try {
      await temporal.workflow.start(PaymentNoticeWorkflow, {
        workflowId: paymentNoticeWorkflowId(e.mid, e.tid, e.event),
        taskQueue: TASK_QUEUES.messages,
        // One run per (mid, tid, event), ever: a repeated event must not notify again.
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        args: [{ paymentEventId: e.id, merchantId: e.merchant_id, notices }],
        typedSearchAttributes: [{ key: MerchantId, value: e.merchant_id }],
      });
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    }
  };

  /** The same (mid, tid, event) again: nothing new, the first answer again. */
  const replay = async (existing: PaymentEventRow) => {
    if (existing.status !== 'completed') {
      const page = await listMessages(db, { paymentNoticeId: existing.id, limit: 1000 });
      await startNotices(
        existing,
        page.rows.map((m) => noticeInput(m, config)),
      );
    }
    return {
      status: 202,
      body: { paymentEventId: existing.id, notices: await noticeIdsOf(db, existing.id), skipped: existing.skipped },
      headers: { 'Idempotent-Replayed': 'true' },
    };
  };

  const visibleMid = async (mid: string, principal: Principal) => {
    const owner = await contractOfMid(db, mid);
    if (!owner || (principal.role === 'merchant' && owner.merchantId !== principal.merchantId)) {
      throw ruleViolations([
        { code: 'mid_not_found', message: `MID ${mid} is not on an active contract of yours`, field: 'mid' },
      ]);
    }
    return owner;
  };

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
      422: { description: 'A rule refused the event (method, MID, contract)' },
    },
    handler: async ({ body, principal }) => {
      const violations = checkPaymentEvent(body);
      if (violations.length) throw ruleViolations(violations);
      const owner = await visibleMid(body.mid, principal);
      const existing = await findPaymentEvent(db, body.mid, body.tid, body.event);
      if (existing) return replay(existing);

      const buyerPhone = body.buyer?.phone !== undefined ? parseRecipient(body.buyer.phone) : undefined;
      if (body.buyer?.phone !== undefined && !buyerPhone)
        throw ruleViolations([
          {
            code: 'invalid_buyer_phone',
            message: `"${body.buyer.phone}" is not a Korean mobile number`,
            field: 'buyer.phone',
          },
        ]);
      const contract = await gateContract(db, owner.merchantId);
      const gate = checkSendingGate(contract?.id === owner.contractId ? contract : undefined, {
        kind: 'payment_notice',
        from: null,
        fallback: null,
        recipientOptedOut: false,
      });
      if (!gate.ok) throw ruleViolations([gate.violation]);
      const [merchant, contractRow] = await Promise.all([
        findMerchant(db, owner.merchantId),
        db('contracts').where({ id: owner.contractId }).first('services', 'receiver_numbers'),
      ]);

      const method = body.method as PaymentMethod;
      const plan = planPaymentNotices(contractRow.services.paymentNotice, body.event, method, {
        merchantReceivers: contractRow.receiver_numbers,
        buyerPhone: buyerPhone?.digits ?? null,
      });
      const paymentEventId = newId('pev');
      const now = new Date().toISOString();
      const messages: NewMessage[] = plan.notices.map((n) => {
        const rendered = renderNotice(n.kind, { ...body, method }, merchant!.name);
        // Form §2가: a notice Kakao cannot deliver goes out as SMS (LMS when it does not fit 80 bytes).
        const fallback = planFallback(rendered.text, { enabled: true, text: rendered.smsText }, config.smsByteLimit);
        return {
          id: newId('msg'),
          merchantId: owner.merchantId,
          contractId: owner.contractId,
          type: 'payment_notice',
          recipient: n.to,
          recipientMasked: maskPhone(n.to),
          senderNumber: COMPANY_SENDER_NUMBER,
          text: rendered.text,
          subject: null,
          templateCode: rendered.templateCode,
          variables: null,
          imageUrl: null,
          fallback: fallback.ok ? fallback.plan : null,
          reference: `${body.mid}/${body.tid}/${body.event}`,
          paymentNoticeId: paymentEventId,
          noticeAudience: n.audience,
          idempotencyKey: null,
          requestHash: null,
          notBefore: null,
          createdAt: now,
        };
      });

      const row = {
        id: paymentEventId,
        contract_id: owner.contractId,
        merchant_id: owner.merchantId,
        mid: body.mid,
        tid: body.tid,
        event: body.event,
        method,
        amount: body.amount,
        product_name: body.productName,
        buyer_name: body.buyer?.name ?? null,
        buyer_phone: buyerPhone?.digits ?? null,
        vbank: body.vbank ?? null,
        skipped: plan.skipped,
      };
      const fresh = await db.transaction(async (trx) => {
        if (!(await insertPaymentEvent(trx, row))) return false;
        await insertMessages(trx, messages);
        await startNotices(
          row,
          messages.map((m) => noticeInput({ id: m.id, merchant_id: m.merchantId, fallback: m.fallback }, config)),
        );
        return true;
      });
      if (!fresh) return replay((await findPaymentEvent(db, body.mid, body.tid, body.event))!);
      return {
        status: 202,
        body: { paymentEventId, notices: messages.map((m) => m.id).sort(), skipped: plan.skipped },
      };
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
      404: { description: 'No such payment, or not yours' },
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
