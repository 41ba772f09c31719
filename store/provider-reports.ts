/** Carriers' result reports, kept as they came (SPEC §7–8), whether or not their workflow still listened. */
import type { Knex } from 'knex';
import type { ProviderReport } from '../domain/delivery';

export type ProviderReportEntry = ProviderReport & { messageId: string };

/** Stores a report once per (provider, message, status); the id of the new row, undefined for a repeat. */
export async function insertProviderReport(db: Knex, r: ProviderReportEntry): Promise<string | undefined> {
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
  return inserted[0]?.id;
}

export async function markProviderReportDelivered(db: Knex, id: string): Promise<void> {
  await db('provider_reports').where({ id }).update({ delivered_to_workflow: true });
}
