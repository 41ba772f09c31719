/**
 * Pause, resume or cancel a campaign (SPEC §7): the CampaignWorkflow decides (domain/campaign.ts)
 * and records the new status before it answers. Cancel stops the recipients whose turn has not
 * come; messages already created are ordinary messages on their way.
 */
import { WorkflowNotFoundError } from '@temporalio/common';
import { isClosed, type CampaignAction } from '../../domain/campaign';
import type { Db } from '../../platform/db';
import { findCampaign, type CampaignRow } from '../../store/campaigns';
import { CAMPAIGN_VIOLATION, campaignUpdate } from '../../workflows/campaign';
import { campaignWorkflowId } from '../../workflows/ids';
import { maySee, type Principal } from '../auth';
import { ApiError, notFound } from '../errors';
import { statusOfRule } from '../rule-status';
import { runUpdate } from '../temporal-errors';
import type { WorkflowDeps } from '../workflow-deps';

/** The campaign, when it exists and the caller may see it; 404 otherwise (never 403: SPEC §7). */
export async function visibleCampaign(db: Db, principal: Principal, id: string): Promise<CampaignRow> {
  const campaign = await findCampaign(db, id);
  if (!campaign || !maySee(principal, campaign.merchant_id)) throw notFound('campaign');
  return campaign;
}

const CLOSED = { code: 'campaign_closed', message: 'the campaign has finished; nothing more can change' };
const closed = () => new ApiError(statusOfRule(CLOSED.code), CLOSED.code, CLOSED.message);

export async function actOnCampaign(
  deps: WorkflowDeps,
  principal: Principal,
  id: string,
  action: CampaignAction,
): Promise<CampaignRow> {
  const campaign = await visibleCampaign(deps.db, principal, id);
  if (isClosed(campaign.status)) throw closed();
  await runUpdate(
    () =>
      deps.temporal.workflow
        .getHandle(campaignWorkflowId(id))
        .executeUpdate(campaignUpdate(action))
        .catch((err: unknown) => {
          // Its start is still in the outbox (a moment after it was accepted).
          if (err instanceof WorkflowNotFoundError)
            throw new ApiError(503, 'campaign_starting', 'the campaign is being set up; retry in a moment');
          throw err;
        }),
    CAMPAIGN_VIOLATION,
    CLOSED,
  );
  return (await findCampaign(deps.db, id))!;
}
