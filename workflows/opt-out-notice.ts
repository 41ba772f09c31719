/**
 * OptOutNoticeWorkflow (`opt-out-notice-<id>`): tells the merchant that a recipient opted out by
 * calling its 080 number (SPEC §4): webhook `opt_out.created`, retried like the message webhooks.
 * The number itself is already on the opt-out list; only ids are in this workflow's history.
 */
import * as wf from '@temporalio/workflow';
import type { OptOutActivities } from '../activities/opt-outs';
import { MERCHANT_WEBHOOK_CALL } from './activity-options';

const { notifyOptOut } = wf.proxyActivities<OptOutActivities>(MERCHANT_WEBHOOK_CALL);

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
