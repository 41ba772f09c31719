/**
 * Destroying personal data (Art. 10.2, 5.6). When a contract ends, everything personal processed
 * for the merchant goes at once: recipients and contents of messages (fallback texts, and with
 * them virtual-account numbers, included), what carriers and merchant endpoints answered,
 * receiving numbers, opt-out lists, buyers of payment events, uploaded images. What a law requires
 * us to keep stays until that law's period ends (SPEC §3, README "Retention"): proof documents and
 * the sender numbers they prove, usage records and invoices (tax records), message metadata
 * without recipient or content (type, channel, status, times), and the audit log.
 */
import type { Knex } from 'knex';

export interface PurgeReport {
  receiverNumbers: number;
  messages: number;
  optOuts: number;
  paymentEvents: number;
  images: number;
}

/** The personal fields of a message row, as the purge and the retention sweep leave them. */
const DESTROYED_MESSAGE = {
  recipient: null,
  text: null,
  subject: null,
  variables: null,
  fallback: null,
  // Merchant-chosen free text, and a hash of the whole request (recipient and text included).
  reference: null,
  idempotency_key: null,
  request_hash: null,
};

/** What carriers answered when they refused a send may quote the recipient. */
async function forgetProviderTexts(trx: Knex.Transaction, messages: Knex.QueryBuilder | string[]): Promise<void> {
  await trx('message_attempts').whereIn('message_id', messages).where({ status: 'rejected' }).update({ note: null });
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
    await forgetProviderTexts(trx, trx('messages').where({ merchant_id: merchantId }).select('id'));
    const messages = await trx('messages')
      .where({ merchant_id: merchantId })
      .whereNull('personal_data_purged_at')
      .update({ ...DESTROYED_MESSAGE, personal_data_purged_at: trx.fn.now() });
    await trx('webhook_deliveries').where({ merchant_id: merchantId }).update({ error: null });
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
    const images = await trx('images')
      .where({ merchant_id: merchantId })
      .whereNull('purged_at')
      .update({ content: null, file_name: null, purged_at: trx.fn.now() });
    return { receiverNumbers, messages, optOuts, paymentEvents, images };
  });
}

export interface RetentionReport {
  messages: number;
  paymentEvents: number;
  proofDocuments: number;
}

const BATCH = 5_000;

/**
 * Art. 5.6: message contents and recipients are kept for the retention period after a message's
 * final status, then destroyed in batches; `onBatch` reports progress (activity heartbeats).
 */
export async function destroyOldMessages(
  db: Knex,
  finalizedBefore: Date,
  onBatch: () => void = () => {},
): Promise<{ messages: number; paymentEvents: number }> {
  let messages = 0;
  for (;;) {
    const n = await db.transaction(async (trx): Promise<number> => {
      const ids = await trx('messages')
        .whereNull('personal_data_purged_at')
        .where('finalized_at', '<', finalizedBefore)
        .limit(BATCH)
        .pluck('id');
      if (!ids.length) return 0;
      await forgetProviderTexts(trx, ids);
      await trx('webhook_deliveries').whereIn('message_id', ids).update({ error: null });
      return trx('messages')
        .whereIn('id', ids)
        .update({ ...DESTROYED_MESSAGE, personal_data_purged_at: trx.fn.now() });
    });
    messages += n;
    onBatch();
    if (n < BATCH) break;
  }
  const paymentEvents = await db('payment_events')
    .where({ status: 'completed' })
    .where('created_at', '<', finalizedBefore)
    .where((q) => q.whereNotNull('buyer_name').orWhereNotNull('buyer_phone').orWhereNotNull('vbank'))
    .update({ buyer_name: null, buyer_phone: null, vbank: null });
  return { messages, paymentEvents };
}

/** When a contract ended (terminated, expired or its application rejected), from its projection. */
const ENDED_AT = `coalesce((termination->>'at')::timestamptz, expired_at, (review->>'at')::timestamptz)`;

/**
 * Proof documents, and the sender numbers they prove, of contracts that ended before `endedBefore`:
 * kept until then as the record that each number was verified (Art. 4.4); a rejected application's
 * receiving numbers go with them.
 */
export async function destroyProofDocuments(db: Knex, endedBefore: Date): Promise<number> {
  return db.transaction(async (trx) => {
    const ended = trx('contracts')
      .whereIn('status', ['terminated', 'expired', 'rejected'])
      .whereRaw(`${ENDED_AT} < ?`, [endedBefore])
      .select('id');
    const documents = await trx('proof_documents')
      .whereIn('id', trx('sender_numbers').whereIn('contract_id', ended).select('document_id'))
      .whereNull('destroyed_at')
      .update({ content: null, file_name: null, destroyed_at: trx.fn.now() });
    await trx('sender_numbers').whereIn('contract_id', ended).whereNotNull('number').update({ number: null });
    await trx('messages').whereIn('contract_id', ended).whereNotNull('sender_number').update({ sender_number: null });
    await trx('contracts')
      .whereIn('id', ended)
      .where({ status: 'rejected' })
      .update({ receiver_numbers: [], personal_data_purged_at: trx.raw('coalesce(personal_data_purged_at, now())') });
    return documents;
  });
}
