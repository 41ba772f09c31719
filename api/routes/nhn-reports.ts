/**
 * NHN Cloud's webhook (KAKAO_PROVIDER=nhn; docs/providers.md): the URL to enter in NHN's console
 * is `<PUBLIC_URL>/v1/provider-reports/nhn`. NHN posts `{hooksId, webhookConfigId, productName,
 * appKey, event, hooks[]}` with the signature entered in its webhook settings in
 * `X-Toast-Webhook-Signature` (Alimtalk ko/webhook-api-guide.md, "웹훅 발송"). MESSAGE_RESULT_UPDATE
 * hooks become provider reports, like the simulator's; other events (template status updates,
 * SMS opt-outs) are acknowledged and left to the paths that poll for them.
 */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Client } from '@temporalio/client';
import type { Router } from 'express';
import { nhnReportOf } from '../../domain/nhn';
import type { Config } from '../../platform/config';
import type { Db } from '../../platform/db';
import type { Logger } from '../../platform/logger';
import { sameSharedSecret } from '../../platform/signature';
import { ApiError } from '../errors';
import { z } from '../openapi';
import { recordProviderReport } from '../operations/record-provider-report';
import { defineRoute } from '../route';

export const NHN_SIGNATURE_HEADER = 'x-toast-webhook-signature';

const text = (max: number) => z.string().max(max);

// Webhook guide, "메시지 발송 결과 코드 업데이트": kakaoMessageType, requestId, recipientSeq, requestDate,
// createDate, receiveDate, recipientNo, resultCode, senderGroupingKey, recipientGroupingKey,
// isAddedChannel, _links.self.href, hookId. recipientSeq is an Integer, shown quoted in the example.
const Hook = z.looseObject({
  hookId: text(200).optional(),
  kakaoMessageType: text(50).optional(),
  requestId: text(100).optional(),
  recipientSeq: z.union([z.number().int(), text(10)]).optional(),
  resultCode: text(20).nullable().optional(),
  receiveDate: text(40).nullable().optional(),
  recipientGroupingKey: text(100).nullable().optional(),
});

const NhnWebhook = z
  .object({
    hooksId: text(200).optional(),
    webhookConfigId: text(200).optional(),
    productName: text(100).optional(),
    appKey: text(100).optional(),
    event: text(100),
    hooks: z.array(Hook).max(1000),
  })
  .openapi('NhnWebhook');

export function nhnReportRoutes(
  router: Router,
  registry: OpenAPIRegistry,
  deps: { db: Db; temporal: Client; config: Config; logger: Logger },
): void {
  const { config, logger } = deps;
  defineRoute(router, registry, {
    method: 'post',
    path: '/v1/provider-reports/nhn',
    tag: 'Carriers',
    summary: 'NHN Cloud reports Kakao delivery results (X-Toast-Webhook-Signature: the signature set in NHN’s console)',
    access: 'public',
    body: NhnWebhook,
    responses: { 200: { description: 'Recorded' }, 401: { description: 'Missing or wrong signature' } },
    handler: async ({ req, body }) => {
      const expected = config.providers.nhn.webhookSignature;
      if (!expected || !sameSharedSecret(expected, req.header(NHN_SIGNATURE_HEADER)))
        throw new ApiError(401, 'invalid_signature', 'the NHN webhook signature is missing or wrong');
      let recorded = 0;
      if (body.event === 'MESSAGE_RESULT_UPDATE')
        for (const hook of body.hooks) {
          const report = nhnReportOf(hook);
          if (!report) continue;
          await recordProviderReport(deps, { provider: 'kakao', ...report });
          recorded++;
        }
      if (recorded < body.hooks.length)
        logger.info(
          { event: body.event, hooks: body.hooks.length, recorded },
          'NHN webhook hooks not taken as reports',
        );
      return { status: 200, body: { received: body.hooks.length, recorded } };
    },
  });
}
