/** The audit log (Art. 11: processing of and access to personal data; every state change by whom). */
import type { Knex } from 'knex';
import type { Actor, ActorType } from '../domain/actor';
import { newestFirst } from './queries';

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
  return newestFirst<AuditRow>(db('audit_log'), filter, { action: filter.action });
}
