/** Contracts in PostgreSQL: the projection the ContractWorkflow writes and the API reads. */
import type { Knex } from 'knex';
import {
  applicationEvent,
  isFinal,
  OPEN_STATUSES,
  type Application,
  type ContractEvent,
  type ContractState,
  type ContractStatus,
  type SenderNumberStatus,
  type SuspensionReason,
} from '../domain/contract';
import { formatUnitPrice, parseUnitPrice, USAGE_TYPES, type Fees } from '../domain/money';
import type { GateContract } from '../domain/sending-gate';
import type { Services } from '../domain/services';
import { newestFirst, upsertNewer } from './queries';
import { loadProvenNumbers, type ProvenNumberRecord } from './proven-numbers';

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

const eventRow = (contractId: string, e: ContractEvent) => ({
  contract_id: contractId,
  seq: e.seq,
  at: e.at,
  actor_type: e.actor.type,
  actor_id: e.actor.id ?? null,
  action: e.action,
  from_status: e.from,
  to_status: e.to,
  details: json(e.details),
});

/** The phone numbers of an application: stored here, never in the contract's workflow (Art. 10.2). */
export interface ApplicationNumbers {
  receiverNumbers: string[];
  /** Sender number id → the number. */
  senderNumbers: Record<string, string>;
}

/** The row the API writes when it accepts an application (before the workflow runs). */
export async function insertApplication(
  trx: Knex.Transaction,
  app: Application,
  numbers: ApplicationNumbers,
): Promise<void> {
  await trx('contracts').insert({
    id: app.id,
    merchant_id: app.merchantId,
    status: 'applied',
    services: json(app.services),
    kakao_search_id: app.kakaoSearchId,
    receiver_numbers: numbers.receiverNumbers,
    applied_at: app.appliedAt,
    version: 1,
  });
  await trx('contract_events').insert(eventRow(app.id, applicationEvent(app)));
  if (app.mids.length) await trx('contract_mids').insert(app.mids.map((mid) => ({ contract_id: app.id, mid })));
  if (app.senderNumbers.length) {
    await trx('sender_numbers').insert(
      app.senderNumbers.map((s) => ({
        id: s.id,
        contract_id: app.id,
        merchant_id: app.merchantId,
        number: numbers.senderNumbers[s.id],
        status: 'pending',
        document_id: s.documentId,
        added_at: app.appliedAt,
      })),
    );
  }
}

/** A sender number the merchant adds to its contract, stored before the workflow's Update (pending). */
export async function insertSenderNumber(
  db: Knex,
  row: { id: string; contractId: string; merchantId: string; number: string; documentId: string; addedAt: string },
): Promise<void> {
  await db('sender_numbers').insert({
    id: row.id,
    contract_id: row.contractId,
    merchant_id: row.merchantId,
    number: row.number,
    status: 'pending',
    document_id: row.documentId,
    added_at: row.addedAt,
  });
}

/** Takes back a sender number (and its document) the contract's workflow refused. */
export async function deleteSenderNumber(db: Knex, id: string, documentId: string): Promise<void> {
  await db.transaction(async (trx) => {
    await trx('sender_numbers').where({ id }).delete();
    await trx('proof_documents').where({ id: documentId }).delete();
  });
}

export async function insertDocuments(
  db: Knex | Knex.Transaction,
  merchantId: string,
  documents: { id: string; fileName: string; contentType: string; sha256: string; content: Buffer }[],
): Promise<void> {
  if (!documents.length) return;
  await db('proof_documents').insert(
    documents.map((d) => ({
      id: d.id,
      merchant_id: merchantId,
      file_name: d.fileName,
      content_type: d.contentType,
      size_bytes: d.content.length,
      sha256: d.sha256,
      content: d.content,
    })),
  );
}

/**
 * Writes the workflow's state. Snapshots may arrive out of order (concurrent handlers): only a
 * newer version lands; events are keyed by their sequence number, so repeats are harmless.
 */
export async function saveContractSnapshot(db: Knex, state: ContractState, events: ContractEvent[]): Promise<void> {
  await db.transaction(async (trx) => {
    if (events.length) {
      await trx('contract_events')
        .insert(events.map((e) => eventRow(state.id, e)))
        .onConflict(['contract_id', 'seq'])
        .ignore();
    }
    const row = {
      id: state.id,
      merchant_id: state.merchantId,
      status: state.status,
      services: json(state.services),
      kakao_search_id: state.kakaoSearchId,
      applied_at: state.appliedAt,
      term_number: state.term?.number ?? null,
      term_start: state.term?.start ?? null,
      term_end: state.term?.end ?? null,
      non_renewal: json(state.nonRenewal),
      pending_suspension: json(state.pendingSuspension),
      suspension: json(state.suspension),
      overdue_invoices: state.overdueInvoices,
      pending_termination: json(state.pendingTermination),
      review: json(state.review),
      termination: json(state.termination),
      expired_at: state.expiredAt,
      version: state.version,
      updated_at: trx.fn.now(),
    };
    if (!(await upsertNewer(trx, 'contracts', row))) return;

    if (state.fees) {
      await trx('contract_fees')
        .insert(
          USAGE_TYPES.map((type) => ({
            contract_id: state.id,
            usage_type: type,
            unit_price: formatUnitPrice(state.fees![type]),
          })),
        )
        .onConflict(['contract_id', 'usage_type'])
        .merge();
    }
    // The API stored each sender number (with the number) before the workflow heard of it.
    for (const s of state.senderNumbers) {
      await trx('sender_numbers')
        .where({ id: s.id })
        .update({ status: s.status, rejection_reason: s.rejectionReason, decided_at: s.decidedAt });
    }
    if (state.mids.length) {
      await trx('contract_mids')
        .insert(state.mids.map((mid) => ({ contract_id: state.id, mid })))
        .onConflict(['contract_id', 'mid'])
        .ignore();
    }
    // A final contract's MIDs may join another contract.
    if (isFinal(state.status)) {
      await trx('contract_mids').where({ contract_id: state.id }).update({ released: true });
    }
  });
}

interface ContractRow {
  id: string;
  merchant_id: string;
  status: ContractStatus;
  services: Services;
  kakao_search_id: string | null;
  receiver_numbers: string[];
  applied_at: Date;
  term_number: number | null;
  term_start: Date | null;
  term_end: Date | null;
  non_renewal: { requestedAt: string; termEnd: string; by: { type: string } } | null;
  pending_suspension: { reason: SuspensionReason; noticeAt: string; effectiveAt: string } | null;
  suspension: {
    reason: SuspensionReason;
    noticeAt: string;
    terminationAt: string | null;
    objection: { text: string; at: string } | null;
  } | null;
  overdue_invoices: string[];
  pending_termination: { cause: string; noticeAt: string; effectiveAt: string } | null;
  review: { decision: string; reason: string; note: string | null; at: string } | null;
  termination: { cause: string; at: string; by: { type: string }; note: string | null } | null;
  expired_at: Date | null;
  personal_data_purged_at: Date | null;
  version: number;
  updated_at: Date;
}

export type SenderNumberRecord = ProvenNumberRecord<SenderNumberStatus>;

export interface ContractRecord {
  row: ContractRow;
  fees: Fees | null;
  mids: string[];
  senderNumbers: SenderNumberRecord[];
}

async function loadFees(db: Knex, contractIds: string[]): Promise<Map<string, Fees>> {
  const rows = await db('contract_fees')
    .whereIn('contract_id', contractIds)
    .select('contract_id', 'usage_type', 'unit_price');
  const byContract = new Map<string, Fees>();
  for (const r of rows) {
    const parsed = parseUnitPrice(r.unit_price);
    if (!parsed.ok) throw new Error(`stored unit price ${r.unit_price} is invalid`);
    const fees = byContract.get(r.contract_id) ?? ({} as Fees);
    fees[r.usage_type as keyof Fees] = parsed.centiwon;
    byContract.set(r.contract_id, fees);
  }
  return byContract;
}

export function loadSenderNumbers(
  db: Knex,
  where: { contractId?: string; id?: string },
): Promise<SenderNumberRecord[]> {
  return loadProvenNumbers(db, 'sender_numbers', where);
}

/** The fees, MIDs and sender numbers of each contract row. */
async function withDetails(db: Knex, rows: ContractRow[]): Promise<ContractRecord[]> {
  const ids = rows.map((r) => r.id);
  const [fees, mids, senders] = await Promise.all([
    loadFees(db, ids),
    db('contract_mids').whereIn('contract_id', ids).orderBy('mid').select('contract_id', 'mid'),
    Promise.all(ids.map((id) => loadSenderNumbers(db, { contractId: id }))),
  ]);
  return rows.map((row, i) => ({
    row,
    fees: fees.get(row.id) ?? null,
    mids: mids.filter((m) => m.contract_id === row.id).map((m) => m.mid),
    senderNumbers: senders[i],
  }));
}

export async function findContract(db: Knex, id: string): Promise<ContractRecord | undefined> {
  const row = await db<ContractRow>('contracts').where({ id }).first();
  return row && (await withDetails(db, [row]))[0];
}

export async function contractHistory(db: Knex, id: string): Promise<ContractEvent[]> {
  const rows = await db('contract_events').where({ contract_id: id }).orderBy('seq');
  return rows.map((r) => ({
    seq: r.seq,
    at: new Date(r.at).toISOString(),
    actor: { type: r.actor_type, ...(r.actor_id ? { id: r.actor_id } : {}) },
    action: r.action,
    from: r.from_status,
    to: r.to_status,
    details: r.details,
  }));
}

export async function listContracts(
  db: Knex,
  filter: { merchantId?: string; status?: ContractStatus; before?: string; limit: number },
): Promise<{ records: ContractRecord[]; hasMore: boolean }> {
  const page = await newestFirst<ContractRow>(db('contracts'), filter, { status: filter.status });
  return { records: await withDetails(db, page.rows), hasMore: page.hasMore };
}

export async function findOpenContractId(db: Knex, merchantId: string): Promise<string | undefined> {
  const row = await db('contracts').where({ merchant_id: merchantId }).whereIn('status', OPEN_STATUSES).first('id');
  return row?.id;
}

/** The Kakao sender profile (search ID) of the merchant's open contract: its AlimTalks and their templates go out under it. */
export async function contractKakaoSearchId(db: Knex, merchantId: string): Promise<string | null> {
  const row = await db('contracts')
    .where({ merchant_id: merchantId })
    .whereIn('status', OPEN_STATUSES)
    .first('kakao_search_id');
  return row?.kakao_search_id ?? null;
}

/** What the sending gate needs of the merchant's open contract (undefined: none). */
export async function gateContract(db: Knex, merchantId: string): Promise<GateContract | undefined> {
  const row = await db<ContractRow>('contracts')
    .where({ merchant_id: merchantId })
    .whereIn('status', OPEN_STATUSES)
    .first('id', 'status', 'services', 'suspension');
  if (!row) return undefined;
  const senders = await db('sender_numbers').where({ contract_id: row.id }).select('number', 'status');
  return {
    id: row.id,
    status: row.status,
    services: row.services,
    senderNumbers: senders,
    suspensionReason: row.suspension?.reason ?? null,
  };
}

/** The live contract a MID belongs to. */
export async function contractOfMid(
  db: Knex,
  mid: string,
): Promise<{ contractId: string; merchantId: string } | undefined> {
  const row = await db('contract_mids as m')
    .join('contracts as c', 'c.id', 'm.contract_id')
    .where({ 'm.mid': mid, 'm.released': false })
    .first('c.id', 'c.merchant_id');
  return row && { contractId: row.id, merchantId: row.merchant_id };
}

export async function liveMids(db: Knex, mids: string[]): Promise<string[]> {
  if (!mids.length) return [];
  return db('contract_mids').whereIn('mid', mids).where({ released: false }).pluck('mid');
}

export async function findSenderNumber(db: Knex, id: string): Promise<SenderNumberRecord | undefined> {
  const [found] = await loadSenderNumbers(db, { id });
  return found;
}

/** A proof document as uploaded, for download; `content` and `fileName` are null once it was destroyed. */
export async function findProofDocument(
  db: Knex,
  id: string,
): Promise<{ content: Buffer | null; contentType: string; fileName: string | null } | undefined> {
  const row = await db('proof_documents').where({ id }).first('content', 'content_type', 'file_name');
  return row && { content: row.content, contentType: row.content_type, fileName: row.file_name };
}
