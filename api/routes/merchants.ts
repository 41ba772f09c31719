/** Merchants (SPEC §7): created by operators; a merchant may read itself. */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Client } from '@temporalio/client';
import type { Router } from 'express';
import type { Config } from '../../platform/config';
import type { Db } from '../../platform/db';
import { findMerchant, listMerchants, type Merchant as MerchantRecord } from '../../store/merchants';
import { canSee } from '../auth';
import { notFound } from '../errors';
import { applyMerchantChangeNow } from '../operations/apply-merchant-change';
import { changeMerchant } from '../operations/change-merchant';
import { registerMerchant } from '../operations/register-merchant';
import { rotateMerchantWebhookSecret } from '../operations/rotate-webhook-secret';
import { defineRoute, notYours, visible } from '../route';
import { IdParams, ListQuery, listOf } from '../schemas/common';
import { EmptyBody } from '../schemas/contracts';
import { CURSOR_SHAPES, decodeCursor, encodeCursor, listPage } from '../cursor';
import { issuedInvitationView } from './accounts';
import {
  ChangeMerchantBody,
  CreatedMerchant,
  CreateMerchantBody,
  Merchant,
  RotatedWebhookSecret,
  RotateWebhookSecretBody,
} from '../schemas/merchants';
import { iso } from '../time';

export const merchantView = (m: MerchantRecord) => ({
  ...m,
  pendingChange: m.pendingChange && {
    ...m.pendingChange,
    noticedAt: iso(m.pendingChange.noticedAt),
    effectiveAt: iso(m.pendingChange.effectiveAt),
  },
  createdAt: iso(m.createdAt),
});

/** A new merchant with its API key and webhook secret, and its owner's invitation when one was issued. */
const createdMerchantView = (created: Awaited<ReturnType<typeof registerMerchant>>, publicUrl: string) => ({
  ...merchantView(created.merchant),
  apiKey: created.apiKey,
  webhookSecret: created.webhookSecret,
  ownerInvitation: created.invitation && issuedInvitationView(created.invitation, created.merchant.name, publicUrl),
});

export function merchantRoutes(
  router: Router,
  registry: OpenAPIRegistry,
  deps: { db: Db; temporal: Client; config: Config },
): void {
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
      409: 'A merchant with this business registration number exists',
    },
    handler: async ({ body, principal }) => ({
      status: 201,
      body: createdMerchantView(
        await registerMerchant(db, principal, body, { ...config.console, webhooks: config.webhooks }),
        config.publicUrl,
      ),
    }),
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
    responses: visible('merchant', Merchant),
    handler: async ({ params, res }) => {
      const merchant = canSee(res, params.id) ? await findMerchant(db, params.id) : undefined;
      if (!merchant) throw notFound('merchant');
      return { status: 200, body: merchantView(merchant) };
    },
  });

  defineRoute(router, registry, {
    method: 'patch',
    path: '/v1/merchants/:id',
    tag: 'Merchants',
    summary: 'Change the merchant: business information 10 days after the notice (Art. 4.1.3), the webhook URL at once',
    description:
      'Name, representative, address and business registration number are a notice: the answer (202) and GET show `pendingChange {fields, effectiveAt}` and the change takes effect by itself at `effectiveAt`, at least 10 days later. A later notice joins the pending one and restarts its 10 days. `webhookUrl` changes at once (200).',
    access: 'authenticated',
    params: IdParams,
    body: ChangeMerchantBody,
    responses: {
      200: { description: 'Changed at once (webhook URL only, or nothing pending)', schema: Merchant },
      202: { description: 'Business information scheduled to change (pendingChange)', schema: Merchant },
      403: 'Business information from a developer’s console account: only the owner gives that notice',
      404: notYours('merchant'),
      409: 'Another merchant has this business registration number',
      422: 'effectiveAt is sooner than 10 days from now',
    },
    handler: async ({ params, res, body, principal }) => {
      if (!canSee(res, params.id)) throw notFound('merchant');
      const changed = await changeMerchant(deps, principal, params.id, body);
      return { status: changed.scheduled ? 202 : 200, body: merchantView(changed.merchant) };
    },
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/v1/merchants/:id/pending-change/apply',
    tag: 'Merchants',
    summary: 'Put the merchant’s pending change into effect now, before its date (audited)',
    access: 'operator',
    params: IdParams,
    body: EmptyBody,
    responses: {
      200: { description: 'Applied', schema: Merchant },
      404: 'No such merchant',
      409: 'Nothing pending, or the new registration number is taken',
    },
    handler: async ({ params, principal }) => {
      const { merchant } = await applyMerchantChangeNow(deps, principal, params.id);
      return { status: 200, body: merchantView(merchant) };
    },
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/v1/merchants/:id/webhook-secret',
    tag: 'Merchants',
    summary: 'Rotate the webhook secret: the old one keeps signing for `graceHours` (two `v1=` signatures)',
    access: 'authenticated',
    params: IdParams,
    body: RotateWebhookSecretBody,
    responses: {
      200: { description: 'The new secret, shown only now', schema: RotatedWebhookSecret },
      404: notYours('merchant'),
    },
    handler: async ({ params, res, body, principal }) => {
      if (!canSee(res, params.id)) throw notFound('merchant');
      const rotated = await rotateMerchantWebhookSecret(db, principal, params.id, body.graceHours);
      return {
        status: 200,
        body: {
          webhookSecret: rotated.webhookSecret,
          previousSecretValidUntil: iso(rotated.previousSecretValidUntil),
        },
      };
    },
  });
}
