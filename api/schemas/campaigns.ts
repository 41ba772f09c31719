/** Campaigns (SPEC §7): one content to up to 100,000 recipients. */
import { CAMPAIGN_STATUSES, MAX_CAMPAIGN_RECIPIENTS } from '../../domain/campaign';
import { z } from '../openapi';
import { Timestamp } from './common';
import { MessageBody } from './messages';

/** The content every recipient gets: a message request without `to` and without its own time. */
export const CampaignMessage = MessageBody.omit({ to: true, scheduledAt: true }).openapi('CampaignMessage');

export const CampaignRecipient = z
  .object({
    to: z.string().min(1).max(20),
    variables: z
      .record(z.string().max(100), z.union([z.string().max(1000), z.number()]).transform(String))
      .optional()
      .openapi({ description: 'this recipient’s values of the AlimTalk template’s #{variables}' }),
  })
  .strict();

export const CampaignBody = z
  .object({
    name: z.string().min(1).max(100),
    message: CampaignMessage,
    recipients: z.array(CampaignRecipient).min(1).max(MAX_CAMPAIGN_RECIPIENTS).optional(),
    recipientsCsv: z.string().min(1).max(32_000_000).optional().openapi({
      description:
        'instead of `recipients`: CSV text whose header row names the columns — `to` is the recipient, every other column a template variable of that name',
      example: 'to,name,order\n010-1234-5678,홍길동,A-1001\n',
    }),
    scheduledAt: z.iso.datetime({ offset: true }).optional().openapi({
      description: 'start the campaign at this time, at most one year ahead; in the past or now = at once',
    }),
    ratePerMinute: z
      .number()
      .int()
      .min(1)
      .optional()
      .openapi({ description: 'messages created per minute at most; the merchant’s cap when absent or lower' }),
  })
  .strict()
  .openapi('CampaignRequest');

export const CampaignAccepted = z
  .object({ id: z.string(), status: z.enum(CAMPAIGN_STATUSES), total: z.number().int() })
  .openapi('CampaignAccepted');

export const Campaign = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.string(),
    status: z.enum(CAMPAIGN_STATUSES),
    scheduledAt: Timestamp.nullable(),
    ratePerMinute: z.number().int(),
    total: z.number().int(),
    accepted: z.number().int().openapi({ description: 'recipients whose message was created' }),
    rejected: z.number().int().openapi({ description: 'recipients the acceptance rules refused (see /rejections)' }),
    scheduled: z.number().int().openapi({ description: 'recipients still waiting their turn' }),
    sending: z.number().int(),
    delivered: z.number().int(),
    failed: z.number().int(),
    cancelled: z.number().int().openapi({ description: 'recipients cancelled before their turn' }),
    createdAt: Timestamp,
    startedAt: Timestamp.nullable(),
    finishedAt: Timestamp.nullable(),
  })
  .openapi('Campaign');

export const CampaignRejection = z
  .object({
    index: z.number().int().openapi({ description: 'the recipient’s position in the request (0-based)' }),
    to: z.string().openapi({ description: 'masked' }),
    error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
  })
  .openapi('CampaignRejection');
