/** SMS/LMS carrier failover state (migrations/016_carriers.ts) and its entries on a message's timeline. */
import type { Knex } from 'knex';
import { channelOfKey } from '../domain/provider-keys';
import type { AttemptRow } from './messages';

export type CarrierAttemptStatus = 'failing' | 'handed_over' | 'accepted';

export interface CarrierAttemptRow {
  idempotency_key: string;
  message_id: string;
  carrier: string;
  status: CarrierAttemptStatus;
  provider_message_id: string | null;
  failure: string | null;
  failing_since: Date | null;
  handed_over_to: string | null;
  updated_at: Date;
}

export async function carrierAttempts(db: Knex, idempotencyKey: string): Promise<CarrierAttemptRow[]> {
  return db<CarrierAttemptRow>('carrier_attempts').where({ idempotency_key: idempotencyKey });
}

/** Records a failed try; the first failure's time stays (the carrier's deadline counts from it). Returns it. */
export async function recordCarrierFailure(
  db: Knex,
  a: { idempotencyKey: string; messageId: string; carrier: string; failure: string; at: Date },
): Promise<Date> {
  const [row] = await db('carrier_attempts')
    .insert({
      idempotency_key: a.idempotencyKey,
      message_id: a.messageId,
      carrier: a.carrier,
      status: 'failing',
      failure: a.failure,
      failing_since: a.at,
      updated_at: a.at,
    })
    .onConflict(['idempotency_key', 'carrier'])
    .merge({ failure: a.failure, updated_at: a.at })
    .returning('failing_since');
  return new Date(row.failing_since);
}

export async function recordCarrierHandover(
  db: Knex,
  a: { idempotencyKey: string; carrier: string; next: string; at: Date },
): Promise<void> {
  await db('carrier_attempts')
    .where({ idempotency_key: a.idempotencyKey, carrier: a.carrier })
    .update({ status: 'handed_over', handed_over_to: a.next, updated_at: a.at });
}

export async function recordCarrierAcceptance(
  db: Knex,
  a: { idempotencyKey: string; messageId: string; carrier: string; providerMessageId: string; at: Date },
): Promise<void> {
  await db('carrier_attempts')
    .insert({
      idempotency_key: a.idempotencyKey,
      message_id: a.messageId,
      carrier: a.carrier,
      status: 'accepted',
      provider_message_id: a.providerMessageId,
      updated_at: a.at,
    })
    .onConflict(['idempotency_key', 'carrier'])
    .merge({ status: 'accepted', provider_message_id: a.providerMessageId, updated_at: a.at });
}

export async function carrierOfProviderMessage(db: Knex, providerMessageId: string): Promise<string | undefined> {
  const row = await db('carrier_attempts')
    .where({ provider_message_id: providerMessageId, status: 'accepted' })
    .first('carrier');
  return row?.carrier;
}

/** The handovers of these messages, oldest first. */
export async function carrierHandovers(db: Knex, messageIds: string[]): Promise<CarrierAttemptRow[]> {
  if (!messageIds.length) return [];
  return db<CarrierAttemptRow>('carrier_attempts')
    .whereIn('message_id', messageIds)
    .where({ status: 'handed_over' })
    .orderBy('updated_at');
}

/**
 * A message's timeline with its carrier handovers: each one just before the first entry of its
 * channel (the key's suffix) at or after it — the send it led to — or last, while still sending.
 */
export function withHandovers(attempts: AttemptRow[], handovers: CarrierAttemptRow[]): AttemptRow[] {
  const out = [...attempts];
  for (const h of handovers) {
    const channel = channelOfKey(h.idempotency_key);
    const entry: AttemptRow = {
      seq: 0,
      channel,
      status: 'carrier_handed_over',
      provider_message_id: null,
      result_code: null,
      note: `${h.carrier} failed (${h.failure ?? 'unavailable'}): handed to ${h.handed_over_to}`,
      at: h.updated_at,
    };
    const at = out.findIndex(
      (a) => a.channel === channel && a.status !== 'carrier_handed_over' && +a.at >= +h.updated_at,
    );
    out.splice(at === -1 ? out.length : at, 0, entry);
  }
  return out;
}
