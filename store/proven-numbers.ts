/**
 * Sender numbers and 080 opt-out numbers are the same kind of record: a number on a contract,
 * proven by an uploaded document and reviewed by an operator (Art. 2.10, SPEC §4). One loader
 * serves both tables.
 */
import type { Knex } from 'knex';

/** `Num` is `string` for a table whose numbers are never destroyed. */
export interface ProvenNumberRecord<Status extends string, Num extends string | null = string | null> {
  id: string;
  contractId: string;
  merchantId: string;
  /** Null once destroyed, with its proof document, after their retention. */
  number: Num;
  status: Status;
  rejectionReason: string | null;
  addedAt: Date;
  decidedAt: Date | null;
  document: { id: string; fileName: string | null; contentType: string; sizeBytes: number; sha256: string };
}

export async function loadProvenNumbers<Status extends string, Num extends string | null = string | null>(
  db: Knex,
  table: 'sender_numbers' | 'opt_out_numbers',
  where: { contractId?: string; id?: string },
): Promise<ProvenNumberRecord<Status, Num>[]> {
  const q = db(`${table} as n`)
    .join('proof_documents as d', 'd.id', 'n.document_id')
    .select('n.*', 'd.file_name', 'd.content_type', 'd.size_bytes', 'd.sha256')
    .orderBy('n.added_at')
    .orderBy('n.id');
  if (where.contractId) q.where('n.contract_id', where.contractId);
  if (where.id) q.where('n.id', where.id);
  return (await q).map((r) => ({
    id: r.id,
    contractId: r.contract_id,
    merchantId: r.merchant_id,
    number: r.number,
    status: r.status,
    rejectionReason: r.rejection_reason,
    addedAt: r.added_at,
    decidedAt: r.decided_at,
    document: {
      id: r.document_id,
      fileName: r.file_name,
      contentType: r.content_type,
      sizeBytes: r.size_bytes,
      sha256: r.sha256,
    },
  }));
}
