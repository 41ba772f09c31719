/**
 * 080 opt-out numbers on a contract (SPEC §4, 정보통신망법 §50④), handled like sender numbers
 * (Art. 4.4): the merchant registers one with its proof document, pending until an operator has
 * seen the document and verified it; only a verified number's callers are put on the opt-out list.
 */
import type { z } from 'zod';
import type { Actor } from '../../domain/actor';
import {
  checkOptOutNumber,
  checkOptOutNumberRegistration,
  decideOptOutNumberReview,
} from '../../domain/opt-out-number';
import { transaction, type Db } from '../../platform/db';
import { newId } from '../../platform/ids';
import { recordAudit } from '../../store/audit';
import { insertDocuments } from '../../store/contracts';
import {
  findOptOutNumber,
  insertOptOutNumber,
  optOutNumbersOf,
  ownerOfOptOutNumber,
  setOptOutNumberReview,
  type OptOutNumberRecord,
} from '../../store/opt-out-numbers';
import { auditActor, type Principal } from '../auth';
import { ApiError, notFound } from '../errors';
import { checkRegistration, newProofDocument, type ReviewDecision } from '../proof-documents';
import { statusOfRule } from '../rule-status';
import type { SenderNumberInput } from '../schemas/contracts';

const refused = (v: { code: string; message: string }) => new ApiError(statusOfRule(v.code), v.code, v.message);

export async function registerOptOutNumber(
  db: Db,
  principal: Principal,
  contractId: string,
  body: z.output<typeof SenderNumberInput>,
): Promise<OptOutNumberRecord> {
  const { contract, ...number } = await checkRegistration(db, principal, contractId, body, checkOptOutNumber);
  const registration = checkOptOutNumberRegistration(
    contract.row.status,
    await optOutNumbersOf(db, contract.row.id),
    number.digits,
  );
  if (!registration.ok) throw refused(registration.violation);

  const document = newProofDocument(body.proofDocument.fileName, number.document);
  const id = newId('oon');
  await transaction(db, async (trx) => {
    await insertDocuments(trx, contract.row.merchant_id, [document]);
    await insertOptOutNumber(trx, {
      id,
      contractId: contract.row.id,
      merchantId: contract.row.merchant_id,
      number: number.digits,
      documentId: document.id,
    });
    await recordAudit(trx, {
      actor: auditActor(principal),
      action: 'opt_out_number.added',
      subjectType: 'opt_out_number',
      subjectId: id,
      merchantId: contract.row.merchant_id,
    });
  });
  return (await findOptOutNumber(db, id))!;
}

export async function reviewOptOutNumber(
  db: Db,
  actor: Actor,
  id: string,
  decision: ReviewDecision,
): Promise<OptOutNumberRecord> {
  const n = await findOptOutNumber(db, id);
  if (!n) throw notFound('080 number');
  const elsewhere = decision.verify ? await ownerOfOptOutNumber(db, n.number, n.contractId) : undefined;
  const decided = decideOptOutNumberReview(n.status, decision.verify, elsewhere !== undefined);
  if (!decided.ok) throw refused(decided.violation);
  const status = decision.verify ? 'verified' : 'rejected';
  if (!(await setOptOutNumberReview(db, id, status, decision.verify ? null : decision.reason)))
    throw refused({ code: 'opt_out_number_already_reviewed', message: 'the 080 number was decided meanwhile' });
  await recordAudit(db, {
    actor,
    action: `opt_out_number.${status}`,
    subjectType: 'opt_out_number',
    subjectId: id,
    merchantId: n.merchantId,
  });
  return (await findOptOutNumber(db, id))!;
}
