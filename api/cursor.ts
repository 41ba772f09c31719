/** Opaque pagination cursors (`nextCursor`): the position after which the next page starts. */
import { badRequest } from './errors';

export function encodeCursor(position: string): string {
  return Buffer.from(JSON.stringify([position]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  try {
    const [position] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof position === 'string') return position;
  } catch {
    // fall through to the error below
  }
  throw badRequest('invalid_cursor', 'cursor is not a nextCursor this API returned', { field: 'cursor' });
}
