/** AlimTalk templates over the API (SPEC §7). The rules (button count, names, links) are domain/template.ts's. */
import { TEMPLATE_BUTTON_TYPES, TEMPLATE_STATUSES } from '../../domain/template';
import { z } from '../openapi';
import { Timestamp } from './common';

const link = (description: string) => z.string().min(1).max(1000).optional().openapi({ description });

export const TemplateButton = z
  .object({
    type: z.enum(TEMPLATE_BUTTON_TYPES).openapi({
      description: 'WL web link, AL app link, DS delivery tracking, BK bot keyword, MD message delivery',
    }),
    name: z.string().max(100).openapi({ description: 'at most 14 characters', example: '주문 조회' }),
    urlMobile: link('WL (required), AL: the http(s) page it opens on a phone'),
    urlPc: link('WL, AL: the http(s) page it opens on a computer'),
    schemeAndroid: link('AL: the app scheme on Android (this or schemeIos required)'),
    schemeIos: link('AL: the app scheme on iOS'),
  })
  .strict()
  .openapi('TemplateButton');

const Buttons = z
  .array(TemplateButton)
  .max(50)
  .default([])
  .openapi({ description: 'at most 5 Kakao buttons; they are reviewed with the text and sent with every message' });

export const TemplateBody = z
  .object({ code: z.string().min(1).max(20), text: z.string().min(1).max(1000), buttons: Buttons })
  .strict()
  .openapi('TemplateRequest');

export const TemplateEdit = z
  .object({ text: z.string().min(1).max(1000), buttons: Buttons })
  .strict()
  .openapi('TemplateEdit');

export const TemplateParams = z.object({ code: z.string().min(1).max(40) });

const Version = z.object({ version: z.number().int(), text: z.string(), buttons: z.array(TemplateButton) });

export const Template = z
  .object({
    code: z.string(),
    version: z.number().int().openapi({ description: 'the latest version: 1, then one more per edit' }),
    text: z.string(),
    variables: z.array(z.string()),
    buttons: z.array(TemplateButton),
    status: z.enum(TEMPLATE_STATUSES).openapi({ description: 'Kakao’s review of the latest version' }),
    rejectionReason: z.string().nullable(),
    approved: Version.nullable().openapi({
      description:
        'the version messages are sent from: the last one Kakao approved (an edit under review does not replace it until approved)',
    }),
    createdAt: Timestamp,
    reviewedAt: Timestamp.nullable(),
  })
  .openapi('Template');
