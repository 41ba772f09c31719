/**
 * A merchant registers an AlimTalk template (SPEC §2): checked, stored as `requested`, and handed to
 * its TemplateReviewWorkflow, in which Kakao approves or rejects it.
 */
import type { Client } from '@temporalio/client';
import { parseTemplate } from '../../domain/template';
import type { Db } from '../../platform/db';
import { insertTemplate, type TemplateRow } from '../../store/messages';
import { templateReviewWorkflowId } from '../../workflows/ids';
import { MerchantId } from '../../workflows/search-attributes';
import { TASK_QUEUES } from '../../workflows/task-queues';
import { TemplateReviewWorkflow } from '../../workflows/template-review';
import { conflict, ruleViolations } from '../errors';
import type { TemplateBody } from '../schemas/messages';
import type { z } from 'zod';

export async function registerTemplate(
  deps: { db: Db; temporal: Client },
  merchantId: string,
  template: z.output<typeof TemplateBody>,
): Promise<TemplateRow> {
  const parsed = parseTemplate(template.code, template.text);
  if (!parsed.ok) throw ruleViolations(parsed.violations);
  const row = await insertTemplate(deps.db, {
    merchantId,
    code: template.code,
    text: template.text,
    buttons: template.buttons,
    variables: parsed.variables,
  });
  if (!row) throw conflict('template_exists', `template ${template.code} already exists`);
  await deps.temporal.workflow.start(TemplateReviewWorkflow, {
    workflowId: templateReviewWorkflowId(merchantId, template.code),
    taskQueue: TASK_QUEUES.messages,
    args: [{ merchantId, code: template.code }],
    typedSearchAttributes: [{ key: MerchantId, value: merchantId }],
  });
  return row;
}
