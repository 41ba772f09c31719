/** Query shapes several tables share: pages of a list, and projections written from workflow state. */
import type { Knex } from 'knex';

/** A page from rows fetched with one more than the limit: the extra one only says that more follow. */
export const splitPage = <T>(rows: T[], limit: number): { rows: T[]; hasMore: boolean } => ({
  rows: rows.slice(0, limit),
  hasMore: rows.length > limit,
});

/** Narrows the query to rows whose columns equal the given values; an unset value narrows nothing. */
function whereEqual(q: Knex.QueryBuilder, equal: Record<string, string | undefined>): void {
  for (const [column, value] of Object.entries(equal)) if (value) q.where(column, value);
}

/**
 * A page of a merchant-scoped list, newest id first: `merchantId` narrows it to one merchant,
 * `before` is the id of the previous page's last row, and each of `equal`'s columns that has a
 * value must have that value.
 */
export async function newestFirst<T>(
  q: Knex.QueryBuilder,
  page: { merchantId?: string; before?: string | number; limit: number },
  equal: Record<string, string | undefined> = {},
): Promise<{ rows: T[]; hasMore: boolean }> {
  q.orderBy('id', 'desc').limit(page.limit + 1);
  whereEqual(q, { merchant_id: page.merchantId, ...equal });
  if (page.before !== undefined) q.where('id', '<', page.before);
  return splitPage((await q) as T[], page.limit);
}

/**
 * A page of a list newest first by creation time (messages, campaigns): `after` is the previous
 * page's last [created_at, id], and each of `equal`'s columns that has a value must have it.
 */
export async function newestCreatedFirst<T>(
  q: Knex.QueryBuilder,
  page: { after?: [string, string]; limit: number },
  equal: Record<string, string | undefined>,
): Promise<{ rows: T[]; hasMore: boolean }> {
  q.orderBy([
    { column: 'created_at', order: 'desc' },
    { column: 'id', order: 'desc' },
  ]).limit(page.limit + 1);
  whereEqual(q, equal);
  if (page.after) q.whereRaw('(created_at, id) < (?::timestamptz, ?)', page.after);
  return splitPage((await q) as T[], page.limit);
}

/**
 * Writes a workflow's projection row unless the stored one is as new: activities may finish out of
 * order, and only a newer version lands. Whether it landed.
 */
export async function upsertNewer(
  trx: Knex.Transaction,
  table: string,
  row: { id: string; version: number },
): Promise<boolean> {
  const written = await trx(table)
    .insert(row)
    .onConflict('id')
    .merge()
    .where(`${table}.version`, '<', row.version)
    .returning('id');
  return written.length > 0;
}
