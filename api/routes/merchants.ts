/** Merchants (SPEC §7): created by operators; a merchant may read itself. */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Router } from 'express';
import { checkBrn } from '../../domain/brn';
import {
  createMerchant,
  findMerchant,
  findMerchantByBrn,
  type Merchant as MerchantRecord,
} from '../../store/merchants';
import { recordAudit } from '../../store/audit';
import type { Db } from '../../platform/db';
import { canSee } from '../auth';
import { badRequest, conflict, notFound } from '../errors';
import { defineRoute } from '../route';
import { IdParams } from '../schemas/common';
import { CreatedMerchant, CreateMerchantBody, Merchant } from '../schemas/merchants';
import { iso } from '../time';

export const merchantView = (m: MerchantRecord) => ({ ...m, createdAt: iso(m.createdAt) });

export function merchantRoutes(router: Router, registry: OpenAPIRegistry, db: Db): void {
  defineRoute(router, registry, {
    method: 'post',
    path: '/v1/merchants',
    tag: 'Merchants',
    summary: 'Create a merchant and its API key',
    access: 'operator',
    body: CreateMerchantBody,
    responses: {
      201: { description: 'Created; the API key and webhook secret are shown only now', schema: CreatedMerchant },
      409: { description: 'A merchant with this business registration number exists' },
    },
    handler: async ({ body, principal }) => {
      const brn = checkBrn(body.businessRegistrationNumber);
      if (!brn.ok) {
        throw badRequest(
          'invalid_business_registration_number',
          brn.reason === 'format'
            ? 'a business registration number has 10 digits'
            : 'the business registration number fails its check digit',
          { field: 'businessRegistrationNumber' },
        );
      }
      const created = await db.transaction(async (trx) => {
        const result = await createMerchant(trx, { ...body, brn: brn.brn });
        if (result) {
          await recordAudit(trx, {
            actor: { type: principal.role, id: principal.actorId },
            action: 'merchant.created',
            subjectType: 'merchant',
            subjectId: result.merchant.id,
            merchantId: result.merchant.id,
            details: { apiKeyId: result.apiKeyId },
          });
        }
        return result;
      });
      if (!created) {
        const existing = await findMerchantByBrn(db, brn.brn);
        throw conflict('merchant_exists', 'a merchant with this business registration number already exists', {
          merchantId: existing?.id,
        });
      }
      return {
        status: 201,
        body: { ...merchantView(created.merchant), apiKey: created.apiKey, webhookSecret: created.webhookSecret },
      };
    },
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/v1/merchants/:id',
    tag: 'Merchants',
    summary: 'Get a merchant',
    access: 'authenticated',
    params: IdParams,
    responses: {
      200: { description: 'The merchant', schema: Merchant },
      404: { description: 'No such merchant, or not yours' },
    },
    handler: async ({ params, res }) => {
      const merchant = canSee(res, params.id) ? await findMerchant(db, params.id) : undefined;
      if (!merchant) throw notFound('merchant');
      return { status: 200, body: merchantView(merchant) };
    },
  });
}
