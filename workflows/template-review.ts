/**
 * TemplateReviewWorkflow (`template-<merchantId>-<code>`): one version of an AlimTalk template is
 * submitted to Kakao, which reviews it before it can be used (requested → approved | rejected).
 * Reviews can take days; we ask again with growing pauses for up to 30 days. The merchant hears the
 * decision by webhook. An edit starts a new run for its version, replacing this one.
 */
import * as wf from '@temporalio/workflow';
import type { TemplateActivities } from '../activities/templates';
import { pollDelay } from '../domain/delivery';
import { MERCHANT_WEBHOOK_CALL } from './activity-options';

const { submitTemplateForReview, templateReviewStatus, recordTemplateReview } = wf.proxyActivities<TemplateActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '5 seconds', maximumInterval: '10 minutes' },
});
const { notifyMerchantOfReview } = wf.proxyActivities<TemplateActivities>(MERCHANT_WEBHOOK_CALL);

const REVIEW_DEADLINE_MS = 30 * 86_400_000;
/** Reviews started before it record their decision without telling the merchant (README "Changing a workflow safely"). */
const TEMPLATE_REVIEW_WEBHOOK = 'template-review-webhook';

export async function TemplateReviewWorkflow(input: {
  merchantId: string;
  code: string;
  /** The version under review; runs started before templates had versions have none. */
  version?: number;
}): Promise<'approved' | 'rejected'> {
  const until = Date.now() + REVIEW_DEADLINE_MS;
  let review = await submitTemplateForReview(input);
  for (let polls = 0; review.status === 'requested' && Date.now() < until; polls++) {
    await wf.sleep(Math.min(pollDelay(polls), until - Date.now()));
    review = await templateReviewStatus(input);
  }
  const decided =
    review.status === 'requested'
      ? { status: 'rejected' as const, reason: 'Kakao did not complete the review within 30 days' }
      : { status: review.status, reason: review.reason };
  const recorded = await recordTemplateReview({ ...input, ...decided });
  if (recorded && wf.patched(TEMPLATE_REVIEW_WEBHOOK))
    await notifyMerchantOfReview(input).catch((err) =>
      wf.log.warn('merchant webhook gave up', { code: input.code, error: String(err) }),
    );
  return decided.status;
}
