/** Merchants (SPEC §7): created by operators; a merchant may read itself. */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Router } from 'express';
import type { Db } from '../../platform/db';
import { findMerchant, type Merchant as MerchantRecord } from '../../store/merchants';
import { canSee } from '../auth';
import { notFound } from '../errors';
import { registerMerchant } from '../operations/register-merchant';
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
      const created = await registerMerchant(db, principal, body);
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
