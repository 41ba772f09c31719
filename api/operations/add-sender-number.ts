/**
 * Registering a new sender number with its proof document (Art. 4.4): the number and the document
 * are checked first (422), and a number already registered on the contract is refused (409). The
 * number is stored in PostgreSQL before the ContractWorkflow hears of it — by id only (Art. 10.2) —
 * and taken back if the workflow refuses it (a closed contract, an eleventh number). It stays
 * pending until an operator verifies it.
 */
import type { z } from 'zod';
import { senderNumberConflict } from '../../domain/contract';
import { checkSenderNumber } from '../../domain/sender-number';
import { newId } from '../../platform/ids';
import {
  deleteSenderNumber,
  findSenderNumber,
  insertDocuments,
  insertSenderNumber,
  loadSenderNumbers,
  type SenderNumberRecord,
} from '../../store/contracts';
import { contractActor, type Principal } from '../auth';
import { updateContract } from '../contract-updates';
import { ApiError } from '../errors';
import { checkRegistration, newProofDocument } from '../proof-documents';
import { statusOfRule } from '../rule-status';
import type { SenderNumberInput } from '../schemas/contracts';
import type { WorkflowDeps } from '../workflow-deps';

export async function addSenderNumber(
  { db, temporal }: WorkflowDeps,
  principal: Principal,
  contractId: string,
  body: z.output<typeof SenderNumberInput>,
): Promise<SenderNumberRecord> {
  const { contract, ...number } = await checkRegistration(db, principal, contractId, body, checkSenderNumber);
  const taken = senderNumberConflict(await loadSenderNumbers(db, { contractId: contract.row.id }), number.digits);
  if (taken) throw new ApiError(statusOfRule(taken.code), taken.code, taken.message, { field: 'number' });

  const document = newProofDocument(body.proofDocument.fileName, number.document);
  await insertDocuments(db, contract.row.merchant_id, [document]);
  const id = newId('snd');
  try {
    await insertSenderNumber(db, {
      id,
      contractId: contract.row.id,
      merchantId: contract.row.merchant_id,
      number: number.digits,
      documentId: document.id,
      addedAt: new Date().toISOString(),
    });
  } catch (err) {
    await deleteSenderNumber(db, id, document.id);
    // The same number added twice at once: the unique index lets one through.
    if ((err as { code?: string }).code !== '23505') throw err;
    throw new ApiError(
      statusOfRule('sender_number_exists'),
      'sender_number_exists',
      'this sender number is already registered on the contract',
      { field: 'number' },
    );
  }
  try {
    await updateContract(temporal, contract.row.id, 'add_sender_number', {
      actor: contractActor(principal),
      command: { type: 'add_sender_number', id, documentId: document.id },
    });
  } catch (err) {
    await deleteSenderNumber(db, id, document.id);
    throw err;
  }
  return (await findSenderNumber(db, id))!;
}
