/**
 * Registering, editing and deleting an AlimTalk template (SPEC §2, §7). Each version is checked,
 * stored as `requested` and handed to the template's TemplateReviewWorkflow, in which Kakao
 * approves or rejects it; an edit replaces the review of the version before it. The review goes to
 * Kakao under the sender profile the merchant's AlimTalks go out under: its contract's Kakao search ID.
 */
import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import type { z } from 'zod';
import { parseTemplate } from '../../domain/template';
import type { Db } from '../../platform/db';
import { contractKakaoSearchId } from '../../store/contracts';
import { findTemplate, insertTemplate, type TemplateRow } from '../../store/messages';
import { deleteTemplate, reviseTemplate } from '../../store/templates';
import { templateReviewWorkflowId } from '../../workflows/ids';
import { MerchantId } from '../../workflows/search-attributes';
import { TASK_QUEUES } from '../../workflows/task-queues';
import { TemplateReviewWorkflow } from '../../workflows/template-review';
import { conflict, notFound, ruleViolations, unprocessable } from '../errors';
import type { TemplateBody, TemplateEdit } from '../schemas/templates';

interface Deps {
  db: Db;
  temporal: Client;
}

async function checked(db: Db, merchantId: string, code: string, body: z.output<typeof TemplateEdit>) {
  const parsed = parseTemplate(code, body.text, body.buttons);
  if (!parsed.ok) throw ruleViolations(parsed.violations);
  if (!(await contractKakaoSearchId(db, merchantId)))
    throw unprocessable(
      'kakao_sender_profile_required',
      'Kakao reviews a template under the sender profile its messages go out from: apply for a contract with a Kakao search ID first',
      { field: 'kakaoSearchId' },
    );
  return parsed.variables;
}

/** Starts the review of the template's latest version; an earlier review still running is replaced. */
async function startReview(temporal: Client, t: TemplateRow): Promise<void> {
  await temporal.workflow.start(TemplateReviewWorkflow, {
    workflowId: templateReviewWorkflowId(t.merchant_id, t.code),
    taskQueue: TASK_QUEUES.messages,
    args: [{ merchantId: t.merchant_id, code: t.code, version: t.version }],
    workflowIdConflictPolicy: 'TERMINATE_EXISTING',
    typedSearchAttributes: [{ key: MerchantId, value: t.merchant_id }],
  });
}

export async function registerTemplate(
  deps: Deps,
  merchantId: string,
  body: z.output<typeof TemplateBody>,
): Promise<TemplateRow> {
  const variables = await checked(deps.db, merchantId, body.code, body);
  const row = await insertTemplate(deps.db, { merchantId, ...body, variables });
  if (!row)
    throw conflict(
      'template_exists',
      `template ${body.code} already exists; edit it with PUT /v1/templates/${body.code}`,
    );
  await startReview(deps.temporal, row);
  return row;
}

/** A new version for review; the approved version keeps sending until Kakao approves this one. */
export async function editTemplate(
  deps: Deps,
  merchantId: string,
  code: string,
  body: z.output<typeof TemplateEdit>,
): Promise<TemplateRow> {
  if (!(await findTemplate(deps.db, merchantId, code))) throw notFound('template');
  const variables = await checked(deps.db, merchantId, code, body);
  const row = await reviseTemplate(deps.db, { merchantId, code, ...body, variables });
  if (!row) throw notFound('template');
  await startReview(deps.temporal, row);
  return row;
}

/** Messages accepted from it still go out (they carry their text and buttons); its review, if running, ends. */
export async function removeTemplate(deps: Deps, merchantId: string, code: string): Promise<void> {
  if (!(await deleteTemplate(deps.db, merchantId, code))) throw notFound('template');
  try {
    await deps.temporal.workflow
      .getHandle(templateReviewWorkflowId(merchantId, code))
      .terminate('the template was deleted');
  } catch (err) {
    // No review running: it finished long ago, or never started.
    if (!(err instanceof WorkflowNotFoundError)) throw err;
  }
}
