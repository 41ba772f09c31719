/** Messages and opt-outs (SPEC §4, §7); templates are in templates.ts; every write is an operation in api/operations/. */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Router } from 'express';
import { phoneForSearch } from '../../domain/phone';
import { MESSAGE_TYPES, type MessageType } from '../../domain/message';
import { acceptedStatus } from '../../domain/schedule';
import type { Config } from '../../platform/config';
import type { Db } from '../../platform/db';
import { recordAudit } from '../../store/audit';
import { messageView } from '../../store/message-view';
import { attemptsOf, findMessage, listMessages, listOptOuts, messageStats } from '../../store/messages';
import { actingMerchant, auditActor, canSee, listedMerchant } from '../auth';
import { CURSOR_SHAPES, decodeCursor, decodeCursorPair, encodeCursor, encodeCursorPair, listPage } from '../cursor';
import { ApiError, notFound } from '../errors';
import type { Metrics } from '../metrics';
import { z } from '../openapi';
import { acceptBatch } from '../operations/accept-batch';
import { acceptMessage, type AcceptanceDeps } from '../operations/accept-message';
import { addToOptOutList } from '../operations/add-to-opt-out-list';
import { removeFromOptOutList } from '../operations/remove-from-opt-out-list';
import { defineRoute, notYours } from '../route';
import { IdParams, ListQuery, listOf } from '../schemas/common';
import {
  Accepted,
  BatchBody,
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
} from '../schemas/messages';
import { IdempotencyHeaders, idempotencyKeyOf, REPLAYED_HEADERS } from '../idempotency';
import { iso } from '../time';

const optOutView = (o: { number: string; created_at: Date }) => ({ number: o.number, createdAt: iso(o.created_at) });

export function messageRoutes(
  router: Router,
  registry: OpenAPIRegistry,
  deps: { db: Db; config: Config; metrics: Metrics; outbox: AcceptanceDeps['outbox']; clock?: () => Date },
): void {
  const { db, config, metrics } = deps;
  const acceptance: AcceptanceDeps = { db, config, outbox: deps.outbox, clock: deps.clock };
  const count = (type: unknown, outcome: string) =>
    metrics.messages.inc({ type: MESSAGE_TYPES.includes(type as MessageType) ? (type as string) : 'invalid', outcome });

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
      422: 'A rule refused the message; nothing was sent',
    },
    handler: async ({ req, res, body }) => {
      const key = idempotencyKeyOf(req);
      let accepted;
      try {
        accepted = await acceptMessage(acceptance, actingMerchant(req, res), body, key);
      } catch (err) {
        if (err instanceof ApiError) count(body.type, err.code);
        throw err;
      }
      count(body.type, 'accepted');
      const headers = accepted.replayed ? REPLAYED_HEADERS : {};
      return { status: 202, body: { id: accepted.id, status: acceptedStatus(body.scheduledAt, new Date()) }, headers };
    },
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/v1/messages/batch',
    tag: 'Messages',
    summary: 'Send up to 10,000 messages; each is accepted or rejected on its own',
    description:
      'All accepted messages are stored in one transaction and answered at once; each then runs as its own workflow. An `Idempotency-Key` header for the whole batch answers a repeat of the same batch with the first answer and creates nothing; each item may also carry its own `idempotencyKey`.',
    access: 'authenticated',
    headers: IdempotencyHeaders,
    body: BatchBody,
    // 10,000 items of up to a few KB each (an LMS or AlimTalk text in UTF-8).
    bodyLimit: '64mb',
    responses: { 202: { description: 'Per-item results', schema: BatchResult } },
    handler: async ({ req, res, body }) => {
      const key = idempotencyKeyOf(req);
      const batch = await acceptBatch(acceptance, actingMerchant(req, res), body.messages, key);
      batch.outcomes.forEach((o, i) =>
        count((body.messages[i] as { type?: unknown } | null)?.type, o.ok ? 'accepted' : o.error.code),
      );
      const headers = batch.replayed ? REPLAYED_HEADERS : {};
      return { status: 202, body: batch.answer, headers };
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
      404: notYours('message'),
    },
    handler: async ({ params, query, res, principal }) => {
      const found = await findMessage(db, params.id);
      if (!found || !canSee(res, found.message.merchant_id)) throw notFound('message');
      const view = messageView(found.message, found.attempts);
      if (query.include !== 'content') return { status: 200, body: view };
      const m = found.message;
      // Art. 11: reading what a message said, and to whom, is access to personal data.
      await recordAudit(db, {
        actor: auditActor(principal),
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
    handler: async ({
      req,
      query: { status, type, campaignId, reference, limit, since, until, to, cursor },
      principal,
    }) => {
      const page = await listMessages(db, {
        status,
        type,
        campaignId,
        reference,
        limit,
        merchantId: listedMerchant(req, principal),
        since: since ? new Date(since) : undefined,
        until: until ? new Date(until) : undefined,
        recipient: to === undefined ? undefined : phoneForSearch(to),
        after: cursor ? decodeCursorPair(cursor, CURSOR_SHAPES.instant) : undefined,
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
    responses: { 204: 'Removed', 404: 'Not on the list' },
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
