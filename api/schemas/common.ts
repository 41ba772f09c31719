/** Schemas shared by several endpoints. */
import { z } from '../openapi';

export const Timestamp = z
  .string()
  .openapi({ description: 'ISO-8601 time with offset', example: '2026-11-25T09:00:00.000+09:00' });

/** A web address we fetch or call: http(s) only, never file:, data: or the like. */
export const httpUrl = (maxLength: number) => z.url({ protocol: /^https?$/ }).max(maxLength);
/** Years a business record can have; PostgreSQL refuses year 0 and JavaScript dates end in 275760. */
const SANE_YEARS = { from: 1970, to: 9999 };
const saneYear = (ms: number) =>
  new Date(ms).getUTCFullYear() >= SANE_YEARS.from && new Date(ms).getUTCFullYear() <= SANE_YEARS.to;

/** A time given in a request: ISO-8601 with an offset, between 1970 and 9999. */
export const InstantInput = z.iso
  .datetime({ offset: true })
  .refine((v) => saneYear(Date.parse(v)), `must be between ${SANE_YEARS.from} and ${SANE_YEARS.to}`);

/** A calendar date given in a request (YYYY-MM-DD), between 1970 and 9999. */
export const DateInput = z.iso
  .date()
  .refine((v) => saneYear(Date.parse(`${v}T00:00:00Z`)), `must be between ${SANE_YEARS.from} and ${SANE_YEARS.to}`);

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
