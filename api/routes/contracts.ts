/**
 * Contracts (SPEC §3, §7). Reads come from the Postgres projection; every change is an Update of the
 * contract's workflow, which refuses invalid transitions (409) before anything is recorded.
 * Sender numbers are their own resource: routes/sender-numbers.ts.
 */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Router } from 'express';
import { autoRenews, type ContractEvent } from '../../domain/contract';
import { formatUnitPrice, USAGE_TYPES } from '../../domain/money';
import { recordAudit } from '../../store/audit';
import { contractHistory, findContract, listContracts, type ContractRecord } from '../../store/contracts';
import { actingMerchant, contractActor } from '../auth';
import { visibleContract } from '../contract-updates';
import { CURSOR_SHAPES, decodeCursor, encodeCursor, listPage, merchantListPage } from '../cursor';
import { notFound } from '../errors';
import { z } from '../openapi';
import { actOnContract, type ContractActionInput } from '../operations/act-on-contract';
import { applyForContract } from '../operations/apply-for-contract';
import { DOCUMENT_ROUTE_LIMIT } from '../proof-documents';
import { defineRoute, notYours, visible } from '../route';
import { IdParams, listOf } from '../schemas/common';
import {
  ApplyContractBody,
  ApproveBody,
  Contract,
  ContractListQuery,
  EmptyBody,
  ObjectionBody,
  ResumeBody,
  ReviewBody,
  SuspendBody,
  TerminateBody,
} from '../schemas/contracts';
import { iso } from '../time';
import { senderNumberView } from './sender-numbers';
import type { WorkflowDeps } from '../workflow-deps';

function contractView(c: ContractRecord, history?: ContractEvent[]) {
  const r = c.row;
  return {
    id: r.id,
    merchantId: r.merchant_id,
    status: r.status,
    appliedAt: iso(r.applied_at),
    termStart: iso(r.term_start),
    termEnd: iso(r.term_end),
    termNumber: r.term_number,
    renewal: {
      autoRenews: autoRenews({ status: r.status, nonRenewal: r.non_renewal }),
      endsAt: iso(r.non_renewal?.termEnd ?? r.expired_at),
    },
    services: r.services,
    kakaoSearchId: r.kakao_search_id,
    mids: c.mids,
    receiverNumbers: r.receiver_numbers,
    fees: c.fees ? Object.fromEntries(USAGE_TYPES.map((t) => [t, formatUnitPrice(c.fees![t])])) : null,
    senderNumbers: c.senderNumbers.map(senderNumberView),
    review: r.review && { ...r.review, at: iso(r.review.at) },
    suspension: r.suspension && {
      reason: r.suspension.reason,
      noticeAt: iso(r.suspension.noticeAt),
      terminationAt: iso(r.suspension.terminationAt),
      objection: r.suspension.objection && { text: r.suspension.objection.text, at: iso(r.suspension.objection.at) },
    },
    pendingSuspension: r.pending_suspension && {
      reason: r.pending_suspension.reason,
      effectiveAt: iso(r.pending_suspension.effectiveAt),
    },
    pendingTermination: r.pending_termination && {
      cause: r.pending_termination.cause,
      effectiveAt: iso(r.pending_termination.effectiveAt),
    },
    termination: r.termination && { ...r.termination, at: iso(r.termination.at) },
    ...(history ? { history: history.map((e) => ({ ...e, at: iso(e.at) })) } : {}),
  };
}

export function contractRoutes(router: Router, registry: OpenAPIRegistry, deps: WorkflowDeps): void {
  const { db } = deps;

  const contractWithHistory = async (id: string) => {
    const c = await findContract(db, id);
    if (!c) throw notFound('contract');
    return contractView(c, await contractHistory(db, id));
  };

  defineRoute(router, registry, {
    method: 'post',
    path: '/v1/contracts',
    tag: 'Contracts',
    summary: 'Apply for a messaging contract',
    description:
      'Checks every rule of the application form (SPEC §3) and answers 422 with one violation per broken rule. The contract starts `applied` and waits for an operator.',
    access: 'authenticated',
    body: ApplyContractBody,
    bodyLimit: DOCUMENT_ROUTE_LIMIT,
    responses: {
      201: { description: 'Applied', schema: Contract },
      409: 'The merchant already has an open contract, or a MID belongs to another contract',
      422: 'An application rule is broken',
    },
    handler: async ({ req, res, body, principal }) => {
      const id = await applyForContract(deps, { principal, merchantId: actingMerchant(req, res) }, body);
      return { status: 201, body: await contractWithHistory(id) };
    },
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/v1/contracts',
    tag: 'Contracts',
    summary: 'List contracts (a merchant sees its own; operators see all and may filter by merchant)',
    access: 'authenticated',
    query: ContractListQuery,
    responses: { 200: { description: 'A page of contracts, newest first', schema: listOf(Contract, 'ContractList') } },
    handler: async ({ query, principal }) => {
      const page = await listContracts(db, {
        ...merchantListPage(principal, query, (cursor) => decodeCursor(cursor, CURSOR_SHAPES.id)),
        status: query.status,
      });
      // Art. 11: a page that shows receiving numbers is access to them, logged once per merchant shown.
      const shown = new Map<string, string[]>();
      for (const c of page.records)
        if (c.row.receiver_numbers.length)
          shown.set(c.row.merchant_id, [...(shown.get(c.row.merchant_id) ?? []), c.row.id]);
      for (const [merchant, contractIds] of shown)
        await recordAudit(db, {
          actor: contractActor(principal),
          action: 'contract.listed',
          subjectType: 'contract',
          merchantId: merchant,
          details: { fields: ['receiverNumbers'], contractIds },
        });
      return {
        status: 200,
        body: listPage(page.records, page.hasMore, contractView, (last) => encodeCursor(last.row.id)),
      };
    },
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/v1/contracts/:id',
    tag: 'Contracts',
    summary: 'Get a contract with its sender numbers and the history of every transition',
    access: 'authenticated',
    params: IdParams,
    responses: visible('contract', Contract),
    handler: async ({ params, principal }) => {
      const c = await visibleContract(db, principal, params.id);
      if (c.row.receiver_numbers.length) {
        // Art. 11: access to personal data (the merchant's receiving numbers) is logged.
        await recordAudit(db, {
          actor: contractActor(principal),
          action: 'contract.read',
          subjectType: 'contract',
          subjectId: c.row.id,
          merchantId: c.row.merchant_id,
          details: { fields: ['receiverNumbers'], count: c.row.receiver_numbers.length },
        });
      }
      return { status: 200, body: contractView(c, await contractHistory(db, params.id)) };
    },
  });

  const action = <B extends z.ZodType>(spec: {
    path: string;
    summary: string;
    description?: string;
    operatorOnly: boolean;
    body: B;
    command: (body: z.output<B>) => ContractActionInput;
  }) =>
    defineRoute(router, registry, {
      method: 'post',
      path: `/v1/contracts/:id/${spec.path}`,
      tag: 'Contracts',
      summary: spec.summary,
      description: spec.description,
      access: spec.operatorOnly ? 'operator' : 'authenticated',
      params: IdParams,
      body: spec.body,
      responses: {
        200: { description: 'The contract after the action', schema: Contract },
        404: notYours('contract'),
        409: 'The contract’s state does not allow this (nothing changed)',
        422: 'A rule refused it (nothing changed)',
      },
      handler: async ({ params, body, principal }) => {
        await actOnContract(deps, principal, params.id, spec.command(body));
        return { status: 200, body: await contractWithHistory(params.id) };
      },
    });

  action({
    path: 'approve',
    operatorOnly: true,
    summary: 'Approve the application with its fee schedule: the contract becomes active for a one-year term',
    body: ApproveBody,
    command: (b) => ({ type: 'approve', fees: b.fees }),
  });
  action({
    path: 'reject',
    operatorOnly: true,
    summary: 'Reject the application (Art. 3.4 reason, shown to the merchant)',
    body: ReviewBody,
    command: (b) => ({ type: 'reject', reason: b.reason, note: b.note }),
  });
  action({
    path: 'hold',
    operatorOnly: true,
    summary: 'Hold the application (Art. 3.4 reason, shown to the merchant)',
    body: ReviewBody,
    command: (b) => ({ type: 'hold', reason: b.reason, note: b.note }),
  });
  action({
    path: 'suspend',
    operatorOnly: true,
    summary: 'Suspend the service (Art. 5.2, 13.3)',
    description:
      'Starts the three-month clock of Art. 13.4 (except for maintenance): without an objection the contract is terminated.',
    body: SuspendBody,
    command: (b) => ({ type: 'suspend', reason: b.reason, effectiveAt: b.effectiveAt }),
  });
  action({
    path: 'resume',
    operatorOnly: true,
    summary: 'Resume a suspended contract (or withdraw a noticed suspension)',
    description:
      'While an invoice is still overdue the resume needs a `reason` (409 `invoices_overdue` naming them otherwise): the arrears stay recorded, and paying them, or another overdue invoice, is handled as usual (Art. 5.2.3).',
    body: ResumeBody,
    command: (b) => ({ type: 'resume', ...(b.reason ? { reason: b.reason } : {}) }),
  });
  action({
    path: 'terminate',
    operatorOnly: false,
    summary:
      'Terminate: immediately for an Art. 13.2 cause, or one month after notice for business reasons (Art. 13.5, company only)',
    body: TerminateBody,
    command: (b) => ({ type: 'terminate', cause: b.cause, note: b.note }),
  });
  action({
    path: 'objection',
    operatorOnly: false,
    summary: 'Object to a suspension: stops the termination clock and puts the case to an operator (Art. 13.4)',
    body: ObjectionBody,
    command: (b) => ({ type: 'object', text: b.text }),
  });
  action({
    path: 'non-renewal',
    operatorOnly: false,
    summary: 'Give notice of non-renewal (Art. 12)',
    description:
      'Given at least 30 days before the term ends, the contract expires at the end of this term; later notice applies to the following term. `renewal.endsAt` says which.',
    body: EmptyBody,
    command: () => ({ type: 'request_non_renewal' }),
  });
}
