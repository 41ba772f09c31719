/**
 * MessageWorkflow (`message-<id>`): one accepted message, from acceptance to its final status
 * (SPEC §4, Art. 5.3).
 *
 *   gate again → Kakao attempt → its result within the Kakao timeout → on failure or silence the
 *   fallback SMS/LMS → the carrier's result until the result window (48 h) after sending →
 *   `delivered` (billed once, as what delivered) or `failed` (with the reason).
 *
 * Results arrive as signals from the carriers' reports; when one is late the workflow polls the
 * provider. A Kakao result that comes after the fallback went out still lands on the timeline;
 * whichever success is reported first is the one that counts (test number 9005). What the outcome
 * is, is `decideOutcome`'s business (domain/delivery.ts); this file only sequences the steps.
 */
import * as wf from '@temporalio/workflow';
import type { MessageActivities } from '../activities/messages';
import type { ProviderResult } from '../activities/providers/types';
import {
  decideOutcome,
  failed,
  fallbackDue,
  pollDelay,
  usageTypeFor,
  type AttemptResult,
  type AttemptStatus,
  type MessageKind,
  type MessageOutcome,
  type ProviderName,
  type ProviderReport,
} from '../domain/delivery';
import {
  isKakaoType,
  type Channel,
  type FallbackChannel,
  type KakaoType,
  type MessageType,
} from '../domain/message-types';
import { MessageStatus, tracksSearchAttributes } from './search-attributes';

const { sendOnChannel, pollResult } = wf.proxyActivities<MessageActivities>({
  // Provider calls time out after 10 s; a worker that dies mid-send is noticed after 20 s and the
  // send is retried elsewhere with the same idempotency key.
  startToCloseTimeout: '20 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});
// Short database reads and writes run as local activities: no round trip through the server each.
const { recheckGate, recordTimeline, finalizeMessage } = wf.proxyLocalActivities<MessageActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});
const { notifyMerchant } = wf.proxyActivities<MessageActivities>({
  startToCloseTimeout: '30 seconds',
  // A merchant's endpoint may be down for a while: back off up to an hour, for about a day.
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '1 hour', maximumAttempts: 30 },
});

export interface MessageWorkflowInput {
  messageId: string;
  merchantId: string;
  kind: MessageKind;
  /** The first channel: the message's own type. */
  channel: Channel;
  fallback: FallbackChannel | null;
  /** A FriendTalk held until Kakao's ad window opens (08:00 KST). */
  notBefore: string | null;
  kakaoResultTimeoutMs: number;
  resultWindowMs: number;
}

export const providerReportSignal = wf.defineSignal<[ProviderReport]>('provider_report');
export const messageOutcomeQuery = wf.defineQuery<MessageOutcome | null>('outcome');

export async function MessageWorkflow(input: MessageWorkflowInput): Promise<MessageOutcome> {
  const d = delivery(input);
  if (input.notBefore) await wf.sleep(Math.max(0, Date.parse(input.notBefore) - Date.now()));

  const gate = await recheckGate({ messageId: input.messageId });
  if (!gate.ok) {
    await d.timeline(input.channel, 'rejected', { resultCode: gate.code, note: gate.message });
    await d.finish(failed(gate.code));
  } else {
    d.showStatus('sending');
    if (isKakaoType(input.channel)) await kakaoWithFallback(d, input.channel, input.fallback);
    else await smsOrLms(d, input.channel);
  }

  // The merchant hears of the final status while we keep listening for results still owed:
  // Art. 5.3 gives every attempt its 48 hours, and a late result belongs on the timeline.
  await d.notifyMerchantAndSettleLateResults();
  return d.outcome()!;
}

/** SMS/LMS: the carrier's result within the result window (Art. 5.3). */
async function smsOrLms(d: Delivery, channel: Exclude<MessageType, KakaoType>): Promise<void> {
  const sms = await d.send(channel, false);
  if (sms) await d.awaitResult(sms, d.resultWindowMs);
  await d.finish(decideOutcome({ channel, first: d.resultOf(sms), fallback: null }));
}

/** Kakao within the Kakao timeout; on failure or silence the fallback, whose result may race Kakao's late one. */
async function kakaoWithFallback(d: Delivery, channel: KakaoType, fallback: FallbackChannel | null): Promise<void> {
  const kakao = await d.send(channel, false);
  if (kakao) await d.awaitResult(kakao, d.kakaoResultTimeoutMs);
  const due = fallbackDue(d.resultOf(kakao), fallback);
  if (!due) {
    await d.finish(decideOutcome({ channel, first: d.resultOf(kakao), fallback: null }));
    return;
  }
  const sms = await d.send(due, true);
  if (sms) await d.awaitFallbackOrLateKakao(sms, kakao);
  await d.finish(
    decideOutcome({ channel, first: d.resultOf(kakao), fallback: { channel: due, result: d.resultOf(sms) } }),
  );
}

/** One attempt the provider accepted. */
interface Sent {
  channel: Channel;
  provider: ProviderName;
  providerMessageId: string;
  key: string;
  sentAt: number;
  /** Whether its result is already on the timeline. */
  recorded: boolean;
}

type Delivery = ReturnType<typeof delivery>;

/** The steps of one message's delivery, over the results its providers have reported so far. */
function delivery(input: MessageWorkflowInput) {
  const { messageId, kakaoResultTimeoutMs, resultWindowMs } = input;
  const results = new Map<string, ProviderResult>();
  const sent: Sent[] = [];
  let outcome: MessageOutcome | null = null;
  let seq = 0;

  wf.setHandler(providerReportSignal, (r) => {
    if (!results.has(r.idempotencyKey))
      results.set(r.idempotencyKey, { status: r.status, resultCode: r.resultCode, reportedAt: r.reportedAt });
  });
  wf.setHandler(messageOutcomeQuery, () => outcome);

  // Keeps MessageStatus current for the Temporal UI.
  const tracked = tracksSearchAttributes();
  const showStatus = (status: string) => tracked && wf.upsertSearchAttributes([{ key: MessageStatus, value: status }]);

  const timeline = (
    channel: Channel,
    status: AttemptStatus,
    fields: { providerMessageId?: string; resultCode?: string | null; note?: string } = {},
  ) =>
    recordTimeline({
      messageId,
      seq: ++seq,
      channel,
      status,
      providerMessageId: fields.providerMessageId ?? null,
      resultCode: fields.resultCode ?? null,
      note: fields.note ?? null,
      at: new Date().toISOString(),
    });

  const has = (s: Sent | undefined) => !!s && results.has(s.key);
  const succeeded = (s: Sent | undefined) => !!s && results.get(s.key)?.status === 'delivered';
  const resultOf = (s: Sent | undefined): AttemptResult =>
    !s ? 'not_sent' : (results.get(s.key)?.status ?? 'no_result');

  /** Sends on one channel; undefined when the provider refused the send. */
  const send = async (channel: Channel, asFallback: boolean): Promise<Sent | undefined> => {
    const r = await sendOnChannel({ messageId, channel, asFallback, seq: ++seq });
    if (!r.sent) return undefined;
    // Waits are measured on the workflow's clock, not the worker's (they may drift apart).
    const s: Sent = {
      channel,
      provider: r.provider,
      providerMessageId: r.providerMessageId,
      key: r.idempotencyKey,
      sentAt: Date.now(),
      recorded: false,
    };
    sent.push(s);
    return s;
  };

  /** Waits until `done()` or `until`, asking the providers of `pending` when their reports are late. */
  const waitFor = async (pending: Sent[], until: number, done: () => boolean): Promise<void> => {
    for (let polls = 0; !done(); polls++) {
      const remaining = until - Date.now();
      if (remaining <= 0) return;
      if (await wf.condition(done, Math.min(remaining, pollDelay(polls)))) return;
      for (const s of pending) {
        if (results.has(s.key)) continue;
        const polled = await pollResult({ provider: s.provider, providerMessageId: s.providerMessageId });
        if (polled && !results.has(s.key)) results.set(s.key, polled);
      }
    }
  };

  const noResult = (s: Sent, withinMs: number) =>
    timeline(s.channel, 'no_result', {
      providerMessageId: s.providerMessageId,
      note: `no result within ${Math.round(withinMs / 1000)}s`,
    });

  /** Puts an attempt's result on the timeline once. */
  const recordResult = async (s: Sent, late: boolean) => {
    const r = results.get(s.key);
    if (!r || s.recorded) return;
    s.recorded = true;
    const status: AttemptStatus =
      r.status === 'delivered' ? (late ? 'late_delivered' : 'delivered') : late ? 'late_failed' : 'failed';
    await timeline(s.channel, status, { providerMessageId: s.providerMessageId, resultCode: r.resultCode });
  };

  return {
    kakaoResultTimeoutMs,
    resultWindowMs,
    outcome: () => outcome,
    resultOf,
    showStatus,
    timeline,
    send,

    /** The attempt's result within `withinMs` of sending, on the timeline — or that none came. */
    async awaitResult(s: Sent, withinMs: number): Promise<void> {
      await waitFor([s], s.sentAt + withinMs, () => has(s));
      await recordResult(s, false);
      if (!has(s)) await noResult(s, withinMs);
    },

    /** After the fallback went out: the first success reported wins, the fallback's or Kakao's arriving late. */
    async awaitFallbackOrLateKakao(sms: Sent, kakao: Sent | undefined): Promise<void> {
      await waitFor(kakao ? [kakao, sms] : [sms], sms.sentAt + resultWindowMs, () => succeeded(kakao) || has(sms));
      // The fallback failed while Kakao still owes its result: it may yet deliver (Art. 5.3).
      if (kakao && !succeeded(kakao) && !succeeded(sms) && !has(kakao))
        await waitFor([kakao], kakao.sentAt + resultWindowMs, () => has(kakao));
      await recordResult(sms, false);
      if (kakao && succeeded(kakao)) await recordResult(kakao, true);
      if (!succeeded(kakao) && !has(sms)) await noResult(sms, resultWindowMs);
    },

    /** The final status, and for a delivered message its one usage record (Art. 6.3). */
    async finish(o: MessageOutcome): Promise<void> {
      outcome = o;
      await finalizeMessage({
        messageId,
        status: o.status,
        deliveredVia: o.deliveredVia,
        failureReason: o.failureReason,
        finalizedAt: new Date().toISOString(),
        usage:
          o.status === 'delivered' ? { kind: input.kind, usageType: usageTypeFor(input.kind, o.deliveredVia) } : null,
      });
      showStatus(o.status);
    },

    async notifyMerchantAndSettleLateResults(): Promise<void> {
      const notify = notifyMerchant({ messageId }).catch((err) =>
        wf.log.warn('merchant webhook gave up', { messageId, error: String(err) }),
      );
      const settleLateResults = async () => {
        for (const s of sent) {
          if (s.recorded) continue;
          await waitFor([s], s.sentAt + resultWindowMs, () => has(s));
          await recordResult(s, true);
        }
      };
      await Promise.all([notify, settleLateResults()]);
    },
  };
}
