/**
 * Carrier reports (SPEC §4, §7–8): `POST /v1/provider-reports/:provider`, signed with the shared
 * secret instead of an API key. A delivery result is stored, then signalled to its message's
 * workflow; an 080 opt-out call (`event: "opt_out"`) puts the caller on the merchant's opt-out list.
 * NHN Cloud's webhook (KAKAO_PROVIDER=nhn; docs/providers.md) is `POST /v1/provider-reports/nhn`,
 * the URL to enter in NHN's console.
 */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Request, Router } from 'express';
import { PROVIDER_RESULTS, PROVIDERS } from '../../domain/delivery';
import { SIGNATURE_HEADER } from '../../platform/signature';
import { z } from '../openapi';
import {
  takeNhnWebhook,
  takeOptOutReport,
  takeProviderReport,
  type ProviderReportDeps,
} from '../operations/take-provider-report';
import { defineRoute } from '../route';
import { InstantInput } from '../schemas/common';

const ResultReport = z
  .object({
    providerMessageId: z.string().min(1).max(100),
    idempotencyKey: z.string().min(1).max(255),
    status: z.enum(PROVIDER_RESULTS),
    resultCode: z.string().max(20).nullable(),
    reportedAt: InstantInput.nullable(),
  })
  .openapi('ProviderReport');

/** NHN sends the signature entered in its webhook settings back in this header (webhook guide, "웹훅 발송"). */
const NHN_SIGNATURE_HEADER = 'x-toast-webhook-signature';

const text = (max: number) => z.string().max(max);

// Webhook guide, "메시지 발송 결과 코드 업데이트": kakaoMessageType, requestId, recipientSeq, requestDate,
// createDate, receiveDate, recipientNo, resultCode, senderGroupingKey, recipientGroupingKey,
// isAddedChannel, _links.self.href, hookId. recipientSeq is an Integer, shown quoted in the example.
const NhnHook = z.looseObject({
  hookId: text(200).optional(),
  kakaoMessageType: text(50).optional(),
  requestId: text(100).optional(),
  recipientSeq: z.union([z.number().int(), text(10)]).optional(),
  resultCode: text(20).nullable().optional(),
  receiveDate: text(40).nullable().optional(),
  recipientGroupingKey: text(100).nullable().optional(),
  // SMS webhook guide, UNSUBSCRIBE: hookId, recipientNo, unsubscribeNo, enterpriseName, createdDateTime.
  recipientNo: text(40).nullable().optional(),
  unsubscribeNo: text(40).nullable().optional(),
  createdDateTime: text(40).nullable().optional(),
});

// Webhook guide, "웹훅 발송": {hooksId, webhookConfigId, productName, appKey, event, hooks[]}.
const NhnWebhook = z
  .object({
    hooksId: text(200).optional(),
    webhookConfigId: text(200).optional(),
    productName: text(100).optional(),
    appKey: text(100).optional(),
    event: text(100),
    hooks: z.array(NhnHook).max(1000),
  })
  .openapi('NhnWebhook');

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
  // NHN's fixed path first: the generic route below takes /v1/provider-reports/:provider.
  defineRoute(router, registry, {
    method: 'post',
    path: '/v1/provider-reports/nhn',
    tag: 'Carriers',
    summary:
      'NHN Cloud reports Kakao delivery results and SMS 080 opt-outs (X-Toast-Webhook-Signature: the signature set in NHN’s console)',
    access: 'public',
    body: NhnWebhook,
    responses: { 200: 'Recorded', 401: 'Missing or wrong signature' },
    handler: async ({ req, body }) => ({
      status: 200,
      body: await takeNhnWebhook(deps, req.header(NHN_SIGNATURE_HEADER), body),
    }),
  });
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
      200: 'Recorded',
      401: 'Missing or invalid signature',
      422: 'An opt-out call to a number no merchant has verified, or not a mobile caller',
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
