/**
 * OptOutNoticeWorkflow (`opt-out-notice-<id>`): tells the merchant that a recipient opted out by
 * calling its 080 number (SPEC §4): webhook `opt_out.created`, retried like the message webhooks.
 * The number itself is already on the opt-out list; only ids are in this workflow's history.
 */
import * as wf from '@temporalio/workflow';
import type { OptOutActivities } from '../activities/opt-outs';

const { notifyOptOut } = wf.proxyActivities<OptOutActivities>({
  startToCloseTimeout: '30 seconds',
  // A merchant's endpoint may be down for a while: back off up to an hour, for about a day.
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '1 hour', maximumAttempts: 30 },
});

export interface OptOutNoticeInput {
  merchantId: string;
  noticeId: string;
}

export async function OptOutNoticeWorkflow(input: OptOutNoticeInput): Promise<string> {
  try {
    return await notifyOptOut({ noticeId: input.noticeId });
  } catch (err) {
    wf.log.warn('merchant webhook gave up', { noticeId: input.noticeId, error: String(err) });
    return 'gave_up';
  }
}
