/**
 * RetentionWorkflow: destroys what has outlived its retention (Art. 5.6, 10.2) — message contents
 * and recipients `MESSAGE_RETENTION` after a message is final, proof documents and the sender
 * numbers they prove `PROOF_DOCUMENT_RETENTION` after their contract ended. Started every night by
 * the `retention-daily` Temporal Schedule; usage records, invoices and message metadata stay.
 */
import * as wf from '@temporalio/workflow';
import type { RetentionActivities, RetentionReport } from '../activities/retention';

const { destroyExpiredPersonalData } = wf.proxyActivities<RetentionActivities>({
  startToCloseTimeout: '1 hour',
  heartbeatTimeout: '2 minutes',
  retry: { initialInterval: '10 seconds', maximumInterval: '10 minutes' },
});

export interface RetentionInput {
  /** 0: kept. */
  messageRetentionMs: number;
  /** 0: kept. */
  proofDocumentRetentionMs: number;
}

export async function RetentionWorkflow(input: RetentionInput): Promise<RetentionReport> {
  return destroyExpiredPersonalData(input);
}
