/**
 * Accepting a message (SPEC §4): every rule of domain/message and the sending gate are checked
 * before anything is stored, so a refused message starts no workflow. An accepted message is one
 * row and one MessageWorkflow, created together: the workflow start happens inside the row's
 * transaction, and the idempotency key makes a repeat return the same message.
 */
import type { Client } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { z } from 'zod';
import { checkFriendTalkImage, IMAGE_MAX_BYTES } from '../../domain/image';
import { checkMessage } from '../../domain/message';
import { checkRecipient, maskPhone } from '../../domain/phone';
import type { RuleViolation } from '../../domain/rules';
import { checkSenderNumber } from '../../domain/sender-number';
import { checkSendingGate, defaultSender, type GateContract } from '../../domain/sending-gate';
import type { Config } from '../../platform/config';
import type { Db } from '../../platform/db';
import { newId } from '../../platform/ids';
import { gateContract } from '../../store/contracts';
import { findMerchant, type Merchant } from '../../store/merchants';
import { findByIdempotencyKey, findTemplate, insertMessages, optedOut, type NewMessage } from '../../store/messages';
import { messageWorkflowId } from '../../workflows/ids';
import { MessageWorkflow, type MessageWorkflowInput } from '../../workflows/message';
import { MerchantId, MessageStatus, MessageType } from '../../workflows/search-attributes';
import { TASK_QUEUES } from '../../workflows/task-queues';
import { ApiError, notFound, ruleViolations } from '../errors';
import { isReplay, requestHash } from '../idempotency';
import type { MessageBody } from '../schemas/messages';

export type MessageInput = z.output<typeof MessageBody>;

/** Reads shared by every message of one request (a batch has up to 1,000). */
export class AcceptanceContext {
  private merchant?: Promise<Merchant | undefined>;
  private contract?: Promise<GateContract | undefined>;
  private readonly images = new Map<string, Promise<RuleViolation[]>>();

  constructor(
    readonly db: Db,
    readonly temporal: Client,
    readonly config: Config,
    readonly merchantId: string,
  ) {}

  getMerchant() {
    return (this.merchant ??= findMerchant(this.db, this.merchantId));
  }

  getContract() {
    return (this.contract ??= gateContract(this.db, this.merchantId));
  }

  /** FriendTalk images are checked from their bytes (format, size, width, ratio: SPEC §2). */
  checkImage(url: string): Promise<RuleViolation[]> {
    let checked = this.images.get(url);
    if (!checked) {
      checked = fetchImage(url).then((bytes) => {
        if (!(bytes instanceof Uint8Array)) return [bytes];
        const image = checkFriendTalkImage(bytes, 'imageUrl');
        return image.ok ? [] : image.violations;
      });
      this.images.set(url, checked);
    }
    return checked;
  }
}

async function fetchImage(url: string): Promise<Uint8Array | RuleViolation> {
  const unreachable = (why: string): RuleViolation => ({
    code: 'image_unreachable',
    message: `the image could not be fetched: ${why}`,
    field: 'imageUrl',
  });
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5_000), redirect: 'follow' });
    if (!res.ok || !res.body) return unreachable(`HTTP ${res.status}`);
    // Read one byte past the limit at most: enough to know it is too large.
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      chunks.push(chunk);
      size += chunk.length;
      if (size > IMAGE_MAX_BYTES) break;
    }
    return Buffer.concat(chunks);
  } catch (err) {
    return unreachable((err as Error).message);
  }
}

export interface Acceptance {
  id: string;
  /** True when an earlier request with the same Idempotency-Key already accepted it. */
  replayed: boolean;
}

export async function startMessageWorkflow(temporal: Client, input: MessageWorkflowInput, type: string): Promise<void> {
  try {
    await temporal.workflow.start(MessageWorkflow, {
      workflowId: messageWorkflowId(input.messageId),
      taskQueue: TASK_QUEUES.messages,
      args: [input],
      // One message, one run, ever: a repeated request must not start a finished message again.
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      typedSearchAttributes: [
        { key: MerchantId, value: input.merchantId },
        { key: MessageType, value: type },
        { key: MessageStatus, value: 'accepted' },
      ],
    });
  } catch (err) {
    // Already running: an earlier attempt got this far. One message, one workflow.
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
}

async function replay(ctx: AcceptanceContext, key: string, hash: string): Promise<Acceptance | undefined> {
  const existing = await findByIdempotencyKey(ctx.db, ctx.merchantId, key);
  if (!existing || !isReplay(existing.requestHash, hash)) return undefined;
  return { id: existing.id, replayed: true };
}

export async function acceptMessage(
  ctx: AcceptanceContext,
  input: MessageInput,
  idempotencyKey?: string,
): Promise<Acceptance> {
  const hash = requestHash(input);
  if (idempotencyKey) {
    const earlier = await replay(ctx, idempotencyKey, hash);
    if (earlier) return earlier;
  }

  const recipient = checkRecipient(input.to, 'to');
  const to = recipient.ok ? recipient : undefined;
  // The reads this message needs, at once.
  const [merchant, template, contract, optOuts] = await Promise.all([
    ctx.getMerchant(),
    input.type === 'alimtalk' && input.templateCode
      ? findTemplate(ctx.db, ctx.merchantId, input.templateCode)
      : undefined,
    ctx.getContract(),
    to ? optedOut(ctx.db, ctx.merchantId, [to.digits]) : new Set<string>(),
  ]);
  if (!merchant) throw notFound('merchant');
  const violations: RuleViolation[] = [];
  if (!recipient.ok) violations.push(recipient.violation);
  const fromChecked = input.from !== undefined ? checkSenderNumber(input.from, 'from') : undefined;
  if (fromChecked && !fromChecked.ok) violations.push(fromChecked.violation);
  const fromParsed = fromChecked?.ok ? fromChecked : undefined;

  const now = new Date();
  const checked = checkMessage(input, {
    smsByteLimit: ctx.config.smsByteLimit,
    senderName: merchant.name,
    template: template && { code: template.code, text: template.text, status: template.status },
    now,
    holdDuringQuietHours: input.holdDuringQuietHours,
  });
  if (!checked.ok) violations.push(...checked.violations);
  if (input.type === 'friendtalk_image' && input.imageUrl && violations.length === 0)
    violations.push(...(await ctx.checkImage(input.imageUrl)));
  if (violations.length || !checked.ok || !to) throw ruleViolations(violations);
  const plan = checked.plan;

  const from = fromParsed?.digits ?? (contract ? defaultSender(contract) : null);
  const gate = checkSendingGate(contract, {
    kind: input.type,
    from,
    fallback: plan.fallback?.channel ?? null,
    recipientOptedOut: optOuts.has(to.digits),
  });
  if (!gate.ok) throw ruleViolations([gate.violation]);

  const id = newId('msg');
  const message: NewMessage = {
    id,
    merchantId: ctx.merchantId,
    contractId: contract!.id,
    type: input.type,
    recipient: to.digits,
    recipientMasked: maskPhone(to.digits),
    senderNumber: from,
    text: plan.text,
    subject: plan.subject ?? null,
    templateCode: plan.templateCode ?? null,
    variables: input.variables ?? null,
    imageUrl: plan.imageUrl ?? null,
    fallback: plan.fallback,
    reference: input.reference ?? null,
    paymentNoticeId: null,
    idempotencyKey: idempotencyKey ?? null,
    requestHash: hash,
    notBefore: plan.notBefore?.toISOString() ?? null,
    createdAt: now.toISOString(),
  };
  const workflowInput: MessageWorkflowInput = {
    messageId: id,
    merchantId: ctx.merchantId,
    kind: 'message',
    channel: plan.channel,
    fallback: plan.fallback?.channel ?? null,
    notBefore: message.notBefore,
    kakaoResultTimeoutMs: ctx.config.kakaoResultTimeoutMs,
    resultWindowMs: ctx.config.resultWindowMs,
  };
  try {
    await ctx.db.transaction(async (trx) => {
      await insertMessages(trx, [message]);
      await startMessageWorkflow(ctx.temporal, workflowInput, input.type);
    });
  } catch (err) {
    // Two requests with the same key at once: the other one won; answer with its message.
    if (idempotencyKey && (err as { code?: string }).code === '23505') {
      const earlier = await replay(ctx, idempotencyKey, hash);
      if (earlier) return earlier;
    }
    throw err;
  }
  return { id, replayed: false };
}

/** The error of one batch item, in the API's error shape. */
export function itemError(err: unknown): { code: string; message: string; details?: unknown } {
  if (err instanceof ApiError)
    return { code: err.code, message: err.message, ...(err.details === undefined ? {} : { details: err.details }) };
  throw err;
}
