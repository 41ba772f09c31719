/** Activities of the ContractWorkflow: its Postgres projection and the Art. 10.2 purge. */
import { SYSTEM_ACTOR } from '../domain/actor';
import type { ContractEvent, ContractState } from '../domain/contract';
import type { Db } from '../platform/db';
import type { Logger } from '../platform/logger';
import { recordAudit } from '../store/audit';
import { saveContractSnapshot } from '../store/contracts';
import { purgeMerchantPersonalData, type PurgeReport } from '../store/purge';

export function createContractActivities({ db, logger }: { db: Db; logger: Logger }) {
  return {
    /** Writes the contract's state and new history entries for the API to read. */
    async projectContract(state: ContractState, events: ContractEvent[]): Promise<void> {
      await saveContractSnapshot(db, state, events);
    },

    /** Destroys the personal data held for the merchant once its contract has ended (Art. 10.2). */
    async purgePersonalData(input: {
      contractId: string;
      merchantId: string;
      reason: 'terminated' | 'expired';
    }): Promise<PurgeReport> {
      const report = await purgeMerchantPersonalData(db, input.merchantId, input.contractId);
      await recordAudit(db, {
        actor: SYSTEM_ACTOR,
        action: 'personal_data.purged',
        subjectType: 'contract',
        subjectId: input.contractId,
        merchantId: input.merchantId,
        details: {
          reason: input.reason,
          ...report,
          kept: [
            'usage_records',
            'invoices',
            'message metadata (no recipient, no content)',
            'audit_log',
            'proof documents and sender numbers until PROOF_DOCUMENT_RETENTION',
          ],
        },
      });
      logger.info({ contractId: input.contractId, ...report }, 'personal data purged');
      return report;
    },
  };
}

export type ContractActivities = ReturnType<typeof createContractActivities>;
