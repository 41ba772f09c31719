/**
 * Proof documents (they arrive base64-encoded: api/base64.ts): a number registered with one is
 * checked with it, and the document is stored as it came.
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { Refusal } from '../domain/rules';
import { checkProofDocument, detectDocumentType } from '../domain/sender-number';
import type { Db } from '../platform/db';
import { newId } from '../platform/ids';
import type { ContractRecord } from '../store/contracts';
import type { Principal } from './auth';
import { decodeBase64 } from './base64';
import { visibleContract } from './contract-updates';
import { ruleViolations } from './errors';
import type { SenderNumberInput } from './schemas/contracts';

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

/**
 * A number registered on a contract with its proof document (a sender or an 080 number, Art. 4.4):
 * the contract must be one the caller may see (404), then the number and the document are checked
 * at once (422 naming every violation).
 */
export async function checkRegistration(
  db: Db,
  principal: Principal,
  contractId: string,
  body: z.output<typeof SenderNumberInput>,
  checkNumber: (input: string, field: string) => { ok: true; digits: string } | Refusal,
): Promise<{ contract: ContractRecord; digits: string; document: Buffer }> {
  const contract = await visibleContract(db, principal, contractId);
  const number = checkNumber(body.number, 'number');
  const document = decodeBase64(body.proofDocument.contentBase64, 'proofDocument.contentBase64');
  const violations = [...(number.ok ? [] : [number.violation]), ...checkProofDocument(document, 'proofDocument')];
  if (violations.length || !number.ok) throw ruleViolations(violations);
  return { contract, digits: number.digits, document };
}

/** An operator's review of such a number: verified after checking the document, or rejected with a reason. */
export type ReviewDecision = { verify: true } | { verify: false; reason: string };
