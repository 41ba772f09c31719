/**
 * What sender numbers and 080 numbers share as numbers registered on a contract with a proof
 * document (Art. 4.4): the refusals of a registration, and the review, where an operator verifies
 * the number after checking the document or rejects it with a reason.
 */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Router } from 'express';
import type { z } from 'zod';
import type { Principal } from '../auth';
import type { ReviewDecision } from '../proof-documents';
import { defineRoute, notYours } from '../route';
import { IdParams } from '../schemas/common';
import { EmptyBody, RejectSenderNumberBody } from '../schemas/contracts';

/** What a registration refuses besides its own rules (422). */
export const REGISTRATION_REFUSALS = {
  404: notYours('contract'),
  409: 'Already registered, or the contract has ended',
};

/** POST `{path}/verify` and `{path}/reject`, operators only; both answer with the number as it now is. */
export function defineNumberReviews(
  router: Router,
  registry: OpenAPIRegistry,
  spec: {
    path: string;
    tag: string;
    /** The number as the descriptions name it. */
    what: string;
    summaries: { verify: string; reject: string };
    schema: z.ZodType;
    /** When a decision cannot be made (409). */
    conflict: string;
    review: (principal: Principal, id: string, decision: ReviewDecision) => Promise<unknown>;
  },
): void {
  const review = <B extends z.ZodType>(
    verb: 'verify' | 'reject',
    body: B,
    decision: (body: z.output<B>) => ReviewDecision,
  ) =>
    defineRoute(router, registry, {
      method: 'post',
      path: `${spec.path}/${verb}`,
      tag: spec.tag,
      summary: spec.summaries[verb],
      access: 'operator',
      params: IdParams,
      body,
      responses: {
        200: { description: `The ${spec.what}`, schema: spec.schema },
        404: `No such ${spec.what}`,
        409: spec.conflict,
      },
      handler: async ({ params, body, principal }) => ({
        status: 200,
        body: await spec.review(principal, params.id, decision(body)),
      }),
    });
  review('verify', EmptyBody, () => ({ verify: true }));
  review('reject', RejectSenderNumberBody, (b) => ({ verify: false, reason: b.reason }));
}
