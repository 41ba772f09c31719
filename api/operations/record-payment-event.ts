/**
 * The payment gateway reports a payment event (SPEC §7, form §2가, Art. 2.2): it becomes payment
 * notices to the merchant's receiving numbers and/or the buyer, as the contract applied for. The
 * event, its notices and their PaymentNoticeWorkflow are created together; the same (mid, tid,
 * event) again creates nothing and answers with the first notices.
 */
import type { Client } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { planFallback } from '../../domain/message';
import {
  checkPaymentEvent,
  planPaymentNotices,
  renderNotice,
  type PaymentEvent,
  type PaymentMethod,
  type SkippedNotice,
} from '../../domain/payment-notices';
import { maskPhone, parseRecipient } from '../../domain/phone';
import { checkSendingGate } from '../../domain/sending-gate';
import { COMPANY_SENDER_NUMBER } from '../../domain/services';
import type { Config } from '../../platform/config';
import type { Db } from '../../platform/db';
import { newId } from '../../platform/ids';
import { contractOfMid, gateContract } from '../../store/contracts';
import { findMerchant } from '../../store/merchants';
import { listMessages, type MessageRow, type NewMessage } from '../../store/messages';
import {
  findPaymentEvent,
  insertPaymentEventWithNotices,
  noticeAudienceOf,
  noticeIdsOf,
  type NewPaymentEvent,
  type PaymentEventRow,
} from '../../store/payment-events';
import { paymentNoticeWorkflowId } from '../../workflows/ids';
import type { MessageWorkflowInput } from '../../workflows/message';
import { PaymentNoticeWorkflow } from '../../workflows/payment-notice';
import { MerchantId } from '../../workflows/search-attributes';
import { TASK_QUEUES } from '../../workflows/task-queues';
import type { Principal } from '../auth';
import { ruleViolations } from '../errors';

export interface PaymentEventDeps {
  db: Db;
  temporal: Client;
  config: Config;
}

export interface RecordedPaymentEvent {
  paymentEventId: string;
  /** Ids of the notices (messages), sorted. */
  notices: string[];
  skipped: SkippedNotice[];
  /** True when the same (mid, tid, event) was recorded before: nothing new was sent. */
  replayed: boolean;
}

export async function recordPaymentEvent(
  deps: PaymentEventDeps,
  principal: Principal,
  event: PaymentEvent,
): Promise<RecordedPaymentEvent> {
  const { db, config } = deps;
  const violations = checkPaymentEvent(event);
  if (violations.length) throw ruleViolations(violations);
  const owner = await visibleMid(db, event.mid, principal);
  const existing = await findPaymentEvent(db, event.mid, event.tid, event.event);
  if (existing) return replay(deps, existing);

  const buyerPhone = event.buyer?.phone !== undefined ? parseRecipient(event.buyer.phone) : undefined;
  if (event.buyer?.phone !== undefined && !buyerPhone)
    throw ruleViolations([
      {
        code: 'invalid_buyer_phone',
        message: `"${event.buyer.phone}" is not a Korean mobile number`,
        field: 'buyer.phone',
      },
    ]);
  const gate = checkSendingGate(await gateContract(db, owner.merchantId), {
    kind: 'payment_notice',
    from: COMPANY_SENDER_NUMBER,
    fallback: null,
    recipientOptedOut: false,
    contractId: owner.contractId,
  });
  if (!gate.ok) throw ruleViolations([gate.violation]);
  const [merchant, audience] = await Promise.all([
    findMerchant(db, owner.merchantId),
    noticeAudienceOf(db, owner.contractId),
  ]);

  const method = event.method as PaymentMethod;
  const plan = planPaymentNotices(audience.services, event.event, method, {
    merchantReceivers: audience.receiverNumbers,
    buyerPhone: buyerPhone?.digits ?? null,
  });
  const paymentEventId = newId('pev');
  const now = new Date().toISOString();
  const notices: NewMessage[] = plan.notices.map((n) => {
    const rendered = renderNotice(n.kind, { ...event, method }, merchant!.name);
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
      imageId: null,
      fallback: fallback.ok ? fallback.plan : null,
      reference: `${event.mid}/${event.tid}/${event.event}`,
      paymentNoticeId: paymentEventId,
      noticeAudience: n.audience,
      idempotencyKey: null,
      requestHash: null,
      notBefore: null,
      createdAt: now,
    };
  });

  const row: NewPaymentEvent = {
    id: paymentEventId,
    contract_id: owner.contractId,
    merchant_id: owner.merchantId,
    mid: event.mid,
    tid: event.tid,
    event: event.event,
    method,
    amount: event.amount,
    product_name: event.productName,
    buyer_name: event.buyer?.name ?? null,
    buyer_phone: buyerPhone?.digits ?? null,
    vbank: event.vbank ?? null,
    skipped: plan.skipped,
  };
  const fresh = await insertPaymentEventWithNotices(db, row, notices, () =>
    startNotices(
      deps,
      row,
      notices.map((m) => noticeInput({ id: m.id, merchant_id: m.merchantId, fallback: m.fallback }, config)),
    ),
  );
  // Another request recorded the same event meanwhile: its answer is the answer.
  if (!fresh) return replay(deps, (await findPaymentEvent(db, event.mid, event.tid, event.event))!);
  return { paymentEventId, notices: notices.map((m) => m.id).sort(), skipped: plan.skipped, replayed: false };
}

/** The MID must be on a live contract, and on the caller's own when a merchant calls. */
async function visibleMid(db: Db, mid: string, principal: Principal) {
  const owner = await contractOfMid(db, mid);
  if (!owner || (principal.role === 'merchant' && owner.merchantId !== principal.merchantId)) {
    throw ruleViolations([
      { code: 'mid_not_found', message: `MID ${mid} is not on an active contract of yours`, field: 'mid' },
    ]);
  }
  return owner;
}

/** The same (mid, tid, event) again: nothing new, the first answer again (its notices still start if they had not). */
async function replay(deps: PaymentEventDeps, existing: PaymentEventRow): Promise<RecordedPaymentEvent> {
  if (existing.status !== 'completed') {
    const page = await listMessages(deps.db, { paymentNoticeId: existing.id, limit: 1000 });
    await startNotices(
      deps,
      existing,
      page.rows.map((m) => noticeInput(m, deps.config)),
    );
  }
  return {
    paymentEventId: existing.id,
    notices: await noticeIdsOf(deps.db, existing.id),
    skipped: existing.skipped,
    replayed: true,
  };
}

async function startNotices(
  deps: PaymentEventDeps,
  e: Pick<PaymentEventRow, 'id' | 'merchant_id' | 'mid' | 'tid' | 'event'>,
  notices: MessageWorkflowInput[],
): Promise<void> {
  try {
    await deps.temporal.workflow.start(PaymentNoticeWorkflow, {
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
}

/** A notice is an AlimTalk with its SMS/LMS fallback, like any message, billed as a payment notice (Art. 6.3). */
const noticeInput = (m: Pick<MessageRow, 'id' | 'merchant_id' | 'fallback'>, config: Config): MessageWorkflowInput => ({
  messageId: m.id,
  merchantId: m.merchant_id,
  kind: 'payment_notice',
  channel: 'alimtalk',
  fallback: m.fallback?.channel ?? null,
  notBefore: null,
  kakaoResultTimeoutMs: config.kakaoResultTimeoutMs,
  resultWindowMs: config.resultWindowMs,
  sendDeadlines: config.sendDeadlines,
});
