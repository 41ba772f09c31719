/**
 * Registering a new sender number with its proof document (Art. 4.4): the number and the document
 * are checked first (422); the ContractWorkflow then refuses a number already registered or an
 * eleventh one. The number stays pending until an operator verifies it.
 */
import type { Client } from '@temporalio/client';
import type { z } from 'zod';
import { checkProofDocument, checkSenderNumber } from '../../domain/sender-number';
import type { Db } from '../../platform/db';
import { newId } from '../../platform/ids';
import { findSenderNumber, insertDocuments, type SenderNumberRecord } from '../../store/contracts';
import { contractActor, type Principal } from '../auth';
import { updateContract, visibleContract } from '../contract-updates';
import { ruleViolations } from '../errors';
import { decodeBase64, newProofDocument } from '../proof-documents';
import type { SenderNumberInput } from '../schemas/contracts';

export async function addSenderNumber(
  deps: { db: Db; temporal: Client },
  principal: Principal,
  contractId: string,
  body: z.output<typeof SenderNumberInput>,
): Promise<SenderNumberRecord> {
  const { db, temporal } = deps;
  const contract = await visibleContract(db, principal, contractId);
  const number = checkSenderNumber(body.number, 'number');
  const bytes = decodeBase64(body.proofDocument.contentBase64, 'proofDocument.contentBase64');
  const violations = [...(number.ok ? [] : [number.violation]), ...checkProofDocument(bytes, 'proofDocument')];
  if (violations.length || !number.ok) throw ruleViolations(violations);

  const document = newProofDocument(body.proofDocument.fileName, bytes);
  await insertDocuments(db, contract.row.merchant_id, [document]);
  const id = newId('snd');
  await updateContract(temporal, contract.row.id, 'add_sender_number', {
    actor: contractActor(principal),
    command: { type: 'add_sender_number', id, number: number.digits, documentId: document.id },
  });
  return (await findSenderNumber(db, id))!;
}
