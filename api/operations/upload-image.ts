/**
 * Uploading a FriendTalk image (SPEC §2, §7): the image rules are checked once, here, from the bytes
 * themselves; messages then reference the stored image by id. The platform never fetches a URL.
 */
import { createHash } from 'node:crypto';
import { checkFriendTalkImage } from '../../domain/image';
import type { Db } from '../../platform/db';
import { newId } from '../../platform/ids';
import { insertImage, type ImageRecord } from '../../store/images';
import { decodeBase64 } from '../base64';
import { ruleViolations } from '../errors';

export interface ImageUpload {
  fileName: string;
  contentBase64: string;
}

export async function uploadImage(db: Db, merchantId: string, input: ImageUpload): Promise<ImageRecord> {
  const bytes = decodeBase64(input.contentBase64, 'contentBase64');
  const checked = checkFriendTalkImage(bytes, 'contentBase64');
  if (!checked.ok) throw ruleViolations(checked.violations);
  return insertImage(db, {
    id: newId('img'),
    merchantId,
    fileName: input.fileName,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    content: bytes,
    ...checked.image,
  });
}
