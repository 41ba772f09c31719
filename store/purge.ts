/**
 * Art. 10.2: when a contract ends, the personal data we processed for the merchant is destroyed.
 * What law requires us to keep stays (SPEC §3, Art. 5.6): usage records and invoices (tax
 * records), message metadata without recipient or content (type, channel, status, times), and the
 * audit log.
 */
import type { Knex } from 'knex';

export interface PurgeReport {
  receiverNumbers: number;
  messages: number;
  optOuts: number;
  paymentEvents: number;
}

export async function purgeMerchantPersonalData(
  db: Knex,
  merchantId: string,
  contractId: string,
): Promise<PurgeReport> {
  return db.transaction(async (trx) => {
    const before = await trx('contracts').where({ id: contractId }).first('receiver_numbers');
    const receiverNumbers = before?.receiver_numbers.length ?? 0;
    await trx('contracts')
      .where({ id: contractId })
      .update({ receiver_numbers: [], personal_data_purged_at: trx.fn.now() });
    const messages = await trx('messages')
      .where({ merchant_id: merchantId })
      .whereNull('personal_data_purged_at')
      .update({ recipient: null, text: null, subject: null, variables: null, personal_data_purged_at: trx.fn.now() });
    const optOuts = await trx('opt_outs').where({ merchant_id: merchantId }).delete();
    // A campaign's content and its recipients' numbers and variables (issue 15).
    await trx('campaigns').where({ merchant_id: merchantId }).update({ message: null });
    await trx('campaign_recipients')
      .whereIn('campaign_id', trx('campaigns').where({ merchant_id: merchantId }).select('id'))
      .update({ recipient: null, variables: null });
    const paymentEvents = await trx('payment_events')
      .where({ merchant_id: merchantId })
      .where((q) => q.whereNotNull('buyer_name').orWhereNotNull('buyer_phone').orWhereNotNull('vbank'))
      .update({ buyer_name: null, buyer_phone: null, vbank: null });
    return { receiverNumbers, messages, optOuts, paymentEvents };
  });
}
