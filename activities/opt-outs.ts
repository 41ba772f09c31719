/** Activities of the OptOutNoticeWorkflow: the merchant's webhook `opt_out.created` (SPEC §4). */
import { Context } from '@temporalio/activity';
import { deliverOptOutWebhook, type WebhookDeps } from './webhooks';

export function createOptOutActivities(deps: WebhookDeps) {
  return {
    /** POSTs the signed event to the merchant's webhookUrl; throws to be retried with backoff. */
    async notifyOptOut(input: { noticeId: string }): Promise<'delivered' | 'no_webhook' | 'gone'> {
      return deliverOptOutWebhook(deps, input.noticeId, Context.current().info.attempt);
    },
  };
}

export type OptOutActivities = ReturnType<typeof createOptOutActivities>;
