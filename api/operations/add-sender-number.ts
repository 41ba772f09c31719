/**
 * Registering a new sender number with its proof document (Art. 4.4): the number and the document
 * are checked first (422), and a number already registered on the contract is refused (409). The
 * number is stored in PostgreSQL before the ContractWorkflow hears of it — by id only (Art. 10.2) —
 * and taken back if the workflow refuses it (a closed contract, an eleventh number). It stays
 * pending until an operator verifies it.
 */
import type { Client } from '@temporalio/client';
import type { z } from 'zod';
import { senderNumberConflict } from '../../domain/contract';
import { checkProofDocument, checkSenderNumber } from '../../domain/sender-number';
import type { Db } from '../../platform/db';
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
import { decodeBase64 } from '../base64';
import { updateContract, visibleContract } from '../contract-updates';
import { ApiError, ruleViolations } from '../errors';
import { newProofDocument } from '../proof-documents';
import { statusOfRule } from '../rule-status';
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
  const taken = senderNumberConflict(await loadSenderNumbers(db, { contractId: contract.row.id }), number.digits);
  if (taken) throw new ApiError(statusOfRule(taken.code), taken.code, taken.message, { field: 'number' });

  const document = newProofDocument(body.proofDocument.fileName, bytes);
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
