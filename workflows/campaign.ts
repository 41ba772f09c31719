/**
 * CampaignWorkflow (`campaign-<id>`): one content to up to 100,000 recipients (SPEC §4, §7).
 *
 *   wait for its time (if scheduled) → step by step, at the merchant's rate, create the next
 *   recipients' messages through the acceptance rules (each an ordinary message with its own
 *   MessageWorkflow, timeline and bill; refused rows are kept per row) → once every message has
 *   its final status, `completed`.
 *
 * Pause, resume and cancel are Updates, decided by domain/campaign; cancel stops the recipients
 * whose turn has not come. The recipients stay in PostgreSQL (personal data never enters the
 * history); the workflow carries only where it is, and continues as new every CHUNKS_PER_RUN steps.
 */
import * as wf from '@temporalio/workflow';
import type { CampaignActivities } from '../activities/campaigns';
import {
  CAMPAIGN_ACTIONS,
  CHUNKS_PER_RUN,
  decideCampaignAction,
  initialStatus,
  isSettled,
  nextChunk,
  settlePollDelay,
  type CampaignAction,
  type CampaignCounts,
  type CampaignStatus,
  type Pace,
} from '../domain/campaign';
import { shortRetries } from './activity-options';

const { sendCampaignChunk } = wf.proxyActivities<CampaignActivities>(
  // A step creates at most MAX_CHUNK messages: seconds, not minutes.
  shortRetries('2 minutes'),
);
const { projectCampaignStatus, cancelCampaignRest, campaignProgress } = wf.proxyLocalActivities<CampaignActivities>(
  shortRetries('30 seconds'),
);

export interface CampaignWorkflowInput {
  campaignId: string;
  merchantId: string;
  total: number;
  ratePerMinute: number;
  scheduledAt: string | null;
  /** Where the previous run stopped (continue-as-new). */
  progress?: { status: CampaignStatus; next: number; pace: Pace | null };
}

export const campaignUpdate = (action: CampaignAction) => wf.defineUpdate<{ status: CampaignStatus }, []>(action);

/** Error type of a refused action; details carry the domain's `{code, message}` for the API. */
export const CAMPAIGN_VIOLATION = 'CampaignViolation';

export async function CampaignWorkflow(input: CampaignWorkflowInput): Promise<CampaignCounts | null> {
  const { campaignId, total, ratePerMinute } = input;
  const scheduledAt = input.scheduledAt ? Date.parse(input.scheduledAt) : null;
  let status: CampaignStatus = input.progress?.status ?? initialStatus(scheduledAt, Date.now());
  let next = input.progress?.next ?? 0;
  let pace: Pace | null = input.progress?.pace ?? null;

  // Status writes in the order they happened, whichever handler made them.
  let projected: Promise<void> = Promise.resolve();
  const project = (s: CampaignStatus) =>
    (projected = projected.then(() => projectCampaignStatus({ campaignId, status: s, at: new Date().toISOString() })));

  for (const action of CAMPAIGN_ACTIONS) {
    const decide = () => decideCampaignAction({ status, dispatched: next >= total, scheduledAt }, action, Date.now());
    wf.setHandler(
      campaignUpdate(action),
      async () => {
        const d = decide();
        if (!d.ok) throw refuse(d.violation);
        status = d.status;
        // After a pause the rate counts afresh: no burst to catch up.
        if (action === 'resume') pace = null;
        await project(status);
        if (action === 'cancel') await cancelCampaignRest({ campaignId });
        return { status: d.status };
      },
      {
        validator: () => {
          const d = decide();
          if (!d.ok) throw refuse(d.violation);
        },
      },
    );
  }

  if (!input.progress) await project(status);
  for (let steps = 0; next < total && status !== 'cancelled';) {
    if (status === 'paused') {
      await wf.condition(() => status !== 'paused');
      continue;
    }
    if (status === 'scheduled') {
      const wait = scheduledAt! - Date.now();
      if (wait > 0 && (await wf.condition(() => status !== 'scheduled', wait))) continue;
      status = 'running';
      await project(status);
      continue;
    }
    pace ??= { since: Date.now(), sent: 0 };
    const step = nextChunk(pace, ratePerMinute, total - next);
    if (step.at > Date.now() && (await wf.condition(() => status !== 'running', step.at - Date.now()))) continue;
    await sendCampaignChunk({ campaignId, from: next, size: step.size });
    next += step.size;
    if (pace) pace = { since: pace.since, sent: pace.sent + step.size };
    if (++steps >= CHUNKS_PER_RUN || wf.workflowInfo().continueAsNewSuggested) {
      await wf.condition(wf.allHandlersFinished);
      return wf.continueAsNew<typeof CampaignWorkflow>({ ...input, progress: { status, next, pace } });
    }
  }
  if (status === 'cancelled') {
    await wf.condition(wf.allHandlersFinished);
    return null;
  }

  // Every message is on its way: the campaign is complete when each has its final status.
  let counts = await campaignProgress({ campaignId });
  for (let polls = 0; !isSettled(counts); polls++) {
    await wf.sleep(settlePollDelay(polls));
    counts = await campaignProgress({ campaignId });
  }
  await wf.condition(wf.allHandlersFinished);
  status = 'completed';
  await project(status);
  return counts;
}

function refuse(violation: { code: string; message: string }) {
  return wf.ApplicationFailure.create({
    type: CAMPAIGN_VIOLATION,
    message: violation.message,
    details: [violation],
    nonRetryable: true,
  });
}
