/** FriendTalk images (SPEC §2, §7): uploaded once, then referenced by messages as `imageId`. */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Router } from 'express';
import { IMAGE_MAX_BYTES, IMAGE_MIN_WIDTH } from '../../domain/image';
import type { Db } from '../../platform/db';
import { actingMerchant } from '../auth';
import { z } from '../openapi';
import { uploadImage } from '../operations/upload-image';
import { defineRoute } from '../route';
import { Timestamp } from '../schemas/common';
import { iso } from '../time';

const ImageBody = z
  .object({
    fileName: z.string().trim().min(1).max(200).openapi({ example: 'spring-sale.png' }),
    contentBase64: z
      .string()
      .min(1)
      .max(Math.ceil((IMAGE_MAX_BYTES * 4) / 3) + 1024)
      .openapi({ description: 'the image file, base64-encoded' }),
  })
  .strict()
  .openapi('ImageUpload');

const Image = z
  .object({
    id: z.string().openapi({ example: 'img_01jd3x0k5q8m3v7c2z9w4t6y1r' }),
    format: z.enum(['jpeg', 'png']).openapi({ description: 'read from the bytes, not from the file name' }),
    width: z.number().int(),
    height: z.number().int(),
    bytes: z.number().int(),
    sha256: z.string(),
    createdAt: Timestamp,
  })
  .openapi('Image');

export function imageRoutes(router: Router, registry: OpenAPIRegistry, db: Db): void {
  defineRoute(router, registry, {
    method: 'post',
    path: '/v1/images',
    tag: 'Messages',
    summary: 'Upload a FriendTalk image; send it with `imageId`',
    description: `JPEG or PNG (from the bytes), at most ${IMAGE_MAX_BYTES / 1024} KB, at least ${IMAGE_MIN_WIDTH} px wide, width:height between 2:1 and 3:4 — checked here, once (422 with one violation per broken rule). bizmsg never fetches an image from a URL; the provider adapter uploads it to the provider when the message is sent.`,
    access: 'authenticated',
    body: ImageBody,
    bodyLimit: '1mb',
    responses: {
      201: { description: 'Stored', schema: Image },
      422: 'The image breaks a FriendTalk image rule',
    },
    handler: async ({ req, res, body }) => {
      const image = await uploadImage(db, actingMerchant(req, res), body);
      return {
        status: 201,
        body: {
          id: image.id,
          format: image.format,
          width: image.width,
          height: image.height,
          bytes: image.bytes,
          sha256: image.sha256,
          createdAt: iso(image.createdAt),
        },
      };
    },
  });
}
