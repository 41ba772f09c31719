/**
 * A carrier reports a delivery result (SPEC §7–8), however it arrives: our signed report format
 * (the simulator; signed with the shared secret instead of an API key) or NHN Cloud's result-update
 * webhook (docs/providers.md). Each report is kept, then signalled to its message's workflow, which
 * keeps the first result per send. A workflow that has ended (its result window is over) no longer
 * listens: the report stays on record.
 */
import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import type { ProviderReport } from '../../domain/delivery';
import { nhnReportOf, type NhnResultHook } from '../../domain/nhn';
import { messageIdOfKey } from '../../domain/provider-keys';
import type { Config } from '../../platform/config';
import type { Db } from '../../platform/db';
import type { Logger } from '../../platform/logger';
import { sameSharedSecret, verify } from '../../platform/signature';
import { insertProviderReport, markProviderReportDelivered } from '../../store/provider-reports';
import { messageWorkflowId } from '../../workflows/ids';
import { providerReportSignal } from '../../workflows/message';
import { ApiError } from '../errors';

export interface ProviderReportDeps {
  db: Db;
  temporal: Client;
  config: Config;
  logger: Logger;
}

export async function takeProviderReport(
  deps: ProviderReportDeps,
  signed: { rawBody: string; signature: string | undefined },
  report: ProviderReport,
): Promise<void> {
  const check = verify(deps.config.providers.reportSecret, signed.rawBody, signed.signature);
  if (!check.ok) throw new ApiError(401, 'invalid_signature', `the report signature is ${check.reason}`);
  await keepReport(deps, report);
}

/**
 * NHN's webhook `{event, hooks[]}` (Alimtalk ko/webhook-api-guide.md, "웹훅 발송"), carrying the
 * signature entered in NHN's webhook settings. MESSAGE_RESULT_UPDATE hooks become Kakao reports;
 * other events (template status updates, SMS opt-outs) are acknowledged and left to the paths that
 * poll for them.
 */
export async function takeNhnWebhook(
  deps: ProviderReportDeps,
  signature: string | undefined,
  webhook: { event: string; hooks: NhnResultHook[] },
): Promise<{ received: number; recorded: number }> {
  const expected = deps.config.providers.nhn.webhookSignature;
  if (!expected || !sameSharedSecret(expected, signature))
    throw new ApiError(401, 'invalid_signature', 'the NHN webhook signature is missing or wrong');

  let recorded = 0;
  if (webhook.event === 'MESSAGE_RESULT_UPDATE')
    for (const hook of webhook.hooks) {
      const report = nhnReportOf(hook);
      if (!report) continue;
      await keepReport(deps, { provider: 'kakao', ...report });
      recorded++;
    }
  if (recorded < webhook.hooks.length)
    deps.logger.info(
      { event: webhook.event, hooks: webhook.hooks.length, recorded },
      'NHN webhook hooks not taken as reports',
    );
  return { received: webhook.hooks.length, recorded };
}

async function keepReport(deps: ProviderReportDeps, report: ProviderReport): Promise<void> {
  const messageId = messageIdOfKey(report.idempotencyKey);
  const reportId = await insertProviderReport(deps.db, { ...report, messageId });
  try {
    await deps.temporal.workflow.getHandle(messageWorkflowId(messageId)).signal(providerReportSignal, report);
    if (reportId) await markProviderReportDelivered(deps.db, reportId);
  } catch (err) {
    if (!(err instanceof WorkflowNotFoundError)) throw err;
    deps.logger.info({ messageId, provider: report.provider }, 'report for a message whose workflow has ended');
  }
}
