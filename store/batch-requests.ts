/** The answers of batch requests under their Idempotency-Key (SPEC §7): the same key answers the same again. */
import type { Knex } from 'knex';

export interface StoredBatch<Answer> {
  requestHash: string;
  answer: Answer;
}

export async function findBatchRequest<Answer>(
  db: Knex,
  merchantId: string,
  key: string,
): Promise<StoredBatch<Answer> | undefined> {
  const row = await db('batch_requests')
    .where({ merchant_id: merchantId, idempotency_key: key })
    .first('request_hash', 'response');
  return row && { requestHash: row.request_hash, answer: row.response };
}

/**
 * Stores a batch's answer under its key; false when the key is already taken (a concurrent request
 * with it committed first — this transaction must not store anything then).
 */
export async function insertBatchRequest(
  trx: Knex.Transaction,
  merchantId: string,
  key: string,
  requestHash: string,
  answer: unknown,
): Promise<boolean> {
  const rows = await trx('batch_requests')
    .insert({
      merchant_id: merchantId,
      idempotency_key: key,
      request_hash: requestHash,
      response: JSON.stringify(answer),
    })
    .onConflict(['merchant_id', 'idempotency_key'])
    .ignore()
    .returning('idempotency_key');
  return rows.length > 0;
}
