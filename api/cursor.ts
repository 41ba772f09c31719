/** Opaque pagination cursors (`nextCursor`): the position after which the next page starts. */
import { merchantOfList, type Principal } from './auth';
import { badRequest } from './errors';

const invalidCursor = () =>
  badRequest('invalid_cursor', 'cursor is not a nextCursor this API returned', { field: 'cursor' });

/**
 * What positions look like. Every position this API writes is printable ASCII; a cursor that
 * decodes to anything else (a NUL, a time PostgreSQL cannot read) is refused before any query.
 */
export const CURSOR_SHAPES = {
  text: /^[\x20-\x7e]{1,200}$/,
  id: /^[a-z]{2,4}_[0-9a-z]{1,60}$/,
  instant: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/,
  period: /^\d{4}-\d{2}$/,
  digits: /^\d{1,20}$/,
} as const;

export function encodeCursor(position: string): string {
  return Buffer.from(JSON.stringify([position]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, shape: RegExp = CURSOR_SHAPES.text): string {
  try {
    const [position] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof position === 'string' && shape.test(position)) return position;
  } catch {
    // fall through to the error below
  }
  throw invalidCursor();
}

/** A position that is a row's sequence number (the audit log): anything else is refused, never sent to the database. */
export function decodeCursorNumber(cursor: string): number {
  const position = decodeCursor(cursor);
  if (!/^\d{1,15}$/.test(position)) throw invalidCursor();
  return Number(position);
}

/**
 * Which page of a merchant-scoped list (MerchantListQuery) to read: a merchant's key sees only its
 * own rows; `before` is the position the cursor names.
 */
export function merchantListPage<P>(
  principal: Principal,
  query: { merchantId?: string; cursor?: string; limit: number },
  decode: (cursor: string) => P,
): { merchantId: string | undefined; before: P | undefined; limit: number } {
  return {
    merchantId: merchantOfList(principal, query.merchantId),
    before: query.cursor ? decode(query.cursor) : undefined,
    limit: query.limit,
  };
}

/** A position of two parts: the sort key and the id that breaks its ties. */
export const encodeCursorPair = (key: string, id: string): string => encodeCursor(`${key}|${id}`);

/** `keyShape`: what the sort key looks like (a time, a period), so the query can compare it. */
export function decodeCursorPair(cursor: string, keyShape: RegExp = CURSOR_SHAPES.text): [string, string] {
  const parts = decodeCursor(cursor).split('|');
  if (parts.length !== 2 || !keyShape.test(parts[0]) || !CURSOR_SHAPES.id.test(parts[1])) throw invalidCursor();
  return [parts[0], parts[1]];
}

/** A list's answer: the page's items and, when more follow, the cursor after its last one (SPEC §7). */
export function listPage<T, V>(
  items: readonly T[],
  hasMore: boolean,
  view: (item: T) => V,
  cursorAfter: (last: T) => string,
): { data: V[]; nextCursor: string | null } {
  const last = items.at(-1);
  return { data: items.map((item) => view(item)), nextCursor: hasMore && last ? cursorAfter(last) : null };
}

/** A list short enough to answer whole (a merchant's keys or templates, a contract's 080 numbers), shaped as a page. */
export const wholeList = <T, V>(items: readonly T[], view: (item: T) => V): { data: V[]; nextCursor: null } => ({
  data: items.map((item) => view(item)),
  nextCursor: null,
});
