/** A merchant's API keys (SPEC §7): create (shown once), list, revoke. */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Router } from 'express';
import type { Db } from '../../platform/db';
import { listApiKeys, type ApiKeyRecord } from '../../store/merchants';
import { actingMerchant } from '../auth';
import { wholeList } from '../cursor';
import { z } from '../openapi';
import { createMerchantApiKey, revokeMerchantApiKey } from '../operations/api-keys';
import { defineRoute } from '../route';
import { IdParams, listOf, Timestamp } from '../schemas/common';
import { iso } from '../time';

const ApiKey = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().openapi({ description: 'the first characters, to recognise the key', example: 'bmk_Xy3kq9Zr' }),
    createdAt: Timestamp,
    lastUsedAt: Timestamp.nullable().openapi({ description: 'to the minute' }),
    revokedAt: Timestamp.nullable(),
  })
  .openapi('ApiKey');

const CreatedApiKey = ApiKey.extend({
  apiKey: z.string().openapi({ description: 'the key — shown only in this answer, stored only as a hash' }),
}).openapi('CreatedApiKey');

const keyView = (k: ApiKeyRecord) => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  createdAt: iso(k.createdAt),
  lastUsedAt: iso(k.lastUsedAt),
  revokedAt: iso(k.revokedAt),
});

export function apiKeyRoutes(
  router: Router,
  registry: OpenAPIRegistry,
  deps: { db: Db; forgetKey: (keyId: string) => void },
): void {
  const { db } = deps;
  defineRoute(router, registry, {
    method: 'post',
    path: '/v1/api-keys',
    tag: 'Merchants',
    summary: 'Create another API key for the merchant (shown once)',
    access: 'authenticated',
    body: z.object({ name: z.string().trim().min(1).max(100).openapi({ example: 'order server' }) }).strict(),
    responses: {
      201: { description: 'Created', schema: CreatedApiKey },
      422: 'The merchant has 20 active keys',
    },
    handler: async ({ req, res, body, principal }) => {
      const key = await createMerchantApiKey(db, principal, actingMerchant(req, res), body.name);
      return { status: 201, body: { ...keyView(key), apiKey: key.apiKey } };
    },
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/v1/api-keys',
    tag: 'Merchants',
    summary: 'List the merchant’s API keys: name, prefix, created, last used (never the key itself)',
    access: 'authenticated',
    responses: { 200: { description: 'The keys, oldest first', schema: listOf(ApiKey, 'ApiKeyList') } },
    handler: async ({ req, res }) => {
      const keys = await listApiKeys(db, actingMerchant(req, res));
      return { status: 200, body: wholeList(keys, keyView) };
    },
  });

  defineRoute(router, registry, {
    method: 'delete',
    path: '/v1/api-keys/:id',
    tag: 'Merchants',
    summary: 'Revoke an API key: it answers 401 from then on',
    access: 'authenticated',
    params: IdParams,
    responses: { 204: 'Revoked', 404: 'No such active key of yours' },
    handler: async ({ req, res, params, principal }) => {
      await revokeMerchantApiKey(db, principal, actingMerchant(req, res), params.id, deps.forgetKey);
      return { status: 204 };
    },
  });
}
