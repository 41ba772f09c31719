import { z } from '../openapi';
import { IssuedInvitation } from './accounts';
import { httpUrl, Timestamp } from './common';

export const CreateMerchantBody = z
  .object({
    businessRegistrationNumber: z.string().min(10).max(12).openapi({
      description: '사업자등록번호, with or without hyphens; the check digit is verified',
      example: '124-81-00998',
    }),
    name: z.string().trim().min(1).max(100).openapi({ description: '상호', example: '주식회사 예시상점' }),
    representative: z.string().trim().min(1).max(50).openapi({ description: '대표자', example: '홍길동' }),
    address: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .openapi({ description: 'address on the business registration certificate' }),
    kakaoSearchId: z
      .string()
      .trim()
      .min(1)
      .max(30)
      .optional()
      .openapi({ description: '카카오톡 검색용아이디 (needed to apply for AlimTalk/FriendTalk)' }),
    webhookUrl: httpUrl(500)
      .optional()
      .openapi({ description: 'where message results are POSTed, signed with the webhook secret' }),
    ownerEmail: z.email().max(254).optional().openapi({
      description: 'the owner’s email: the answer carries a console invitation link for them (shown once)',
    }),
  })
  .strict()
  .openapi('CreateMerchant');

export const Merchant = z
  .object({
    id: z.string(),
    businessRegistrationNumber: z.string().openapi({ example: '1248100998' }),
    name: z.string(),
    representative: z.string(),
    address: z.string(),
    kakaoSearchId: z.string().nullable(),
    webhookUrl: z.string().nullable(),
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
