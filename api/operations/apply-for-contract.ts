/**
 * Applying for a messaging contract (SPEC §3, form §1–2): every rule of the application form is
 * checked before anything is stored (422, one violation per broken rule); a merchant has one open
 * contract at a time and a MID belongs to one live contract (409). The application row, its audit
 * entry and the ContractWorkflow are created together.
 */
import type { z } from 'zod';
import { checkApplication } from '../../domain/contract-application';
import type { Application } from '../../domain/contract';
import { newId } from '../../platform/ids';
import { recordAudit } from '../../store/audit';
import { findOpenContractId, insertApplication, insertDocuments, liveMids } from '../../store/contracts';
import { findMerchant } from '../../store/merchants';
import { contractActor, type Principal } from '../auth';
import { startContractWorkflow } from '../contract-updates';
import { conflict, notFound, ruleViolations } from '../errors';
import { decodeBase64 } from '../base64';
import { newProofDocument } from '../proof-documents';
import type { ApplyContractBody } from '../schemas/contracts';
import type { WorkflowDeps } from '../workflow-deps';

/** The caller applies for the merchant it acts as; the answer is the new contract's id. */
export async function applyForContract(
  { db, temporal }: WorkflowDeps,
  { principal, merchantId }: { principal: Principal; merchantId: string },
  body: z.output<typeof ApplyContractBody>,
): Promise<string> {
  const merchant = await findMerchant(db, merchantId);
  if (!merchant) throw notFound('merchant');
  const documents = body.senderNumbers.map((s, i) =>
    decodeBase64(s.proofDocument.contentBase64, `senderNumbers.${i}.proofDocument.contentBase64`),
  );
  const checked = checkApplication({
    services: body.services,
    kakaoSearchId: body.kakaoSearchId ?? merchant.kakaoSearchId,
    senderNumbers: body.senderNumbers.map((s, i) => ({ number: s.number, document: documents[i] })),
    receiverNumbers: body.receiverNumbers,
    mids: body.mids,
  });
  if (!checked.ok) throw ruleViolations(checked.violations);

  const open = await findOpenContractId(db, merchantId);
  if (open)
    throw conflict('contract_exists', `the merchant already has an open contract (${open})`, { contractId: open });
  const taken = await liveMids(db, checked.value.mids);
  if (taken.length)
    throw conflict('mid_in_use', `MID ${taken.join(', ')} belongs to another contract`, { mids: taken });

  const id = newId('ctr');
  const docs = body.senderNumbers.map((s, i) => newProofDocument(s.proofDocument.fileName, documents[i]));
  const senderNumbers = checked.value.senderNumbers.map((number, i) => ({
    id: newId('snd'),
    number,
    documentId: docs[i].id,
  }));
  // The workflow gets ids only; the numbers go to PostgreSQL alone (Art. 10.2).
  const application: Application = {
    id,
    merchantId,
    appliedAt: new Date().toISOString(),
    services: body.services,
    kakaoSearchId: checked.value.kakaoSearchId,
    mids: checked.value.mids,
    senderNumbers: senderNumbers.map((n) => ({ id: n.id, documentId: n.documentId })),
  };
  // Documents first: if the commit below failed after the workflow started, the workflow's
  // own projection still finds them.
  await insertDocuments(db, merchantId, docs);
  await db.transaction(async (trx) => {
    await insertApplication(trx, application, {
      receiverNumbers: checked.value.receiverNumbers,
      senderNumbers: Object.fromEntries(senderNumbers.map((n) => [n.id, n.number])),
    });
    await recordAudit(trx, {
      actor: contractActor(principal),
      action: 'contract.applied',
      subjectType: 'contract',
      subjectId: id,
      merchantId,
    });
    await startContractWorkflow(temporal, application);
  });
  return id;
}
