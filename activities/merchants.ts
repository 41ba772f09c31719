/** Activities of the MerchantChangeWorkflow: putting a noticed business-information change into effect. */
import type { Actor } from '../domain/actor';
import type { Db } from '../platform/db';
import type { Logger } from '../platform/logger';
import { recordAudit } from '../store/audit';
import { applyPendingChange } from '../store/merchants';

export type MerchantChangeOutcome = 'applied' | 'superseded' | 'brn_taken';

export function createMerchantActivities({ db, logger }: { db: Db; logger: Logger }) {
  return {
    /** Applies the change if it is still the merchant's pending one (a later notice replaces it). */
    async applyMerchantChange(input: {
      merchantId: string;
      changeId: string;
      actor: Actor;
    }): Promise<MerchantChangeOutcome> {
      const result = await applyPendingChange(db, input.merchantId, input.changeId);
      if (result.outcome !== 'superseded')
        await recordAudit(db, {
          actor: input.actor,
          action: result.outcome === 'applied' ? 'merchant.change_applied' : 'merchant.change_refused',
          subjectType: 'merchant',
          subjectId: input.merchantId,
          merchantId: input.merchantId,
          details: {
            changeId: input.changeId,
            ...(result.outcome === 'applied'
              ? { fields: Object.keys(result.change.fields), effectiveAt: result.change.effectiveAt }
              : { reason: 'the new business registration number belongs to another merchant' }),
            early: input.actor.type !== 'system',
          },
        });
      logger.info(
        { merchantId: input.merchantId, changeId: input.changeId, outcome: result.outcome },
        'merchant change',
      );
      return result.outcome;
    },
  };
}

export type MerchantActivities = ReturnType<typeof createMerchantActivities>;
