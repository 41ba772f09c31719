/** The audit log (Art. 11: processing of and access to personal data; every state change by whom). */
import type { Knex } from 'knex';
import type { Actor, ActorType } from '../domain/actor';

export interface AuditEntry {
  actor: Actor;
  action: string;
  subjectType: string;
  subjectId?: string;
  merchantId?: string;
  details?: Record<string, unknown>;
  at?: Date;
}

export async function recordAudit(db: Knex | Knex.Transaction, entry: AuditEntry): Promise<void> {
  await db('audit_log').insert({
    actor_type: entry.actor.type,
    actor_id: entry.actor.id ?? null,
    action: entry.action,
    subject_type: entry.subjectType,
    subject_id: entry.subjectId ?? null,
    merchant_id: entry.merchantId ?? null,
    details: JSON.stringify(entry.details ?? {}),
    ...(entry.at ? { at: entry.at } : {}),
  });
}

export interface AuditRow {
  id: number | string;
  at: Date;
  actor_type: ActorType;
  actor_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  merchant_id: string | null;
  details: Record<string, unknown>;
}

/** A page of the log, newest first; `before` is the id of the last entry of the previous page. */
export async function listAuditEntries(
  db: Knex,
  filter: { merchantId?: string; action?: string; before?: number; limit: number },
): Promise<{ rows: AuditRow[]; hasMore: boolean }> {
  const q = db<AuditRow>('audit_log')
    .orderBy('id', 'desc')
    .limit(filter.limit + 1);
  if (filter.merchantId) q.where('merchant_id', filter.merchantId);
  if (filter.action) q.where('action', filter.action);
  if (filter.before !== undefined) q.where('id', '<', filter.before);
  const rows = await q;
  return { rows: rows.slice(0, filter.limit), hasMore: rows.length > filter.limit };
}
