/** Messages, their timeline, usage records, templates and opt-outs in PostgreSQL. */
import type { Knex } from 'knex';
import {
  usagePeriodOf,
  type AttemptStatus,
  type FailureReason,
  type MessageKind,
  type MessageOutcome,
  type MessageStatus,
  type TimelineStatus,
} from '../domain/delivery';
import type { Channel, FallbackPlan } from '../domain/message';
import { FALLBACK_CHANNELS, KAKAO_TYPES } from '../domain/message-types';
import type { TemplateButton, TemplateStatus } from '../domain/template';
import type { UsageType } from '../domain/money';
import type { Audience } from '../domain/payment-notices';
import type { SendKind } from '../domain/sending-gate';
import { carrierHandovers, withHandovers } from './carriers';
import { workflowStartRow, type WorkflowStart } from './outbox';
import { newestCreatedFirst } from './queries';

export interface NewMessage {
  id: string;
  merchantId: string;
  contractId: string;
  type: SendKind;
  recipient: string;
  recipientMasked: string;
  senderNumber: string | null;
  text: string;
  subject: string | null;
  templateCode: string | null;
  variables: Record<string, string> | null;
  imageId: string | null;
  fallback: FallbackPlan | null;
  reference: string | null;
  paymentNoticeId: string | null;
  noticeAudience?: Audience | null;
  idempotencyKey: string | null;
  requestHash: string | null;
  notBefore: string | null;
  createdAt: string;
  /** AlimTalk: the buttons of the template version it is sent from. */
  buttons?: TemplateButton[] | null;
  /** A scheduled message (SPEC §4): its time; it reads `scheduled` until it starts. */
  scheduledAt?: string | null;
  holdDuringQuietHours?: boolean;
  /** The campaign the message is one recipient of. */
  campaignId?: string | null;
}

function messageRows(messages: NewMessage[]) {
  return messages.map((m) => ({
    id: m.id,
    merchant_id: m.merchantId,
    contract_id: m.contractId,
    type: m.type,
    status: m.scheduledAt ? 'scheduled' : 'accepted',
    recipient: m.recipient,
    recipient_masked: m.recipientMasked,
    sender_number: m.senderNumber,
    text: m.text,
    subject: m.subject,
    template_code: m.templateCode,
    variables: m.variables ? JSON.stringify(m.variables) : null,
    image_id: m.imageId,
    fallback: m.fallback ? JSON.stringify(m.fallback) : null,
    reference: m.reference,
    payment_notice_id: m.paymentNoticeId,
    notice_audience: m.noticeAudience ?? null,
    idempotency_key: m.idempotencyKey,
    request_hash: m.requestHash,
    not_before: m.notBefore,
    created_at: m.createdAt,
    scheduled_at: m.scheduledAt ?? null,
    hold_during_quiet_hours: m.holdDuringQuietHours ?? false,
    campaign_id: m.campaignId ?? null,
    buttons: m.buttons?.length ? JSON.stringify(m.buttons) : null,
  }));
}

export async function insertMessages(db: Knex | Knex.Transaction, messages: NewMessage[]): Promise<void> {
  if (!messages.length) return;
  await db('messages').insert(messageRows(messages));
}

/** Messages per statement: far below PostgreSQL's 65,535 parameters per statement. */
export const MESSAGES_PER_STATEMENT = 1_000;

/**
 * Inserts up to MESSAGES_PER_STATEMENT messages and, for each one inserted, its workflow start,
 * in one statement — both or neither, one round trip. Messages whose Idempotency-Key the merchant
 * has already used (a concurrent request may just have stored it) are skipped, and so are their
 * starts. Returns the ids inserted.
 */
export async function insertMessagesWithStarts(
  db: Knex | Knex.Transaction,
  messages: NewMessage[],
  startOf: (messageId: string) => WorkflowStart,
): Promise<Set<string>> {
  if (messages.length > MESSAGES_PER_STATEMENT) throw new Error(`at most ${MESSAGES_PER_STATEMENT} messages at once`);
  if (!messages.length) return new Set();
  const insert = db('messages')
    .insert(messageRows(messages))
    .onConflict(db.raw('(merchant_id, idempotency_key) WHERE idempotency_key IS NOT NULL'))
    .ignore()
    .returning('id')
    .toSQL();
  const starts = messages.map((m) => ({ message_id: m.id, ...workflowStartRow(startOf(m.id)) }));
  const { rows } = await db.raw(
    `WITH inserted AS (${insert.sql}),
          starts AS (
            INSERT INTO workflow_starts (workflow_id, workflow_type, task_queue, args, search_attributes)
            SELECT s.workflow_id, s.workflow_type, s.task_queue, s.args, s.search_attributes
              FROM jsonb_to_recordset(CAST(? AS jsonb)) AS s(message_id text, workflow_id text, workflow_type text,
                   task_queue text, args jsonb, search_attributes jsonb)
              JOIN inserted ON inserted.id = s.message_id)
     SELECT id FROM inserted`,
    [...insert.bindings, JSON.stringify(starts)],
  );
  return new Set(rows.map((r: { id: string }) => r.id));
}

/** The messages stored under these Idempotency-Keys of the merchant, by key. */
export async function findByIdempotencyKeys(
  db: Knex,
  merchantId: string,
  keys: string[],
): Promise<Map<string, { id: string; requestHash: string | null }>> {
  if (!keys.length) return new Map();
  const rows = await db('messages')
    .where({ merchant_id: merchantId })
    .whereRaw('idempotency_key = ANY(?)', [keys])
    .select('id', 'idempotency_key', 'request_hash');
  return new Map(rows.map((r) => [r.idempotency_key, { id: r.id, requestHash: r.request_hash }]));
}

export async function markSending(db: Knex, messageId: string): Promise<void> {
  await db('messages')
    .where({ id: messageId })
    .whereIn('status', ['accepted', 'scheduled'])
    .update({ status: 'sending' });
}

export interface AttemptEntry {
  messageId: string;
  seq: number;
  channel: Channel;
  status: AttemptStatus;
  providerMessageId: string | null;
  resultCode: string | null;
  note: string | null;
  at: string;
}

/** Writes one timeline entry; the workflow numbers them, so a retried write is the same row. */
export async function recordAttempt(db: Knex, e: AttemptEntry): Promise<void> {
  await db('message_attempts')
    .insert({
      message_id: e.messageId,
      seq: e.seq,
      channel: e.channel,
      status: e.status,
      provider_message_id: e.providerMessageId,
      result_code: e.resultCode,
      note: e.note,
      at: e.at,
    })
    .onConflict(['message_id', 'seq'])
    .merge();
}

export interface Finalization {
  messageId: string;
  status: MessageOutcome['status'];
  deliveredVia: Channel | null;
  failureReason: FailureReason | null;
  finalizedAt: string;
  /** For a delivered message: what it is billed as (Art. 6.3). */
  usage: { kind: MessageKind; usageType: UsageType } | null;
}

/**
 * Sets the final status and, for a delivered message, its one usage record — in one transaction.
 * The unique message_id of usage_records makes a second record impossible, however often this runs.
 */
export async function finalizeMessage(db: Knex, f: Finalization): Promise<void> {
  await db.transaction(async (trx) => {
    const message = await trx('messages').where({ id: f.messageId }).forUpdate().first('merchant_id', 'contract_id');
    if (!message) throw new Error(`message ${f.messageId} not found`);
    await trx('messages').where({ id: f.messageId }).update({
      status: f.status,
      delivered_via: f.deliveredVia,
      failure_reason: f.failureReason,
      finalized_at: f.finalizedAt,
    });
    if (f.status === 'delivered' && f.usage && f.deliveredVia) {
      await trx('usage_records')
        .insert({
          message_id: f.messageId,
          merchant_id: message.merchant_id,
          contract_id: message.contract_id,
          usage_type: f.usage.usageType,
          channel: f.deliveredVia,
          period: usagePeriodOf(f.finalizedAt),
          delivered_at: f.finalizedAt,
        })
        .onConflict('message_id')
        .ignore();
    }
  });
}

export interface MessageRow {
  id: string;
  merchant_id: string;
  contract_id: string;
  type: SendKind;
  status: MessageStatus;
  delivered_via: Channel | null;
  failure_reason: FailureReason | null;
  recipient: string | null;
  recipient_masked: string;
  sender_number: string | null;
  text: string | null;
  subject: string | null;
  template_code: string | null;
  variables: Record<string, string> | null;
  buttons: TemplateButton[] | null;
  image_id: string | null;
  fallback: FallbackPlan | null;
  reference: string | null;
  payment_notice_id: string | null;
  notice_audience: Audience | null;
  not_before: Date | null;
  created_at: Date;
  finalized_at: Date | null;
  scheduled_at: Date | null;
  hold_during_quiet_hours: boolean;
  campaign_id: string | null;
  personal_data_purged_at: Date | null;
}

export interface AttemptRow {
  seq: number;
  channel: Channel;
  /** `carrier_handed_over` entries come from the carrier failover's state (store/carriers.ts). */
  status: TimelineStatus;
  provider_message_id: string | null;
  result_code: string | null;
  note: string | null;
  at: Date;
}

export async function findMessage(
  db: Knex,
  id: string,
): Promise<{ message: MessageRow; attempts: AttemptRow[] } | undefined> {
  const message = await db<MessageRow>('messages').where({ id }).first();
  if (!message) return undefined;
  const attempts: AttemptRow[] = await db('message_attempts').where({ message_id: id }).orderBy('seq');
  return { message, attempts: withHandovers(attempts, await carrierHandovers(db, [id])) };
}

export async function attemptsOf(db: Knex, ids: string[]): Promise<Map<string, AttemptRow[]>> {
  const rows = ids.length ? await db('message_attempts').whereIn('message_id', ids).orderBy(['message_id', 'seq']) : [];
  const byMessage = new Map<string, AttemptRow[]>(ids.map((id) => [id, []]));
  for (const r of rows) byMessage.get(r.message_id)!.push(r);
  for (const h of await carrierHandovers(db, ids))
    byMessage.set(h.message_id, withHandovers(byMessage.get(h.message_id) ?? [], [h]));
  return byMessage;
}

export interface MessageFilter {
  merchantId?: string;
  status?: MessageStatus;
  type?: SendKind;
  since?: Date;
  until?: Date;
  paymentNoticeId?: string;
  /** Normalized digits. */
  recipient?: string;
  reference?: string;
  campaignId?: string;
  /** Position after which the page starts: [created_at ISO, id]. */
  after?: [string, string];
  limit: number;
}

export async function listMessages(db: Knex, f: MessageFilter): Promise<{ rows: MessageRow[]; hasMore: boolean }> {
  const q = db<MessageRow>('messages');
  if (f.since) q.where('created_at', '>=', f.since);
  if (f.until) q.where('created_at', '<', f.until);
  return newestCreatedFirst<MessageRow>(q, f, {
    merchant_id: f.merchantId,
    status: f.status,
    type: f.type,
    payment_notice_id: f.paymentNoticeId,
    recipient: f.recipient,
    reference: f.reference,
    campaign_id: f.campaignId,
  });
}

/** Counts for the console's dashboard: by type (with fallbacks) and by KST day, within [since, until). */
export async function messageStats(db: Knex, merchantId: string | undefined, since: Date, until: Date) {
  const scope = (q: Knex.QueryBuilder) => {
    q.where('created_at', '>=', since).andWhere('created_at', '<', until);
    if (merchantId) q.andWhere('merchant_id', merchantId);
    return q;
  };
  const [byType, daily] = await Promise.all([
    scope(
      db('messages').select(
        'type',
        db.raw('count(*)::int as total'),
        db.raw(`count(*) filter (where status = 'delivered')::int as delivered`),
        db.raw(`count(*) filter (where status = 'failed')::int as failed`),
        // A Kakao message delivered on its SMS/LMS fallback (SPEC §8).
        db.raw(`count(*) filter (where delivered_via in (?) and type in (?))::int as via_fallback`, [
          [...FALLBACK_CHANNELS],
          [...KAKAO_TYPES],
        ]),
      ),
    )
      .groupBy('type')
      .orderBy('type'),
    scope(
      db('messages').select(
        db.raw(`to_char(created_at at time zone 'Asia/Seoul', 'YYYY-MM-DD') as date`),
        db.raw('count(*)::int as total'),
        db.raw(`count(*) filter (where status = 'delivered')::int as delivered`),
      ),
    )
      .groupByRaw('1')
      .orderByRaw('1'),
  ]);
  return {
    byType: (
      byType as { type: SendKind; total: number; delivered: number; failed: number; via_fallback: number }[]
    ).map((r) => ({
      type: r.type,
      total: r.total,
      delivered: r.delivered,
      failed: r.failed,
      viaFallback: r.via_fallback,
    })),
    daily: daily as { date: string; total: number; delivered: number }[],
  };
}

export interface SendableMessage extends MessageRow {
  /** The Kakao channel (search id) of the message's contract. */
  contract_kakao_search_id: string | null;
}

/** The message as the workflow's activities need it, with its contract's Kakao channel. */
export async function messageForSending(db: Knex, id: string): Promise<SendableMessage | undefined> {
  return db('messages as m')
    .leftJoin('contracts as c', 'c.id', 'm.contract_id')
    .where('m.id', id)
    .first('m.*', 'c.kakao_search_id as contract_kakao_search_id');
}

// ── AlimTalk templates ──────────────────────────────────────────────────────

/** A template: its latest version (text, buttons, variables, status) and the approved one messages use. */
export interface TemplateRow {
  merchant_id: string;
  code: string;
  text: string;
  buttons: TemplateButton[];
  variables: string[];
  status: TemplateStatus;
  rejection_reason: string | null;
  created_at: Date;
  reviewed_at: Date | null;
  version: number;
  approved_version: number | null;
  approved_text: string | null;
  approved_buttons: TemplateButton[] | null;
}

interface NewTemplate {
  merchantId: string;
  code: string;
  text: string;
  buttons: TemplateButton[];
  variables: string[];
}

export async function insertTemplate(
  db: Knex,
  { merchantId, code, text, buttons, variables }: NewTemplate,
): Promise<TemplateRow | undefined> {
  const [row] = await db<TemplateRow>('templates')
    .insert({
      merchant_id: merchantId,
      code,
      text,
      buttons: JSON.stringify(buttons) as unknown as TemplateButton[],
      variables,
      status: 'requested',
    })
    .onConflict(['merchant_id', 'code'])
    .ignore()
    .returning('*');
  return row;
}

export async function findTemplate(db: Knex, merchantId: string, code: string): Promise<TemplateRow | undefined> {
  return db<TemplateRow>('templates').where({ merchant_id: merchantId, code }).first();
}

/** The merchant's templates with these codes, by code. */
export async function findTemplates(db: Knex, merchantId: string, codes: string[]): Promise<Map<string, TemplateRow>> {
  if (!codes.length) return new Map();
  const rows = await db<TemplateRow>('templates').where({ merchant_id: merchantId }).whereRaw('code = ANY(?)', [codes]);
  return new Map(rows.map((t) => [t.code, t]));
}

export async function listTemplates(db: Knex, merchantId: string): Promise<TemplateRow[]> {
  return db<TemplateRow>('templates').where({ merchant_id: merchantId }).orderBy('created_at', 'desc');
}

// ── Opt-outs (수신거부) ─────────────────────────────────────────────────────

export async function addOptOut(db: Knex, merchantId: string, number: string): Promise<boolean> {
  const rows = await db('opt_outs')
    .insert({ merchant_id: merchantId, number })
    .onConflict(['merchant_id', 'number'])
    .ignore()
    .returning('number');
  return rows.length > 0;
}

export async function removeOptOut(db: Knex, merchantId: string, number: string): Promise<boolean> {
  return (await db('opt_outs').where({ merchant_id: merchantId, number }).delete()) > 0;
}

export async function optedOut(db: Knex, merchantId: string, numbers: string[]): Promise<Set<string>> {
  if (!numbers.length) return new Set();
  const rows = await db('opt_outs')
    .where({ merchant_id: merchantId })
    .whereRaw('number = ANY(?)', [numbers])
    .pluck('number');
  return new Set(rows);
}

export async function listOptOuts(
  db: Knex,
  merchantId: string,
  after: string | undefined,
  limit: number,
): Promise<{ rows: { number: string; created_at: Date }[]; hasMore: boolean }> {
  const q = db('opt_outs')
    .where({ merchant_id: merchantId })
    .orderBy('number')
    .limit(limit + 1);
  if (after) q.where('number', '>', after);
  const rows = await q.select('number', 'created_at');
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}

/** A number on the merchant's opt-out list, with when it was added. */
export async function findOptOut(
  db: Knex,
  merchantId: string,
  number: string,
): Promise<{ number: string; created_at: Date } | undefined> {
  return db('opt_outs').where({ merchant_id: merchantId, number }).first('number', 'created_at');
}
