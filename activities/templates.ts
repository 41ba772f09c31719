/**
 * Activities of the TemplateReviewWorkflow: Kakao reviews each AlimTalk template version before use,
 * under the sender profile the merchant's AlimTalks go out under (its contract's Kakao search ID).
 */
import { ApplicationFailure, Context } from '@temporalio/activity';
import { kakaoSenderKeyFor } from '../domain/delivery';
import type { Config } from '../platform/config';
import type { Db } from '../platform/db';
import { contractKakaoSearchId } from '../store/contracts';
import { findTemplate } from '../store/messages';
import { recordTemplateReview } from '../store/templates';
import { templateReviewsFromConfig } from './providers';
import type { TemplateReviews, TemplateReviewStatus } from './providers/types';
import { deliverTemplateWebhook } from './webhooks';

interface TemplateRef {
  merchantId: string;
  code: string;
  /** The version under review; absent in reviews started before templates had versions. */
  version?: number;
}

export function createTemplateActivities({
  db,
  config,
  templateReviews,
}: {
  db: Db;
  config: Config;
  templateReviews?: TemplateReviews;
}) {
  const reviews = templateReviews ?? templateReviewsFromConfig(config);
  /** The sends' sender key (domain/delivery.ts), so the review and the messages use the same sender profile. */
  const senderKeyOf = async (merchantId: string) => {
    const searchId = await contractKakaoSearchId(db, merchantId);
    if (!searchId)
      throw ApplicationFailure.nonRetryable(`merchant ${merchantId} has no contract with a Kakao search ID`);
    return kakaoSenderKeyFor('alimtalk', searchId);
  };
  return {
    async submitTemplateForReview(
      input: TemplateRef,
    ): Promise<{ status: TemplateReviewStatus; reason: string | null }> {
      const template = await findTemplate(db, input.merchantId, input.code);
      if (!template) throw ApplicationFailure.nonRetryable(`template ${input.code} not found`);
      return reviews.submit({
        senderKey: await senderKeyOf(input.merchantId),
        code: input.code,
        text: template.text,
        buttons: template.buttons,
      });
    },
    async templateReviewStatus(input: TemplateRef): Promise<{ status: TemplateReviewStatus; reason: string | null }> {
      return reviews.status(await senderKeyOf(input.merchantId), input.code);
    },
    /** Records Kakao's decision on the version; false when that version was edited or deleted since. */
    async recordTemplateReview(
      input: TemplateRef & { status: 'approved' | 'rejected'; reason: string | null },
    ): Promise<boolean> {
      return recordTemplateReview(db, input);
    },
    /** `template.approved` / `template.rejected` to the merchant's webhook; throws to be retried with backoff. */
    async notifyMerchantOfReview(input: TemplateRef): Promise<'delivered' | 'no_webhook'> {
      return deliverTemplateWebhook({ db, config }, input, Context.current().info.attempt);
    },
  };
}

export type TemplateActivities = ReturnType<typeof createTemplateActivities>;
