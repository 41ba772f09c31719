/**
 * A carrier reports a delivery result (SPEC §7–8). The report is signed with the shared secret
 * instead of an API key; it is kept, then signalled to its message's workflow. A workflow that has
 * ended (its result window is over) no longer listens: the report stays on record.
 */
import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import type { ProviderReport } from '../../domain/delivery';
import { messageIdOfKey } from '../../domain/provider-keys';
import type { Config } from '../../platform/config';
import type { Db } from '../../platform/db';
import type { Logger } from '../../platform/logger';
import { verify } from '../../platform/signature';
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
