/** Campaigns and their recipients in PostgreSQL (SPEC §7): the rows the API writes and the CampaignWorkflow works through. */
import type { Knex } from 'knex';
import type { CampaignRecipient, CampaignStatus, CampaignTally, RecipientState } from '../domain/campaign';
import type { MessageStatus } from '../domain/delivery';
import { newestCreatedFirst } from './queries';

/** The content every recipient gets: a message request without `to` (api/schemas/campaigns.ts). */
export type CampaignMessage = Record<string, unknown> & { type: string };

export interface NewCampaign {
  id: string;
  merchantId: string;
  name: string;
  status: CampaignStatus;
  message: CampaignMessage;
  scheduledAt: string | null;
  ratePerMinute: number;
  createdAt: string;
  /** The request's Idempotency-Key and body hash, when it carried one. */
  idempotencyKey?: string | null;
  requestHash?: string | null;
}

export interface CampaignRow {
  id: string;
  merchant_id: string;
  name: string;
  status: CampaignStatus;
  message: CampaignMessage | null;
  scheduled_at: Date | null;
  rate_per_minute: number;
  total: number;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  idempotency_key: string | null;
  request_hash: string | null;
}

/** Rows per INSERT: far below PostgreSQL's 65,535 parameters per statement. */
const ROWS_PER_INSERT = 2_000;

export async function insertCampaign(
  trx: Knex.Transaction,
  { id, merchantId, name, status, message, scheduledAt, ratePerMinute, createdAt, ...request }: NewCampaign,
  recipients: CampaignRecipient[],
): Promise<void> {
  await trx('campaigns').insert({
    id,
    name,
    status,
    message: JSON.stringify(message),
    merchant_id: merchantId,
    scheduled_at: scheduledAt,
    rate_per_minute: ratePerMinute,
    total: recipients.length,
    created_at: createdAt,
    idempotency_key: request.idempotencyKey ?? null,
    request_hash: request.requestHash ?? null,
  });
  for (let i = 0; i < recipients.length; i += ROWS_PER_INSERT) {
    await trx('campaign_recipients').insert(
      recipients.slice(i, i + ROWS_PER_INSERT).map((r, j) => ({
        campaign_id: id,
        seq: i + j,
        recipient: r.to,
        variables: r.variables ? JSON.stringify(r.variables) : null,
      })),
    );
  }
}

export async function findCampaign(db: Knex, id: string): Promise<CampaignRow | undefined> {
  return db<CampaignRow>('campaigns').where({ id }).first();
}

/** The merchant's campaign started with this Idempotency-Key, if any. */
export async function findCampaignByIdempotencyKey(
  db: Knex,
  merchantId: string,
  key: string,
): Promise<CampaignRow | undefined> {
  return db<CampaignRow>('campaigns').where({ merchant_id: merchantId, idempotency_key: key }).first();
}

export async function listCampaigns(
  db: Knex,
  f: { merchantId?: string; after?: [string, string]; limit: number },
): Promise<{ rows: CampaignRow[]; hasMore: boolean }> {
  return newestCreatedFirst<CampaignRow>(db('campaigns'), f, { merchant_id: f.merchantId });
}

/** The CampaignWorkflow's status as the API shows it; the first start and the end are stamped once. */
export async function setCampaignStatus(db: Knex, id: string, status: CampaignStatus, at: string): Promise<void> {
  await db('campaigns')
    .where({ id })
    .update({
      status,
      updated_at: at,
      ...(status === 'running' ? { started_at: db.raw('coalesce(started_at, ?)', [at]) } : {}),
      ...(status === 'completed' || status === 'cancelled' ? { finished_at: at } : {}),
    });
}

export interface PendingRecipient {
  seq: number;
  recipient: string | null;
  variables: Record<string, string> | null;
}

/** The recipients `from ≤ seq < from + size` still waiting their turn. */
export async function pendingRecipients(
  db: Knex,
  campaignId: string,
  from: number,
  size: number,
): Promise<PendingRecipient[]> {
  return db('campaign_recipients')
    .where({ campaign_id: campaignId, state: 'pending' })
    .where('seq', '>=', from)
    .where('seq', '<', from + size)
    .orderBy('seq')
    .select('seq', 'recipient', 'variables');
}

export type RecipientResult =
  { seq: number; messageId: string } | { seq: number; error: { code: string; message: string; details?: unknown } };

/** Each recipient's message, or why it was refused; a retried step writes the same again. */
export async function recordRecipientResults(db: Knex, campaignId: string, results: RecipientResult[]): Promise<void> {
  if (!results.length) return;
  const values = results.map((r) => [
    r.seq,
    'messageId' in r ? 'accepted' : 'rejected',
    'messageId' in r ? r.messageId : null,
    'error' in r ? JSON.stringify(r.error) : null,
  ]);
  await db.raw(
    `UPDATE campaign_recipients AS r SET state = v.state, message_id = v.message_id, error = v.error::jsonb
       FROM (VALUES ${values.map(() => '(?::int, ?, ?, ?)').join(', ')}) AS v(seq, state, message_id, error)
      WHERE r.campaign_id = ? AND r.seq = v.seq`,
    [...values.flat(), campaignId],
  );
}

/** A cancelled campaign: every recipient still waiting its turn is cancelled. */
export async function cancelPendingRecipients(db: Knex, campaignId: string): Promise<number> {
  return db('campaign_recipients').where({ campaign_id: campaignId, state: 'pending' }).update({ state: 'cancelled' });
}

/** Recipients by state and the campaign's messages by status: the facts its counts come from. */
export async function campaignTally(db: Knex, campaignId: string): Promise<CampaignTally> {
  const [recipients, messages] = await Promise.all([
    db('campaign_recipients')
      .where({ campaign_id: campaignId })
      .groupBy('state')
      .select('state', db.raw('count(*)::int as n')),
    db('messages').where({ campaign_id: campaignId }).groupBy('status').select('status', db.raw('count(*)::int as n')),
  ]);
  return {
    recipients: Object.fromEntries(recipients.map((r: { state: RecipientState; n: number }) => [r.state, r.n])),
    messages: Object.fromEntries(messages.map((m: { status: MessageStatus; n: number }) => [m.status, m.n])),
  };
}

export interface RejectedRecipient {
  seq: number;
  recipient: string | null;
  error: { code: string; message: string; details?: unknown };
}

/** The rows the acceptance rules refused, in request order, after `afterSeq`. */
export async function rejectedRecipients(
  db: Knex,
  campaignId: string,
  afterSeq: number | undefined,
  limit: number,
): Promise<{ rows: RejectedRecipient[]; hasMore: boolean }> {
  const q = db('campaign_recipients')
    .where({ campaign_id: campaignId, state: 'rejected' })
    .orderBy('seq')
    .limit(limit + 1)
    .select('seq', 'recipient', 'error');
  if (afterSeq !== undefined) q.where('seq', '>', afterSeq);
  const rows = await q;
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}
