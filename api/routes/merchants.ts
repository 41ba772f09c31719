/** Merchants (SPEC §7): created by operators; a merchant may read itself. */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Router } from 'express';
import type { Config } from '../../platform/config';
import type { Db } from '../../platform/db';
import { findMerchant, listMerchants, type Merchant as MerchantRecord } from '../../store/merchants';
import { canSee } from '../auth';
import { notFound } from '../errors';
import { registerMerchant } from '../operations/register-merchant';
import { defineRoute } from '../route';
import { IdParams, ListQuery, listOf } from '../schemas/common';
import { CURSOR_SHAPES, decodeCursor, encodeCursor, listPage } from '../cursor';
import { issuedInvitationView } from './accounts';
import { CreatedMerchant, CreateMerchantBody, Merchant } from '../schemas/merchants';
import { iso } from '../time';

export const merchantView = (m: MerchantRecord) => ({ ...m, createdAt: iso(m.createdAt) });

export function merchantRoutes(router: Router, registry: OpenAPIRegistry, deps: { db: Db; config: Config }): void {
  const { db, config } = deps;
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
      const created = await registerMerchant(db, principal, body, config.console);
      return {
        status: 201,
        body: {
          ...merchantView(created.merchant),
          apiKey: created.apiKey,
          webhookSecret: created.webhookSecret,
          ownerInvitation:
            created.invitation && issuedInvitationView(created.invitation, created.merchant.name, config.publicUrl),
        },
      };
    },
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/v1/merchants',
    tag: 'Merchants',
    summary: 'List merchants, newest first',
    access: 'operator',
    query: ListQuery,
    responses: { 200: { description: 'A page of merchants', schema: listOf(Merchant, 'MerchantList') } },
    handler: async ({ query }) => {
      const page = await listMerchants(db, {
        before: query.cursor ? decodeCursor(query.cursor, CURSOR_SHAPES.id) : undefined,
        limit: query.limit,
      });
      return {
        status: 200,
        body: listPage(page.merchants, page.hasMore, merchantView, (last) => encodeCursor(last.id)),
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
