/**
 * 080 opt-out numbers (SPEC §4): registered on a contract with a proof document, pending until an
 * operator verifies or rejects it, like sender numbers (Art. 4.4).
 */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Router } from 'express';
import { SENDER_NUMBER_STATUSES } from '../../domain/contract';
import type { Db } from '../../platform/db';
import { optOutNumbersOf, type OptOutNumberRecord } from '../../store/opt-out-numbers';
import { auditActor } from '../auth';
import { visibleContract } from '../contract-updates';
import { wholeList } from '../cursor';
import { z } from '../openapi';
import { registerOptOutNumber, reviewOptOutNumber } from '../operations/register-opt-out-number';
import { DOCUMENT_ROUTE_LIMIT } from '../proof-documents';
import { defineRoute, notYours } from '../route';
import { IdParams, listOf, Timestamp } from '../schemas/common';
import { SenderNumberInput } from '../schemas/contracts';
import { iso } from '../time';
import { defineNumberReviews, REGISTRATION_REFUSALS } from './registered-numbers';

const OptOutNumber = z
  .object({
    id: z.string(),
    contractId: z.string(),
    number: z.string().openapi({ example: '0801234567' }),
    status: z.enum(SENDER_NUMBER_STATUSES),
    rejectionReason: z.string().nullable(),
    addedAt: Timestamp,
    decidedAt: Timestamp.nullable(),
  })
  .openapi('OptOutNumber');

const view = (n: OptOutNumberRecord) => ({
  id: n.id,
  contractId: n.contractId,
  number: n.number,
  status: n.status,
  rejectionReason: n.rejectionReason,
  addedAt: iso(n.addedAt),
  decidedAt: iso(n.decidedAt),
});

export function optOutNumberRoutes(router: Router, registry: OpenAPIRegistry, db: Db): void {
  defineRoute(router, registry, {
    method: 'post',
    path: '/v1/contracts/:id/opt-out-numbers',
    tag: 'Opt-outs',
    summary: 'Register an 080 opt-out number with its proof document (pending until an operator verifies it)',
    access: 'authenticated',
    params: IdParams,
    body: SenderNumberInput,
    bodyLimit: DOCUMENT_ROUTE_LIMIT,
    responses: {
      201: { description: 'Registered, pending verification', schema: OptOutNumber },
      ...REGISTRATION_REFUSALS,
      422: 'Not an 080 number, an invalid document, or the limit of 10 is reached',
    },
    handler: async ({ params, body, principal }) => ({
      status: 201,
      body: view(await registerOptOutNumber(db, principal, params.id, body)),
    }),
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/v1/contracts/:id/opt-out-numbers',
    tag: 'Opt-outs',
    summary: 'The contract’s 080 opt-out numbers',
    access: 'authenticated',
    params: IdParams,
    responses: {
      200: { description: '080 numbers', schema: listOf(OptOutNumber, 'OptOutNumberList') },
      404: notYours('contract'),
    },
    handler: async ({ params, principal }) => {
      const contract = await visibleContract(db, principal, params.id);
      return { status: 200, body: wholeList(await optOutNumbersOf(db, contract.row.id), view) };
    },
  });

  defineNumberReviews(router, registry, {
    path: '/v1/opt-out-numbers/:id',
    tag: 'Opt-outs',
    what: '080 number',
    summaries: {
      verify: 'Verify an 080 opt-out number after checking its proof document',
      reject: 'Reject an 080 opt-out number',
    },
    schema: OptOutNumber,
    conflict: 'Already verified or rejected, or verified on another merchant’s contract',
    review: async (principal, id, decision) => view(await reviewOptOutNumber(db, auditActor(principal), id, decision)),
  });
}
