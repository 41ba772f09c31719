/** The RetentionWorkflow's activity: the retention sweep (Art. 5.6), audited with its counts. */
import { Context } from '@temporalio/activity';
import type { Db } from '../platform/db';
import type { Logger } from '../platform/logger';
import { recordAudit } from '../store/audit';
import { destroyOldMessages, destroyProofDocuments, type RetentionReport } from '../store/purge';

export function createRetentionActivities({ db, logger }: { db: Db; logger: Logger }) {
  return {
    async destroyExpiredPersonalData(input: {
      messageRetentionMs: number;
      proofDocumentRetentionMs: number;
    }): Promise<RetentionReport> {
      const now = Date.now();
      const heartbeat = () => Context.current().heartbeat();
      const messages =
        input.messageRetentionMs > 0
          ? await destroyOldMessages(db, new Date(now - input.messageRetentionMs), heartbeat)
          : { messages: 0, paymentEvents: 0 };
      const proofDocuments =
        input.proofDocumentRetentionMs > 0
          ? await destroyProofDocuments(db, new Date(now - input.proofDocumentRetentionMs))
          : 0;
      const report = { ...messages, proofDocuments };
      await recordAudit(db, {
        actor: { type: 'system' },
        action: 'personal_data.retention_expired',
        subjectType: 'platform',
        details: { ...report, ...input },
      });
      logger.info(report, 'retention sweep');
      return report;
    },
  };
}

export type RetentionActivities = ReturnType<typeof createRetentionActivities>;
export type { RetentionReport };
