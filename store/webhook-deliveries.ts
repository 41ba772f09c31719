/** Every attempt to deliver a merchant webhook, successful or not (issue #4). */
import type { Knex } from 'knex';

export interface WebhookDeliveryAttempt {
  merchantId: string;
  messageId: string;
  event: string;
  url: string;
  attempt: number;
  statusCode: number | null;
  error: string | null;
  succeeded: boolean;
}

export async function recordWebhookDelivery(db: Knex, a: WebhookDeliveryAttempt): Promise<void> {
  await db('webhook_deliveries').insert({
    merchant_id: a.merchantId,
    message_id: a.messageId,
    event: a.event,
    url: a.url,
    attempt: a.attempt,
    status_code: a.statusCode,
    error: a.error,
    succeeded: a.succeeded,
  });
}
