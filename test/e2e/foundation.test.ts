/**
 * The platform skeleton over HTTP against a real Temporal dev server and real PostgreSQL: health,
 * merchants, keys, the one error shape, and the OpenAPI document.
 */
import type { AddressInfo } from 'node:net';
import { createMetrics, metricsOnlyApp } from '../../api/metrics';
import { sha256Hex } from '../../platform/secrets';
import { validBrn } from '../support/fixtures';
import { startTestPlatform, type TestPlatform } from '../support/platform';

let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform();
});

afterAll(async () => {
  await platform?.close();
});

const merchantBody = (overrides: Record<string, unknown> = {}) => ({
  businessRegistrationNumber: validBrn(),
  name: '바른상점',
  representative: '홍길동',
  address: '서울특별시 중구 세종대로 110',
  ...overrides,
});

const countMerchants = async () => Number((await platform.db('merchants').count('* as n'))[0].n);

const expectErrorShape = (body: any, code: string) => {
  expect(body).toEqual({ error: expect.objectContaining({ code, message: expect.any(String) }) });
};

describe('health', () => {
  it('answers 200 when PostgreSQL and Temporal both answer', async () => {
    const res = await platform.api.call('GET', '/health', { key: null });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', checks: { database: 'ok', temporal: 'ok' } });
  });
});

describe('merchants', () => {
  it('an operator creates a merchant; its API key is shown once and stored only as a hash', async () => {
    const res = await platform.api.call('POST', '/v1/merchants', {
      body: merchantBody({ businessRegistrationNumber: '124-81-00998', kakaoSearchId: '@barun' }),
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: expect.stringMatching(/^mer_/),
      businessRegistrationNumber: '1248100998',
      apiKey: expect.stringMatching(/^bmk_/),
      webhookSecret: expect.stringMatching(/^whsec_/),
    });
    expect(res.body.createdAt).toMatch(/\+09:00$/);

    const keys = await platform.db('api_keys').where({ merchant_id: res.body.id });
    expect(keys).toHaveLength(1);
    expect(keys[0].key_hash).toBe(sha256Hex(res.body.apiKey));
    expect(JSON.stringify(keys)).not.toContain(res.body.apiKey);

    const own = await platform.api.call('GET', `/v1/merchants/${res.body.id}`, { key: res.body.apiKey });
    expect(own.status).toBe(200);
    expect(own.body).not.toHaveProperty('apiKey');
  });

  it('a merchant never sees another merchant (404, not 403)', async () => {
    const a = (await platform.api.call('POST', '/v1/merchants', { body: merchantBody() })).body;
    const b = (await platform.api.call('POST', '/v1/merchants', { body: merchantBody() })).body;
    const res = await platform.api.call('GET', `/v1/merchants/${b.id}`, { key: a.apiKey });
    expect(res.status).toBe(404);
    expectErrorShape(res.body, 'not_found');
  });

  it('refuses a second merchant with the same business registration number', async () => {
    const body = merchantBody();
    expect((await platform.api.call('POST', '/v1/merchants', { body })).status).toBe(201);
    const again = await platform.api.call('POST', '/v1/merchants', { body });
    expect(again.status).toBe(409);
    expectErrorShape(again.body, 'merchant_exists');
  });

  describe('bad input gets the error shape and writes nothing', () => {
    let before: number;
    beforeEach(async () => {
      before = await countMerchants();
    });
    afterEach(async () => {
      expect(await countMerchants()).toBe(before);
    });

    it('a business registration number with a wrong check digit', async () => {
      const res = await platform.api.call('POST', '/v1/merchants', {
        body: merchantBody({ businessRegistrationNumber: '124-81-00997' }),
      });
      expect(res.status).toBe(400);
      expectErrorShape(res.body, 'invalid_business_registration_number');
      expect(res.body.error.message).toMatch(/check digit/);
    });

    it('wrong types, with the zod issues in details', async () => {
      const res = await platform.api.call('POST', '/v1/merchants', {
        body: merchantBody({ name: 42, address: ['x'] }),
      });
      expect(res.status).toBe(400);
      expectErrorShape(res.body, 'invalid_request');
      expect(res.body.error.details.issues.map((i: { path: string }) => i.path)).toEqual(
        expect.arrayContaining(['name', 'address']),
      );
    });

    it('unknown fields', async () => {
      const res = await platform.api.call('POST', '/v1/merchants', { body: merchantBody({ isAdmin: true }) });
      expect(res.status).toBe(400);
      expectErrorShape(res.body, 'invalid_request');
    });

    it('malformed JSON', async () => {
      const res = await platform.api.call('POST', '/v1/merchants', { raw: '{"name": "바른상점",' });
      expect(res.status).toBe(400);
      expectErrorShape(res.body, 'malformed_json');
    });

    it('a 3 MB body', async () => {
      const res = await platform.api.call('POST', '/v1/merchants', {
        body: merchantBody({ address: 'x'.repeat(3 * 1024 * 1024) }),
      });
      expect(res.status).toBe(413);
      expectErrorShape(res.body, 'payload_too_large');
    });
  });
});

describe('authentication and routing', () => {
  it('no key → 401, an unknown key → 401, a merchant key on an operator action → 403, an unknown route → 404', async () => {
    const noKey = await platform.api.call('GET', '/v1/contracts', { key: null });
    expect(noKey.status).toBe(401);
    expectErrorShape(noKey.body, 'unauthenticated');

    const badKey = await platform.api.call('GET', '/v1/contracts', { key: 'bmk_not_a_key' });
    expect(badKey.status).toBe(401);
    expectErrorShape(badKey.body, 'invalid_api_key');

    const merchant = (await platform.api.call('POST', '/v1/merchants', { body: merchantBody() })).body;
    const forbidden = await platform.api.call('POST', '/v1/merchants', { key: merchant.apiKey, body: merchantBody() });
    expect(forbidden.status).toBe(403);
    expectErrorShape(forbidden.body, 'forbidden');

    const unknown = await platform.api.call('GET', '/nowhere', { key: null });
    expect(unknown.status).toBe(404);
    expectErrorShape(unknown.body, 'route_not_found');
  });
});

describe('metrics', () => {
  it('serves Prometheus metrics of request durations to the operator key only', async () => {
    const merchant = (await platform.api.call('POST', '/v1/merchants', { body: merchantBody() })).body;
    const anonymous = await platform.api.call('GET', '/metrics', { key: null });
    expect(anonymous.status).toBe(401);
    expectErrorShape(anonymous.body, 'unauthenticated');
    const asMerchant = await platform.api.call('GET', '/metrics', { key: merchant.apiKey });
    expect(asMerchant.status).toBe(403);
    expectErrorShape(asMerchant.body, 'forbidden');

    const res = await platform.api.call('GET', '/metrics');
    expect(res.status).toBe(200);
    expect(res.body).toContain('bizmsg_api_request_duration_seconds_bucket');
    expect(res.body).toMatch(/route="\/v1\/merchants"/);
  });

  it('serves them without a key on a listener of their own (METRICS_ADDRESS), and nothing else there', async () => {
    const server = metricsOnlyApp(createMetrics()).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const res = await fetch(`${base}/metrics`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('bizmsg_api_process_cpu_seconds_total');
      const other = await fetch(`${base}/v1/merchants`);
      expect(other.status).toBe(404);
      expectErrorShape(await other.json(), 'route_not_found');
    } finally {
      server.close();
    }
  });
});

describe('documentation', () => {
  it('serves an OpenAPI 3.1 document generated from the request schemas, and human docs', async () => {
    const doc = await platform.api.call('GET', '/openapi.json', { key: null });
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    for (const path of [
      '/v1/merchants',
      '/v1/contracts',
      '/v1/messages',
      '/v1/payment-events',
      '/v1/invoices/{id}',
      '/v1/billing/runs',
    ])
      expect(doc.body.paths).toHaveProperty([path]);
    expect(doc.body.components.schemas.CreateMerchant.required).toEqual(
      expect.arrayContaining(['businessRegistrationNumber', 'name']),
    );
    const docs = await fetch(`${platform.api.url}/docs/`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger');
  });
});
