/** Messages, AlimTalk templates and opt-outs (SPEC §4, §7); every write is an operation in api/operations/. */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Client } from '@temporalio/client';
import type { Router } from 'express';
import { phoneForSearch } from '../../domain/phone';
import type { Config } from '../../platform/config';
import type { Db } from '../../platform/db';
import { recordAudit } from '../../store/audit';
import { messageView } from '../../store/message-view';
import {
  attemptsOf,
  findMessage,
  findTemplate,
  listMessages,
  messageStats,
  listOptOuts,
  listTemplates,
  type TemplateRow,
} from '../../store/messages';
import { actingMerchant, auditActor, canSee, listedMerchant } from '../auth';
import { CURSOR_SHAPES, decodeCursor, decodeCursorPair, encodeCursor, encodeCursorPair, listPage } from '../cursor';
import { ApiError, notFound, parseInput } from '../errors';
import type { Metrics } from '../metrics';
import { z } from '../openapi';
import { AcceptanceContext, acceptMessage, itemError, type MessageInput } from '../operations/accept-message';
import { addToOptOutList } from '../operations/add-to-opt-out-list';
import { registerTemplate } from '../operations/register-template';
import { removeFromOptOutList } from '../operations/remove-from-opt-out-list';
import { defineRoute } from '../route';
import { IdParams, ListQuery, listOf } from '../schemas/common';
import {
  Accepted,
  BatchBody,
  BatchItem,
  BatchResult,
  Message,
  MessageBody,
  MessageContent,
  MessageListQuery,
  MessageStats,
  MessageStatsQuery,
  MessageQuery,
  OptOut,
  OptOutBody,
  Template,
  TemplateBody,
} from '../schemas/messages';
import { IdempotencyHeaders, idempotencyKeyOf, REPLAYED_HEADERS } from '../idempotency';
import { iso } from '../time';

const BATCH_CONCURRENCY = 16;

function templateView(t: TemplateRow) {
  return {
    code: t.code,
    text: t.text,
    variables: t.variables,
    buttons: t.buttons,
    status: t.status,
    rejectionReason: t.rejection_reason,
    createdAt: iso(t.created_at),
    reviewedAt: iso(t.reviewed_at),
  };
}

const optOutView = (o: { number: string; created_at: Date }) => ({ number: o.number, createdAt: iso(o.created_at) });

/** Runs `fn` over items with at most `limit` at a time, keeping the order of results. */
async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i], i);
      }
    }),
  );
  return out;
}

export function messageRoutes(
  router: Router,
  registry: OpenAPIRegistry,
  deps: { db: Db; temporal: Client; config: Config; metrics: Metrics; clock?: () => Date },
): void {
  const { db, temporal, config, metrics, clock } = deps;
  const accept = async (ctx: AcceptanceContext, input: MessageInput, key?: string) => {
    try {
      const accepted = await acceptMessage(ctx, input, key);
      metrics.messages.inc({ type: input.type, outcome: 'accepted' });
      return accepted;
    } catch (err) {
      if (err instanceof ApiError) metrics.messages.inc({ type: input.type, outcome: err.code });
      throw err;
    }
  };

  defineRoute(router, registry, {
    method: 'post',
    path: '/v1/messages',
    tag: 'Messages',
    summary: 'Send a message (AlimTalk, FriendTalk, SMS or LMS)',
    description:
      'Answers 202 at once with the message id; the message then runs as its own workflow. Every rule (sizes in EUC-KR bytes, templates, ad rules, the contract, the sender number, opt-outs) is checked first: a refused message answers 422 with a precise code and is not sent. A repeated `Idempotency-Key` returns the same message and never sends twice.',
    access: 'authenticated',
    headers: IdempotencyHeaders,
    body: MessageBody,
    responses: {
      202: { description: 'Accepted', schema: Accepted },
      422: { description: 'A rule refused the message; nothing was sent' },
    },
    handler: async ({ req, res, body }) => {
      const key = idempotencyKeyOf(req);
      const ctx = new AcceptanceContext(db, temporal, config, actingMerchant(req, res), clock);
      const accepted = await accept(ctx, body, key);
      const headers = accepted.replayed ? REPLAYED_HEADERS : {};
      return { status: 202, body: { id: accepted.id, status: 'accepted' }, headers };
    },
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/v1/messages/batch',
    tag: 'Messages',
    summary: 'Send up to 1,000 messages; each is accepted or rejected on its own',
    access: 'authenticated',
    body: BatchBody,
    bodyLimit: '16mb',
    responses: { 202: { description: 'Per-item results', schema: BatchResult } },
    handler: async ({ req, res, body }) => {
      const ctx = new AcceptanceContext(db, temporal, config, actingMerchant(req, res), clock);
      const results = await mapLimit(body.messages, BATCH_CONCURRENCY, async (raw, index) => {
        try {
          const { idempotencyKey, ...item } = parseInput(BatchItem, raw, `messages[${index}]`);
          return { index, id: (await accept(ctx, item, idempotencyKey)).id };
        } catch (err) {
          return { index, error: itemError(err) };
        }
      });
      return {
        status: 202,
        body: {
          accepted: results.flatMap((r) => ('id' in r ? [{ index: r.index, id: r.id }] : [])),
          rejected: results.flatMap((r) => ('error' in r ? [{ index: r.index, error: r.error }] : [])),
        },
      };
    },
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/v1/messages/:id',
    tag: 'Messages',
    summary: 'Get a message: its status and the timeline of every attempt',
    access: 'authenticated',
    params: IdParams,
    query: MessageQuery,
    responses: {
      200: {
        description: 'The message (recipient masked; with `include=content` also what it said and to whom)',
        schema: Message.extend({ content: MessageContent.optional() }),
      },
      404: { description: 'No such message, or not yours' },
    },
    handler: async ({ params, query, res, principal }) => {
      const found = await findMessage(db, params.id);
      if (!found || !canSee(res, found.message.merchant_id)) throw notFound('message');
      const view = messageView(found.message, found.attempts);
      if (query.include !== 'content') return { status: 200, body: view };
      const m = found.message;
      // Art. 11: reading what a message said, and to whom, is access to personal data.
      await recordAudit(db, {
        actor: { type: principal.role, id: principal.actorId },
        action: 'message.content_read',
        subjectType: 'message',
        subjectId: m.id,
        merchantId: m.merchant_id,
        details: { fields: ['to', 'text', 'subject', 'variables', 'fallback'] },
      });
      const content = {
        to: m.recipient,
        text: m.text,
        subject: m.subject,
        variables: m.variables,
        fallback: m.fallback,
        imageId: m.image_id,
        destroyedAt: iso(m.personal_data_purged_at),
      };
      return { status: 200, body: { ...view, content } };
    },
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/v1/messages',
    tag: 'Messages',
    summary: 'List messages, newest first (filters: status, type, since, until, recipient, reference)',
    access: 'authenticated',
    query: MessageListQuery,
    responses: { 200: { description: 'A page of messages', schema: listOf(Message, 'MessageList') } },
    handler: async ({ req, query, principal }) => {
      const page = await listMessages(db, {
        merchantId: listedMerchant(req, principal),
        status: query.status,
        type: query.type,
        since: query.since ? new Date(query.since) : undefined,
        until: query.until ? new Date(query.until) : undefined,
        recipient: query.to === undefined ? undefined : phoneForSearch(query.to),
        reference: query.reference,
        after: query.cursor ? decodeCursorPair(query.cursor, CURSOR_SHAPES.instant) : undefined,
        limit: query.limit,
      });
      const attempts = await attemptsOf(
        db,
        page.rows.map((r) => r.id),
      );
      return {
        status: 200,
        body: listPage(
          page.rows,
          page.hasMore,
          (m) => messageView(m, attempts.get(m.id) ?? []),
          (last) => encodeCursorPair(last.created_at.toISOString(), last.id),
        ),
      };
    },
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/v1/message-stats',
    tag: 'Messages',
    summary: 'Counts of messages by type and by day (KST) for the dashboard',
    access: 'authenticated',
    query: MessageStatsQuery,
    responses: { 200: { description: 'The counts', schema: MessageStats } },
    handler: async ({ req, query, principal }) => {
      const stats = await messageStats(
        db,
        listedMerchant(req, principal),
        new Date(query.since),
        new Date(query.until),
      );
      return { status: 200, body: stats };
    },
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/v1/templates',
    tag: 'Templates',
    summary: 'Register an AlimTalk template; Kakao reviews it (requested → approved | rejected)',
    access: 'authenticated',
    body: TemplateBody,
    responses: {
      201: { description: 'Submitted for review', schema: Template },
      409: { description: 'A template with this code exists' },
      422: { description: 'The template breaks a rule' },
    },
    handler: async ({ req, res, body }) => ({
      status: 201,
      body: templateView(await registerTemplate(deps, actingMerchant(req, res), body)),
    }),
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/v1/templates',
    tag: 'Templates',
    summary: 'List the merchant’s AlimTalk templates',
    access: 'authenticated',
    responses: { 200: { description: 'Templates', schema: listOf(Template, 'TemplateList') } },
    handler: async ({ req, res }) => ({
      status: 200,
      body: { data: (await listTemplates(db, actingMerchant(req, res))).map(templateView), nextCursor: null },
    }),
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/v1/templates/:code',
    tag: 'Templates',
    summary: 'Get an AlimTalk template and its review status',
    access: 'authenticated',
    params: z.object({ code: z.string().min(1).max(40) }),
    responses: { 200: { description: 'The template', schema: Template }, 404: { description: 'No such template' } },
    handler: async ({ req, res, params }) => {
      const t = await findTemplate(db, actingMerchant(req, res), params.code);
      if (!t) throw notFound('template');
      return { status: 200, body: templateView(t) };
    },
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/v1/opt-outs',
    tag: 'Opt-outs',
    summary: 'Add a number to the merchant’s opt-out list (수신거부): nothing is sent to it any more',
    access: 'authenticated',
    body: OptOutBody,
    responses: {
      201: { description: 'Added', schema: OptOut },
      200: { description: 'Already on the list', schema: OptOut },
    },
    handler: async ({ req, res, body, principal }) => {
      const { added, optOut } = await addToOptOutList(
        db,
        { principal, merchantId: actingMerchant(req, res) },
        body.number,
      );
      return { status: added ? 201 : 200, body: optOutView(optOut) };
    },
  });

  defineRoute(router, registry, {
    method: 'delete',
    path: '/v1/opt-outs/:number',
    tag: 'Opt-outs',
    summary: 'Remove a number from the opt-out list (the recipient agreed again)',
    access: 'authenticated',
    params: z.object({ number: z.string().min(1).max(20) }),
    responses: { 204: { description: 'Removed' }, 404: { description: 'Not on the list' } },
    handler: async ({ req, res, params, principal }) => {
      await removeFromOptOutList(db, { principal, merchantId: actingMerchant(req, res) }, params.number);
      return { status: 204 };
    },
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/v1/opt-outs',
    tag: 'Opt-outs',
    summary: 'List the merchant’s opt-out list',
    access: 'authenticated',
    query: ListQuery,
    responses: { 200: { description: 'A page of numbers', schema: listOf(OptOut, 'OptOutList') } },
    handler: async ({ req, res, query, principal }) => {
      const merchantId = actingMerchant(req, res);
      const page = await listOptOuts(
        db,
        merchantId,
        query.cursor ? decodeCursor(query.cursor, CURSOR_SHAPES.digits) : undefined,
        query.limit,
      );
      // Art. 11: reading a list of phone numbers is access to personal data.
      await recordAudit(db, {
        actor: auditActor(principal),
        action: 'opt_out.listed',
        subjectType: 'opt_out',
        merchantId,
        details: { fields: ['number'], count: page.rows.length },
      });
      return {
        status: 200,
        body: listPage(page.rows, page.hasMore, optOutView, (last) => encodeCursor(last.number)),
      };
    },
  });
}
