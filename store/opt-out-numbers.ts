/** 080 opt-out numbers on contracts, and the opt-outs their callers make (SPEC §4: recipient-initiated opt-out). */
import type { Knex } from 'knex';
import { OPEN_STATUSES } from '../domain/contract';
import type { OptOutNumberStatus } from '../domain/opt-out-number';
import { loadProvenNumbers, type ProvenNumberRecord } from './proven-numbers';

export type OptOutNumberRecord = ProvenNumberRecord<OptOutNumberStatus, string>;

function load(db: Knex, where: { contractId?: string; id?: string }): Promise<OptOutNumberRecord[]> {
  return loadProvenNumbers(db, 'opt_out_numbers', where);
}

export const optOutNumbersOf = (db: Knex, contractId: string) => load(db, { contractId });

export async function findOptOutNumber(db: Knex, id: string): Promise<OptOutNumberRecord | undefined> {
  return (await load(db, { id }))[0];
}

export async function insertOptOutNumber(
  db: Knex | Knex.Transaction,
  n: { id: string; contractId: string; merchantId: string; number: string; documentId: string },
): Promise<void> {
  await db('opt_out_numbers').insert({
    id: n.id,
    contract_id: n.contractId,
    merchant_id: n.merchantId,
    number: n.number,
    status: 'pending',
    document_id: n.documentId,
  });
}

/** Records an operator's decision; false when the number was no longer pending (decided meanwhile). */
export async function setOptOutNumberReview(
  db: Knex,
  id: string,
  status: 'verified' | 'rejected',
  reason: string | null,
): Promise<boolean> {
  const n = await db('opt_out_numbers')
    .where({ id, status: 'pending' })
    .update({ status, rejection_reason: reason, decided_at: db.fn.now() });
  return n > 0;
}

/** The open contract whose verified 080 number this is: the merchant its callers opt out of. */
export async function ownerOfOptOutNumber(
  db: Knex,
  number: string,
  exceptContractId?: string,
): Promise<{ merchantId: string; contractId: string; optOutNumberId: string } | undefined> {
  const q = db('opt_out_numbers as o')
    .join('contracts as c', 'c.id', 'o.contract_id')
    .where({ 'o.number': number, 'o.status': 'verified' })
    .whereIn('c.status', OPEN_STATUSES)
    .first('o.id', 'o.merchant_id', 'o.contract_id');
  if (exceptContractId) q.whereNot('o.contract_id', exceptContractId);
  const row = await q;
  return row && { merchantId: row.merchant_id, contractId: row.contract_id, optOutNumberId: row.id };
}

/** A caller of the merchant's 080 number joins its opt-out list; false when the number was on it already. */
export async function addReportedOptOut(
  db: Knex | Knex.Transaction,
  merchantId: string,
  number: string,
  noticeId: string,
): Promise<boolean> {
  const rows = await db('opt_outs')
    .insert({ merchant_id: merchantId, number, source: 'carrier_080', notice_id: noticeId })
    .onConflict(['merchant_id', 'number'])
    .ignore()
    .returning('number');
  return rows.length > 0;
}

/** The opt-out a notice is about (undefined once the number was removed from the list again). */
export async function findOptOutByNotice(
  db: Knex,
  noticeId: string,
): Promise<{ merchantId: string; number: string; source: string; createdAt: Date } | undefined> {
  const row = await db('opt_outs')
    .where({ notice_id: noticeId })
    .first('merchant_id', 'number', 'source', 'created_at');
  return row && { merchantId: row.merchant_id, number: row.number, source: row.source, createdAt: row.created_at };
}
