import { FAILURE_REASONS, MESSAGE_STATUSES, TIMELINE_STATUSES } from '../../domain/delivery';
import { DEFAULT_SMS_BYTE_LIMIT, FALLBACK_CHANNELS, MESSAGE_TYPES, REQUESTED_TYPES } from '../../domain/message';
import { SEND_KINDS } from '../../domain/sending-gate';
import { z } from '../openapi';
import { InstantInput, ListQuery, Timestamp } from './common';

export const MessageBody = z
  .object({
    type: z.enum(REQUESTED_TYPES).openapi({
      description:
        '`text`: SMS when the text fits the SMS limit and has no subject, else LMS; the message then reads `sms` or `lms`',
    }),
    to: z.string().min(1).max(20).openapi({
      description: 'the recipient’s Korean mobile number, with or without hyphens',
      example: '010-1234-5678',
    }),
    from: z.string().min(1).max(20).optional().openapi({
      description: 'a verified sender number of the contract (SMS/LMS and fallback); defaults to the only verified one',
    }),
    text: z.string().max(10_000).optional(),
    subject: z.string().max(200).optional().openapi({ description: 'LMS only, at most 40 bytes' }),
    templateCode: z.string().max(40).optional().openapi({ description: 'AlimTalk: an approved template' }),
    variables: z
      .record(z.string().max(100), z.union([z.string().max(1000), z.number()]).transform(String))
      .optional()
      .openapi({ description: 'AlimTalk: values of the template’s #{variables}' }),
    imageId: z.string().min(1).max(64).optional().openapi({
      description: 'FriendTalk image: the id POST /v1/images answered (the image rules are checked there)',
    }),
    imageUrl: z.unknown().optional().openapi({
      description:
        'not accepted: bizmsg never fetches a URL it is given — upload the image with POST /v1/images and send imageId',
      deprecated: true,
    }),
    fallback: z
      .object({
        enabled: z.boolean(),
        text: z.string().max(10_000).optional(),
        subject: z.string().max(200).optional(),
      })
      .strict()
      .optional()
      .openapi({
        description: `AlimTalk/FriendTalk: re-send as SMS (if it fits ${DEFAULT_SMS_BYTE_LIMIT} bytes) or LMS when Kakao fails or stays silent`,
      }),
    reference: z.string().max(100).optional().openapi({ description: 'your own reference, echoed back' }),
    holdDuringQuietHours: z.boolean().optional().openapi({
      description: 'FriendTalk requested between 20:50 and 08:00 KST: hold it until 08:00 instead of refusing it',
    }),
    scheduledAt: z.iso.datetime({ offset: true }).optional().openapi({
      description:
        'send at this time (예약발송), at most one year ahead; in the past or now = at once. Until then the message reads `scheduled` and can be cancelled or rescheduled',
      example: '2026-12-24T09:00:00+09:00',
    }),
  })
  .strict()
  .openapi('MessageRequest');

export const BatchBody = z
  .object({
    messages: z
      .array(z.unknown())
      .min(1)
      .max(10_000)
      .openapi({ description: 'up to 10,000 message requests; each may carry its own `idempotencyKey`' }),
  })
  .strict()
  .openapi('MessageBatch');

export const BatchItem = MessageBody.extend({ idempotencyKey: z.string().min(1).max(255).optional() }).strict();

export const Accepted = z
  .object({ id: z.string(), status: z.enum(['accepted', 'scheduled']) })
  .openapi('AcceptedMessage');

export const BatchResult = z
  .object({
    accepted: z.array(z.object({ index: z.number().int(), id: z.string() })),
    rejected: z.array(
      z.object({
        index: z.number().int(),
        error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
      }),
    ),
  })
  .openapi('BatchResult');

export const Attempt = z.object({
  channel: z.enum(MESSAGE_TYPES),
  status: z
    .enum(TIMELINE_STATUSES)
    .openapi({ description: 'carrier_handed_over: an SMS/LMS carrier failed and the next one took the attempt' }),
  providerMessageId: z.string().nullable(),
  resultCode: z.string().nullable(),
  note: z.string().nullable(),
  at: Timestamp,
});

export const Message = z
  .object({
    id: z.string(),
    type: z.enum(SEND_KINDS),
    to: z.string().openapi({ description: 'masked', example: '010-****-5678' }),
    from: z.string().nullable(),
    status: z.enum(MESSAGE_STATUSES),
    deliveredVia: z.enum(MESSAGE_TYPES).nullable(),
    failureReason: z.enum(FAILURE_REASONS).nullable().openapi({
      description: 'why a failed message failed: its delivery outcome, or the sending gate’s refusal at send time',
    }),
    reference: z.string().nullable(),
    paymentNoticeId: z.string().nullable(),
    fallback: z.object({ channel: z.enum(FALLBACK_CHANNELS) }).nullable(),
    attempts: z.array(Attempt),
    notBefore: Timestamp.nullable(),
    scheduledAt: Timestamp.nullable().openapi({ description: 'the time a scheduled message was asked for' }),
    campaignId: z.string().nullable(),
    createdAt: Timestamp,
    finalizedAt: Timestamp.nullable(),
  })
  .openapi('Message');

/** What a message said and to whom: shown only when asked for (`include=content`), and logged (Art. 11). */
export const MessageContent = z
  .object({
    to: z.string().nullable(),
    text: z.string().nullable(),
    subject: z.string().nullable(),
    variables: z.record(z.string(), z.string()).nullable(),
    fallback: z
      .object({ channel: z.enum(['sms', 'lms']), text: z.string(), subject: z.string().optional() })
      .nullable(),
    imageId: z.string().nullable(),
    destroyedAt: Timestamp.nullable().openapi({ description: 'set once the contents were destroyed (Art. 5.6, 10.2)' }),
  })
  .openapi('MessageContent');

export const MessageQuery = z.object({
  include: z.enum(['content']).optional().openapi({
    description: '`content` adds the recipient and the text (a read of personal data, recorded in the audit log)',
  }),
});

export const MessageListQuery = ListQuery.extend({
  status: z.enum(MESSAGE_STATUSES).optional(),
  campaignId: z.string().max(64).optional().openapi({ description: 'the messages of one campaign' }),
  type: z.enum(SEND_KINDS).optional(),
  since: InstantInput.optional(),
  until: InstantInput.optional(),
  to: z.string().max(20).optional().openapi({ description: 'the recipient’s number, with or without hyphens' }),
  reference: z.string().max(100).optional().openapi({ description: 'your own reference, exactly' }),
});

export const MessageStatsQuery = z.object({
  since: InstantInput,
  until: InstantInput,
});

export const MessageStats = z
  .object({
    byType: z.array(
      z.object({
        type: z.enum(SEND_KINDS),
        total: z.number().int(),
        delivered: z.number().int(),
        failed: z.number().int(),
        viaFallback: z.number().int().openapi({ description: 'Kakao messages that went out as SMS/LMS' }),
      }),
    ),
    daily: z.array(
      z.object({
        date: z.string().openapi({ example: '2026-11-25' }),
        total: z.number().int(),
        delivered: z.number().int(),
      }),
    ),
  })
  .openapi('MessageStats');

export const OptOutBody = z.object({ number: z.string().min(1).max(20) }).strict();
export const OptOut = z.object({ number: z.string(), createdAt: Timestamp }).openapi('OptOut');
