/** Merchants (SPEC §7): created by operators; a merchant may read itself. */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Router } from 'express';
import { checkBrn } from '../../domain/brn';
import {
  createMerchant,
  findMerchant,
  findMerchantByBrn,
  listMerchants,
  type Merchant as MerchantRecord,
} from '../../store/merchants';
import { recordAudit } from '../../store/audit';
import type { Db } from '../../platform/db';
import { canSee } from '../auth';
import { badRequest, conflict, notFound } from '../errors';
import { defineRoute } from '../route';
import { IdParams, ListQuery, listOf } from '../schemas/common';
import type { Config } from '../../platform/config';
import { decodeCursor, encodeCursor } from '../cursor';
import { createInvitation } from '../operations/accounts';
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
      const { ownerEmail, ...fields } = body;
      const created = await db.transaction(async (trx) => {
        const result = await createMerchant(trx, { ...fields, brn: brn.brn });
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
        const invitation =
          result && ownerEmail
            ? await createInvitation(
                trx,
                principal,
                { email: ownerEmail, role: 'owner', merchantId: result.merchant.id },
                config.console,
              )
            : null;
        return result && { ...result, invitation };
      });
      if (!created) {
        const existing = await findMerchantByBrn(db, brn.brn);
        throw conflict('merchant_exists', 'a merchant with this business registration number already exists', {
          merchantId: existing?.id,
        });
      }
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
        before: query.cursor ? decodeCursor(query.cursor) : undefined,
        limit: query.limit,
      });
      const last = page.merchants.at(-1);
      return {
        status: 200,
        body: {
          data: page.merchants.map(merchantView),
          nextCursor: page.hasMore && last ? encodeCursor(last.id) : null,
        },
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
