/**
 * Activities of the MessageWorkflow. The workflow carries only ids and the channel plan; the
 * recipient and the content are read from Postgres here, so no personal data sits in Temporal's
 * history (Art. 10.2) and a purge really destroys it.
 */
import { ApplicationFailure, Context } from '@temporalio/activity';
import {
  kakaoSenderKeyFor,
  PERSONAL_DATA_PURGED,
  providerOf,
  type FailureReason,
  type ProviderName,
} from '../domain/delivery';
import { isKakaoType, type Channel, type KakaoType } from '../domain/message';
import { idempotencyKeyFor } from '../domain/provider-keys';
import { checkSendingGate } from '../domain/sending-gate';
import type { Config } from '../platform/config';
import type { Db } from '../platform/db';
import type { Logger } from '../platform/logger';
import { gateContract } from '../store/contracts';
import { imageContent } from '../store/images';
import {
  finalizeMessage,
  markSending,
  messageForSending,
  optedOut,
  recordAttempt,
  type AttemptEntry,
  type Finalization,
  type SendableMessage,
} from '../store/messages';
import { providersFromConfig } from './providers';
import {
  ProviderRejected,
  type KakaoSend,
  type Provider,
  type ProviderImage,
  type ProviderResult,
  type SmsSend,
} from './providers/types';
import { deliverMessageWebhook, type MessageEvent } from './webhooks';

export type { MessageEvent };

export interface Providers {
  kakao: Provider<KakaoSend>;
  sms: Provider<SmsSend>;
}

export type SendOutcome =
  | { sent: true; provider: ProviderName; providerMessageId: string; idempotencyKey: string; sentAt: string }
  // The provider's own words stay on the timeline in PostgreSQL: they may quote the recipient.
  | { sent: false; code: string };

function kakaoWire(m: SendableMessage, channel: KakaoType, image: ProviderImage | undefined): KakaoSend {
  return {
    type: channel,
    senderKey: kakaoSenderKeyFor(m.type, m.contract_kakao_search_id),
    to: m.recipient!,
    text: m.text!,
    ...(m.template_code ? { templateCode: m.template_code } : {}),
    // A merchant's AlimTalk names its variables; a payment notice's text is rendered by us.
    ...(m.type === 'alimtalk' ? { variables: m.variables ?? {} } : {}),
    ...(m.buttons?.length ? { buttons: m.buttons } : {}),
    ...(image ? { image } : {}),
  };
}

function smsWire(m: SendableMessage, channel: SmsSend['type'], asFallback: boolean): SmsSend {
  const text = asFallback ? m.fallback!.text : m.text!;
  const subject = asFallback ? m.fallback!.subject : (m.subject ?? undefined);
  return {
    type: channel,
    from: m.sender_number!,
    to: m.recipient!,
    text,
    ...(channel === 'lms' && subject ? { subject } : {}),
  };
}

/**
 * The API starts a message's workflow inside the transaction that stores it, so the workflow may
 * look before the row is committed: a missing row is retried for about a minute. If it never
 * appears, the transaction was rolled back and the client got an error: the message was never
 * accepted, and nothing is sent.
 */
const ATTEMPTS_BEFORE_MESSAGE_IS_UNKNOWN = 8;

async function loadMessage(db: Db, messageId: string): Promise<SendableMessage> {
  const m = await messageForSending(db, messageId);
  if (m) return m;
  const { attempt } = Context.current().info;
  if (attempt < ATTEMPTS_BEFORE_MESSAGE_IS_UNKNOWN)
    throw ApplicationFailure.retryable(`message ${messageId} is not committed yet`, 'MessageNotYetVisible');
  throw ApplicationFailure.nonRetryable(
    `message ${messageId} was never committed: it was not accepted`,
    'MessageNotAccepted',
  );
}

export function createMessageActivities({
  db,
  logger,
  config,
  providers,
}: {
  db: Db;
  logger: Logger;
  config: Config;
  providers?: Providers;
}) {
  const p: Providers = providers ?? providersFromConfig(config, db);

  return {
    /** The sending gate again, just before sending: the contract may have changed since acceptance. */
    async recheckGate(input: {
      messageId: string;
    }): Promise<{ ok: true } | { ok: false; code: FailureReason; message: string }> {
      const m = await loadMessage(db, input.messageId);
      if (m.recipient === null) return { ok: false, ...PERSONAL_DATA_PURGED };
      const contract = await gateContract(db, m.merchant_id);
      const opted = await optedOut(db, m.merchant_id, [m.recipient]);
      const decision = checkSendingGate(contract, {
        kind: m.type,
        from: m.sender_number,
        fallback: m.fallback?.channel ?? null,
        recipientOptedOut: opted.has(m.recipient),
        contractId: m.contract_id,
      });
      return decision.ok
        ? { ok: true }
        : { ok: false, code: decision.violation.code, message: decision.violation.message };
    },

    /**
     * Sends the message on one channel. A provider's refusal (4xx) is an outcome, not an error;
     * 5xx and network failures throw, and the retry reuses the idempotency key.
     */
    async sendOnChannel(input: {
      messageId: string;
      channel: Channel;
      asFallback: boolean;
      seq: number;
    }): Promise<SendOutcome> {
      const m = await loadMessage(db, input.messageId);
      if (m.recipient === null) return { sent: false, code: PERSONAL_DATA_PURGED.code };
      const provider = providerOf(input.channel);
      const idempotencyKey = idempotencyKeyFor(input.messageId, input.channel);
      // A retry may follow a send whose answer was lost: providers without idempotency look first.
      const options = { mayHaveSent: Context.current().info.attempt > 1 };
      await markSending(db, input.messageId);
      try {
        // An image's bytes are read here, for the adapter's upload step: never part of the workflow's history.
        const image =
          input.channel === 'friendtalk_image' && m.image_id ? await imageContent(db, m.image_id) : undefined;
        const { providerMessageId } = isKakaoType(input.channel)
          ? await p.kakao.send(kakaoWire(m, input.channel, image), idempotencyKey, options)
          : await p.sms.send(smsWire(m, input.channel, input.asFallback), idempotencyKey, options);
        const sentAt = new Date().toISOString();
        await recordAttempt(db, {
          messageId: m.id,
          seq: input.seq,
          channel: input.channel,
          status: 'sent',
          providerMessageId,
          resultCode: null,
          note: input.asFallback ? 'fallback' : null,
          at: sentAt,
        });
        return { sent: true, provider, providerMessageId, idempotencyKey, sentAt };
      } catch (err) {
        if (!(err instanceof ProviderRejected)) throw err;
        logger.warn({ messageId: m.id, channel: input.channel, code: err.code }, 'provider refused the send');
        await recordAttempt(db, {
          messageId: m.id,
          seq: input.seq,
          channel: input.channel,
          status: 'rejected',
          providerMessageId: null,
          resultCode: err.code,
          note: err.message.slice(0, 500),
          at: new Date().toISOString(),
        });
        return { sent: false, code: err.code };
      }
    },

    /** The polling backstop when a provider's report did not arrive. */
    async pollResult(input: { provider: ProviderName; providerMessageId: string }): Promise<ProviderResult | null> {
      return input.provider === 'kakao'
        ? p.kakao.status(input.providerMessageId)
        : p.sms.status(input.providerMessageId);
    },

    async recordTimeline(entry: AttemptEntry): Promise<void> {
      await recordAttempt(db, entry);
    },

    async finalizeMessage(f: Finalization): Promise<void> {
      await finalizeMessage(db, f);
    },

    /**
     * POSTs a signed event to the merchant's webhookUrl — the final status, or `event` (the fallback
     * sent, a late result); throws to be retried with backoff.
     */
    async notifyMerchant(input: {
      messageId: string;
      event?: MessageEvent;
      attemptSeq?: number;
    }): Promise<'delivered' | 'no_webhook'> {
      const event = input.event && { type: input.event, attemptSeq: input.attemptSeq };
      return deliverMessageWebhook({ db, config }, input.messageId, Context.current().info.attempt, event);
    },
  };
}

export type MessageActivities = ReturnType<typeof createMessageActivities>;
