/**
 * The audit log (Art. 11): a merchant may see how its personal data was processed and accessed;
 * operators see everything and filter by merchant.
 */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Router } from 'express';
import type { Db } from '../../platform/db';
import { decodeCursor, encodeCursor } from '../cursor';
import { z } from '../openapi';
import { defineRoute } from '../route';
import { ListQuery, listOf, Timestamp } from '../schemas/common';
import { iso } from '../time';

const AuditEntry = z
  .object({
    id: z.string(),
    at: Timestamp,
    actor: z.object({ type: z.enum(['operator', 'merchant', 'system']), id: z.string().nullable() }),
    action: z.string().openapi({ example: 'contract.read' }),
    subject: z.object({ type: z.string(), id: z.string().nullable() }),
    merchantId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .openapi('AuditEntry');

export function auditRoutes(router: Router, registry: OpenAPIRegistry, db: Db): void {
  defineRoute(router, registry, {
    method: 'get',
    path: '/v1/audit-log',
    tag: 'Audit',
    summary: 'Who did what, and who read which personal data (Art. 11), newest first',
    access: 'authenticated',
    query: ListQuery.extend({
      merchantId: z.string().max(64).optional().openapi({ description: 'operators only' }),
      action: z.string().max(64).optional(),
    }),
    responses: { 200: { description: 'A page of entries', schema: listOf(AuditEntry, 'AuditLog') } },
    handler: async ({ query, principal }) => {
      const merchantId = principal.role === 'merchant' ? principal.merchantId : query.merchantId;
      const q = db('audit_log')
        .orderBy('id', 'desc')
        .limit(query.limit + 1);
      if (merchantId) q.where('merchant_id', merchantId);
      if (query.action) q.where('action', query.action);
      if (query.cursor) q.where('id', '<', Number(decodeCursor(query.cursor)));
      const rows = await q;
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        status: 200,
        body: {
          data: page.map((r) => ({
            id: String(r.id),
            at: iso(r.at),
            actor: { type: r.actor_type, id: r.actor_id },
            action: r.action,
            subject: { type: r.subject_type, id: r.subject_id },
            merchantId: r.merchant_id,
            details: r.details,
          })),
          nextCursor: rows.length > query.limit && last ? encodeCursor(String(last.id)) : null,
        },
      };
    },
  });
}
