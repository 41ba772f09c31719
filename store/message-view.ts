/** A message as merchants see it (GET /v1/messages/:id, webhooks): recipient masked, with its timeline. */
import { toKstIsoOrNull } from '../domain/calendar-kst';
import type { AttemptRow, MessageRow } from './messages';

export function messageView(m: MessageRow, attempts: AttemptRow[]) {
  return {
    id: m.id,
    type: m.type,
    to: m.recipient_masked,
    from: m.sender_number,
    status: m.status,
    deliveredVia: m.delivered_via,
    failureReason: m.failure_reason,
    reference: m.reference,
    paymentNoticeId: m.payment_notice_id,
    fallback: m.fallback ? { channel: m.fallback.channel } : null,
    attempts: attempts.map((a) => ({
      channel: a.channel,
      status: a.status,
      providerMessageId: a.provider_message_id,
      resultCode: a.result_code,
      note: a.note,
      at: toKstIsoOrNull(a.at),
    })),
    notBefore: toKstIsoOrNull(m.not_before),
    scheduledAt: toKstIsoOrNull(m.scheduled_at),
    campaignId: m.campaign_id,
    createdAt: toKstIsoOrNull(m.created_at),
    finalizedAt: toKstIsoOrNull(m.finalized_at),
  };
}

export type MessageView = ReturnType<typeof messageView>;
