/**
 * Webhooks to public addresses only (WEBHOOK_PRIVATE_ADDRESSES=refuse, production's default): the
 * API refuses a webhook URL of the platform's own network, and a stored one (registered before the
 * setting, or a name whose DNS changed) fails at delivery without the address seeing a request.
 */
import { activeContract, createMerchant, finalMessage } from '../support/api-fixtures';
import { eventually, startTestPlatform, type TestPlatform } from '../support/platform';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhooks';

let platform: TestPlatform;
let receiver: WebhookReceiver<unknown>;

beforeAll(async () => {
  [platform, receiver] = await Promise.all([
    startTestPlatform({ settings: { WEBHOOK_PRIVATE_ADDRESSES: 'refuse' } }),
    startWebhookReceiver(),
  ]);
});

afterAll(async () => {
  await platform?.close();
  await receiver?.close();
});

it('refuses a private webhook URL when a merchant is created, and creates nothing', async () => {
  const before = await platform.db('merchants').count({ n: '*' }).first();
  await expect(createMerchant(platform.api, { webhookUrl: receiver.url })).rejects.toThrow(
    /400.*webhook_url_not_allowed/,
  );
  expect(await platform.db('merchants').count({ n: '*' }).first()).toEqual(before);
});

it.each([
  'http://localhost:8080/hook',
  'http://169.254.169.254/latest/meta-data',
  'http://[::1]/hook',
  'http://intranet/hook',
])('refuses PATCH webhookUrl %s with 400 at its field', async (webhookUrl) => {
  const merchant = await createMerchant(platform.api);
  const res = await platform.api.call('PATCH', `/v1/merchants/${merchant.id}`, { body: { webhookUrl } });
  expect(res.status).toBe(400);
  expect(res.body.error).toMatchObject({ code: 'webhook_url_not_allowed', details: { field: 'webhookUrl' } });
  expect((await platform.api.call('GET', `/v1/merchants/${merchant.id}`)).body.webhookUrl).toBeNull();
});

it('takes a public webhook URL', async () => {
  const merchant = await createMerchant(platform.api);
  const res = await platform.api.call('PATCH', `/v1/merchants/${merchant.id}`, {
    body: { webhookUrl: 'https://hooks.shop.example/bizmsg' },
  });
  expect(res.status).toBe(200);
  expect(res.body.webhookUrl).toBe('https://hooks.shop.example/bizmsg');
});

it('a stored private webhook URL fails at delivery: the message is delivered, the address sees no request', async () => {
  const shop = await activeContract(platform.api);
  // By name: the check is the worker's lookup as it connects (localhost → 127.0.0.1, where the receiver is).
  const byName = receiver.url.replace('127.0.0.1', 'localhost');
  await platform.db('merchants').where({ id: shop.merchant.id }).update({ webhook_url: byName });
  const sent = await platform.api.call('POST', '/v1/messages', {
    key: shop.merchant.apiKey,
    body: { type: 'sms', to: '010-5555-1234', text: '[바른상점] 주문이 접수되었습니다' },
  });
  expect(sent.status).toBe(202);
  expect((await finalMessage(platform.api, shop.merchant.apiKey, sent.body.id)).status).toBe('delivered');
  const attempt = await eventually(
    () => platform.db('webhook_deliveries').where({ message_id: sent.body.id }).first(),
    30_000,
    'the webhook attempt to be recorded',
  );
  expect(attempt).toMatchObject({ succeeded: false, status_code: null });
  expect(attempt.error).toContain('public internet addresses only');
  expect(receiver.events).toHaveLength(0);
});
