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
 * whichever success is reported first is the one that counts (test number 9005).
 */
import * as wf from '@temporalio/workflow';
import type { MessageActivities, SendOutcome } from '../activities/messages';
import type { ProviderName, ProviderResult } from '../activities/providers/types';
import { pollDelay, usageTypeFor, type AttemptStatus, type MessageKind } from '../domain/delivery';
import type { Channel, FallbackChannel } from '../domain/message';
import { MerchantId, MessageStatus } from './search-attributes';

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

export interface ProviderReport {
  provider: ProviderName;
  providerMessageId: string;
  idempotencyKey: string;
  status: 'delivered' | 'failed';
  resultCode: string | null;
  reportedAt: string | null;
}

export interface MessageOutcome {
  status: 'delivered' | 'failed';
  deliveredVia: Channel | null;
  failureReason: string | null;
}

export const providerReportSignal = wf.defineSignal<[ProviderReport]>('provider_report');
export const messageOutcomeQuery = wf.defineQuery<MessageOutcome | null>('outcome');

interface Sent {
  channel: Channel;
  provider: ProviderName;
  providerMessageId: string;
  key: string;
  sentAt: number;
  /** Whether its result is already on the timeline. */
  recorded: boolean;
}

export async function MessageWorkflow(input: MessageWorkflowInput): Promise<MessageOutcome> {
  const { messageId } = input;
  const results = new Map<string, ProviderResult>();
  let outcome: MessageOutcome | null = null;
  let seq = 0;

  wf.setHandler(providerReportSignal, (r) => {
    if (!results.has(r.idempotencyKey))
      results.set(r.idempotencyKey, { status: r.status, resultCode: r.resultCode, reportedAt: r.reportedAt });
  });
  wf.setHandler(messageOutcomeQuery, () => outcome);

  // Keeps MessageStatus current for the Temporal UI. Runs started without our search attributes
  // (the time-skipping test server has none) skip it.
  const tracked = wf.workflowInfo().typedSearchAttributes.get(MerchantId) !== undefined;
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

  const send = async (channel: Channel, asFallback: boolean): Promise<Sent | (SendOutcome & { sent: false })> => {
    const r = await sendOnChannel({ messageId, channel, asFallback, seq: ++seq });
    // Waits are measured on the workflow's clock, not the worker's (they may drift apart).
    return r.sent
      ? {
          channel,
          provider: r.provider,
          providerMessageId: r.providerMessageId,
          key: r.idempotencyKey,
          sentAt: Date.now(),
          recorded: false,
        }
      : r;
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

  const finish = async (o: MessageOutcome): Promise<void> => {
    outcome = o;
    await finalizeMessage({
      messageId,
      status: o.status,
      deliveredVia: o.deliveredVia,
      failureReason: o.failureReason,
      finalizedAt: new Date().toISOString(),
      usage:
        o.status === 'delivered' && o.deliveredVia
          ? { kind: input.kind, usageType: usageTypeFor(input.kind, o.deliveredVia) }
          : null,
    });
    showStatus(o.status);
  };
  const delivered = (via: Channel): MessageOutcome => ({ status: 'delivered', deliveredVia: via, failureReason: null });
  const failed = (reason: string): MessageOutcome => ({ status: 'failed', deliveredVia: null, failureReason: reason });
  const succeeded = (s: Sent | undefined) => !!s && results.get(s.key)?.status === 'delivered';

  if (input.notBefore) await wf.sleep(Math.max(0, Date.parse(input.notBefore) - Date.now()));

  const gate = await recheckGate({ messageId });
  const sent: Sent[] = [];
  if (!gate.ok) {
    await timeline(input.channel, 'rejected', { resultCode: gate.code, note: gate.message });
    await finish(failed(gate.code));
  } else {
    showStatus('sending');
    const first = await send(input.channel, false);
    const isKakao = input.channel !== 'sms' && input.channel !== 'lms';
    if ('key' in first) sent.push(first);

    if (!isKakao) {
      // SMS/LMS: the carrier's result within the result window (Art. 5.3).
      if (!('key' in first)) await finish(failed('provider_rejected'));
      else {
        await waitFor([first], first.sentAt + input.resultWindowMs, () => results.has(first.key));
        await recordResult(first, false);
        if (!results.has(first.key)) await noResult(first, input.resultWindowMs);
        await finish(
          succeeded(first)
            ? delivered(first.channel)
            : results.has(first.key)
              ? failed('carrier_rejected')
              : failed('result_timeout'),
        );
      }
    } else {
      const kakao = 'key' in first ? first : undefined;
      if (kakao) {
        await waitFor([kakao], kakao.sentAt + input.kakaoResultTimeoutMs, () => results.has(kakao.key));
        await recordResult(kakao, false);
        if (!results.has(kakao.key)) await noResult(kakao, input.kakaoResultTimeoutMs);
      }
      if (succeeded(kakao)) await finish(delivered(input.channel));
      else if (!input.fallback)
        await finish(failed(!kakao ? 'provider_rejected' : results.has(kakao.key) ? 'kakao_failed' : 'kakao_timeout'));
      else {
        const fb = await send(input.fallback, true);
        if (!('key' in fb)) {
          await finish(failed('provider_rejected'));
        } else {
          sent.push(fb);
          // The first success reported wins: the fallback's, or Kakao's arriving late.
          await waitFor(sent, fb.sentAt + input.resultWindowMs, () => succeeded(kakao) || results.has(fb.key));
          // The fallback failed while Kakao still owes its result: it may yet deliver (Art. 5.3).
          if (kakao && !succeeded(kakao) && !succeeded(fb) && !results.has(kakao.key)) {
            await waitFor([kakao], kakao.sentAt + input.resultWindowMs, () => results.has(kakao.key));
          }
          await recordResult(fb, false);
          if (succeeded(kakao)) await recordResult(kakao!, true);
          if (!succeeded(kakao) && !results.has(fb.key)) await noResult(fb, input.resultWindowMs);
          await finish(
            succeeded(kakao)
              ? delivered(input.channel)
              : succeeded(fb)
                ? delivered(fb.channel)
                : results.has(fb.key)
                  ? failed('carrier_rejected')
                  : failed('result_timeout'),
          );
        }
      }
    }
  }

  // The merchant hears of the final status while we keep listening for results still owed:
  // Art. 5.3 gives every attempt its 48 hours, and a late result belongs on the timeline.
  const settleLateResults = async () => {
    for (const s of sent) {
      if (s.recorded) continue;
      await waitFor([s], s.sentAt + input.resultWindowMs, () => results.has(s.key));
      await recordResult(s, true);
    }
  };
  const notify = notifyMerchant({ messageId }).catch((err) =>
    wf.log.warn('merchant webhook gave up', { messageId, error: String(err) }),
  );
  await Promise.all([notify, settleLateResults()]);
  return outcome!;
}
