/** The simulator's request bodies: the provider wire protocol of sends and template reviews (SPEC §8). */
import { z } from 'zod';
import { parseRecipient, parseSenderNumber } from '../domain/phone';

const recipient = z.string().transform((value, ctx) => {
  const phone = parseRecipient(value);
  if (phone) return phone.digits;
  ctx.addIssue({ code: 'custom', message: 'not a Korean mobile number' });
  return z.NEVER;
});

const characters = (text: string) => [...text].length;

/** Kakao's AlimTalk buttons (WL web link, AL app link, DS delivery tracking, BK bot keyword, MD message delivery). */
const Button = z
  .object({
    type: z.enum(['WL', 'AL', 'DS', 'BK', 'MD']),
    name: z.string().min(1).max(14),
    urlMobile: z.string().url().optional(),
    urlPc: z.string().url().optional(),
    schemeAndroid: z.string().min(1).optional(),
    schemeIos: z.string().min(1).optional(),
  })
  .strict();
const Buttons = z.array(Button).max(5);

/** A request to Kakao's side other than a send names the channel by its sender key. */
const kakaoRequest = <T extends z.ZodRawShape>(fields: T) =>
  z.object({ senderKey: z.string().min(1).max(100), ...fields }).strict();

/** Kakao's image upload: the bytes themselves (a Brand Message then carries the URL it answers). */
export const ImageUpload = kakaoRequest({ fileName: z.string().min(1).max(200), contentBase64: z.base64() });

export const TemplateReview = kakaoRequest({
  code: z.string().min(1).max(20),
  text: z.string().min(1).max(1000),
  buttons: Buttons.optional(),
});

// Kakao's own limits (SPEC §2; Brand Message carries FriendTalk: 1,300 characters, 400 with an image).
export const KakaoSend = z
  .object({
    type: z.enum(['alimtalk', 'brand_message']),
    senderKey: z.string().min(1).max(100),
    to: recipient,
    text: z.string().min(1),
    templateCode: z.string().min(1).max(20).optional(),
    buttons: Buttons.optional(),
    imageUrl: z.url().optional(),
  })
  .superRefine((body, ctx) => {
    const limit = body.type === 'alimtalk' ? 1_000 : body.imageUrl ? 400 : 1_300;
    if (characters(body.text) > limit)
      ctx.addIssue({ code: 'custom', path: ['text'], message: `text exceeds ${limit} characters` });
  });

// The carrier bounds sizes in bytes; the platform checks the EUC-KR byte limits (SPEC §2) before sending,
// so the simulator only bounds lengths and refuses a subject on an SMS.
export const SmsSend = z
  .object({
    type: z.enum(['sms', 'lms']),
    from: z
      .string()
      .regex(/^\d+$/, 'digits only')
      .refine((value) => parseSenderNumber(value) !== undefined, 'not a valid Korean sender number'),
    to: recipient,
    text: z.string().min(1).max(2_000),
    subject: z.string().min(1).max(40).optional(),
  })
  .refine((body) => body.type === 'lms' || body.subject === undefined, {
    path: ['subject'],
    message: 'an SMS has no subject',
  });

export type SendRequest = z.output<typeof KakaoSend> | z.output<typeof SmsSend>;

/** POST /_sim/config: what tests and operators may change at run time. */
export const SimConfig = z.object({
  dropReports: z.boolean().optional(),
  responseDelayMs: z.number().int().min(0).max(600_000).optional(),
});

export type SimSettings = Required<z.output<typeof SimConfig>>;
