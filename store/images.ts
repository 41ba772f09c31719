/** Uploaded FriendTalk images (SPEC §2): checked once at upload, referenced by messages as `imageId`. */
import type { Knex } from 'knex';
import type { ImageInfo } from '../domain/image';

export interface NewImage extends ImageInfo {
  id: string;
  merchantId: string;
  fileName: string;
  sha256: string;
  content: Buffer;
}

export interface ImageRecord extends ImageInfo {
  id: string;
  merchantId: string;
  sha256: string;
  createdAt: Date;
}

interface ImageRow {
  id: string;
  merchant_id: string;
  format: ImageInfo['format'];
  width: number;
  height: number;
  size_bytes: number;
  sha256: string;
  created_at: Date;
}

const toRecord = (r: ImageRow): ImageRecord => ({
  id: r.id,
  merchantId: r.merchant_id,
  format: r.format,
  width: r.width,
  height: r.height,
  bytes: r.size_bytes,
  sha256: r.sha256,
  createdAt: r.created_at,
});

export async function insertImage(db: Knex, image: NewImage): Promise<ImageRecord> {
  const [row] = await db<ImageRow>('images')
    .insert({
      id: image.id,
      merchant_id: image.merchantId,
      file_name: image.fileName,
      content: image.content,
      format: image.format,
      width: image.width,
      height: image.height,
      size_bytes: image.bytes,
      sha256: image.sha256,
    } as never)
    .returning(['id', 'merchant_id', 'format', 'width', 'height', 'size_bytes', 'sha256', 'created_at']);
  return toRecord(row);
}

/** The merchant's image, if it exists and has not been destroyed. */
/** The merchant's live images among `ids`, by id: one query for a whole batch of messages. */
export async function findImages(db: Knex, merchantId: string, ids: string[]): Promise<Map<string, ImageRecord>> {
  if (ids.length === 0) return new Map();
  const rows = await db<ImageRow>('images')
    .whereIn('id', ids)
    .where({ merchant_id: merchantId })
    .whereNull('purged_at')
    .select('id', 'merchant_id', 'format', 'width', 'height', 'size_bytes', 'sha256', 'created_at');
  return new Map(rows.map((row) => [row.id, toRecord(row)]));
}

/** The bytes a provider adapter uploads to its provider (SPEC §2: the image travels by upload, never by URL). */
export async function imageContent(
  db: Knex,
  id: string,
): Promise<{ id: string; fileName: string; format: ImageInfo['format']; sha256: string; content: Buffer } | undefined> {
  const row = await db('images')
    .where({ id })
    .whereNull('purged_at')
    .first('id', 'file_name', 'format', 'sha256', 'content');
  return row && { id: row.id, fileName: row.file_name, format: row.format, sha256: row.sha256, content: row.content };
}
