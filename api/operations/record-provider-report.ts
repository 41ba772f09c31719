/**
 * A carrier's delivery result, however it arrived (our signed report format, NHN's webhook): stored
 * once, then signalled to its message's workflow, which keeps the first result per send.
 */
import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import { messageIdOfKey } from '../../activities/messages';
import type { Db } from '../../platform/db';
import type { Logger } from '../../platform/logger';
import { insertProviderReport, markReportDelivered } from '../../store/provider-reports';
import { providerReportSignal, type ProviderReport } from '../../workflows/message';
import { messageWorkflowId } from '../message-acceptance';

export async function recordProviderReport(
  deps: { db: Db; temporal: Client; logger: Logger },
  report: ProviderReport,
): Promise<void> {
  const { db, temporal, logger } = deps;
  const messageId = messageIdOfKey(report.idempotencyKey);
  const inserted = await insertProviderReport(db, { ...report, messageId });
  try {
    await temporal.workflow.getHandle(messageWorkflowId(messageId)).signal(providerReportSignal, report);
    if (inserted !== undefined) await markReportDelivered(db, inserted);
  } catch (err) {
    // The message's workflow has finished (its result window is over): the report stays on record.
    if (!(err instanceof WorkflowNotFoundError)) throw err;
    logger.info({ messageId, provider: report.provider }, 'report for a message whose workflow has ended');
  }
}
