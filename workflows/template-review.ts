/**
 * TemplateReviewWorkflow (`template-<merchantId>-<code>`): an AlimTalk template is submitted to
 * Kakao, which reviews it before it can be used (requested → approved | rejected). Reviews can take
 * days; we ask again with growing pauses for up to 30 days.
 */
import * as wf from '@temporalio/workflow';
import type { TemplateActivities } from '../activities/templates';
import { pollDelay } from '../domain/delivery';

const { submitTemplateForReview, templateReviewStatus, recordTemplateReview } = wf.proxyActivities<TemplateActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '5 seconds', maximumInterval: '10 minutes' },
});

const REVIEW_DEADLINE_MS = 30 * 86_400_000;

export async function TemplateReviewWorkflow(input: {
  merchantId: string;
  code: string;
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
  await recordTemplateReview({ ...input, ...decided });
  return decided.status;
}
