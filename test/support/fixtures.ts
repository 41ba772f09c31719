/** Test data written straight to Postgres (for workflow tests that do not go through the API). */
import { brnCheckDigit } from '../../domain/brn';
import type { Actor } from '../../domain/actor';
import {
  decide,
  newContract,
  type Application,
  type ContractCommand,
  type ContractState,
  type SuspensionReason,
} from '../../domain/contract';
import type { Fees } from '../../domain/money';
import { maskPhone } from '../../domain/phone';
import { NO_SERVICES, type Services } from '../../domain/services';
import type { Db } from '../../platform/db';
import { newId } from '../../platform/ids';
import { insertApplication, insertDocuments, saveContractSnapshot } from '../../store/contracts';
import { createMerchant } from '../../store/merchants';
import type { NewMessage } from '../../store/messages';

export const PDF = Buffer.from('%PDF-1.4\n% proof of subscription\n');

let brnSeq = 0;
/** A fresh valid business registration number per call. */
export function validBrn(): string {
  const head = String(100_000_000 + ((Date.now() * 7 + ++brnSeq * 7919) % 900_000_000)).slice(0, 9);
  return head + String(brnCheckDigit(head));
}

/**
 * A message row as the API writes it when it accepts a message: `fields`, and for the rest what a
 * plain SMS without fallback, reference or idempotency key has.
 */
export function messageRow(
  fields: Pick<NewMessage, 'id' | 'merchantId' | 'contractId' | 'type' | 'recipient' | 'text' | 'createdAt'> &
    Partial<NewMessage>,
): NewMessage {
  return {
    recipientMasked: maskPhone(fields.recipient),
    senderNumber: null,
    subject: null,
    templateCode: null,
    variables: null,
    imageId: null,
    fallback: null,
    reference: null,
    paymentNoticeId: null,
    idempotencyKey: null,
    requestHash: null,
    notBefore: null,
    ...fields,
  };
}

export async function seedMerchant(db: Db, name = '바른상점') {
  return db.transaction(async (trx) => {
    const created = await createMerchant(trx, {
      brn: validBrn(),
      name,
      representative: '홍길동',
      address: '서울특별시 중구 세종대로 110',
      kakaoSearchId: '@barun',
    });
    return created!;
  });
}

/** Every flag of `flags`, nested ones too, switched on. */
const allOn = <T extends object>(flags: T): T =>
  Object.fromEntries(
    Object.entries(flags).map(([name, flag]) => [name, typeof flag === 'boolean' ? true : allOn(flag as object)]),
  ) as T;

/** Every service of the form applied for, payment notices included. */
export const ALL_MESSAGING: Services = allOn(NO_SERVICES);

const { paymentNotice: _paymentNotice, ...messaging } = ALL_MESSAGING;
/** Every messaging service (SMS/LMS, AlimTalk, FriendTalk, fallback) and no payment notices. */
export const MESSAGING_SERVICES: Omit<Services, 'paymentNotice'> = messaging;

/** Writes an application as the API does, returning what the workflow is started with. */
export async function seedApplication(
  db: Db,
  merchantId: string,
  services: Services = ALL_MESSAGING,
  at = new Date(),
): Promise<Application> {
  const docId = newId('doc');
  await insertDocuments(db, merchantId, [
    { id: docId, fileName: 'proof.pdf', contentType: 'application/pdf', sha256: 'x'.repeat(64), content: PDF },
  ]);
  const app: Application = {
    id: newId('ctr'),
    merchantId,
    appliedAt: at.toISOString(),
    services,
    kakaoSearchId: '@barun',
    mids: [`MID${Math.random().toString(36).slice(2, 10)}`],
    senderNumbers: [{ id: newId('snd'), documentId: docId }],
  };
  await db.transaction((trx) =>
    insertApplication(trx, app, {
      receiverNumbers: ['01011112222', '01033334444'],
      senderNumbers: { [app.senderNumbers[0].id]: '0223456789' },
    }),
  );
  return app;
}

/** Unit prices in centiwon (payment notice 8.50원, SMS 9.00원, …), as an operator approves them. */
export const FEES: Fees = {
  paymentNotice: 850,
  sms: 900,
  lms: 2500,
  alimtalk: 750,
  friendtalkText: 1200,
  friendtalkImage: 2025,
};

export const OPERATOR: Actor = { type: 'operator', id: 'operator' };

/** The state after the operator's `command`; a refusal fails the test's set-up. */
function applyCommand(state: ContractState, command: ContractCommand, now: number): ContractState {
  const d = decide(state, command, OPERATOR, now);
  if (!d.ok) throw new Error(`${command.type}: ${d.violation.message}`);
  return d.state;
}

/**
 * A merchant whose contract is active in the projection (approved with FEES at `now`; with
 * `verifySenderNumber`, its sender number verified too), without a ContractWorkflow: for tests of
 * what reads the projection. `suspend` suspends it there later.
 */
export async function seedActiveContract(db: Db, now: number, opts: { verifySenderNumber?: boolean } = {}) {
  const seeded = await seedMerchant(db);
  const app = await seedApplication(db, seeded.merchant.id, undefined, new Date(now));
  let state = applyCommand(newContract(app), { type: 'approve', fees: FEES }, now);
  if (opts.verifySenderNumber)
    state = applyCommand(state, { type: 'verify_sender_number', id: app.senderNumbers[0].id }, now);
  await saveContractSnapshot(db, state, []);
  return {
    ...seeded,
    app,
    suspend: async (reason: SuspensionReason, at: number) => {
      state = applyCommand(state, { type: 'suspend', reason }, at);
      await saveContractSnapshot(db, state, []);
    },
  };
}
