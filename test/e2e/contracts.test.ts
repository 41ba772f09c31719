/**
 * Contracts through the HTTP API against the running platform (real dev server, PostgreSQL,
 * simulator): application rules, operator review, the sending gate, sender numbers, visibility.
 */
import {
  activeContract,
  createMerchant,
  FEES_BODY,
  MESSAGING_SERVICES,
  PROOF_PDF_BASE64,
  smsApplication,
} from '../support/api-fixtures';
import { eventually, startTestPlatform, type TestPlatform } from '../support/platform';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(async () => {
  await platform?.close();
});

const doc = { fileName: 'proof.pdf', contentBase64: PROOF_PDF_BASE64 };
const sender = (number: string) => ({ number, proofDocument: doc });
const call = (...args: Parameters<TestPlatform['api']['call']>) => platform.api.call(...args);

describe('applying for a contract', () => {
  it('apply → approve → active for a one-year term, with fees, sender numbers and history', async () => {
    const m = await createMerchant(platform.api);
    const applied = await call('POST', '/v1/contracts', {
      key: m.apiKey,
      body: { services: MESSAGING_SERVICES, senderNumbers: [sender('02-2345-6789')] },
    });
    expect(applied.status).toBe(201);
    expect(applied.body).toMatchObject({
      status: 'applied',
      kakaoSearchId: '@barun',
      senderNumbers: [
        {
          number: '0223456789',
          status: 'pending',
          proofDocument: { contentType: 'application/pdf', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
        },
      ],
    });

    const approved = await call('POST', `/v1/contracts/${applied.body.id}/approve`, { body: { fees: FEES_BODY } });
    expect(approved.status).toBe(200);
    const c = approved.body;
    expect(c.status).toBe('active');
    expect(c.fees).toEqual({
      paymentNotice: '8.50',
      sms: '9.00',
      lms: '25.00',
      alimtalk: '7.50',
      friendtalkText: '12.00',
      friendtalkImage: '20.25',
    });
    expect(c.termNumber).toBe(1);
    // One year, same date and time next year (KST).
    expect(c.termEnd.slice(0, 4)).toBe(String(Number(c.termStart.slice(0, 4)) + 1));
    expect(c.termEnd.slice(4)).toBe(c.termStart.slice(4));
    expect(c.renewal).toEqual({ autoRenews: true, endsAt: null });
    expect(c.history.map((h: { action: string }) => h.action)).toEqual(['applied', 'approved']);
    expect(c.history[1].actor).toEqual({ type: 'operator', id: 'operator' });
  });

  it.each([
    ['kakao_search_id_required', { merchant: { kakaoSearchId: undefined }, body: { services: { alimtalk: true } } }],
    [
      'too_many_sender_numbers',
      {
        body: {
          services: { sms: true },
          senderNumbers: Array.from({ length: 11 }, (_, i) => sender(`02-2345-67${String(i).padStart(2, '0')}`)),
        },
      },
    ],
    [
      'buyer_cancel_requires_approval',
      { body: { services: { paymentNotice: { buyer: { cancel: true } } }, mids: ['INIpayTest'] } },
    ],
    [
      'receiver_numbers_required',
      { body: { services: { paymentNotice: { merchant: { approval: true } } }, mids: ['INIpayTest'] } },
    ],
    [
      'too_many_receiver_numbers',
      {
        body: {
          services: { paymentNotice: { merchant: { approval: true } } },
          mids: ['INIpayTest'],
          receiverNumbers: Array.from({ length: 21 }, (_, i) => `010-1000-${String(i).padStart(4, '0')}`),
        },
      },
    ],
    ['mid_required', { body: { services: { paymentNotice: { buyer: { approval: true } } } } }],
    ['invalid_sender_number', { body: { services: { sms: true }, senderNumbers: [sender('12-34')] } }],
    [
      'proof_document_type',
      {
        body: {
          services: { sms: true },
          senderNumbers: [
            {
              number: '02-2345-6789',
              proofDocument: { fileName: 'proof.pdf', contentBase64: Buffer.from('hello').toString('base64') },
            },
          ],
        },
      },
    ],
    ['sender_number_required', { body: { services: { sms: true } } }],
    [
      'fallback_without_kakao_service',
      { body: { services: { sms: true, fallbackSms: true }, senderNumbers: [sender('02-2345-6789')] } },
    ],
  ])(
    'refuses an application breaking a rule with 422 %s and stores nothing',
    async (code, c: { merchant?: Record<string, unknown>; body: Record<string, unknown> }) => {
      const m = await createMerchant(platform.api, c.merchant ?? {});
      const res = await call('POST', '/v1/contracts', { key: m.apiKey, body: c.body });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe(code);
      expect(res.body.error.details.violations[0]).toMatchObject({ code, field: expect.any(String) });
      expect(await platform.db('contracts').where({ merchant_id: m.id }).first()).toBeUndefined();
    },
  );

  it('refuses a second open contract (409) and a proof document that is not base64 (400)', async () => {
    const { merchant } = await activeContract(platform.api);
    const again = await call('POST', '/v1/contracts', {
      key: merchant.apiKey,
      body: { services: { sms: true }, senderNumbers: [sender('02-2345-6789')] },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('contract_exists');
    const m = await createMerchant(platform.api);
    const bad = await call('POST', '/v1/contracts', {
      key: m.apiKey,
      body: {
        services: { sms: true },
        senderNumbers: [{ number: '02-2345-6789', proofDocument: { fileName: 'a.pdf', contentBase64: '***' } }],
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_base64');
  });
});

describe('operator review and transitions', () => {
  it('refuses invalid transitions with 409 and changes nothing', async () => {
    const { contractId } = await activeContract(platform.api);
    const history = async () => (await call('GET', `/v1/contracts/${contractId}`)).body.history.length;
    const before = await history();
    for (const [path, body] of [
      ['approve', { fees: FEES_BODY }],
      ['resume', {}],
      ['hold', { reason: 'insufficient_capacity' }],
    ] as const) {
      const res = await call('POST', `/v1/contracts/${contractId}/${path}`, { body });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('invalid_transition');
    }
    expect(await history()).toBe(before);
  });

  it('holds and rejects with an Art. 3.4 reason the merchant sees; a rejected contract is closed (409)', async () => {
    const { merchant: m, contract: applied } = await smsApplication(platform.api);
    const held = await call('POST', `/v1/contracts/${applied.id}/hold`, {
      body: { reason: 'missing_or_false_documents', note: '증명서가 흐립니다' },
    });
    expect(held.body).toMatchObject({
      status: 'on_hold',
      review: { decision: 'on_hold', reason: 'missing_or_false_documents', note: '증명서가 흐립니다' },
    });
    const rejected = await call('POST', `/v1/contracts/${applied.id}/reject`, {
      body: { reason: 'business_not_operating' },
    });
    expect(rejected.body.status).toBe('rejected');
    const seen = await call('GET', `/v1/contracts/${applied.id}`, { key: m.apiKey });
    expect(seen.body.review).toMatchObject({ decision: 'rejected', reason: 'business_not_operating' });
    const approve = await eventually(
      async () => {
        const res = await call('POST', `/v1/contracts/${applied.id}/approve`, { body: { fees: FEES_BODY } });
        return res.status === 409 && res.body.error.code === 'contract_closed' ? res : undefined;
      },
      10_000,
      'the closed contract to refuse approval',
    );
    expect(approve.body.error.message).toMatch(/ended/);
  });

  it('a merchant cannot approve its own contract (403)', async () => {
    const { merchant: m, contract: applied } = await smsApplication(platform.api);
    const res = await call('POST', `/v1/contracts/${applied.id}/approve`, { key: m.apiKey, body: { fees: FEES_BODY } });
    expect(res.status).toBe(403);
  });

  it('non-renewal given more than 30 days before the end applies to the current term; business-reason termination takes a month', async () => {
    const { merchant, contractId } = await activeContract(platform.api);
    const noticed = await call('POST', `/v1/contracts/${contractId}/non-renewal`, { key: merchant.apiKey, body: {} });
    expect(noticed.status).toBe(200);
    expect(noticed.body.renewal).toEqual({ autoRenews: false, endsAt: noticed.body.termEnd });
    expect(
      (await call('POST', `/v1/contracts/${contractId}/non-renewal`, { key: merchant.apiKey, body: {} })).status,
    ).toBe(409);

    const terminated = await call('POST', `/v1/contracts/${contractId}/terminate`, {
      body: { cause: 'business_reasons' },
    });
    expect(terminated.body.status).toBe('active');
    const days = (Date.parse(terminated.body.pendingTermination.effectiveAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(27);
    expect(days).toBeLessThan(32);
    const merchantTries = await call('POST', `/v1/contracts/${contractId}/terminate`, {
      key: merchant.apiKey,
      body: { cause: 'fee_arrears' },
    });
    expect(merchantTries.status).toBe(422);
    expect(merchantTries.body.error.code).toBe('termination_cause_not_allowed');
  });
});

describe('the sending gate follows the contract', () => {
  it('suspend → sending refused with contract_suspended; objection recorded; resume → allowed again', async () => {
    const { merchant, contractId } = await activeContract(platform.api);
    const sms = { type: 'sms', to: '010-5555-1234', text: '안녕하세요' };
    expect((await call('POST', '/v1/messages', { key: merchant.apiKey, body: sms })).status).toBe(202);

    const suspended = await call('POST', `/v1/contracts/${contractId}/suspend`, {
      body: { reason: 'spoofing', effectiveAt: new Date(Date.now() + 86_400_000).toISOString() },
    });
    // Spoofing is immediate even when a later start is asked for (Art. 13.3).
    expect(suspended.body).toMatchObject({ status: 'suspended', suspension: { reason: 'spoofing', objection: null } });
    const refused = await call('POST', '/v1/messages', { key: merchant.apiKey, body: sms });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({
      code: 'contract_suspended',
      details: { violations: [{ reason: 'spoofing' }] },
    });

    const objection = await call('POST', `/v1/contracts/${contractId}/objection`, {
      key: merchant.apiKey,
      body: { text: '번호는 당사 소유입니다' },
    });
    expect(objection.body.suspension).toMatchObject({
      terminationAt: null,
      objection: { text: '번호는 당사 소유입니다' },
    });

    expect((await call('POST', `/v1/contracts/${contractId}/resume`, { body: {} })).body.status).toBe('active');
    expect((await call('POST', '/v1/messages', { key: merchant.apiKey, body: sms })).status).toBe(202);
  });
});

describe('sender numbers', () => {
  it('a new number is pending until verified, only verified numbers send, and the limit of 10 holds across additions', async () => {
    const numbers = Array.from({ length: 9 }, (_, i) => `02-2345-670${i}`);
    const { merchant, contractId } = await activeContract(platform.api, { senderNumbers: numbers });
    const added = await call('POST', `/v1/contracts/${contractId}/sender-numbers`, {
      key: merchant.apiKey,
      body: sender('031-234-5678'),
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ number: '0312345678', status: 'pending' });

    const fromPending = await call('POST', '/v1/messages', {
      key: merchant.apiKey,
      body: { type: 'sms', to: '010-5555-1234', from: '031-234-5678', text: '테스트' },
    });
    expect(fromPending.body.error.code).toBe('sender_number_not_verified');

    const eleventh = await call('POST', `/v1/contracts/${contractId}/sender-numbers`, {
      key: merchant.apiKey,
      body: sender('031-234-5679'),
    });
    expect(eleventh.status).toBe(422);
    expect(eleventh.body.error.code).toBe('too_many_sender_numbers');
    const duplicate = await call('POST', `/v1/contracts/${contractId}/sender-numbers`, {
      key: merchant.apiKey,
      body: sender('0312345678'),
    });
    expect(duplicate.status).toBe(409);

    expect((await call('POST', `/v1/sender-numbers/${added.body.id}/verify`, { body: {} })).body.status).toBe(
      'verified',
    );
    expect((await call('POST', `/v1/sender-numbers/${added.body.id}/verify`, { body: {} })).status).toBe(409);
    const fromVerified = await call('POST', '/v1/messages', {
      key: merchant.apiKey,
      body: { type: 'sms', to: '010-5555-1234', from: '031-234-5678', text: '테스트' },
    });
    expect(fromVerified.status).toBe(202);

    const file = await fetch(`${platform.api.url}/v1/sender-numbers/${added.body.id}/proof-document`, {
      headers: { authorization: `Bearer ${merchant.apiKey}` },
    });
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await file.arrayBuffer()).toString('base64')).toBe(PROOF_PDF_BASE64);
  });
});

describe('visibility', () => {
  it('a merchant sees only its own contracts (404 otherwise); operators list all and filter', async () => {
    const a = await activeContract(platform.api);
    const b = await activeContract(platform.api);
    expect((await call('GET', `/v1/contracts/${b.contractId}`, { key: a.merchant.apiKey })).status).toBe(404);
    expect(
      (await call('POST', `/v1/contracts/${b.contractId}/objection`, { key: a.merchant.apiKey, body: { text: 'x' } }))
        .status,
    ).toBe(404);
    const own = await call('GET', '/v1/contracts', { key: a.merchant.apiKey });
    expect(own.body.data.map((c: { id: string }) => c.id)).toEqual([a.contractId]);
    const filtered = await call('GET', `/v1/contracts?merchantId=${b.merchant.id}&status=active`);
    expect(filtered.body.data.map((c: { id: string }) => c.id)).toEqual([b.contractId]);
    const paged = await call('GET', '/v1/contracts?limit=1');
    expect(paged.body.data).toHaveLength(1);
    const next = await call('GET', `/v1/contracts?limit=1&cursor=${paged.body.nextCursor}`);
    expect(next.body.data[0].id).not.toBe(paged.body.data[0].id);
  });

  it('a merchant sees who read its personal data in the audit log (Art. 11), and only its own entries', async () => {
    const a = await activeContract(platform.api, {
      services: { paymentNotice: { merchant: { approval: true } } },
      senderNumbers: [],
      receiverNumbers: ['010-1111-2222'],
      mids: [`MIDA${Date.now() % 100000}`],
    });
    const b = await activeContract(platform.api);
    await call('GET', `/v1/contracts/${a.contractId}`);
    const log = await call('GET', '/v1/audit-log?action=contract.read', { key: a.merchant.apiKey });
    expect(log.status).toBe(200);
    expect(log.body.data[0]).toMatchObject({
      action: 'contract.read',
      actor: { type: 'operator' },
      subject: { type: 'contract', id: a.contractId },
      merchantId: a.merchant.id,
    });
    const all = await call('GET', '/v1/audit-log?limit=100', { key: a.merchant.apiKey });
    expect(all.body.data.every((e: { merchantId: string }) => e.merchantId === a.merchant.id)).toBe(true);
    expect(all.body.data.some((e: { subject: { id: string } }) => e.subject.id === b.contractId)).toBe(false);
  });

  it('refuses an audit-log cursor that names no entry with 400 invalid_cursor', async () => {
    for (const position of ['not-a-number', '1e3', '']) {
      const cursor = Buffer.from(JSON.stringify([position])).toString('base64url');
      const res = await call('GET', `/v1/audit-log?cursor=${cursor}`);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_cursor');
    }
  });

  it('each contract is a workflow operators can filter by ContractId and MerchantId in the Temporal UI', async () => {
    const { merchant, contractId } = await activeContract(platform.api);
    const found = await eventually(
      async () => {
        const ids: string[] = [];
        for await (const w of platform.env.client.workflow.list({
          query: `ContractId = '${contractId}' AND MerchantId = '${merchant.id}'`,
        }))
          ids.push(w.workflowId);
        return ids.length ? ids : undefined;
      },
      15_000,
      'visibility',
    );
    expect(found).toEqual([`contract-${contractId}`]);
  });
});
