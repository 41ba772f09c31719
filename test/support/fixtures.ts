/** Test data written straight to Postgres (for workflow tests that do not go through the API). */
import type { Application } from '../../domain/contract';
import { NO_SERVICES, type Services } from '../../domain/services';
import type { Db } from '../../platform/db';
import { newId } from '../../platform/ids';
import { insertApplication, insertDocuments } from '../../store/contracts';
import { createMerchant } from '../../store/merchants';

export const PDF = Buffer.from('%PDF-1.4\n% proof of subscription\n');

let brnSeq = 0;
/** A fresh valid business registration number per call. */
export function validBrn(): string {
  const head = String(100_000_000 + ((Date.now() * 7 + ++brnSeq * 7919) % 900_000_000)).slice(0, 9);
  const w = [1, 3, 7, 1, 3, 7, 1, 3, 5];
  const d = [...head].map(Number);
  const sum = d.reduce((acc, x, i) => acc + x * w[i], 0) + Math.floor((d[8] * 5) / 10);
  return head + String((10 - (sum % 10)) % 10);
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

export const ALL_MESSAGING: Services = {
  ...NO_SERVICES,
  sms: true,
  lms: true,
  alimtalk: true,
  friendtalkText: true,
  friendtalkImage: true,
  fallbackSms: true,
  fallbackLms: true,
  paymentNotice: {
    merchant: { approval: true, cancel: true },
    buyer: { approval: true, cancel: true, vbankIssued: true },
  },
};

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
    receiverNumbers: ['01011112222', '01033334444'],
    senderNumbers: [{ id: newId('snd'), number: '0223456789', documentId: docId }],
  };
  await db.transaction((trx) => insertApplication(trx, app));
  return app;
}

export const FEES = {
  paymentNotice: 850,
  sms: 900,
  lms: 2500,
  alimtalk: 750,
  friendtalkText: 1200,
  friendtalkImage: 2025,
};
