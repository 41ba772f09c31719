/**
 * MessageWorkflow (`message-<id>`): one accepted message, from acceptance to its final status
 * (SPEC §4, Art. 5.3).
 *
 *   gate again → Kakao attempt → its result within the Kakao timeout → on failure or silence the
 *   fallback SMS/LMS (after the gate once more) → the results until the result window (48 h) after
 *   each send → `delivered` (billed once, as what delivered) or `failed` (with the reason).
 *
 * Results arrive as signals from the carriers' reports; when one is late the workflow polls the
 * provider. Every send keeps its whole result window (Art. 5.3): a Kakao message without fallback
 * waits for Kakao until the window ends, and a Kakao result that comes after the fallback went out
 * still counts. The first success reported wins (test number 9005). A provider that keeps refusing
 * is retried only until its send deadline. What the outcome is, is `decideOutcome`'s business
 * (domain/delivery.ts); this file only sequences the steps.
 */
import * as wf from '@temporalio/workflow';
import type { MessageActivities, MessageEvent } from '../activities/messages';
import type { ProviderResult } from '../activities/providers/types';
import {
  cancelled,
  decideOutcome,
  failed,
  fallbackDue,
  inReportOrder,
  PERSONAL_DATA_PURGED,
  pollDelay,
  providerOf,
  sendRetryPauses,
  usageTypeFor,
  type AttemptRole,
  type AttemptState,
  type AttemptStatus,
  type FailureReason,
  type MessageKind,
  type MessageOutcome,
  type ProviderName,
  type ProviderReport,
} from '../domain/delivery';
import { formatDuration } from '../domain/duration';
import {
  isKakaoType,
  type Channel,
  type FallbackChannel,
  type KakaoType,
  type MessageType,
} from '../domain/message-types';
import { cancelledBeforeItsTime } from './scheduled-send';
import { MessageStatus, tracksSearchAttributes } from './search-attributes';
import { shortRetries, MERCHANT_WEBHOOK_CALL } from './activity-options';

/** Changes to running code (README "Changing a workflow safely"): workflows recorded before them replay the old way. */
const KAKAO_KEEPS_RESULT_WINDOW = 'art-5-3-kakao-result-window';
const FALLBACK_RECHECKS_GATE = 'fallback-rechecks-gate';
const MESSAGE_EVENT_WEBHOOKS = 'message-event-webhooks';

/**
 * Provider calls time out after 10 s; a worker that dies mid-send is noticed after 20 s and the send
 * is retried elsewhere with the same idempotency key — until the send deadline, when there is one.
 */
const sendOnChannelWithin = (deadlineMs: number | undefined) => {
  const pause = sendRetryPauses(deadlineMs);
  return wf.proxyActivities<MessageActivities>({
    startToCloseTimeout: '20 seconds',
    ...(deadlineMs === undefined ? {} : { scheduleToCloseTimeout: deadlineMs }),
    retry: { initialInterval: pause.firstMs, backoffCoefficient: 2, maximumInterval: pause.maxMs },
  }).sendOnChannel;
};
const { pollResult } = wf.proxyActivities<MessageActivities>(shortRetries('20 seconds'));
// Short database reads and writes run as local activities: no round trip through the server each.
const { recheckGate, recordTimeline, finalizeMessage } = wf.proxyLocalActivities<MessageActivities>(
  shortRetries('10 seconds'),
);
const { notifyMerchant } = wf.proxyActivities<MessageActivities>(MERCHANT_WEBHOOK_CALL);

export interface MessageWorkflowInput {
  messageId: string;
  merchantId: string;
  kind: MessageKind;
  /** The first channel: the message's own type. */
  channel: Channel;
  fallback: FallbackChannel | null;
  /** A FriendTalk held until Kakao's ad window opens (08:00 KST). */
  notBefore: string | null;
  /** A scheduled message: when it starts (its time, or the end of an ad hold); cancellable until then. */
  scheduledAt?: string | null;
  kakaoResultTimeoutMs: number;
  resultWindowMs: number;
  /** SEND_DEADLINE_KAKAO / SEND_DEADLINE_SMS (SPEC §4); messages accepted before there were deadlines have none. */
  sendDeadlines?: { kakaoMs: number; smsMs: number };
  /** False: the merchant had no webhook URL when the message was accepted, so none is called (older runs: unset). */
  merchantHasWebhook?: boolean;
}

export const providerReportSignal = wf.defineSignal<[ProviderReport]>('provider_report');
export const messageOutcomeQuery = wf.defineQuery<MessageOutcome | null>('outcome');

export async function MessageWorkflow(input: MessageWorkflowInput): Promise<MessageOutcome> {
  const d = delivery(input);
  // SPEC §4 scheduled sends: wait for the message's time, unless the merchant cancels it first.
  if (await cancelledBeforeItsTime(input, () => d.finish(cancelled()))) {
    await d.notifyMerchantAndSettleLateResults();
    return d.outcome()!;
  }
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
  await d.send('first', channel);
  await d.decideWhenKnown();
}

/** Kakao within the Kakao timeout; on failure or silence the fallback; then the first success reported. */
async function kakaoWithFallback(d: Delivery, channel: KakaoType, fallback: FallbackChannel | null): Promise<void> {
  const kakao = await d.send('first', channel);
  const silent = kakao.sent && !(await d.resultWithinKakaoTimeout(kakao));
  const due = d.fallbackDue(fallback);
  if (silent && !due && !wf.patched(KAKAO_KEEPS_RESULT_WINDOW)) {
    await d.noResult(kakao, d.kakaoResultTimeoutMs);
    await d.finish(failed('kakao_timeout'));
    return;
  }
  // Without a fallback a silent Kakao keeps its whole result window (Art. 5.3): still `sending`.
  if (silent && due) await d.noResult(kakao, d.kakaoResultTimeoutMs);
  if (due) {
    const sent = await d.sendFallback(due);
    // Before Art. 5.3 held on every path, a fallback its provider refused ended the message at once.
    if (!sent && silent && !wf.patched(KAKAO_KEEPS_RESULT_WINDOW)) {
      await d.finish(failed('provider_rejected'));
      return;
    }
  }
  await d.decideWhenKnown();
}

/** One attempt the provider accepted. */
interface Sent {
  role: AttemptRole;
  channel: Channel;
  sent: true;
  provider: ProviderName;
  providerMessageId: string;
  key: string;
  sentAt: number;
  /** Its Kakao timeout passed without a result: a result now is late. */
  overdue: boolean;
  /** Whether its result is already on the timeline. */
  recorded: boolean;
}

/** An attempt that never went out, and why. */
interface NotSent {
  role: AttemptRole;
  channel: Channel;
  sent: false;
  reason: FailureReason;
}

type Attempt = Sent | NotSent;

type Delivery = ReturnType<typeof delivery>;

/** The steps of one message's delivery, over the results its providers have reported so far. */
function delivery(input: MessageWorkflowInput) {
  const { messageId, kakaoResultTimeoutMs, resultWindowMs } = input;
  /** Every attempt's first report, in the order they came (signals, or polls in report order). */
  const results = new Map<string, ProviderResult>();
  const attempts: Attempt[] = [];
  const notifications: Promise<unknown>[] = [];
  let outcome: MessageOutcome | null = null;
  let seq = 0;

  const report = (key: string, r: ProviderResult) => {
    if (!results.has(key)) results.set(key, { status: r.status, resultCode: r.resultCode, reportedAt: r.reportedAt });
  };
  wf.setHandler(providerReportSignal, (r) => report(r.idempotencyKey, r));
  wf.setHandler(messageOutcomeQuery, () => outcome);

  // Keeps MessageStatus current for the Temporal UI.
  const tracked = tracksSearchAttributes();
  const showStatus = (status: string) => tracked && wf.upsertSearchAttributes([{ key: MessageStatus, value: status }]);

  const timeline = async (
    channel: Channel,
    status: AttemptStatus,
    fields: { providerMessageId?: string; resultCode?: string | null; note?: string } = {},
  ): Promise<number> => {
    const entry = ++seq;
    await recordTimeline({
      messageId,
      seq: entry,
      channel,
      status,
      providerMessageId: fields.providerMessageId ?? null,
      resultCode: fields.resultCode ?? null,
      note: fields.note ?? null,
      at: new Date().toISOString(),
    });
    return entry;
  };

  const sentAttempts = () => attempts.filter((a): a is Sent => a.sent);
  const has = (s: Sent) => results.has(s.key);
  const attemptOf = (role: AttemptRole) => attempts.find((a) => a.role === role);

  /** What is known now, for decideOutcome: each attempt, and the results in the order they were reported. */
  const decide = (): MessageOutcome | null => {
    const state = (a: Attempt): AttemptState =>
      a.sent
        ? { channel: a.channel, sent: true, windowClosed: Date.now() >= a.sentAt + resultWindowMs }
        : { channel: a.channel, sent: false, reason: a.reason };
    const first = attemptOf('first')!;
    const fallback = attemptOf('fallback');
    const reports = [...results.keys()].flatMap((key) => {
      const s = sentAttempts().find((a) => a.key === key);
      return s ? [{ attempt: s.role, status: results.get(key)!.status }] : [];
    });
    return decideOutcome({ first: state(first), fallback: fallback ? state(fallback) : null, reports });
  };

  // A merchant without a webhook URL when the message was accepted gets no webhook activity at all.
  const notify = async (event?: MessageEvent, attemptSeq?: number) => {
    if (input.merchantHasWebhook === false) return;
    await notifyMerchant({ messageId, ...(event ? { event, attemptSeq } : {}) }).catch((err) =>
      wf.log.warn('merchant webhook gave up', { messageId, event, error: String(err) }),
    );
  };

  /** Sends on one channel, retrying a provider that is unavailable until the channel's send deadline. */
  const send = async (role: AttemptRole, channel: Channel): Promise<Attempt> => {
    const kakao = isKakaoType(channel);
    const deadlineMs = kakao ? input.sendDeadlines?.kakaoMs : input.sendDeadlines?.smsMs;
    let attempt: Attempt;
    try {
      const r = await sendOnChannelWithin(deadlineMs)({
        messageId,
        channel,
        asFallback: role === 'fallback',
        seq: ++seq,
      });
      // Waits are measured on the workflow's clock, not the worker's (they may drift apart).
      attempt = r.sent
        ? {
            role,
            channel,
            sent: true,
            provider: r.provider,
            providerMessageId: r.providerMessageId,
            key: r.idempotencyKey,
            sentAt: Date.now(),
            overdue: false,
            recorded: false,
          }
        : {
            role,
            channel,
            sent: false,
            reason: r.code === PERSONAL_DATA_PURGED.code ? PERSONAL_DATA_PURGED.code : 'provider_rejected',
          };
    } catch (err) {
      if (!pastSendDeadline(err)) throw err;
      // SPEC §4: a Kakao send past its deadline is a Kakao failure (the fallback may go out); an SMS/LMS one fails.
      await timeline(channel, 'unavailable', {
        resultCode: 'provider_unavailable',
        note: `${providerOf(channel)} did not take the send within its send deadline of ${formatDuration(deadlineMs!)}`,
      });
      attempt = { role, channel, sent: false, reason: 'provider_unavailable' };
    }
    attempts.push(attempt);
    return attempt;
  };

  /** Waits until `done()` or `until`, asking the providers of `pending` when their reports are late. */
  const waitFor = async (pending: Sent[], until: number, done: () => boolean): Promise<void> => {
    for (let polls = 0; !done(); polls++) {
      const remaining = until - Date.now();
      if (remaining <= 0) return;
      if (await wf.condition(done, Math.min(remaining, pollDelay(polls)))) return;
      const polled: (ProviderResult & { key: string })[] = [];
      for (const s of pending) {
        if (has(s)) continue;
        const r = await pollResult({ provider: s.provider, providerMessageId: s.providerMessageId });
        if (r) polled.push({ ...r, key: s.key });
      }
      // Found in one poll: they count in the order the providers reported them.
      for (const r of inReportOrder(polled)) report(r.key, r);
    }
  };

  const noResult = (s: Sent, withinMs: number) =>
    timeline(s.channel, 'no_result', {
      providerMessageId: s.providerMessageId,
      note: `no result within ${formatDuration(withinMs)}`,
    });

  /** Puts an attempt's result on the timeline once; the timeline entry's number, if it recorded one. */
  const recordResult = async (s: Sent): Promise<number | undefined> => {
    const r = results.get(s.key);
    if (!r || s.recorded) return undefined;
    s.recorded = true;
    const late = s.overdue || outcome !== null;
    const status: AttemptStatus =
      r.status === 'delivered' ? (late ? 'late_delivered' : 'delivered') : late ? 'late_failed' : 'failed';
    return timeline(s.channel, status, { providerMessageId: s.providerMessageId, resultCode: r.resultCode });
  };

  /** The final status, and for a delivered message its one usage record (Art. 6.3). */
  const finish = async (o: MessageOutcome): Promise<void> => {
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
  };

  return {
    kakaoResultTimeoutMs,
    outcome: () => outcome,
    showStatus,
    timeline,
    send,
    noResult,
    finish,

    fallbackDue: (fallback: FallbackChannel | null) =>
      fallbackDue(
        sentAttempts().flatMap((s) => (has(s) ? [{ attempt: s.role, status: results.get(s.key)!.status }] : [])),
        fallback,
      ),

    /** Kakao's result within the Kakao timeout, on the timeline; false when none came. */
    async resultWithinKakaoTimeout(kakao: Sent): Promise<boolean> {
      await waitFor([kakao], kakao.sentAt + kakaoResultTimeoutMs, () => has(kakao));
      if (!has(kakao)) {
        kakao.overdue = true;
        return false;
      }
      await recordResult(kakao);
      return true;
    },

    /** The fallback, once the sending gate still allows it (the contract may be suspended by now); whether it went out. */
    async sendFallback(channel: FallbackChannel): Promise<boolean> {
      if (wf.patched(FALLBACK_RECHECKS_GATE)) {
        const gate = await recheckGate({ messageId });
        if (!gate.ok) {
          await timeline(channel, 'rejected', { resultCode: gate.code, note: `fallback not sent: ${gate.message}` });
          attempts.push({ role: 'fallback', channel, sent: false, reason: gate.code });
          return false;
        }
      }
      const sms = await send('fallback', channel);
      if (sms.sent && wf.patched(MESSAGE_EVENT_WEBHOOKS)) notifications.push(notify('message.fallback_sent'));
      return sms.sent;
    },

    /**
     * Waits until decideOutcome can tell, then puts the results it was told on the timeline and
     * finalizes. The outcome is taken before any await, so a report arriving meanwhile cannot change
     * it: it is a late result (9005).
     */
    async decideWhenKnown(): Promise<void> {
      let decided: MessageOutcome | null;
      while ((decided = decide()) === null) {
        const owed = sentAttempts().filter((s) => !has(s));
        await waitFor(owed, Math.max(...owed.map((s) => s.sentAt + resultWindowMs)), () => decide() !== null);
      }
      const reported = [...results.keys()].flatMap((key) => sentAttempts().filter((s) => s.key === key));
      for (const s of reported) await recordResult(s);
      const last = attemptOf('fallback') ?? attemptOf('first')!;
      if (decided.failureReason === 'result_timeout' && last.sent) await noResult(last, resultWindowMs);
      await finish(decided);
    },

    async notifyMerchantAndSettleLateResults(): Promise<void> {
      notifications.push(notify());
      for (const s of sentAttempts()) {
        if (s.recorded) continue;
        await waitFor([s], s.sentAt + resultWindowMs, () => has(s));
        const entry = await recordResult(s);
        if (entry !== undefined && wf.patched(MESSAGE_EVENT_WEBHOOKS))
          notifications.push(notify('message.late_result', entry));
      }
      await Promise.all(notifications);
    },
  };
}

/** The send activity was retried until its schedule-to-close deadline (SPEC §4: the provider is unavailable). */
function pastSendDeadline(err: unknown): boolean {
  return err instanceof wf.ActivityFailure && (err.retryState === 'TIMEOUT' || err.cause instanceof wf.TimeoutFailure);
}
