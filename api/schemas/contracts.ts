/** Contracts and sender numbers (SPEC §3, §7): every enum is the domain's own list. */
import { ACTOR_TYPES } from '../../domain/actor';
import {
  CONTRACT_STATUSES,
  REQUESTABLE_TERMINATION_CAUSES,
  REVIEW_REASONS,
  SENDER_NUMBER_STATUSES,
  SUSPENSION_REASONS,
} from '../../domain/contract';
import { USAGE_TYPES, type UsageType } from '../../domain/money';
import { z } from '../openapi';
import { InstantInput, MerchantListQuery, Timestamp } from './common';

const flag = z.boolean().default(false);

export const ServicesSchema = z
  .object({
    sms: flag,
    lms: flag,
    alimtalk: flag,
    friendtalkText: flag,
    friendtalkImage: flag,
    fallbackSms: flag.openapi({ description: '대체발송 SMS: a failed AlimTalk/FriendTalk goes out as SMS' }),
    fallbackLms: flag,
    paymentNotice: z
      .object({
        merchant: z.object({ approval: flag, cancel: flag }).strict().default({ approval: false, cancel: false }),
        buyer: z
          .object({ approval: flag, cancel: flag, vbankIssued: flag })
          .strict()
          .default({ approval: false, cancel: false, vbankIssued: false }),
      })
      .strict()
      .default({
        merchant: { approval: false, cancel: false },
        buyer: { approval: false, cancel: false, vbankIssued: false },
      }),
  })
  .strict()
  .openapi('Services');

export const ProofDocument = z
  .object({
    fileName: z.string().trim().min(1).max(200),
    contentBase64: z
      .string()
      .min(1)
      .openapi({ description: 'the PDF, JPEG or PNG file, base64-encoded (at most 1 MB decoded)' }),
  })
  .strict()
  .openapi('ProofDocument', {
    description: '통신서비스 이용증명원 / 가입사실증명서 proving the number is the merchant’s',
  });

export const SenderNumberInput = z
  .object({ number: z.string().min(1).max(20).openapi({ example: '02-1234-5678' }), proofDocument: ProofDocument })
  .strict();

export const ApplyContractBody = z
  .object({
    services: ServicesSchema,
    senderNumbers: z.array(SenderNumberInput).max(50).default([]),
    receiverNumbers: z
      .array(z.string().min(1).max(20))
      .max(100)
      .default([])
      .openapi({ description: 'mobile numbers of merchant staff for merchant-target payment notices (1–20)' }),
    mids: z.array(z.string().min(1).max(40)).max(200).default([]),
    kakaoSearchId: z.string().trim().min(1).max(31).optional().openapi({ description: 'defaults to the merchant’s' }),
  })
  .strict()
  .openapi('ContractApplication');

const UnitPrice = z
  .union([z.string(), z.number()])
  .openapi({ description: 'won per delivered message, VAT excluded, up to 2 decimals', example: '8.50' });

export const ApproveBody = z
  .object({
    fees: z
      .object(Object.fromEntries(USAGE_TYPES.map((type) => [type, UnitPrice])) as Record<UsageType, typeof UnitPrice>)
      .strict()
      .openapi('Fees'),
  })
  .strict();

export const ReviewBody = z
  .object({
    reason: z.enum(REVIEW_REASONS).openapi({ description: 'Art. 3.4 ground' }),
    note: z.string().max(1000).optional(),
  })
  .strict();
export const SuspendBody = z
  .object({
    reason: z.enum(SUSPENSION_REASONS),
    effectiveAt: InstantInput.optional().openapi({
      description: 'a later start after notice (Art. 5.2); spoofing is always immediate (Art. 13.3)',
    }),
  })
  .strict();
export const TerminateBody = z
  .object({
    cause: z.enum(REQUESTABLE_TERMINATION_CAUSES),
    note: z.string().max(1000).optional(),
  })
  .strict();
export const ObjectionBody = z.object({ text: z.string().trim().min(1).max(4000) }).strict();
export const EmptyBody = z.object({}).strict().default({});

export const ResumeBody = z
  .object({
    reason: z.string().trim().min(1).max(500).optional().openapi({
      description:
        'why the suspension is lifted: required while an invoice is still overdue (recorded in the history and the audit log)',
    }),
  })
  .strict()
  .default({});
export const RejectSenderNumberBody = z.object({ reason: z.string().trim().min(1).max(500) }).strict();

export const ContractListQuery = MerchantListQuery.extend({ status: z.enum(CONTRACT_STATUSES).optional() });

const Actor = z.object({ type: z.enum(ACTOR_TYPES), id: z.string().optional() });

export const SenderNumber = z
  .object({
    id: z.string(),
    contractId: z.string(),
    number: z.string().nullable().openapi({ description: 'null once destroyed, after its retention (README)' }),
    status: z.enum(SENDER_NUMBER_STATUSES),
    rejectionReason: z.string().nullable(),
    addedAt: Timestamp,
    decidedAt: Timestamp.nullable(),
    proofDocument: z.object({
      id: z.string(),
      fileName: z.string().nullable(),
      contentType: z.string(),
      sizeBytes: z.number().int(),
      sha256: z.string(),
    }),
  })
  .openapi('SenderNumber');

export const Contract = z
  .object({
    id: z.string(),
    merchantId: z.string(),
    status: z.enum(CONTRACT_STATUSES),
    appliedAt: Timestamp,
    termStart: Timestamp.nullable(),
    termEnd: Timestamp.nullable(),
    termNumber: z.number().int().nullable(),
    renewal: z
      .object({
        autoRenews: z.boolean(),
        endsAt: Timestamp.nullable().openapi({ description: 'set once notice of non-renewal was given' }),
      })
      .openapi({ description: 'Art. 12: one-year terms renew unless notice is given 30 days before the end' }),
    services: ServicesSchema,
    kakaoSearchId: z.string().nullable(),
    mids: z.array(z.string()),
    receiverNumbers: z.array(z.string()),
    fees: z
      .record(z.string(), z.string())
      .nullable()
      .openapi({ description: 'unit prices in won with 2 decimals, VAT excluded' }),
    senderNumbers: z.array(SenderNumber),
    review: z
      .object({ decision: z.string(), reason: z.string(), note: z.string().nullable(), at: Timestamp })
      .nullable(),
    suspension: z
      .object({
        reason: z.enum(SUSPENSION_REASONS),
        noticeAt: Timestamp,
        terminationAt: Timestamp.nullable().openapi({
          description: 'Art. 13.4: terminated then unless an objection is filed',
        }),
        objection: z.object({ text: z.string(), at: Timestamp }).nullable(),
      })
      .nullable(),
    pendingSuspension: z.object({ reason: z.string(), effectiveAt: Timestamp }).nullable(),
    pendingTermination: z.object({ cause: z.string(), effectiveAt: Timestamp }).nullable(),
    termination: z.object({ cause: z.string(), at: Timestamp, by: Actor, note: z.string().nullable() }).nullable(),
    history: z
      .array(
        z.object({
          seq: z.number().int(),
          at: Timestamp,
          actor: Actor,
          action: z.string(),
          from: z.string(),
          to: z.string(),
          details: z.record(z.string(), z.unknown()),
        }),
      )
      .optional(),
  })
  .openapi('Contract');
