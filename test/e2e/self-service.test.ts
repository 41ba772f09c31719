/**
 * Merchant self-service over HTTP (SPEC §7): business information changes noticed 10 days ahead
 * (Art. 4.1.3), the webhook URL at once, API keys created, listed and revoked, and the webhook
 * secret rotated with a grace period in which both secrets sign.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verify } from '../../platform/signature';
import { activeContract, createMerchant, finalMessage, type TestMerchant } from '../support/api-fixtures';
import { eventually, startTestPlatform, type TestPlatform } from '../support/platform';

const DAY = 86_400_000;

let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform();
});

afterAll(async () => {
  await platform?.close();
});

const auditOf = async (merchantId: string, action: string) =>
  (await platform.api.call('GET', `/v1/audit-log?merchantId=${merchantId}&action=${action}`)).body.data;

describe('PATCH /v1/merchants/:id', () => {
  let merchant: TestMerchant;

  beforeAll(async () => {
    merchant = await createMerchant(platform.api);
  });

  it('schedules business information 10 days ahead and shows it as pendingChange; the operator may apply it earlier', async () => {
    const before = Date.now();
    const res = await platform.api.call('PATCH', `/v1/merchants/${merchant.id}`, {
      key: merchant.apiKey,
      body: { address: '서울특별시 종로구 세종대로 1', representative: '김철수' },
    });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({
      address: '서울특별시 중구 세종대로 110',
      representative: '홍길동',
      pendingChange: { fields: { address: '서울특별시 종로구 세종대로 1', representative: '김철수' } },
    });
    const effectiveAt = Date.parse(res.body.pendingChange.effectiveAt);
    expect(effectiveAt).toBeGreaterThanOrEqual(before + 10 * DAY);
    expect(effectiveAt).toBeLessThan(Date.now() + 10 * DAY + 60_000);

    const shown = await platform.api.call('GET', `/v1/merchants/${merchant.id}`, { key: merchant.apiKey });
    expect(shown.body.pendingChange).toEqual(res.body.pendingChange);

    const tooSoon = await platform.api.call('PATCH', `/v1/merchants/${merchant.id}`, {
      key: merchant.apiKey,
      body: { name: '바른상사', effectiveAt: new Date(Date.now() + 3 * DAY).toISOString() },
    });
    expect(tooSoon.status).toBe(422);
    expect(tooSoon.body.error.code).toBe('notice_too_short');

    const byMerchant = await platform.api.call('POST', `/v1/merchants/${merchant.id}/pending-change/apply`, {
      key: merchant.apiKey,
      body: {},
    });
    expect(byMerchant.status).toBe(403);
    const applied = await platform.api.call('POST', `/v1/merchants/${merchant.id}/pending-change/apply`, { body: {} });
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({
      address: '서울특별시 종로구 세종대로 1',
      representative: '김철수',
      pendingChange: null,
    });
    expect(await auditOf(merchant.id, 'merchant.change_applied')).toEqual([
      expect.objectContaining({
        actor: { type: 'operator', id: 'operator' },
        details: expect.objectContaining({ early: true, fields: ['address', 'representative'] }),
      }),
    ]);
    expect(await auditOf(merchant.id, 'merchant.change_noticed')).toHaveLength(1);
  });

  it('changes the webhook URL at once, and never another merchant', async () => {
    const res = await platform.api.call('PATCH', `/v1/merchants/${merchant.id}`, {
      key: merchant.apiKey,
      body: { webhookUrl: 'https://shop.example.com/bizmsg' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ webhookUrl: 'https://shop.example.com/bizmsg', pendingChange: null });

    const stranger = await createMerchant(platform.api);
    const other = await platform.api.call('PATCH', `/v1/merchants/${stranger.id}`, {
      key: merchant.apiKey,
      body: { webhookUrl: 'https://evil.example.com/' },
    });
    expect(other.status).toBe(404);
    const empty = await platform.api.call('PATCH', `/v1/merchants/${merchant.id}`, { key: merchant.apiKey, body: {} });
    expect(empty.status).toBe(400);
  });
});

describe('API keys', () => {
  it('a new key works, is listed without the key, is revoked and answers 401; the other key keeps working', async () => {
    const merchant = await createMerchant(platform.api);
    const created = await platform.api.call('POST', '/v1/api-keys', {
      key: merchant.apiKey,
      body: { name: 'order server' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: expect.stringMatching(/^key_/), name: 'order server', apiKey: /^bmk_/ });
    const second = created.body.apiKey as string;
    expect((await platform.api.call('GET', `/v1/merchants/${merchant.id}`, { key: second })).status).toBe(200);

    const listed = await platform.api.call('GET', '/v1/api-keys', { key: merchant.apiKey });
    expect(listed.body.data).toEqual([
      expect.objectContaining({ name: 'default', revokedAt: null, lastUsedAt: expect.any(String) }),
      {
        id: created.body.id,
        name: 'order server',
        prefix: second.slice(0, 12),
        createdAt: expect.any(String),
        lastUsedAt: expect.any(String),
        revokedAt: null,
      },
    ]);
    expect(JSON.stringify(listed.body)).not.toContain(second);

    const revoked = await platform.api.call('DELETE', `/v1/api-keys/${created.body.id}`, { key: merchant.apiKey });
    expect(revoked.status).toBe(204);
    const refused = await platform.api.call('GET', `/v1/merchants/${merchant.id}`, { key: second });
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('invalid_api_key');
    expect((await platform.api.call('GET', `/v1/merchants/${merchant.id}`, { key: merchant.apiKey })).status).toBe(200);
    expect(
      (await platform.api.call('DELETE', `/v1/api-keys/${created.body.id}`, { key: merchant.apiKey })).status,
    ).toBe(404);
    expect(await auditOf(merchant.id, 'api_key.revoked')).toHaveLength(1);
  });

  it('another merchant’s key cannot be revoked (404)', async () => {
    const [a, b] = await Promise.all([createMerchant(platform.api), createMerchant(platform.api)]);
    const key = await platform.api.call('POST', '/v1/api-keys', { key: a.apiKey, body: { name: 'a' } });
    const res = await platform.api.call('DELETE', `/v1/api-keys/${key.body.id}`, { key: b.apiKey });
    expect(res.status).toBe(404);
    expect((await platform.api.call('GET', `/v1/merchants/${a.id}`, { key: key.body.apiKey })).status).toBe(200);
  });
});

describe('webhook secret rotation', () => {
  it('signs every webhook with the new and the old secret during the grace period', async () => {
    const received: { headers: IncomingHttpHeaders; body: string }[] = [];
    const server: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const c = await activeContract(platform.api, {
        merchant: { webhookUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook` },
      });
      const old = c.merchant.webhookSecret;
      const rotate = (graceHours: number) =>
        platform.api.call('POST', `/v1/merchants/${c.merchant.id}/webhook-secret`, {
          key: c.merchant.apiKey,
          body: { graceHours },
        });
      /** The webhook of an SMS sent now to `to`, the n-th received, with its signature header. */
      const webhookOfSmsTo = async (to: string, n: number) => {
        const sent = await platform.api.call('POST', '/v1/messages', {
          key: c.merchant.apiKey,
          body: { type: 'sms', to, text: '주문이 접수되었습니다' },
        });
        await finalMessage(platform.api, c.merchant.apiKey, sent.body.id);
        const hook = await eventually(async () => received[n], 15_000, `webhook ${n + 1}`);
        const signature = hook.headers['bizmsg-signature'] as string;
        return { body: hook.body, signature, v1: signature.split(',').filter((p) => p.startsWith('v1=')) };
      };

      const rotated = await rotate(24);
      expect(rotated.status).toBe(200);
      expect(rotated.body.webhookSecret).toMatch(/^whsec_/);
      expect(rotated.body.webhookSecret).not.toBe(old);
      expect(Date.parse(rotated.body.previousSecretValidUntil)).toBeGreaterThan(Date.now() + 23 * 3_600_000);

      const first = await webhookOfSmsTo('010-7777-1234', 0);
      expect(first.v1).toHaveLength(2);
      expect(verify(rotated.body.webhookSecret, first.body, first.signature)).toEqual({ ok: true });
      expect(verify(old, first.body, first.signature)).toEqual({ ok: true });

      // With no grace period the old secret stops signing at once.
      const again = await rotate(0);
      const second = await webhookOfSmsTo('010-7777-5678', 1);
      expect(second.v1).toHaveLength(1);
      expect(verify(again.body.webhookSecret, second.body, second.signature)).toEqual({ ok: true });
      expect(verify(rotated.body.webhookSecret, second.body, second.signature)).toEqual({
        ok: false,
        reason: 'mismatch',
      });
    } finally {
      server.close();
    }
  });
});
