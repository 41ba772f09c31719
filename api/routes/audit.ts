/**
 * The audit log (Art. 11): a merchant may see how its personal data was processed and accessed;
 * operators see everything and filter by merchant.
 */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Router } from 'express';
import { ACTOR_TYPES } from '../../domain/actor';
import type { Db } from '../../platform/db';
import { listAuditEntries, type AuditRow } from '../../store/audit';
import { decodeCursorNumber, encodeCursor, listPage, merchantListPage } from '../cursor';
import { z } from '../openapi';
import { defineRoute } from '../route';
import { listOf, MerchantListQuery, Timestamp } from '../schemas/common';
import { iso } from '../time';

const AuditEntry = z
  .object({
    id: z.string(),
    at: Timestamp,
    actor: z.object({ type: z.enum(ACTOR_TYPES), id: z.string().nullable() }),
    action: z.string().openapi({ example: 'contract.read' }),
    subject: z.object({ type: z.string(), id: z.string().nullable() }),
    merchantId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .openapi('AuditEntry');

const auditEntryView = (r: AuditRow) => ({
  id: String(r.id),
  at: iso(r.at),
  actor: { type: r.actor_type, id: r.actor_id },
  action: r.action,
  subject: { type: r.subject_type, id: r.subject_id },
  merchantId: r.merchant_id,
  details: r.details,
});

export function auditRoutes(router: Router, registry: OpenAPIRegistry, db: Db): void {
  defineRoute(router, registry, {
    method: 'get',
    path: '/v1/audit-log',
    tag: 'Audit',
    summary: 'Who did what, and who read which personal data (Art. 11), newest first',
    access: 'authenticated',
    query: MerchantListQuery.extend({ action: z.string().max(64).optional() }),
    responses: { 200: { description: 'A page of entries', schema: listOf(AuditEntry, 'AuditLog') } },
    handler: async ({ query, principal }) => {
      const page = await listAuditEntries(db, {
        ...merchantListPage(principal, query, decodeCursorNumber),
        action: query.action,
      });
      return {
        status: 200,
        body: listPage(page.rows, page.hasMore, auditEntryView, (last) => encodeCursor(String(last.id))),
      };
    },
  });
}
