/** Campaigns (대량발송, SPEC §7): start one, follow its counts, list its rejected rows, pause, resume, cancel. */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Client } from '@temporalio/client';
import type { Router } from 'express';
import { CAMPAIGN_ACTIONS, campaignCounts, type CampaignAction } from '../../domain/campaign';
import { maskPhone } from '../../domain/phone';
import { campaignTally, listCampaigns, rejectedRecipients, type CampaignRow } from '../../store/campaigns';
import type { Db } from '../../platform/db';
import { actingMerchant, listedMerchant } from '../auth';
import { decodeCursor, decodeCursorPair, encodeCursor, encodeCursorPair, listPage } from '../cursor';
import { badRequest } from '../errors';
import { actOnCampaign, visibleCampaign } from '../operations/act-on-campaign';
import { startCampaign, type CampaignDeps } from '../operations/start-campaign';
import { IdempotencyHeaders, idempotencyKeyOf, REPLAYED_HEADERS } from '../idempotency';
import { defineRoute, notYours, visible } from '../route';
import { Campaign, CampaignAccepted, CampaignBody, CampaignRejection } from '../schemas/campaigns';
import { IdParams, ListQuery, listOf } from '../schemas/common';
import { iso } from '../time';
import { z } from '../openapi';

async function campaignView(db: Db, c: CampaignRow) {
  return {
    id: c.id,
    name: c.name,
    type: String(c.message?.type ?? ''),
    status: c.status,
    scheduledAt: iso(c.scheduled_at),
    ratePerMinute: c.rate_per_minute,
    ...campaignCounts(await campaignTally(db, c.id)),
    createdAt: iso(c.created_at)!,
    startedAt: iso(c.started_at),
    finishedAt: iso(c.finished_at),
  };
}

const SUMMARIES: Record<CampaignAction, string> = {
  pause: 'Pause a campaign: no further recipient gets a message until it is resumed',
  resume: 'Resume a paused campaign at its rate',
  cancel: 'Cancel a campaign: recipients whose turn has not come get no message',
};

export function campaignRoutes(
  router: Router,
  registry: OpenAPIRegistry,
  deps: CampaignDeps & { temporal: Client },
): void {
  const { db } = deps;

  defineRoute(router, registry, {
    method: 'post',
    path: '/v1/campaigns',
    tag: 'Campaigns',
    summary: 'Start a campaign: one message to up to 100,000 recipients (JSON or CSV), at a rate, optionally scheduled',
    description:
      'Answers 202 with the campaign id. Each recipient becomes an ordinary message through the same rules as POST /v1/messages, in its turn; a refused row is listed by GET /v1/campaigns/:id/rejections.',
    access: 'authenticated',
    headers: IdempotencyHeaders,
    body: CampaignBody,
    bodyLimit: '40mb',
    responses: {
      202: {
        description: 'Accepted (or, for a retry with the same Idempotency-Key, the campaign it started)',
        schema: CampaignAccepted,
      },
      422: 'The content, the rate, the time or the contract refuses it, or the Idempotency-Key was used for another request; nothing was stored',
    },
    handler: async ({ req, res, body }) => {
      const { replayed, ...started } = await startCampaign(deps, actingMerchant(req, res), body, idempotencyKeyOf(req));
      return { status: 202, body: started, headers: replayed ? REPLAYED_HEADERS : {} };
    },
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/v1/campaigns',
    tag: 'Campaigns',
    summary: 'List campaigns, newest first',
    access: 'authenticated',
    query: ListQuery,
    responses: { 200: { description: 'A page of campaigns', schema: listOf(Campaign, 'CampaignList') } },
    handler: async ({ req, query, principal }) => {
      const page = await listCampaigns(db, {
        merchantId: listedMerchant(req, principal),
        after: query.cursor ? decodeCursorPair(query.cursor) : undefined,
        limit: query.limit,
      });
      const views = await Promise.all(page.rows.map((c) => campaignView(db, c)));
      return {
        status: 200,
        body: listPage(
          page.rows.map((row, i) => ({ row, view: views[i] })),
          page.hasMore,
          (x) => x.view,
          (last) => encodeCursorPair(last.row.created_at.toISOString(), last.row.id),
        ),
      };
    },
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/v1/campaigns/:id',
    tag: 'Campaigns',
    summary:
      'Get a campaign with its counts (total, accepted, rejected, scheduled, sending, delivered, failed, cancelled)',
    access: 'authenticated',
    params: IdParams,
    responses: visible('campaign', Campaign),
    handler: async ({ params, principal }) => ({
      status: 200,
      body: await campaignView(db, await visibleCampaign(db, principal, params.id)),
    }),
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/v1/campaigns/:id/rejections',
    tag: 'Campaigns',
    summary: 'The recipients the acceptance rules refused, each with its error (like a batch’s rejected items)',
    access: 'authenticated',
    params: IdParams,
    query: ListQuery,
    responses: {
      200: { description: 'A page of refused rows', schema: listOf(CampaignRejection, 'CampaignRejectionList') },
      404: notYours('campaign'),
    },
    handler: async ({ params, query, principal }) => {
      const campaign = await visibleCampaign(db, principal, params.id);
      const after = query.cursor ? Number(decodeCursor(query.cursor)) : undefined;
      if (after !== undefined && !Number.isInteger(after))
        throw badRequest('invalid_cursor', 'cursor is not a nextCursor this API returned', { field: 'cursor' });
      const page = await rejectedRecipients(db, campaign.id, after, query.limit);
      return {
        status: 200,
        body: listPage(
          page.rows,
          page.hasMore,
          (r) => ({ index: r.seq, to: r.recipient ? maskPhone(r.recipient) : '', error: r.error }),
          (last) => encodeCursor(String(last.seq)),
        ),
      };
    },
  });

  for (const action of CAMPAIGN_ACTIONS) {
    defineRoute(router, registry, {
      method: 'post',
      path: `/v1/campaigns/:id/${action}`,
      tag: 'Campaigns',
      summary: SUMMARIES[action],
      access: 'authenticated',
      params: IdParams,
      body: z.object({}).strict().optional(),
      responses: {
        200: { description: 'The campaign as it now is', schema: Campaign },
        404: notYours('campaign'),
        409: 'The campaign’s state does not allow it (finished, not paused, everything already started)',
      },
      handler: async ({ params, principal }) => ({
        status: 200,
        body: await campaignView(db, await actOnCampaign(deps, principal, params.id, action)),
      }),
    });
  }
}
