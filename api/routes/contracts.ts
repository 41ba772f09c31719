/**
 * Contracts and sender numbers (SPEC §3, §7). Reads come from the Postgres projection; every change
 * is an Update of the contract's workflow, which refuses invalid transitions (409) before anything
 * is recorded.
 */
import { createHash } from 'node:crypto';
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Client } from '@temporalio/client';
import type { Router } from 'express';
import { checkApplication, checkProofDocument, detectDocumentType } from '../../domain/contract-application';
import type { Actor, Application, ContractEvent, ContractState } from '../../domain/contract';
import { formatUnitPrice, parseFees, USAGE_TYPES } from '../../domain/money';
import { parseSenderNumber } from '../../domain/phone';
import { newId } from '../../platform/ids';
import type { Db } from '../../platform/db';
import { recordAudit } from '../../store/audit';
import {
  contractHistory,
  findContract,
  findOpenContractId,
  insertApplication,
  insertDocuments,
  listContracts,
  liveMids,
  loadSenderNumbers,
  type ContractRecord,
  type SenderNumberRecord,
} from '../../store/contracts';
import { findMerchant } from '../../store/merchants';
import {
  CONTRACT_VIOLATION,
  contractUpdate,
  ContractWorkflow,
  type ContractAction,
  type ContractRequest,
} from '../../workflows/contract';
import { ContractId, MerchantId } from '../../workflows/search-attributes';
import { TASK_QUEUES } from '../../workflows/task-queues';
import { actingMerchant, canSee, type Principal } from '../auth';
import { badRequest, conflict, notFound, ruleViolations } from '../errors';
import { z } from '../openapi';
import { defineRoute } from '../route';
import { IdParams, listOf } from '../schemas/common';
import {
  ApplyContractBody,
  ApproveBody,
  Contract,
  ContractListQuery,
  EmptyBody,
  ObjectionBody,
  RejectSenderNumberBody,
  ReviewBody,
  SenderNumber,
  SenderNumberInput,
  SuspendBody,
  TerminateBody,
} from '../schemas/contracts';
import { iso } from '../time';
import { decodeCursor, encodeCursor } from '../cursor';
import { refusalToApiError } from '../temporal-errors';

const DOCUMENT_ROUTE_LIMIT = '16mb'; // ten proof documents of 1 MB, base64-encoded

export const contractWorkflowId = (contractId: string) => `contract-${contractId}`;

function decodeBase64(text: string, field: string): Buffer {
  const compact = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1)
    throw badRequest('invalid_base64', `${field} is not valid base64`, { field });
  return Buffer.from(compact, 'base64');
}

function senderNumberView(s: SenderNumberRecord) {
  return {
    id: s.id,
    contractId: s.contractId,
    number: s.number,
    status: s.status,
    rejectionReason: s.rejectionReason,
    addedAt: iso(s.addedAt),
    decidedAt: iso(s.decidedAt),
    proofDocument: s.document,
  };
}

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
      autoRenews: !r.non_renewal && (r.status === 'active' || r.status === 'suspended'),
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

const actorOf = (p: Principal): Actor =>
  p.role === 'operator' ? { type: 'operator', id: p.actorId } : { type: 'merchant', id: p.merchantId };

export function contractRoutes(router: Router, registry: OpenAPIRegistry, deps: { db: Db; temporal: Client }): void {
  const { db, temporal } = deps;

  const visibleContract = async (res: Parameters<typeof canSee>[0], id: string) => {
    const c = await findContract(db, id);
    if (!c || !canSee(res, c.row.merchant_id)) throw notFound('contract');
    return c;
  };

  /** Runs an action on the contract's workflow and answers with the contract as it now is. */
  const act = async <T extends ContractAction>(
    contractId: string,
    action: T,
    request: ContractRequest<T>,
  ): Promise<ContractState> => {
    try {
      return await temporal.workflow
        .getHandle(contractWorkflowId(contractId))
        .executeUpdate(contractUpdate(action), { args: [request] });
    } catch (err) {
      throw (
        refusalToApiError(err, CONTRACT_VIOLATION, {
          code: 'contract_closed',
          message: 'the contract has ended (rejected, terminated or expired); nothing more can change',
        }) ?? err
      );
    }
  };

  const respondWithContract = async (id: string) => {
    const c = await findContract(db, id);
    if (!c) throw notFound('contract');
    return { status: 200, body: contractView(c, await contractHistory(db, id)) };
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
      409: { description: 'The merchant already has an open contract, or a MID belongs to another contract' },
      422: { description: 'An application rule is broken' },
    },
    handler: async ({ req, res, body, principal }) => {
      const merchantId = actingMerchant(req, res);
      const merchant = await findMerchant(db, merchantId);
      if (!merchant) throw notFound('merchant');
      const documents = body.senderNumbers.map((s, i) =>
        decodeBase64(s.proofDocument.contentBase64, `senderNumbers.${i}.proofDocument.contentBase64`),
      );
      const checked = checkApplication({
        services: body.services,
        kakaoSearchId: body.kakaoSearchId ?? merchant.kakaoSearchId,
        senderNumbers: body.senderNumbers.map((s, i) => ({ number: s.number, document: documents[i] })),
        receiverNumbers: body.receiverNumbers,
        mids: body.mids,
      });
      if (!checked.ok) throw ruleViolations(checked.violations);
      const open = await findOpenContractId(db, merchantId);
      if (open)
        throw conflict('contract_exists', `the merchant already has an open contract (${open})`, { contractId: open });
      const taken = await liveMids(db, checked.value.mids);
      if (taken.length)
        throw conflict('mid_in_use', `MID ${taken.join(', ')} belongs to another contract`, { mids: taken });

      const id = newId('ctr');
      const docs = body.senderNumbers.map((s, i) => ({
        id: newId('doc'),
        fileName: s.proofDocument.fileName,
        contentType: detectDocumentType(documents[i])!,
        sha256: createHash('sha256').update(documents[i]).digest('hex'),
        content: documents[i],
      }));
      const application: Application = {
        id,
        merchantId,
        appliedAt: new Date().toISOString(),
        services: body.services,
        kakaoSearchId: checked.value.kakaoSearchId,
        mids: checked.value.mids,
        receiverNumbers: checked.value.receiverNumbers,
        senderNumbers: checked.value.senderNumbers.map((number, i) => ({
          id: newId('snd'),
          number,
          documentId: docs[i].id,
        })),
      };
      // Documents first: if the commit below failed after the workflow started, the workflow's
      // own projection still finds them.
      await insertDocuments(db, merchantId, docs);
      await db.transaction(async (trx) => {
        await insertApplication(trx, application);
        await recordAudit(trx, {
          actor: actorOf(principal),
          action: 'contract.applied',
          subjectType: 'contract',
          subjectId: id,
          merchantId,
        });
        await temporal.workflow.start(ContractWorkflow, {
          workflowId: contractWorkflowId(id),
          taskQueue: TASK_QUEUES.contracts,
          args: [{ application }],
          typedSearchAttributes: [
            { key: MerchantId, value: merchantId },
            { key: ContractId, value: id },
          ],
        });
      });
      const created = await respondWithContract(id);
      return { ...created, status: 201 };
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
      const merchantId = principal.role === 'merchant' ? principal.merchantId : query.merchantId;
      const after = query.cursor ? decodeCursor(query.cursor) : undefined;
      const page = await listContracts(db, {
        merchantId,
        status: query.status as ContractState['status'] | undefined,
        after,
        limit: query.limit,
      });
      const last = page.records.at(-1);
      return {
        status: 200,
        body: {
          data: page.records.map((c) => contractView(c)),
          nextCursor: page.hasMore && last ? encodeCursor(last.row.id) : null,
        },
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
    responses: {
      200: { description: 'The contract', schema: Contract },
      404: { description: 'No such contract, or not yours' },
    },
    handler: async ({ params, res, principal }) => {
      const c = await visibleContract(res, params.id);
      if (c.row.receiver_numbers.length) {
        // Art. 11: access to personal data (the merchant's receiving numbers) is logged.
        await recordAudit(db, {
          actor: actorOf(principal),
          action: 'contract.read',
          subjectType: 'contract',
          subjectId: c.row.id,
          merchantId: c.row.merchant_id,
        });
      }
      return { status: 200, body: contractView(c, await contractHistory(db, params.id)) };
    },
  });

  const action = <B extends z.ZodType, T extends ContractAction>(spec: {
    path: string;
    action: T;
    summary: string;
    description?: string;
    operatorOnly: boolean;
    body: B;
    command: (body: z.output<B>) => Extract<ContractRequest['command'], { type: T }>;
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
        404: { description: 'No such contract, or not yours' },
        409: { description: 'The contract’s state does not allow this (nothing changed)' },
        422: { description: 'A rule refused it (nothing changed)' },
      },
      handler: async ({ params, res, body, principal }) => {
        await visibleContract(res, params.id);
        await act(params.id, spec.action, { actor: actorOf(principal), command: spec.command(body) });
        return respondWithContract(params.id);
      },
    });

  action({
    path: 'approve',
    action: 'approve',
    operatorOnly: true,
    summary: 'Approve the application with its fee schedule: the contract becomes active for a one-year term',
    body: ApproveBody,
    command: (body) => {
      const fees = parseFees(body.fees);
      if (!fees.ok)
        throw badRequest(fees.violations[0].code, fees.violations[0].message, { violations: fees.violations });
      return { type: 'approve', fees: fees.fees };
    },
  });
  action({
    path: 'reject',
    action: 'reject',
    operatorOnly: true,
    summary: 'Reject the application (Art. 3.4 reason, shown to the merchant)',
    body: ReviewBody,
    command: (b) => ({ type: 'reject', reason: b.reason, note: b.note }),
  });
  action({
    path: 'hold',
    action: 'hold',
    operatorOnly: true,
    summary: 'Hold the application (Art. 3.4 reason, shown to the merchant)',
    body: ReviewBody,
    command: (b) => ({ type: 'hold', reason: b.reason, note: b.note }),
  });
  action({
    path: 'suspend',
    action: 'suspend',
    operatorOnly: true,
    summary: 'Suspend the service (Art. 5.2, 13.3)',
    description:
      'Starts the three-month clock of Art. 13.4 (except for maintenance): without an objection the contract is terminated.',
    body: SuspendBody,
    command: (b) => ({ type: 'suspend', reason: b.reason, effectiveAt: b.effectiveAt }),
  });
  action({
    path: 'resume',
    action: 'resume',
    operatorOnly: true,
    summary: 'Resume a suspended contract (or withdraw a noticed suspension)',
    body: EmptyBody,
    command: () => ({ type: 'resume' }),
  });
  action({
    path: 'terminate',
    action: 'terminate',
    operatorOnly: false,
    summary:
      'Terminate: immediately for an Art. 13.2 cause, or one month after notice for business reasons (Art. 13.5, company only)',
    body: TerminateBody,
    command: (b) => ({
      type: 'terminate',
      cause: b.cause as Extract<ContractRequest['command'], { type: 'terminate' }>['cause'],
      note: b.note,
    }),
  });
  action({
    path: 'objection',
    action: 'object',
    operatorOnly: false,
    summary: 'Object to a suspension: stops the termination clock and puts the case to an operator (Art. 13.4)',
    body: ObjectionBody,
    command: (b) => ({ type: 'object', text: b.text }),
  });
  action({
    path: 'non-renewal',
    action: 'request_non_renewal',
    operatorOnly: false,
    summary: 'Give notice of non-renewal (Art. 12)',
    description:
      'Given at least 30 days before the term ends, the contract expires at the end of this term; later notice applies to the following term. `renewal.endsAt` says which.',
    body: EmptyBody,
    command: () => ({ type: 'request_non_renewal' }),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/v1/contracts/:id/sender-numbers',
    tag: 'Sender numbers',
    summary: 'Register a new sender number with its proof document (pending until an operator verifies it)',
    access: 'authenticated',
    params: IdParams,
    body: SenderNumberInput,
    bodyLimit: '2mb',
    responses: {
      201: { description: 'Registered, pending verification', schema: SenderNumber },
      404: { description: 'No such contract, or not yours' },
      409: { description: 'Already registered, or the contract has ended' },
      422: { description: 'Invalid number or document, or the limit of 10 is reached' },
    },
    handler: async ({ params, res, body, principal }) => {
      const c = await visibleContract(res, params.id);
      const parsed = parseSenderNumber(body.number);
      const bytes = decodeBase64(body.proofDocument.contentBase64, 'proofDocument.contentBase64');
      const violations = [
        ...(parsed
          ? []
          : [
              {
                code: 'invalid_sender_number',
                message: `"${body.number}" is not a valid Korean phone number`,
                field: 'number',
              },
            ]),
        ...checkProofDocument(bytes, 'proofDocument'),
      ];
      if (violations.length) throw ruleViolations(violations);
      const documentId = newId('doc');
      await insertDocuments(db, c.row.merchant_id, [
        {
          id: documentId,
          fileName: body.proofDocument.fileName,
          contentType: detectDocumentType(bytes)!,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          content: bytes,
        },
      ]);
      const id = newId('snd');
      await act(c.row.id, 'add_sender_number', {
        actor: actorOf(principal),
        command: { type: 'add_sender_number', id, number: parsed!.digits, documentId },
      });
      const [created] = await loadSenderNumbers(db, { id });
      return { status: 201, body: senderNumberView(created) };
    },
  });

  const senderNumberAction = (verb: 'verify' | 'reject') =>
    defineRoute(router, registry, {
      method: 'post',
      path: `/v1/sender-numbers/:id/${verb}`,
      tag: 'Sender numbers',
      summary:
        verb === 'verify'
          ? 'Verify a sender number after checking its proof document (Art. 4.4)'
          : 'Reject a sender number',
      access: 'operator',
      params: IdParams,
      body: verb === 'verify' ? EmptyBody : RejectSenderNumberBody,
      responses: {
        200: { description: 'The sender number', schema: SenderNumber },
        404: { description: 'No such sender number' },
        409: { description: 'Already verified or rejected' },
      },
      handler: async ({ params, body, principal }) => {
        const [s] = await loadSenderNumbers(db, { id: params.id });
        if (!s) throw notFound('sender number');
        const actor = actorOf(principal);
        if (verb === 'verify')
          await act(s.contractId, 'verify_sender_number', {
            actor,
            command: { type: 'verify_sender_number', id: s.id },
          });
        else
          await act(s.contractId, 'reject_sender_number', {
            actor,
            command: { type: 'reject_sender_number', id: s.id, reason: (body as { reason: string }).reason },
          });
        const [updated] = await loadSenderNumbers(db, { id: params.id });
        return { status: 200, body: senderNumberView(updated) };
      },
    });
  senderNumberAction('verify');
  senderNumberAction('reject');

  defineRoute(router, registry, {
    method: 'get',
    path: '/v1/sender-numbers/:id/proof-document',
    tag: 'Sender numbers',
    summary: 'Download the proof document of a sender number (operators, and the merchant that owns it)',
    access: 'authenticated',
    params: IdParams,
    responses: {
      200: { description: 'The file as uploaded' },
      404: { description: 'No such sender number, or not yours' },
    },
    handler: async ({ params, res }) => {
      const [s] = await loadSenderNumbers(db, { id: params.id });
      if (!s || !canSee(res, s.merchantId)) throw notFound('sender number');
      const doc = await db('proof_documents')
        .where({ id: s.document.id })
        .first('content', 'content_type', 'file_name');
      res.setHeader('Content-Type', doc.content_type);
      res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.file_name)}`);
      res.status(200).end(doc.content);
      return { status: 200, raw: true };
    },
  });
}
