/**
 * PaymentNoticeWorkflow (`payment-notice-<mid>-<tid>-<event>`): one payment event from the gateway
 * (SPEC §3–4, form §2가). The API decided who is notified and stored each notice as a message;
 * here each notice runs as its own MessageWorkflow (a child): AlimTalk first, SMS from 1588-4954
 * when Kakao cannot deliver. One workflow id per (mid, tid, event): the same event twice is one run.
 */
import * as wf from '@temporalio/workflow';
import type { PaymentNoticeActivities } from '../activities/payment-notices';
import type { MessageOutcome } from '../domain/delivery';
import { messageWorkflowId } from './ids';
import { MessageWorkflow, type MessageWorkflowInput } from './message';
import { MerchantId, MessageStatus, MessageType, tracksSearchAttributes } from './search-attributes';
import { TASK_QUEUES } from './task-queues';

const { completePaymentEvent } = wf.proxyActivities<PaymentNoticeActivities>({ startToCloseTimeout: '30 seconds' });

export interface PaymentNoticeInput {
  paymentEventId: string;
  merchantId: string;
  notices: MessageWorkflowInput[];
}

export async function PaymentNoticeWorkflow(
  input: PaymentNoticeInput,
): Promise<{ messageId: string; outcome: MessageOutcome }[]> {
  const tracked = tracksSearchAttributes();
  const outcomes = await Promise.all(
    input.notices.map(async (notice) => ({
      messageId: notice.messageId,
      outcome: await wf.executeChild(MessageWorkflow, {
        workflowId: messageWorkflowId(notice.messageId),
        taskQueue: TASK_QUEUES.messages,
        args: [notice],
        // A notice, once accepted, finishes even if this parent is terminated.
        parentClosePolicy: 'ABANDON',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        ...(tracked
          ? {
              typedSearchAttributes: [
                { key: MerchantId, value: input.merchantId },
                { key: MessageType, value: 'payment_notice' },
                { key: MessageStatus, value: 'accepted' },
              ],
            }
          : {}),
      }),
    })),
  );
  await completePaymentEvent({ paymentEventId: input.paymentEventId });
  return outcomes;
}
