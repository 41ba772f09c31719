import { BUSINESS_CHANGE_NOTICE_DAYS } from '../../domain/merchant-change';
import { z } from '../openapi';
import { IssuedInvitation } from './accounts';
import { httpUrl, InstantInput, Timestamp } from './common';
const BusinessRegistrationNumber = z.string().min(10).max(12).openapi({
  description: '사업자등록번호, with or without hyphens; the check digit is verified',
  example: '124-81-00998',
});
const Name = z.string().trim().min(1).max(100).openapi({ description: '상호', example: '주식회사 예시상점' });
const Representative = z.string().trim().min(1).max(50).openapi({ description: '대표자', example: '홍길동' });
const Address = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .openapi({ description: 'address on the business registration certificate' });
const WebhookUrl = httpUrl(500).openapi({
  description: 'where message results are POSTed, signed with the webhook secret',
});

export const CreateMerchantBody = z
  .object({
    businessRegistrationNumber: BusinessRegistrationNumber,
    name: Name,
    representative: Representative,
    address: Address,
    kakaoSearchId: z
      .string()
      .trim()
      .min(1)
      .max(30)
      .optional()
      .openapi({ description: '카카오톡 검색용아이디 (needed to apply for AlimTalk/FriendTalk)' }),
    webhookUrl: WebhookUrl.optional(),
    ownerEmail: z.email().max(254).optional().openapi({
      description: 'the owner’s email: the answer carries a console invitation link for them (shown once)',
    }),
  })
  .strict()
  .openapi('CreateMerchant');

export const ChangeMerchantBody = z
  .object({
    businessRegistrationNumber: BusinessRegistrationNumber.optional(),
    name: Name.optional(),
    representative: Representative.optional(),
    address: Address.optional(),
    webhookUrl: WebhookUrl.nullable().optional().openapi({ description: 'changes at once; null removes it' }),
    effectiveAt: InstantInput.optional().openapi({
      description: `when the business information changes: at least ${BUSINESS_CHANGE_NOTICE_DAYS} days from now (the default), Art. 4.1.3`,
    }),
  })
  .strict()
  .refine((b) => Object.keys(b).some((k) => k !== 'effectiveAt'), 'give at least one field to change')
  .openapi('ChangeMerchant');

export const PendingChange = z
  .object({
    id: z.string(),
    fields: z
      .object({
        businessRegistrationNumber: z.string().optional(),
        name: z.string().optional(),
        representative: z.string().optional(),
        address: z.string().optional(),
      })
      .openapi({ description: 'the new values' }),
    noticedAt: Timestamp,
    effectiveAt: Timestamp,
  })
  .openapi('PendingMerchantChange');

export const RotateWebhookSecretBody = z
  .object({
    graceHours: z
      .number()
      .int()
      .min(0)
      .max(7 * 24)
      .default(24)
      .openapi({ description: 'how long the old secret still signs (both signatures are sent)' }),
  })
  .strict();

export const RotatedWebhookSecret = z
  .object({
    webhookSecret: z.string().openapi({ description: 'the new secret — shown only in this answer' }),
    previousSecretValidUntil: Timestamp,
  })
  .openapi('RotatedWebhookSecret');

export const Merchant = z
  .object({
    id: z.string(),
    businessRegistrationNumber: z.string().openapi({ example: '1248100998' }),
    name: z.string(),
    representative: z.string(),
    address: z.string(),
    kakaoSearchId: z.string().nullable(),
    webhookUrl: z.string().nullable(),
    pendingChange: PendingChange.nullable().openapi({
      description: 'business information noticed to change, and when (Art. 4.1.3)',
    }),
    createdAt: Timestamp,
  })
  .openapi('Merchant');

export const CreatedMerchant = Merchant.extend({
  apiKey: z
    .string()
    .openapi({ description: 'the merchant API key — shown only in this answer, stored only as a hash' }),
  webhookSecret: z
    .string()
    .openapi({ description: 'verifies the HMAC-SHA256 signature of our webhooks — shown only in this answer' }),
  ownerInvitation: IssuedInvitation.nullable().openapi({ description: 'when ownerEmail was given' }),
}).openapi('CreatedMerchant');
