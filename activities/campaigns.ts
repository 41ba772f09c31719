/**
 * Activities of the CampaignWorkflow. Each step creates the next recipients' messages through the
 * same acceptance as `POST /v1/messages/batch` (every rule, the gate, opt-outs; one write with the
 * outbox entries of their workflows), under an Idempotency-Key per recipient, so a retried step
 * finds the messages it already made instead of making them twice.
 */
import {
  prepareMessages,
  storeMessages,
  itemError,
  type AcceptanceDeps,
  type MessageRequest,
} from '../api/operations/accept-message';
import { ApiError, parseInput } from '../api/errors';
import { MessageBody } from '../api/schemas/messages';
import { campaignCounts, type CampaignCounts, type CampaignStatus } from '../domain/campaign';
import { PERSONAL_DATA_PURGED } from '../domain/delivery';
import type { Config } from '../platform/config';
import type { Db } from '../platform/db';
import {
  campaignTally,
  cancelPendingRecipients,
  findCampaign,
  pendingRecipients,
  recordRecipientResults,
  setCampaignStatus,
  type PendingRecipient,
  type RecipientResult,
} from '../store/campaigns';

/** A recipient's message is named by its campaign and row: the same step twice is the same message. */
const recipientKey = (campaignId: string, seq: number) => `campaign-${campaignId}-${seq}`;

export function createCampaignActivities(deps: { db: Db; config: Config; outbox?: { wake(): void } }) {
  const { db } = deps;
  const acceptance: AcceptanceDeps = { db, config: deps.config, outbox: deps.outbox ?? { wake: () => {} } };

  return {
    /** Creates the messages of recipients `from ≤ seq < from + size` still waiting; refused rows keep their error. */
    async sendCampaignChunk(input: {
      campaignId: string;
      from: number;
      size: number;
    }): Promise<{ accepted: number; rejected: number }> {
      const campaign = await findCampaign(db, input.campaignId);
      if (!campaign) throw new Error(`campaign ${input.campaignId} not found`);
      const rows = await pendingRecipients(db, input.campaignId, input.from, input.size);
      const requests: { seq: number; request?: MessageRequest; error?: ApiError }[] = rows.map((r) => ({
        seq: r.seq,
        ...requestOf(campaign.id, campaign.message, r),
      }));
      const valid = requests.filter((r) => r.request);
      const prepared = await prepareMessages(
        acceptance,
        campaign.merchant_id,
        valid.map((r) => r.request!),
      );
      const outcomes = await storeMessages(acceptance, campaign.merchant_id, prepared);
      const outcomeOf = new Map(valid.map((r, i) => [r.seq, outcomes[i]]));
      const results: RecipientResult[] = requests.map((r) => {
        const outcome = outcomeOf.get(r.seq);
        if (outcome?.ok) return { seq: r.seq, messageId: outcome.id };
        return { seq: r.seq, error: itemError(outcome ? outcome.error : r.error!) };
      });
      await recordRecipientResults(db, input.campaignId, results);
      const accepted = results.filter((r) => 'messageId' in r).length;
      return { accepted, rejected: results.length - accepted };
    },

    async projectCampaignStatus(input: { campaignId: string; status: CampaignStatus; at: string }): Promise<void> {
      await setCampaignStatus(db, input.campaignId, input.status, input.at);
    },

    /** A cancelled campaign: the recipients whose turn has not come get no message. */
    async cancelCampaignRest(input: { campaignId: string }): Promise<void> {
      await cancelPendingRecipients(db, input.campaignId);
    },

    async campaignProgress(input: { campaignId: string }): Promise<CampaignCounts> {
      return campaignCounts(await campaignTally(db, input.campaignId));
    },
  };
}

/** The campaign's content for one recipient, as a message request; or why it cannot be one. */
function requestOf(
  campaignId: string,
  message: Record<string, unknown> | null,
  r: PendingRecipient,
): { request: MessageRequest } | { error: ApiError } {
  if (message === null || r.recipient === null)
    return { error: new ApiError(422, PERSONAL_DATA_PURGED.code, PERSONAL_DATA_PURGED.message) };
  const common = (message.variables ?? undefined) as Record<string, string> | undefined;
  const variables = r.variables || common ? { ...common, ...r.variables } : undefined;
  try {
    const input = parseInput(MessageBody, { ...message, to: r.recipient, ...(variables ? { variables } : {}) });
    return { request: { input, idempotencyKey: recipientKey(campaignId, r.seq), campaignId } };
  } catch (err) {
    if (err instanceof ApiError) return { error: err };
    throw err;
  }
}

export type CampaignActivities = ReturnType<typeof createCampaignActivities>;
