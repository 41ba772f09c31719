/** Payment events and their notices. */
import type { Knex } from 'knex';
import type { SkippedNotice, VirtualAccount } from '../domain/payment-notices';

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
  status: 'sending' | 'completed';
  created_at: Date;
}

export async function insertPaymentEvent(
  trx: Knex.Transaction,
  row: Omit<PaymentEventRow, 'created_at' | 'status' | 'vbank' | 'skipped'> & {
    vbank: VirtualAccount | null;
    skipped: SkippedNotice[];
  },
): Promise<boolean> {
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
