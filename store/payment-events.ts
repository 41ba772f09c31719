/** Payment events and their notices. */
import type { Knex } from 'knex';
import type { PaymentEventStatus, SkippedNotice, VirtualAccount } from '../domain/payment-notices';
import type { PaymentNoticeServices } from '../domain/services';
import { insertMessages, type NewMessage } from './messages';

export interface PaymentEventRow {
  id: string;
  contract_id: string;
  merchant_id: string;
  mid: string;
  tid: string;
  event: string;
  method: string;
  amount: number;
  product_name: string;
  buyer_name: string | null;
  buyer_phone: string | null;
  vbank: VirtualAccount | null;
  skipped: SkippedNotice[];
  status: PaymentEventStatus;
  created_at: Date;
}

export type NewPaymentEvent = Omit<PaymentEventRow, 'created_at' | 'status'>;

async function insertPaymentEvent(trx: Knex.Transaction, row: NewPaymentEvent): Promise<boolean> {
  const inserted = await trx('payment_events')
    .insert({
      ...row,
      vbank: row.vbank ? JSON.stringify(row.vbank) : null,
      skipped: JSON.stringify(row.skipped),
      status: 'sending',
    })
    .onConflict(['mid', 'tid', 'event'])
    .ignore()
    .returning('id');
  return inserted.length > 0;
}

/**
 * Stores a new payment event and its notices, and runs `start` (their workflow's start) inside the
 * same transaction: the rows commit only if the workflow started. False when the event is already stored.
 */
export async function insertPaymentEventWithNotices(
  db: Knex,
  event: NewPaymentEvent,
  notices: NewMessage[],
  start: () => Promise<void>,
): Promise<boolean> {
  return db.transaction(async (trx) => {
    if (!(await insertPaymentEvent(trx, event))) return false;
    await insertMessages(trx, notices);
    await start();
    return true;
  });
}

/** Whom a contract's payment notices go to: its payment-notice services and the merchant's receiving numbers. */
export async function noticeAudienceOf(
  db: Knex,
  contractId: string,
): Promise<{ services: PaymentNoticeServices; receiverNumbers: string[] }> {
  const row = await db('contracts').where({ id: contractId }).first('services', 'receiver_numbers');
  if (!row) throw new Error(`contract ${contractId} not found`);
  return { services: row.services.paymentNotice, receiverNumbers: row.receiver_numbers };
}

export async function findPaymentEvent(
  db: Knex,
  mid: string,
  tid: string,
  event: string,
): Promise<PaymentEventRow | undefined> {
  return db<PaymentEventRow>('payment_events').where({ mid, tid, event }).first();
}

export async function paymentEventsOf(db: Knex, mid: string, tid: string): Promise<PaymentEventRow[]> {
  return db<PaymentEventRow>('payment_events').where({ mid, tid }).orderBy('created_at');
}

export async function noticeIdsOf(db: Knex, paymentEventId: string): Promise<string[]> {
  // Sorted by id, as the first answer was (SPEC §7: the same event again answers with the first notices).
  return db('messages').where({ payment_notice_id: paymentEventId }).orderBy('id').pluck('id');
}

export async function completePaymentEvent(db: Knex, id: string): Promise<void> {
  await db('payment_events').where({ id }).update({ status: 'completed' });
}
