/** A message as merchants see it (GET /v1/messages/:id, webhooks): recipient masked, with its timeline. */
import { toKstIso } from '../domain/calendar-kst';
import type { AttemptRow, MessageRow } from './messages';

const iso = (d: Date | string | null) => (d === null ? null : toKstIso(new Date(d)));

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
      at: iso(a.at),
    })),
    notBefore: iso(m.not_before),
    createdAt: iso(m.created_at),
    finalizedAt: iso(m.finalized_at),
  };
}

export type MessageView = ReturnType<typeof messageView>;
