/** A merchant's webhook URL as the API takes it (POST /v1/merchants, PATCH /v1/merchants/:id). */
import { checkWebhookUrl } from '../domain/webhook-address';
import type { Config } from '../platform/config';
import { badRequest } from './errors';

/** Refuses (400) a URL the workers would not call, e.g. a private address where they are refused. */
export function checkRegisteredWebhookUrl(url: string | null | undefined, policy: Config['webhooks']): void {
  if (!url) return;
  const check = checkWebhookUrl(url, policy);
  if (!check.ok) throw badRequest('webhook_url_not_allowed', check.message, { field: 'webhookUrl' });
}
