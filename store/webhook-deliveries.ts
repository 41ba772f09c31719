/** Every attempt to deliver a merchant webhook, successful or not (issue #4): of a message or a template. */
import type { Knex } from 'knex';

export type WebhookDeliveryAttempt = {
  merchantId: string;
  event: string;
  url: string;
  attempt: number;
  statusCode: number | null;
  error: string | null;
  succeeded: boolean;
} & ({ messageId: string } | { templateCode: string } | { optOutNoticeId: string });

export async function recordWebhookDelivery(db: Knex, a: WebhookDeliveryAttempt): Promise<void> {
  await db('webhook_deliveries').insert({
    merchant_id: a.merchantId,
    message_id: 'messageId' in a ? a.messageId : null,
    template_code: 'templateCode' in a ? a.templateCode : null,
    opt_out_notice_id: 'optOutNoticeId' in a ? a.optOutNoticeId : null,
    event: a.event,
    url: a.url,
    attempt: a.attempt,
    status_code: a.statusCode,
    error: a.error,
    succeeded: a.succeeded,
  });
}
