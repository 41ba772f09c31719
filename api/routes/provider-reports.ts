/**
 * Carrier result reports (SPEC §7–8): `POST /v1/provider-reports/:provider`, signed with the shared
 * secret instead of an API key. Each report is stored, then signalled to its message's workflow.
 */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Client } from '@temporalio/client';
import type { Request, Router } from 'express';
import type { Config } from '../../platform/config';
import type { Db } from '../../platform/db';
import type { Logger } from '../../platform/logger';
import { SIGNATURE_HEADER, verify } from '../../platform/signature';
import { ApiError } from '../errors';
import { z } from '../openapi';
import { recordProviderReport } from '../operations/record-provider-report';
import { defineRoute } from '../route';

const ReportBody = z
  .object({
    providerMessageId: z.string().min(1).max(100),
    idempotencyKey: z.string().min(1).max(255),
    status: z.enum(['delivered', 'failed']),
    resultCode: z.string().max(20).nullable(),
    reportedAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .openapi('ProviderReport');

export function providerReportRoutes(
  router: Router,
  registry: OpenAPIRegistry,
  deps: { db: Db; temporal: Client; config: Config; logger: Logger },
): void {
  const { db, temporal, config, logger } = deps;
  defineRoute(router, registry, {
    method: 'post',
    path: '/v1/provider-reports/:provider',
    tag: 'Carriers',
    summary:
      'A carrier reports a delivery result (signed: bizmsg-signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">)',
    access: 'public',
    params: z.object({ provider: z.enum(['kakao', 'sms']) }),
    body: ReportBody,
    responses: { 200: { description: 'Recorded' }, 401: { description: 'Missing or invalid signature' } },
    handler: async ({ req, params, body }) => {
      const check = verify(
        config.providers.reportSecret,
        (req as Request & { rawBody?: string }).rawBody ?? '',
        req.header(SIGNATURE_HEADER),
      );
      if (!check.ok) throw new ApiError(401, 'invalid_signature', `the report signature is ${check.reason}`);
      await recordProviderReport({ db, temporal, logger }, { provider: params.provider, ...body });
      return { status: 200, body: { received: true } };
    },
  });
}
