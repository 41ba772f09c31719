/** The audit log (Art. 11: processing of and access to personal data; every state change by whom). */
import type { Knex } from 'knex';

export interface Actor {
  type: 'operator' | 'merchant' | 'system';
  id?: string;
}

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
