/**
 * Sender numbers (Art. 4.4, SPEC §7): registered on a contract with a proof document, pending until
 * an operator verifies or rejects it. Changes go through the contract's workflow.
 */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Router } from 'express';
import { recordAudit } from '../../store/audit';
import { findProofDocument, findSenderNumber, type SenderNumberRecord } from '../../store/contracts';
import { canSee, contractActor } from '../auth';
import { ApiError, notFound } from '../errors';
import { addSenderNumber } from '../operations/add-sender-number';
import { reviewSenderNumber } from '../operations/review-sender-number';
import { defineRoute, notYours } from '../route';
import { IdParams } from '../schemas/common';
import { SenderNumber, SenderNumberInput } from '../schemas/contracts';
import { iso } from '../time';
import type { WorkflowDeps } from '../workflow-deps';
import { defineNumberReviews, REGISTRATION_REFUSALS } from './registered-numbers';

export function senderNumberView(s: SenderNumberRecord) {
  return {
    id: s.id,
    contractId: s.contractId,
    number: s.number,
    status: s.status,
    rejectionReason: s.rejectionReason,
    addedAt: iso(s.addedAt),
    decidedAt: iso(s.decidedAt),
    proofDocument: s.document,
  };
}

export function senderNumberRoutes(router: Router, registry: OpenAPIRegistry, deps: WorkflowDeps): void {
  defineRoute(router, registry, {
    method: 'post',
    path: '/v1/contracts/:id/sender-numbers',
    tag: 'Sender numbers',
    summary: 'Register a new sender number with its proof document (pending until an operator verifies it)',
    access: 'authenticated',
    params: IdParams,
    body: SenderNumberInput,
    bodyLimit: '2mb',
    responses: {
      201: { description: 'Registered, pending verification', schema: SenderNumber },
      ...REGISTRATION_REFUSALS,
      422: 'Invalid number or document, or the limit of 10 is reached',
    },
    handler: async ({ params, body, principal }) => {
      const created = await addSenderNumber(deps, principal, params.id, body);
      return { status: 201, body: senderNumberView(created) };
    },
  });

  defineNumberReviews(router, registry, {
    path: '/v1/sender-numbers/:id',
    tag: 'Sender numbers',
    what: 'sender number',
    summaries: {
      verify: 'Verify a sender number after checking its proof document (Art. 4.4)',
      reject: 'Reject a sender number',
    },
    schema: SenderNumber,
    conflict: 'Already verified or rejected',
    review: async (principal, id, decision) =>
      senderNumberView(await reviewSenderNumber(deps, principal, id, decision)),
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/v1/sender-numbers/:id/proof-document',
    tag: 'Sender numbers',
    summary: 'Download the proof document of a sender number (operators, and the merchant that owns it)',
    access: 'authenticated',
    params: IdParams,
    responses: {
      200: 'The file as uploaded',
      404: notYours('sender number'),
      410: 'The document was destroyed after its retention',
    },
    handler: async ({ params, res, principal }) => {
      const s = await findSenderNumber(deps.db, params.id);
      const doc = s && canSee(res, s.merchantId) ? await findProofDocument(deps.db, s.document.id) : undefined;
      if (!s || !doc) throw notFound('sender number');
      if (!doc.content)
        throw new ApiError(410, 'proof_document_destroyed', 'the proof document was destroyed after its retention');
      // Art. 11: a proof document names its subscriber: every download is logged.
      await recordAudit(deps.db, {
        actor: contractActor(principal),
        action: 'proof_document.downloaded',
        subjectType: 'sender_number',
        subjectId: s.id,
        merchantId: s.merchantId,
        details: { documentId: s.document.id, contractId: s.contractId },
      });
      res.setHeader('Content-Type', doc.contentType);
      res.setHeader(
        'Content-Disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent(doc.fileName ?? 'proof')}`,
      );
      res.status(200).end(doc.content);
      return { status: 200, raw: true };
    },
  });
}
