/**
 * Accepting a message (SPEC §4): every rule of domain/message and the sending gate are checked
 * before anything is stored, so a refused message starts no workflow. An accepted message is one
 * row and one MessageWorkflow, created together: the workflow start happens inside the row's
 * transaction, and the idempotency key makes a repeat return the same message.
 */
import type { Client } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { z } from 'zod';
import { checkMessage } from '../../domain/message';
import { checkRecipient, maskPhone } from '../../domain/phone';
import type { RuleViolation } from '../../domain/rules';
import { checkSenderNumber } from '../../domain/sender-number';
import { checkSendingGate, defaultSender, type GateContract } from '../../domain/sending-gate';
import type { Config } from '../../platform/config';
import type { Db } from '../../platform/db';
import { newId } from '../../platform/ids';
import { gateContract } from '../../store/contracts';
import { findImage, type ImageRecord } from '../../store/images';
import { findMerchant, type Merchant } from '../../store/merchants';
import { findByIdempotencyKey, findTemplate, insertMessages, optedOut, type NewMessage } from '../../store/messages';
import { messageWorkflowId } from '../../workflows/ids';
import { MessageWorkflow, type MessageWorkflowInput } from '../../workflows/message';
import { MerchantId, MessageStatus, MessageType } from '../../workflows/search-attributes';
import { TASK_QUEUES } from '../../workflows/task-queues';
import { ApiError, badRequest, notFound, ruleViolations } from '../errors';
import { isReplay, requestHash } from '../idempotency';
import type { MessageBody } from '../schemas/messages';

export type MessageInput = z.output<typeof MessageBody>;

/** Reads shared by every message of one request (a batch has up to 1,000). */
export class AcceptanceContext {
  private merchant?: Promise<Merchant | undefined>;
  private contract?: Promise<GateContract | undefined>;
  private readonly images = new Map<string, Promise<ImageRecord | undefined>>();

  constructor(
    readonly db: Db,
    readonly temporal: Client,
    readonly config: Config,
    readonly merchantId: string,
    /** Kakao's ad hours depend on it (SPEC §4); tests that send FriendTalk pin it to daytime. */
    readonly clock: () => Date = () => new Date(),
  ) {}

  getMerchant() {
    return (this.merchant ??= findMerchant(this.db, this.merchantId));
  }

  getContract() {
    return (this.contract ??= gateContract(this.db, this.merchantId));
  }

  /** One of the merchant's uploaded images (its FriendTalk rules were checked at upload). */
  getImage(id: string): Promise<ImageRecord | undefined> {
    let image = this.images.get(id);
    if (!image) this.images.set(id, (image = findImage(this.db, this.merchantId, id)));
    return image;
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
  if (input.imageUrl !== undefined)
    throw badRequest(
      'image_url_not_accepted',
      'bizmsg does not fetch images from URLs: upload the image with POST /v1/images {fileName, contentBase64} and send its id as imageId',
      { field: 'imageUrl' },
    );
  const hash = requestHash(input);
  if (idempotencyKey) {
    const earlier = await replay(ctx, idempotencyKey, hash);
    if (earlier) return earlier;
  }

  const recipient = checkRecipient(input.to, 'to');
  const to = recipient.ok ? recipient : undefined;
  // The reads this message needs, at once.
  const [merchant, template, contract, optOuts, image] = await Promise.all([
    ctx.getMerchant(),
    input.type === 'alimtalk' && input.templateCode
      ? findTemplate(ctx.db, ctx.merchantId, input.templateCode)
      : undefined,
    ctx.getContract(),
    to ? optedOut(ctx.db, ctx.merchantId, [to.digits]) : new Set<string>(),
    input.imageId !== undefined ? ctx.getImage(input.imageId) : undefined,
  ]);
  if (!merchant) throw notFound('merchant');
  // Another merchant's image is as unknown as one that does not exist.
  if (input.imageId !== undefined && !image)
    throw new ApiError(404, 'image_not_found', `image ${input.imageId} not found: upload it with POST /v1/images`, {
      field: 'imageId',
    });
  const violations: RuleViolation[] = [];
  if (!recipient.ok) violations.push(recipient.violation);
  const fromChecked = input.from !== undefined ? checkSenderNumber(input.from, 'from') : undefined;
  if (fromChecked && !fromChecked.ok) violations.push(fromChecked.violation);
  const fromParsed = fromChecked?.ok ? fromChecked : undefined;

  const now = ctx.clock();
  const checked = checkMessage(input, {
    smsByteLimit: ctx.config.smsByteLimit,
    senderName: merchant.name,
    template: template && { code: template.code, text: template.text, status: template.status },
    now,
    holdDuringQuietHours: input.holdDuringQuietHours,
  });
  if (!checked.ok) violations.push(...checked.violations);
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
    imageId: plan.imageId ?? null,
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
