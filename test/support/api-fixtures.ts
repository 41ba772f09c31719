/** Merchants, contracts and templates set up over HTTP, the way a merchant and an operator would. */
import { eventually, type ApiClient } from './platform';
import { MESSAGING_SERVICES, validBrn } from './fixtures';

export { MESSAGING_SERVICES };

export const PROOF_PDF_BASE64 = Buffer.from('%PDF-1.4\n% 통신서비스 이용증명원\n').toString('base64');

export const FEES_BODY = {
  paymentNotice: '8.5',
  sms: '9',
  lms: '25',
  alimtalk: '7.5',
  friendtalkText: '12',
  friendtalkImage: '20.25',
};

export interface TestMerchant {
  id: string;
  apiKey: string;
  webhookSecret: string;
  name: string;
}

export async function createMerchant(api: ApiClient, overrides: Record<string, unknown> = {}): Promise<TestMerchant> {
  const res = await api.call('POST', '/v1/merchants', {
    body: {
      businessRegistrationNumber: validBrn(),
      name: '바른상점',
      representative: '홍길동',
      address: '서울특별시 중구 세종대로 110',
      kakaoSearchId: '@barun',
      ...overrides,
    },
  });
  if (res.status !== 201) throw new Error(`merchant not created: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id, apiKey: res.body.apiKey, webhookSecret: res.body.webhookSecret, name: res.body.name };
}

const proofOf = (number: string) => ({
  number,
  proofDocument: { fileName: 'proof.pdf', contentBase64: PROOF_PDF_BASE64 },
});

/** A merchant and its SMS-only application with one sender number, waiting for an operator's review. */
export async function smsApplication(api: ApiClient): Promise<{ merchant: TestMerchant; contract: { id: string } }> {
  const merchant = await createMerchant(api);
  const applied = await api.call('POST', '/v1/contracts', {
    key: merchant.apiKey,
    body: { services: { sms: true }, senderNumbers: [proofOf('02-2345-6789')] },
  });
  if (applied.status !== 201) throw new Error(`application refused: ${applied.status} ${JSON.stringify(applied.body)}`);
  return { merchant, contract: applied.body };
}

export interface ActiveContract {
  merchant: TestMerchant;
  contractId: string;
  senderNumberIds: string[];
}

/** A merchant with an approved contract whose sender numbers are verified. */
export async function activeContract(
  api: ApiClient,
  opts: {
    services?: Record<string, unknown>;
    senderNumbers?: string[];
    receiverNumbers?: string[];
    mids?: string[];
    merchant?: Record<string, unknown>;
  } = {},
): Promise<ActiveContract> {
  const merchant = await createMerchant(api, opts.merchant);
  const applied = await api.call('POST', '/v1/contracts', {
    key: merchant.apiKey,
    body: {
      services: opts.services ?? MESSAGING_SERVICES,
      senderNumbers: (opts.senderNumbers ?? ['02-2345-6789']).map(proofOf),
      receiverNumbers: opts.receiverNumbers ?? [],
      mids: opts.mids ?? [],
    },
  });
  if (applied.status !== 201) throw new Error(`application refused: ${applied.status} ${JSON.stringify(applied.body)}`);
  const contractId = applied.body.id;
  const approved = await api.call('POST', `/v1/contracts/${contractId}/approve`, { body: { fees: FEES_BODY } });
  if (approved.status !== 200) throw new Error(`approval refused: ${approved.status} ${JSON.stringify(approved.body)}`);
  const senderNumberIds: string[] = applied.body.senderNumbers.map((s: { id: string }) => s.id);
  for (const id of senderNumberIds) {
    const verified = await api.call('POST', `/v1/sender-numbers/${id}/verify`, { body: {} });
    if (verified.status !== 200)
      throw new Error(`verification refused: ${verified.status} ${JSON.stringify(verified.body)}`);
  }
  return { merchant, contractId, senderNumberIds };
}

/** Registers an AlimTalk template and waits for Kakao's review (the simulator approves at once). */
export async function approvedTemplate(api: ApiClient, key: string, code: string, text: string): Promise<void> {
  const res = await api.call('POST', '/v1/templates', { key, body: { code, text } });
  if (res.status !== 201) throw new Error(`template refused: ${res.status} ${JSON.stringify(res.body)}`);
  await eventually(
    async () =>
      (await api.call('GET', `/v1/templates/${code}`, { key })).body.status === 'approved' ? true : undefined,
    15_000,
    'template approval',
  );
}

/** An AlimTalk order confirmation from a `#{name}`/`#{order}` template, falling back to SMS. */
export const orderAlimtalk = (to: string, templateCode: string) => ({
  type: 'alimtalk',
  to,
  templateCode,
  variables: { name: '홍길동', order: 'A-1' },
  fallback: { enabled: true },
});

/** Waits for a message's final status and returns it as GET /v1/messages/:id shows it. */
export async function finalMessage(api: ApiClient, key: string, id: string, timeoutMs = 30_000) {
  return eventually(
    async () => {
      const res = await api.call('GET', `/v1/messages/${id}`, { key });
      return res.body.status === 'delivered' || res.body.status === 'failed' ? res.body : undefined;
    },
    timeoutMs,
    `message ${id} to finish`,
  );
}
