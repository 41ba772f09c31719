/** Activities of the OptOutNoticeWorkflow: the merchant's webhook `opt_out.created` (SPEC §4). */
import { Context } from '@temporalio/activity';
import type { Db } from '../platform/db';
import { deliverOptOutWebhook } from './webhooks';

export function createOptOutActivities({ db }: { db: Db }) {
  return {
    /** POSTs the signed event to the merchant's webhookUrl; throws to be retried with backoff. */
    async notifyOptOut(input: { noticeId: string }): Promise<'delivered' | 'no_webhook' | 'gone'> {
      return deliverOptOutWebhook(db, input.noticeId, Context.current().info.attempt);
    },
  };
}

export type OptOutActivities = ReturnType<typeof createOptOutActivities>;
