/**
 * Merchant webhooks (issue #4, #10): signed events POSTed to the merchant's webhookUrl — a message's
 * final status, its fallback going out, a result after the final status, and Kakao's decision on a
 * template. HMAC-SHA256 over "<timestamp>.<body>" (platform/signature.ts), the same scheme carriers
 * use towards us. Every attempt is recorded; a failure throws so the activity is retried with backoff.
 */
import { toKstIso } from '../domain/calendar-kst';
import type { Config } from '../platform/config';
import type { Db } from '../platform/db';
import { newId } from '../platform/ids';
import { SIGNATURE_HEADER, sign } from '../platform/signature';
import { messageView } from '../store/message-view';
import { findMessage, findTemplate } from '../store/messages';
import { merchantWebhook } from '../store/merchants';
import { findOptOutByNotice } from '../store/opt-out-numbers';
import { templateView } from '../store/template-view';
import { recordWebhookDelivery } from '../store/webhook-deliveries';
import { postWebhook, type WebhookAnswer } from './webhook-post';

const TIMEOUT_MS = 10_000;

/** Events of a message beyond its final status (`message.delivered` / `message.failed`). */
export type MessageEvent = 'message.fallback_sent' | 'message.late_result';

export interface WebhookDeps {
  db: Db;
  config: Pick<Config, 'webhooks'>;
}

interface WebhookEvent {
  merchantId: string;
  /** Stable per event: merchants deduplicate retries on it. */
  id: string;
  type: string;
  data: unknown;
  subject: { messageId: string } | { templateCode: string } | { optOutNoticeId: string };
}

async function deliver(
  { db, config }: WebhookDeps,
  e: WebhookEvent,
  attempt: number,
): Promise<'delivered' | 'no_webhook'> {
  const hook = await merchantWebhook(db, e.merchantId);
  if (!hook?.url) return 'no_webhook';
  const url = hook.url;
  const body = JSON.stringify({ id: e.id, type: e.type, createdAt: toKstIso(Date.now()), data: e.data });
  const record = (fields: { statusCode: number | null; error: string | null; succeeded: boolean }) =>
    recordWebhookDelivery(db, { merchantId: e.merchantId, ...e.subject, event: e.type, url, attempt, ...fields });
  let res: WebhookAnswer;
  try {
    res = await postWebhook(
      url,
      {
        headers: {
          'content-type': 'application/json',
          [SIGNATURE_HEADER]: sign(hook.secrets, body),
          'bizmsg-delivery-id': newId('whk'),
        },
        body,
      },
      { timeoutMs: TIMEOUT_MS, allowPrivateAddresses: config.webhooks.allowPrivateAddresses },
    );
  } catch (err) {
    await record({ statusCode: null, error: (err as Error).message.slice(0, 500), succeeded: false });
    throw new Error(`webhook to merchant failed: ${(err as Error).message}`, { cause: err });
  }
  const ok = res.status >= 200 && res.status < 300;
  await record({ statusCode: res.status, error: ok ? null : res.body.slice(0, 500), succeeded: ok });
  if (!ok) throw new Error(`webhook answered HTTP ${res.status}`);
  return 'delivered';
}

/**
 * A message event: by default its final status; `message.fallback_sent` when the fallback went out;
 * `message.late_result` for the result on timeline entry `attemptSeq`, which came after the final status.
 */
export async function deliverMessageWebhook(
  deps: WebhookDeps,
  messageId: string,
  attempt: number,
  event?: { type: MessageEvent; attemptSeq?: number },
): Promise<'delivered' | 'no_webhook'> {
  const found = await findMessage(deps.db, messageId);
  if (!found) throw new Error(`message ${messageId} not found`);
  const { message, attempts } = found;
  const view = messageView(message, attempts);
  const type = event?.type ?? `message.${message.status}`;
  const late = event?.type === 'message.late_result' ? attempts.find((a) => a.seq === event.attemptSeq) : undefined;
  const data = late ? { ...view, lateResult: messageView(message, [late]).attempts[0] } : view;
  const id =
    event?.type === 'message.fallback_sent'
      ? `whk_${messageId}_fallback_sent`
      : late
        ? `whk_${messageId}_late_result_${late.seq}`
        : `whk_${messageId}_${message.status}`;
  return deliver(deps, { merchantId: message.merchant_id, id, type, data, subject: { messageId } }, attempt);
}

/** `template.approved` or `template.rejected` (with the reason) for the version Kakao decided on. */
export async function deliverTemplateWebhook(
  deps: WebhookDeps,
  t: { merchantId: string; code: string },
  attempt: number,
): Promise<'delivered' | 'no_webhook'> {
  const template = await findTemplate(deps.db, t.merchantId, t.code);
  // Deleted, or edited and under review again since: this decision is no longer news.
  if (!template || template.status === 'requested') return 'no_webhook';
  const type = `template.${template.status}`;
  return deliver(
    deps,
    {
      merchantId: t.merchantId,
      id: `whk_tpl_${t.merchantId}_${t.code}_v${template.version}_${template.status}`,
      type,
      data: templateView(template),
      subject: { templateCode: t.code },
    },
    attempt,
  );
}

/** `opt_out.created`: a recipient opted out by calling the merchant's 080 number (SPEC §4). */
export async function deliverOptOutWebhook(
  deps: WebhookDeps,
  noticeId: string,
  attempt: number,
): Promise<'delivered' | 'no_webhook' | 'gone'> {
  const optOut = await findOptOutByNotice(deps.db, noticeId);
  // Removed from the list again meanwhile, or destroyed with the contract (Art. 10.2): nothing to tell.
  if (!optOut) return 'gone';
  const data = { number: optOut.number, source: optOut.source, createdAt: toKstIso(optOut.createdAt) };
  return deliver(
    deps,
    {
      merchantId: optOut.merchantId,
      id: `whk_${noticeId}`,
      type: 'opt_out.created',
      data,
      subject: { optOutNoticeId: noticeId },
    },
    attempt,
  );
}
