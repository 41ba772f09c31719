/** Proof documents as they arrive in JSON bodies (base64) and as they are stored. */
import { createHash } from 'node:crypto';
import { detectDocumentType } from '../domain/sender-number';
import { newId } from '../platform/ids';
import { badRequest } from './errors';

/** Ten proof documents of 1 MB, base64-encoded, fit in one application. */
export const DOCUMENT_ROUTE_LIMIT = '16mb';

export function decodeBase64(text: string, field: string): Buffer {
  const compact = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1)
    throw badRequest('invalid_base64', `${field} is not valid base64`, { field });
  return Buffer.from(compact, 'base64');
}

/** A checked document (domain/sender-number checkProofDocument passed) ready to be stored. */
export function newProofDocument(fileName: string, content: Buffer) {
  return {
    id: newId('doc'),
    fileName,
    contentType: detectDocumentType(content)!,
    sha256: createHash('sha256').update(content).digest('hex'),
    content,
  };
}
