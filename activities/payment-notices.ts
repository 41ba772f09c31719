/** Activities of the PaymentNoticeWorkflow. */
import type { Db } from '../platform/db';
import { completePaymentEvent } from '../store/payment-events';

export function createPaymentNoticeActivities({ db }: { db: Db }) {
  return {
    async completePaymentEvent(input: { paymentEventId: string }): Promise<void> {
      await completePaymentEvent(db, input.paymentEventId);
    },
  };
}

export type PaymentNoticeActivities = ReturnType<typeof createPaymentNoticeActivities>;
