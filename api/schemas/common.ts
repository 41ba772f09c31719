/** Schemas shared by several endpoints. */
import { z } from '../openapi';

export const Timestamp = z
  .string()
  .openapi({ description: 'ISO-8601 time with offset', example: '2026-11-25T09:00:00.000+09:00' });

/** A web address we fetch or call: http(s) only, never file:, data: or the like. */
export const httpUrl = (maxLength: number) => z.url({ protocol: /^https?$/ }).max(maxLength);

export const IdParams = z.object({ id: z.string().min(1).max(64) });

export const ListQuery = z.object({
  cursor: z.string().max(200).optional().openapi({ description: 'nextCursor of the previous page' }),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

/** A list operators may narrow to one merchant (merchant keys always see only their own). */
export const MerchantListQuery = ListQuery.extend({
  merchantId: z.string().max(64).optional().openapi({ description: 'operators only' }),
});

export function listOf<T extends z.ZodType>(item: T, name: string) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable() }).openapi(name);
}
