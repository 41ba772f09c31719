/**
 * Carrier reports (SPEC §4, §7–8): `POST /v1/provider-reports/:provider`, signed with the shared
 * secret instead of an API key. A delivery result is stored, then signalled to its message's
 * workflow; an 080 opt-out call (`event: "opt_out"`) puts the caller on the merchant's opt-out list.
 */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Request, Router } from 'express';
import { PROVIDER_RESULTS, PROVIDERS } from '../../domain/delivery';
import { SIGNATURE_HEADER } from '../../platform/signature';
import { z } from '../openapi';
import { takeOptOutReport, takeProviderReport, type ProviderReportDeps } from '../operations/take-provider-report';
import { defineRoute } from '../route';

const ResultReport = z
  .object({
    providerMessageId: z.string().min(1).max(100),
    idempotencyKey: z.string().min(1).max(255),
    status: z.enum(PROVIDER_RESULTS),
    resultCode: z.string().max(20).nullable(),
    reportedAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .openapi('ProviderReport');

const OptOutReport = z
  .object({
    event: z.literal('opt_out'),
    to080: z
      .string()
      .min(1)
      .max(20)
      .openapi({ description: 'the merchant’s 080 number that was called', example: '080-123-4567' }),
    from: z.string().min(1).max(20).openapi({ description: 'the caller’s number', example: '010-1234-5678' }),
    reportedAt: z.iso.datetime({ offset: true }).nullable().default(null),
  })
  .strict()
  .openapi('OptOutReport');

const ReportBody = z.union([OptOutReport, ResultReport]);

export function providerReportRoutes(router: Router, registry: OpenAPIRegistry, deps: ProviderReportDeps): void {
  defineRoute(router, registry, {
    method: 'post',
    path: '/v1/provider-reports/:provider',
    tag: 'Carriers',
    summary:
      'A carrier reports a delivery result or an 080 opt-out call (signed: bizmsg-signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">)',
    access: 'public',
    params: z.object({ provider: z.enum(PROVIDERS) }),
    body: ReportBody,
    responses: {
      200: { description: 'Recorded' },
      401: { description: 'Missing or invalid signature' },
      422: { description: 'An opt-out call to a number no merchant has verified, or not a mobile caller' },
    },
    handler: async ({ req, params, body }) => {
      const rawBody = (req as Request & { rawBody?: string }).rawBody ?? '';
      const signed = { rawBody, signature: req.header(SIGNATURE_HEADER) };
      if ('event' in body) {
        const { added } = await takeOptOutReport(deps, signed, { provider: params.provider, ...body });
        return { status: 200, body: { received: true, added } };
      }
      await takeProviderReport(deps, signed, { provider: params.provider, ...body });
      return { status: 200, body: { received: true } };
    },
  });
}
