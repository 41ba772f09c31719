/**
 * Merchant webhooks (issue #4): when a message reaches its final status we POST a signed event to
 * the merchant's webhookUrl. HMAC-SHA256 over "<timestamp>.<body>" (platform/signature.ts), the
 * same scheme carriers use towards us. Every attempt is recorded; a failure throws so the activity
 * is retried with backoff.
 */
import { toKstIso } from '../domain/calendar-kst';
import type { Db } from '../platform/db';
import { newId } from '../platform/ids';
import { SIGNATURE_HEADER, sign } from '../platform/signature';
import { messageView } from '../store/message-view';
import { findMessage } from '../store/messages';
import { merchantWebhook } from '../store/merchants';
import { recordWebhookDelivery } from '../store/webhook-deliveries';

const TIMEOUT_MS = 10_000;

export async function deliverMessageWebhook(
  db: Db,
  messageId: string,
  attempt: number,
): Promise<'delivered' | 'no_webhook'> {
  const found = await findMessage(db, messageId);
  if (!found) throw new Error(`message ${messageId} not found`);
  const { message, attempts } = found;
  const hook = await merchantWebhook(db, message.merchant_id);
  if (!hook?.url) return 'no_webhook';
  const url = hook.url;
  const event = `message.${message.status}`;
  // The event id is stable per message and status: merchants deduplicate retries on it.
  const body = JSON.stringify({
    id: `whk_${messageId}_${message.status}`,
    type: event,
    createdAt: toKstIso(Date.now()),
    data: messageView(message, attempts),
  });
  const record = (fields: { statusCode: number | null; error: string | null; succeeded: boolean }) =>
    recordWebhookDelivery(db, { merchantId: message.merchant_id, messageId, event, url, attempt, ...fields });
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [SIGNATURE_HEADER]: sign(hook.secrets, body),
        'bizmsg-delivery-id': newId('whk'),
      },
      body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (err) {
    await record({ statusCode: null, error: (err as Error).message.slice(0, 500), succeeded: false });
    throw new Error(`webhook to merchant failed: ${(err as Error).message}`, { cause: err });
  }
  const ok = res.status >= 200 && res.status < 300;
  await record({ statusCode: res.status, error: ok ? null : (await res.text()).slice(0, 500), succeeded: ok });
  if (!ok) throw new Error(`webhook answered HTTP ${res.status}`);
  return 'delivered';
}
