/**
 * Carrier result reports (SPEC §7–8): `POST /v1/provider-reports/:provider`, signed with the shared
 * secret instead of an API key. Each report is stored, then signalled to its message's workflow.
 */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Request, Router } from 'express';
import { PROVIDER_RESULTS, PROVIDERS } from '../../domain/delivery';
import { SIGNATURE_HEADER } from '../../platform/signature';
import { z } from '../openapi';
import { takeProviderReport, type ProviderReportDeps } from '../operations/take-provider-report';
import { defineRoute } from '../route';

const ReportBody = z
  .object({
    providerMessageId: z.string().min(1).max(100),
    idempotencyKey: z.string().min(1).max(255),
    status: z.enum(PROVIDER_RESULTS),
    resultCode: z.string().max(20).nullable(),
    reportedAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .openapi('ProviderReport');

export function providerReportRoutes(router: Router, registry: OpenAPIRegistry, deps: ProviderReportDeps): void {
  defineRoute(router, registry, {
    method: 'post',
    path: '/v1/provider-reports/:provider',
    tag: 'Carriers',
    summary:
      'A carrier reports a delivery result (signed: bizmsg-signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">)',
    access: 'public',
    params: z.object({ provider: z.enum(PROVIDERS) }),
    body: ReportBody,
    responses: { 200: { description: 'Recorded' }, 401: { description: 'Missing or invalid signature' } },
    handler: async ({ req, params, body }) => {
      const rawBody = (req as Request & { rawBody?: string }).rawBody ?? '';
      await takeProviderReport(
        deps,
        { rawBody, signature: req.header(SIGNATURE_HEADER) },
        { provider: params.provider, ...body },
      );
      return { status: 200, body: { received: true } };
    },
  });
}
