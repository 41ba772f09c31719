/**
 * Accepting messages (SPEC §4, §7; issue 13): one message or a whole batch in one durable write.
 *
 * 1. `prepareMessages`: one read each of the merchant, its contract, the templates and the
 *    opt-outs of all recipients, and of earlier uses of the items' Idempotency-Keys, plus the
 *    uploaded images the items name; then every rule of domain/message and the sending gate, item
 *    by item. A refused item stores nothing. No URL is ever fetched (SPEC §2: images by upload).
 * 2. `storeMessages`: the accepted rows and the outbox entries of their workflow starts in one
 *    PostgreSQL statement (a single send) or one transaction of multi-row statements (a batch).
 *    After the commit the outbox dispatcher is woken and starts them (platform/outbox.ts); Temporal
 *    is not on this path, so an outage of it delays sending but not acceptance. A message is
 *    `accepted` until its workflow runs.
 */
import type { z } from 'zod';
import { checkMessage } from '../../domain/message';
import { checkRecipient, maskPhone } from '../../domain/phone';
import type { RuleViolation } from '../../domain/rules';
import { checkScheduledAt } from '../../domain/schedule';
import { checkSenderNumber } from '../../domain/sender-number';
import { checkSendingGate, defaultSender, type GateContract } from '../../domain/sending-gate';
import type { Config } from '../../platform/config';
import { transaction, writtenOnce, type Db, type Trx } from '../../platform/db';
import { newId } from '../../platform/ids';
import { gateContract } from '../../store/contracts';
import { findImages, type ImageRecord } from '../../store/images';
import { findMerchant, type Merchant } from '../../store/merchants';
import {
  findByIdempotencyKeys,
  findTemplates,
  insertMessagesWithStarts,
  MESSAGES_PER_STATEMENT,
  optedOut,
  type NewMessage,
  type TemplateRow,
} from '../../store/messages';
import type { WorkflowStart } from '../../store/outbox';
import { sendableTemplate } from '../../store/templates';
import { messageWorkflowId } from '../../workflows/ids';
import { MessageWorkflow, type MessageWorkflowInput } from '../../workflows/message';
import { CampaignId, MerchantId, MessageStatus, MessageType } from '../../workflows/search-attributes';
import { TASK_QUEUES } from '../../workflows/task-queues';
import { ApiError, badRequest, notFound, ruleViolations } from '../errors';
import { idempotencyKeyReused, replayOf, requestHash } from '../idempotency';
import type { MessageBody } from '../schemas/messages';

export type MessageInput = z.output<typeof MessageBody>;

/** What acceptance needs besides the request: the database, the settings, and whom to wake after a commit. */
export interface AcceptanceDeps {
  db: Db;
  config: Config;
  outbox: { wake(): void };
  /** Kakao's ad hours depend on it (SPEC §4); tests that send FriendTalk pin it to daytime. */
  clock?: () => Date;
}

/** One message of a request, with its own Idempotency-Key (a batch item's `idempotencyKey`). */
export interface MessageRequest {
  input: MessageInput;
  idempotencyKey?: string;
  /** A campaign's recipient (SPEC §7): the message carries the campaign's id. */
  campaignId?: string;
}

/** The result of one message: accepted (`replayed` when an earlier request with its key did it), or refused. */
export type ItemOutcome = { ok: true; id: string; replayed: boolean } | { ok: false; error: ApiError };

/**
 * A message of a request after its checks: new (to be stored), already decided (refused, or a
 * replay of an earlier request), or a repeat of an earlier item of the same request with the same
 * Idempotency-Key and content, which is that item's message.
 */
export type Prepared =
  | { kind: 'new'; message: NewMessage; start: WorkflowStart }
  | { kind: 'decided'; outcome: ItemOutcome }
  | { kind: 'repeat'; of: number };

/** The platform never fetches a merchant-given URL (SPEC §2; issue 12: SSRF). */
const imageUrlRefused = () =>
  badRequest(
    'image_url_not_accepted',
    'bizmsg does not fetch images from URLs: upload the image with POST /v1/images {fileName, contentBase64} and send its id as imageId',
    { field: 'imageUrl' },
  );

/** The reads every message of a request shares, one query each however many messages there are. */
interface SharedReads {
  merchant: Merchant;
  contract: GateContract | undefined;
  templates: Map<string, TemplateRow>;
  optedOut: Set<string>;
  earlier: Map<string, { id: string; requestHash: string | null }>;
  /** The merchant's uploaded images the request names (their FriendTalk rules were checked at upload). */
  images: Map<string, ImageRecord>;
}

async function readShared(db: Db, merchantId: string, requests: MessageRequest[]): Promise<SharedReads> {
  const codes = new Set<string>();
  const recipients = new Set<string>();
  const keys = new Set<string>();
  const imageIds = new Set<string>();
  for (const { input, idempotencyKey } of requests) {
    if (input.type === 'alimtalk' && input.templateCode) codes.add(input.templateCode);
    const to = checkRecipient(input.to, 'to');
    if (to.ok) recipients.add(to.digits);
    if (idempotencyKey) keys.add(idempotencyKey);
    if (input.imageId !== undefined) imageIds.add(input.imageId);
  }
  const [merchant, contract, templates, opted, earlier, images] = await Promise.all([
    findMerchant(db, merchantId),
    gateContract(db, merchantId),
    findTemplates(db, merchantId, [...codes]),
    optedOut(db, merchantId, [...recipients]),
    findByIdempotencyKeys(db, merchantId, [...keys]),
    findImages(db, merchantId, [...imageIds]),
  ]);
  if (!merchant) throw notFound('merchant');
  return { merchant, contract, templates, optedOut: opted, earlier, images };
}

/** Every rule, for one message: the message and its workflow start, or why not. */
function checkOne(
  reads: SharedReads,
  config: Config,
  merchantId: string,
  request: MessageRequest,
  now: Date,
  hash: string | null,
): { ok: true; message: NewMessage; start: WorkflowStart } | { ok: false; error: ApiError } {
  const { input, idempotencyKey } = request;
  // Another merchant's image is as unknown as one that does not exist.
  if (input.imageId !== undefined && !reads.images.has(input.imageId))
    return {
      ok: false,
      error: new ApiError(404, 'image_not_found', `image ${input.imageId} not found: upload it with POST /v1/images`, {
        field: 'imageId',
      }),
    };
  const recipient = checkRecipient(input.to, 'to');
  const violations: RuleViolation[] = [];
  if (!recipient.ok) violations.push(recipient.violation);
  const fromChecked = input.from !== undefined ? checkSenderNumber(input.from, 'from') : undefined;
  if (fromChecked && !fromChecked.ok) violations.push(fromChecked.violation);
  const template =
    input.type === 'alimtalk' && input.templateCode ? reads.templates.get(input.templateCode) : undefined;
  const schedule = checkScheduledAt(input.scheduledAt === undefined ? undefined : new Date(input.scheduledAt), now);
  if (!schedule.ok) violations.push(schedule.violation);
  const scheduledAt = schedule.ok ? schedule.at : null;
  const checked = checkMessage(input, {
    smsByteLimit: config.smsByteLimit,
    senderName: reads.merchant.name,
    template: template && sendableTemplate(template),
    // A scheduled FriendTalk meets Kakao's ad quiet hours at its time, not now (SPEC §4).
    now: scheduledAt ?? now,
    holdDuringQuietHours: input.holdDuringQuietHours,
  });
  if (!checked.ok) violations.push(...checked.violations);
  if (violations.length || !checked.ok || !recipient.ok) return { ok: false, error: ruleViolations(violations) };
  const plan = checked.plan;

  const from =
    (fromChecked?.ok ? fromChecked.digits : undefined) ?? (reads.contract ? defaultSender(reads.contract) : null);
  const gate = checkSendingGate(reads.contract, {
    kind: plan.type,
    from,
    fallback: plan.fallback?.channel ?? null,
    recipientOptedOut: reads.optedOut.has(recipient.digits),
  });
  if (!gate.ok) return { ok: false, error: ruleViolations([gate.violation]) };

  const id = newId('msg');
  const message: NewMessage = {
    id,
    merchantId,
    contractId: reads.contract!.id,
    type: plan.type,
    recipient: recipient.digits,
    recipientMasked: maskPhone(recipient.digits),
    senderNumber: from,
    text: plan.text,
    subject: plan.subject ?? null,
    templateCode: plan.templateCode ?? null,
    buttons: plan.buttons ?? null,
    variables: input.variables ?? null,
    imageId: plan.imageId ?? null,
    fallback: plan.fallback,
    reference: input.reference ?? null,
    paymentNoticeId: null,
    idempotencyKey: idempotencyKey ?? null,
    requestHash: hash,
    notBefore: plan.notBefore?.toISOString() ?? null,
    createdAt: now.toISOString(),
    scheduledAt: scheduledAt?.toISOString() ?? null,
    holdDuringQuietHours: input.holdDuringQuietHours ?? false,
    campaignId: request.campaignId ?? null,
  };
  const workflowInput: MessageWorkflowInput = {
    messageId: id,
    merchantId,
    kind: 'message',
    channel: plan.channel,
    fallback: plan.fallback?.channel ?? null,
    // A scheduled message waits for its time, a held FriendTalk's hold included, as one cancellable wait.
    notBefore: scheduledAt ? null : message.notBefore,
    scheduledAt: scheduledAt ? (plan.notBefore ?? scheduledAt).toISOString() : null,
    kakaoResultTimeoutMs: config.kakaoResultTimeoutMs,
    resultWindowMs: config.resultWindowMs,
    sendDeadlines: config.sendDeadlines,
    merchantHasWebhook: reads.merchant.webhookUrl !== null,
  };
  const start: WorkflowStart = {
    workflowId: messageWorkflowId(id),
    workflowType: MessageWorkflow.name,
    taskQueue: TASK_QUEUES.messages,
    args: [workflowInput],
    searchAttributes: {
      [MerchantId.name]: merchantId,
      [MessageType.name]: plan.type,
      [MessageStatus.name]: scheduledAt ? 'scheduled' : 'accepted',
      ...(request.campaignId ? { [CampaignId.name]: request.campaignId } : {}),
    },
  };
  return { ok: true, message, start };
}

/**
 * Checks every message of one request against every rule, with one read of what they share. An
 * Idempotency-Key used before answers with that message (the same request) or a refusal (another).
 */
export async function prepareMessages(
  deps: AcceptanceDeps,
  merchantId: string,
  requests: MessageRequest[],
): Promise<Prepared[]> {
  const reads = await readShared(deps.db, merchantId, requests);
  const now = deps.clock?.() ?? new Date();
  const refused = (error: ApiError): Prepared => ({ kind: 'decided', outcome: { ok: false, error } });
  const firstOfKey = new Map<string, { index: number; hash: string }>();
  return requests.map((request, index): Prepared => {
    if (request.input.imageUrl !== undefined) return refused(imageUrlRefused());
    const key = request.idempotencyKey;
    const hash = key ? requestHash(request.input) : null;
    if (key && hash) {
      const earlier = reads.earlier.get(key);
      const seen = replayOf(earlier?.requestHash, hash);
      if (seen === 'reused') return refused(idempotencyKeyReused());
      if (seen === 'replay') return { kind: 'decided', outcome: { ok: true, id: earlier!.id, replayed: true } };
      const first = firstOfKey.get(key);
      if (first)
        return replayOf(first.hash, hash) === 'replay'
          ? { kind: 'repeat', of: first.index }
          : refused(idempotencyKeyReused());
      firstOfKey.set(key, { index, hash });
    }
    const checked = checkOne(reads, deps.config, merchantId, request, now, hash);
    if (!checked.ok) return refused(checked.error);
    return { kind: 'new', message: checked.message, start: checked.start };
  });
}

/**
 * Stores the new messages and their workflow starts in one transaction, and `alsoStore` in it
 * too (a batch's answer under its Idempotency-Key). A message whose key a concurrent request
 * stored meanwhile is that request's message, not a second one.
 */
export async function storeMessages(
  deps: AcceptanceDeps,
  merchantId: string,
  prepared: Prepared[],
  alsoStore?: (trx: Trx, outcomes: ItemOutcome[]) => Promise<void>,
): Promise<ItemOutcome[]> {
  const fresh = prepared.flatMap((p) => (p.kind === 'new' ? [p] : []));
  const startOf = new Map(fresh.map((p) => [p.message.id, p.start]));
  const write = async (q: Db | Trx) => {
    const inserted = new Set<string>();
    for (let i = 0; i < fresh.length; i += MESSAGES_PER_STATEMENT) {
      const chunk = fresh.slice(i, i + MESSAGES_PER_STATEMENT).map((p) => p.message);
      for (const id of await insertMessagesWithStarts(q, chunk, (id) => startOf.get(id)!)) inserted.add(id);
    }
    const lost = fresh.filter((p) => !inserted.has(p.message.id));
    const winners = await findByIdempotencyKeys(
      q,
      merchantId,
      lost.map((p) => p.message.idempotencyKey!),
    );
    const outcomes: ItemOutcome[] = [];
    for (const p of prepared) {
      if (p.kind === 'decided') outcomes.push(p.outcome);
      else if (p.kind === 'repeat') {
        const first = outcomes[p.of];
        outcomes.push(first.ok ? { ok: true, id: first.id, replayed: true } : first);
      } else if (inserted.has(p.message.id)) outcomes.push({ ok: true, id: p.message.id, replayed: false });
      else {
        const winner = winners.get(p.message.idempotencyKey!)!;
        outcomes.push(
          replayOf(winner.requestHash, p.message.requestHash!) === 'replay'
            ? { ok: true, id: winner.id, replayed: true }
            : { ok: false, error: idempotencyKeyReused() },
        );
      }
    }
    if (q.isTransaction) await alsoStore?.(q as Trx, outcomes);
    return outcomes;
  };
  // Up to one statement's worth (every single send): that one statement is the transaction.
  const outcomes =
    fresh.length <= MESSAGES_PER_STATEMENT && !alsoStore
      ? await writtenOnce(() => write(deps.db))
      : await transaction(deps.db, write);
  if (fresh.length) deps.outbox.wake();
  return outcomes;
}

/** One message (`POST /v1/messages`): accepted, or the ApiError of its refusal. */
export async function acceptMessage(
  deps: AcceptanceDeps,
  merchantId: string,
  input: MessageInput,
  idempotencyKey?: string,
): Promise<{ id: string; replayed: boolean }> {
  const prepared = await prepareMessages(deps, merchantId, [{ input, idempotencyKey }]);
  const [outcome] =
    prepared[0].kind === 'decided' ? [prepared[0].outcome] : await storeMessages(deps, merchantId, prepared);
  if (!outcome.ok) throw outcome.error;
  return { id: outcome.id, replayed: outcome.replayed };
}

/** The error of one batch item, in the API's error shape. */
export function itemError(err: ApiError): { code: string; message: string; details?: unknown } {
  return { code: err.code, message: err.message, ...(err.details === undefined ? {} : { details: err.details }) };
}
