/** Activities of the TemplateReviewWorkflow: Kakao reviews each AlimTalk template before use. */
import { ApplicationFailure } from '@temporalio/activity';
import type { TemplateButton } from '../domain/template';
import type { Config } from '../platform/config';
import type { Db } from '../platform/db';
import { findMerchant } from '../store/merchants';
import { findTemplate, setTemplateReview } from '../store/messages';
import { templateReviewsFromConfig } from './providers';
import type { TemplateReviews, TemplateReviewStatus } from './providers/types';

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
  const senderKeyOf = async (merchantId: string) => (await findMerchant(db, merchantId))?.kakaoSearchId ?? merchantId;
  return {
    async submitTemplateForReview(input: {
      merchantId: string;
      code: string;
    }): Promise<{ status: TemplateReviewStatus; reason: string | null }> {
      const template = await findTemplate(db, input.merchantId, input.code);
      if (!template) throw ApplicationFailure.nonRetryable(`template ${input.code} not found`);
      return reviews.submit({
        senderKey: await senderKeyOf(input.merchantId),
        code: input.code,
        text: template.text,
        buttons: template.buttons as TemplateButton[],
      });
    },
    async templateReviewStatus(input: {
      merchantId: string;
      code: string;
    }): Promise<{ status: TemplateReviewStatus; reason: string | null }> {
      return reviews.status(await senderKeyOf(input.merchantId), input.code);
    },
    async recordTemplateReview(input: {
      merchantId: string;
      code: string;
      status: 'approved' | 'rejected';
      reason: string | null;
    }): Promise<void> {
      await setTemplateReview(db, input.merchantId, input.code, input.status, input.reason);
    },
  };
}

export type TemplateActivities = ReturnType<typeof createTemplateActivities>;
