/** Proof documents as they are stored (they arrive base64-encoded: api/base64.ts). */
import { createHash } from 'node:crypto';
import { detectDocumentType } from '../domain/sender-number';
import { newId } from '../platform/ids';

/** Ten proof documents of 1 MB, base64-encoded, fit in one application. */
export const DOCUMENT_ROUTE_LIMIT = '16mb';

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
