/** All activities, built once per worker process with their dependencies. */
import type { Config } from '../platform/config';
import type { Db } from '../platform/db';
import type { Logger } from '../platform/logger';
import { createBillingActivities } from './billing';
import { createCampaignActivities } from './campaigns';
import { createContractActivities } from './contracts';
import { createMerchantActivities } from './merchants';
import { createMessageActivities, type Providers } from './messages';
import { createOptOutActivities } from './opt-outs';
import { createPaymentNoticeActivities } from './payment-notices';
import type { TemplateReviews } from './providers/types';
import { createScheduleActivities } from './schedules';
import { createRetentionActivities } from './retention';
import { createTemplateActivities } from './templates';

export interface ActivityDeps {
  db: Db;
  logger: Logger;
  config: Config;
  /** Provider adapters override (tests); by default HTTP adapters to the configured providers. */
  providers?: Providers;
  templateReviews?: TemplateReviews;
  /** The worker's outbox dispatcher, woken when a campaign step wrote workflow starts (default: the API's sweep). */
  outbox?: { wake(): void };
}

export function createActivities(deps: ActivityDeps) {
  return {
    ...createContractActivities(deps),
    ...createMerchantActivities(deps),
    ...createMessageActivities(deps),
    ...createTemplateActivities(deps),
    ...createPaymentNoticeActivities(deps),
    ...createBillingActivities(deps),
    ...createScheduleActivities(deps),
    ...createCampaignActivities(deps),
    ...createOptOutActivities(deps),
    ...createRetentionActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
