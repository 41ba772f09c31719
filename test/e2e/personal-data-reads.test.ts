/**
 * Every read of personal data is in the audit log (Art. 11: processing and access status) with who
 * read it, when and what: contracts showing receiving numbers (one by one and in lists), proof
 * document downloads, message reads that show the content, opt-out lists.
 */
import { activeContract, finalMessage, PROOF_PDF_BASE64, type ActiveContract } from '../support/api-fixtures';
import { startTestPlatform, type TestPlatform } from '../support/platform';

let platform: TestPlatform;
let c: ActiveContract;

beforeAll(async () => {
  platform = await startTestPlatform();
  c = await activeContract(platform.api, {
    services: { paymentNotice: { merchant: { approval: true, cancel: true } }, sms: true },
    receiverNumbers: ['010-2222-4444'],
    mids: ['READSMID01'],
  });
}, 120_000);

afterAll(async () => {
  await platform?.close();
});

const entries = async (action: string) =>
  (await platform.api.call('GET', `/v1/audit-log?merchantId=${c.merchant.id}&action=${action}`)).body.data as {
    at: string;
    actor: { type: string; id: string | null };
    subject: { type: string; id: string | null };
    details: Record<string, unknown>;
  }[];

/** Runs `read` and returns the audit entries of `action` it added. */
async function logged(action: string, read: () => Promise<unknown>) {
  const before = (await entries(action)).length;
  const started = Date.now();
  await read();
  const after = await entries(action);
  expect(after.length).toBe(before + 1);
  expect(Date.parse(after[0].at)).toBeGreaterThanOrEqual(started - 1_000);
  return after[0];
}

describe('reads of personal data', () => {
  it('a contract with receiving numbers, read alone or in a list, by the merchant or an operator', async () => {
    const read = await logged('contract.read', () =>
      platform.api.call('GET', `/v1/contracts/${c.contractId}`, { key: c.merchant.apiKey }),
    );
    expect(read).toMatchObject({
      actor: { type: 'merchant', id: c.merchant.id },
      subject: { type: 'contract', id: c.contractId },
      details: { fields: ['receiverNumbers'], count: 1 },
    });
    const listed = await logged('contract.listed', () =>
      platform.api.call('GET', '/v1/contracts', { key: c.merchant.apiKey }),
    );
    expect(listed).toMatchObject({ actor: { type: 'merchant' }, details: { contractIds: [c.contractId] } });
    const byOperator = await logged('contract.listed', () =>
      platform.api.call('GET', `/v1/contracts?merchantId=${c.merchant.id}`),
    );
    expect(byOperator.actor).toEqual({ type: 'operator', id: 'operator' });
  });

  it('a proof document download', async () => {
    const downloaded = await logged('proof_document.downloaded', async () => {
      const res = await platform.api.call('GET', `/v1/sender-numbers/${c.senderNumberIds[0]}/proof-document`);
      expect(res.status).toBe(200);
      expect(Buffer.from(res.body as string).toString('base64')).toBe(PROOF_PDF_BASE64);
    });
    expect(downloaded).toMatchObject({
      actor: { type: 'operator' },
      subject: { type: 'sender_number', id: c.senderNumberIds[0] },
      details: { contractId: c.contractId, documentId: expect.stringMatching(/^doc_/) },
    });
  });

  it('a message read with its content (include=content); a read without it shows none and is not logged', async () => {
    const sent = await platform.api.call('POST', '/v1/messages', {
      key: c.merchant.apiKey,
      body: { type: 'sms', to: '010-3030-4040', text: '[바른상점] 주문 확인' },
    });
    await finalMessage(platform.api, c.merchant.apiKey, sent.body.id);
    const before = (await entries('message.content_read')).length;
    const plain = await platform.api.call('GET', `/v1/messages/${sent.body.id}`, { key: c.merchant.apiKey });
    expect(plain.body).not.toHaveProperty('content');
    expect(plain.body.to).toBe('010-****-4040');
    expect(await entries('message.content_read')).toHaveLength(before);

    let shown: Record<string, unknown> = {};
    const read = await logged('message.content_read', async () => {
      shown = (
        await platform.api.call('GET', `/v1/messages/${sent.body.id}?include=content`, { key: c.merchant.apiKey })
      ).body;
    });
    expect(shown.content).toMatchObject({ to: '01030304040', text: '[바른상점] 주문 확인', destroyedAt: null });
    expect(read).toMatchObject({
      subject: { type: 'message', id: sent.body.id },
      details: { fields: expect.any(Array) },
    });
  });

  it('an opt-out list', async () => {
    await platform.api.call('POST', '/v1/opt-outs', { key: c.merchant.apiKey, body: { number: '010-5050-6060' } });
    const listed = await logged('opt_out.listed', () =>
      platform.api.call('GET', '/v1/opt-outs', { key: c.merchant.apiKey }),
    );
    expect(listed).toMatchObject({ details: { fields: ['number'], count: 1 } });
  });

  it('a merchant sees these entries about its own data in its audit log', async () => {
    const own = await platform.api.call('GET', '/v1/audit-log', { key: c.merchant.apiKey });
    const actions = new Set(own.body.data.map((e: { action: string }) => e.action));
    for (const action of ['contract.read', 'contract.listed', 'proof_document.downloaded', 'message.content_read'])
      expect(actions).toContain(action);
  });
});
