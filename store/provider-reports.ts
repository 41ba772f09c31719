/** Carriers' result reports as received (SPEC §7–8): one row per send and status, whichever way it came. */
import type { Knex } from 'knex';

export interface ReceivedReport {
  provider: string;
  providerMessageId: string;
  idempotencyKey: string;
  status: 'delivered' | 'failed';
  resultCode: string | null;
  reportedAt: string | null;
  messageId: string;
}

/** Stores a report; a repeat (same send and status) is ignored. Returns the new row's id, if any. */
export async function insertProviderReport(db: Knex, r: ReceivedReport): Promise<string | undefined> {
  const inserted = await db('provider_reports')
    .insert({
      provider: r.provider,
      provider_message_id: r.providerMessageId,
      idempotency_key: r.idempotencyKey,
      status: r.status,
      result_code: r.resultCode,
      reported_at: r.reportedAt,
      message_id: r.messageId,
    })
    .onConflict(['provider', 'provider_message_id', 'status'])
    .ignore()
    .returning('id');
  return inserted[0]?.id === undefined ? undefined : String(inserted[0].id);
}

export async function markReportDelivered(db: Knex, id: string): Promise<void> {
  await db('provider_reports').where({ id }).update({ delivered_to_workflow: true });
}
