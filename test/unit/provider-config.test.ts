/** Choosing the providers (KAKAO_PROVIDER, SMS_PROVIDER, SMS_PROVIDERS) and NHN's credentials. */
import { loadConfig } from '../../platform/config';

const NHN = {
  KAKAO_PROVIDER: 'nhn',
  SMS_PROVIDERS: 'nhn,simulator',
  NHN_KAKAO_APP_KEY: 'kakao-app',
  NHN_KAKAO_SECRET_KEY: 'kakao-secret-value',
  NHN_SMS_APP_KEY: 'sms-app',
  NHN_SMS_SECRET_KEY: 'sms-secret-value',
  NHN_WEBHOOK_SIGNATURE: 'webhook-signature-value',
};

it('defaults to the simulator for both', () => {
  const { providers } = loadConfig({});
  expect(providers).toMatchObject({ kakao: 'simulator', smsCarriers: ['simulator'], smsCarrierDeadlineMs: 120_000 });
});

it('takes NHN with its keys, and the SMS carriers in failover order', () => {
  const { providers } = loadConfig({ ...NHN, SMS_CARRIER_DEADLINE: '30s' });
  expect(providers).toMatchObject({
    kakao: 'nhn',
    smsCarriers: ['nhn', 'simulator'],
    smsCarrierDeadlineMs: 30_000,
    nhn: {
      kakao: {
        url: 'https://kakaotalk-bizmessage.api.nhncloudservice.com',
        appKey: 'kakao-app',
        secretKey: 'kakao-secret-value',
      },
      sms: { url: 'https://api-sms.cloud.toast.com', appKey: 'sms-app', secretKey: 'sms-secret-value' },
      webhookSignature: 'webhook-signature-value',
    },
  });
  expect(
    loadConfig({ SMS_PROVIDER: 'nhn', NHN_SMS_APP_KEY: 'a', NHN_SMS_SECRET_KEY: 'b' }).providers.smsCarriers,
  ).toEqual(['nhn']);
});

it.each([
  [{ KAKAO_PROVIDER: 'nhn' }, ['NHN_KAKAO_APP_KEY', 'NHN_KAKAO_SECRET_KEY', 'NHN_WEBHOOK_SIGNATURE']],
  [{ SMS_PROVIDER: 'nhn' }, ['NHN_SMS_APP_KEY', 'NHN_SMS_SECRET_KEY']],
  [{ SMS_PROVIDERS: 'simulator,nhn', NHN_SMS_APP_KEY: 'a' }, ['NHN_SMS_SECRET_KEY']],
])('refuses NHN without its credentials: %j', (env, named) => {
  expect(() => loadConfig(env)).toThrow(new RegExp(named.map((n) => `${n}: required when`).join('[\\s\\S]*')));
});

it.each([['nhn,nhn'], ['nhn,kt'], ['']])('refuses SMS_PROVIDERS=%j', (value) => {
  expect(() => loadConfig({ ...NHN, SMS_PROVIDERS: value })).toThrow(/SMS_PROVIDERS/);
});

it('never repeats a secret in its complaint', () => {
  let message = '';
  try {
    loadConfig({ ...NHN, NHN_WEBHOOK_SIGNATURE: 'short', SMS_PROVIDERS: 'nhn,kt' });
  } catch (err) {
    message = (err as Error).message;
  }
  expect(message).toMatch(/NHN_WEBHOOK_SIGNATURE/);
  for (const secret of ['kakao-secret-value', 'sms-secret-value', 'short']) expect(message).not.toContain(secret);
});
