/**
 * Sender numbers (발신번호) and their proof documents (Art. 4.4, form §2가): SMS/LMS go out only
 * from a number the merchant registered with a document proving it is theirs.
 */
import { parseSenderNumber, type PhoneNumber } from './phone';
import { refuse, type Refusal, type RuleViolation } from './rules';

/** Any valid Korean number, representative numbers included; `field` names it in the refusal. */
export function checkSenderNumber(input: string, field: string): ({ ok: true } & PhoneNumber) | Refusal {
  const parsed = parseSenderNumber(input);
  if (!parsed) return refuse('invalid_sender_number', `"${input}" is not a valid Korean phone number`, { field });
  return { ok: true, ...parsed };
}

/** Proof documents (통신서비스 이용증명원 / 가입사실증명서): scans or PDFs, one per sender number. */
export const PROOF_DOCUMENT_MAX_BYTES = 1024 * 1024;
export type ProofDocumentType = 'application/pdf' | 'image/jpeg' | 'image/png';

/** The document's real type from its first bytes (its name or a declared type may lie). */
export function detectDocumentType(bytes: Uint8Array): ProofDocumentType | undefined {
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  return undefined;
}

export function checkProofDocument(bytes: Uint8Array, field: string): RuleViolation[] {
  if (bytes.length === 0) return [{ code: 'proof_document_empty', message: 'the proof document is empty', field }];
  if (bytes.length > PROOF_DOCUMENT_MAX_BYTES) {
    return [
      {
        code: 'proof_document_too_large',
        message: `a proof document may be at most ${PROOF_DOCUMENT_MAX_BYTES} bytes; this one has ${bytes.length}`,
        field,
        limit: PROOF_DOCUMENT_MAX_BYTES,
        actual: bytes.length,
      },
    ];
  }
  if (!detectDocumentType(bytes))
    return [{ code: 'proof_document_type', message: 'a proof document must be a PDF, JPEG or PNG file', field }];
  return [];
}
