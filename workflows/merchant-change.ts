/**
 * MerchantChangeWorkflow (`merchant-change-<changeId>`, workflows/ids.ts): the durable timer of one noticed change to a
 * merchant's business information (Art. 4.1.3: 10 days' notice). It waits until the change takes
 * effect — or until an operator applies it earlier — and applies it, once. The change itself (names,
 * address) stays in PostgreSQL; the workflow carries ids only.
 */
import * as wf from '@temporalio/workflow';
import type { MerchantActivities, MerchantChangeOutcome } from '../activities/merchants';
import { SYSTEM_ACTOR, type Actor } from '../domain/actor';
import { shortRetries } from './activity-options';

const { applyMerchantChange } = wf.proxyActivities<MerchantActivities>(shortRetries('30 seconds'));

export interface MerchantChangeInput {
  merchantId: string;
  changeId: string;
  effectiveAt: string;
}

/** An operator applies the change now; answers once it is applied. */
export const applyNowUpdate = wf.defineUpdate<MerchantChangeOutcome, [{ actor: Actor }]>('apply_now');

export async function MerchantChangeWorkflow(input: MerchantChangeInput): Promise<MerchantChangeOutcome> {
  let early: Actor | undefined;
  let outcome: MerchantChangeOutcome | undefined = undefined;
  wf.setHandler(applyNowUpdate, async ({ actor }) => {
    early ??= actor;
    await wf.condition(() => outcome !== undefined);
    return outcome!;
  });

  const waitMs = Date.parse(input.effectiveAt) - Date.now();
  if (waitMs > 0) await wf.condition(() => early !== undefined, waitMs);
  outcome = await applyMerchantChange({
    merchantId: input.merchantId,
    changeId: input.changeId,
    actor: early ?? SYSTEM_ACTOR,
  });
  await wf.condition(wf.allHandlersFinished);
  return outcome;
}
