/** Files in JSON bodies travel as base64 (proof documents, images). */
import { badRequest } from './errors';

/** Strict base64 (whitespace ignored): anything else is 400 `invalid_base64` naming the field. */
export function decodeBase64(text: string, field: string): Buffer {
  const compact = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1)
    throw badRequest('invalid_base64', `${field} is not valid base64`, { field });
  return Buffer.from(compact, 'base64');
}
