/**
 * SMS/LMS failover between carriers (activities/providers/failover.ts) with its state in PostgreSQL:
 * the first carrier is NHN (the contract test double over HTTP), the second an in-process carrier
 * that counts what it is asked to send.
 */
import { failoverSmsProvider } from '../../activities/providers/failover';
import { nhnSmsProvider } from '../../activities/providers/nhn';
import { ProviderUnavailable, type Provider, type SmsSend } from '../../activities/providers/types';
import { withHandovers, type CarrierAttemptRow } from '../../store/carriers';
import type { AttemptRow } from '../../store/messages';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { startNhnDouble, type RunningNhnDouble } from '../support/nhn-double';

const SMS_KEYS = { appKey: 'sms-app-key', secretKey: 'sms-secret-key' };
const DEADLINE_MS = 60_000;

let database: TestDatabase;
let double: RunningNhnDouble;

beforeAll(async () => {
  [database, double] = await Promise.all([
    createTestDatabase(),
    startNhnDouble({
      kakao: { appKey: 'k', secretKey: 'k' },
      sms: SMS_KEYS,
      webhookSignature: 'unused-signature-0000',
    }),
  ]);
});
afterAll(async () => {
  await double.close();
  await database.drop();
});
beforeEach(() => {
  double.outage = { kakao: null, sms: null };
});

/** A second carrier: takes every send once per key, like the simulator. */
function countingCarrier(behaviour: { fail?: () => Error | null } = {}) {
  const sends: string[] = [];
  const provider: Provider<SmsSend> = {
    name: 'sms',
    async send(_m, key) {
      const failure = behaviour.fail?.();
      if (failure) throw failure;
      if (!sends.includes(key)) sends.push(key);
      return { providerMessageId: `second_${key}` };
    },
    async status(id) {
      return id.startsWith('second_') ? { status: 'delivered', resultCode: '0', reportedAt: null } : null;
    },
  };
  return { provider, sends };
}

let n = 0;
const newKey = () => `msg_${String(++n).padStart(26, '0')}:sms`;
const message = (): SmsSend => ({ type: 'sms', from: '0223456789', to: '01012345678', text: '안내 문자' });
const nhnSends = (key: string) => double.sends('sms').filter((s) => s.recipientGroupingKey === key);
const ledger = (key: string) =>
  database
    .db('carrier_attempts')
    .where({ idempotency_key: key })
    .orderBy('carrier')
    .select('carrier', 'status', 'handed_over_to');

it('an outage code at the first carrier hands the send to the second, which sends it once', async () => {
  double.outage.sms = 'system_error';
  const second = countingCarrier();
  const sms = failoverSmsProvider(
    [
      { name: 'nhn', provider: nhnSmsProvider({ url: double.url, ...SMS_KEYS }) },
      { name: 'simulator', provider: second.provider },
    ],
    { db: database.db, carrierDeadlineMs: DEADLINE_MS },
  );
  const key = newKey();
  const sent = await sms.send(message(), key);
  expect(sent).toEqual({ providerMessageId: `second_${key}` });
  // A retried activity neither goes back to NHN nor sends through the second carrier again.
  double.outage.sms = null;
  expect(await sms.send(message(), key, { mayHaveSent: true })).toEqual(sent);
  expect(second.sends).toEqual([key]);
  expect(nhnSends(key)).toHaveLength(0);
  expect(await ledger(key)).toEqual([
    { carrier: 'nhn', status: 'handed_over', handed_over_to: 'simulator' },
    { carrier: 'simulator', status: 'accepted', handed_over_to: null },
  ]);
  expect(await sms.status(sent.providerMessageId)).toMatchObject({ status: 'delivered' });
});

it('a carrier that times out keeps the attempt until its deadline, then hands it on', async () => {
  let now = Date.parse('2026-03-02T01:00:00Z');
  const second = countingCarrier();
  const sms = failoverSmsProvider(
    [
      { name: 'nhn', provider: nhnSmsProvider({ url: 'http://127.0.0.1:1', ...SMS_KEYS }) },
      { name: 'simulator', provider: second.provider },
    ],
    { db: database.db, carrierDeadlineMs: DEADLINE_MS, now: () => now },
  );
  const key = newKey();
  await expect(sms.send(message(), key)).rejects.toBeInstanceOf(ProviderUnavailable);
  now += DEADLINE_MS - 1;
  await expect(sms.send(message(), key, { mayHaveSent: true })).rejects.toBeInstanceOf(ProviderUnavailable);
  expect(second.sends).toEqual([]);
  now += 1;
  expect(await sms.send(message(), key, { mayHaveSent: true })).toEqual({ providerMessageId: `second_${key}` });
  expect(second.sends).toEqual([key]);
});

it('before handing on after timeouts it asks the first carrier, and a send it took is not sent again', async () => {
  let now = Date.parse('2026-03-02T02:00:00Z');
  const nhn = nhnSmsProvider({ url: double.url, ...SMS_KEYS });
  // NHN takes the send, but its answer is lost on the way back.
  const lossy: Provider<SmsSend> = {
    ...nhn,
    send: async (m, key, options) => {
      await nhn.send(m, key, options);
      throw new ProviderUnavailable('sms', 'NHN did not answer in time');
    },
  };
  const second = countingCarrier();
  const sms = failoverSmsProvider(
    [
      { name: 'nhn', provider: lossy },
      { name: 'simulator', provider: second.provider },
    ],
    { db: database.db, carrierDeadlineMs: DEADLINE_MS, now: () => now },
  );
  const key = newKey();
  await expect(sms.send(message(), key)).rejects.toBeInstanceOf(ProviderUnavailable);
  now += DEADLINE_MS;
  const sent = await sms.send(message(), key, { mayHaveSent: true });
  expect(sent.providerMessageId).toMatch(/^nhn:sms:/);
  expect(nhnSends(key)).toHaveLength(1);
  expect(second.sends).toEqual([]);
  expect(await ledger(key)).toEqual([{ carrier: 'nhn', status: 'accepted', handed_over_to: null }]);
});

it('the last carrier keeps the attempt: its failures are retried, never handed back', async () => {
  double.outage.sms = 'http_503';
  const second = countingCarrier({ fail: () => new ProviderUnavailable('sms', 'HTTP 503', true) });
  const sms = failoverSmsProvider(
    [
      { name: 'nhn', provider: nhnSmsProvider({ url: double.url, ...SMS_KEYS }) },
      { name: 'simulator', provider: second.provider },
    ],
    { db: database.db, carrierDeadlineMs: DEADLINE_MS },
  );
  const key = newKey();
  await expect(sms.send(message(), key)).rejects.toMatchObject({ outage: true });
  double.outage.sms = null;
  await expect(sms.send(message(), key, { mayHaveSent: true })).rejects.toMatchObject({ outage: true });
  expect(nhnSends(key)).toHaveLength(0);
  expect(await ledger(key)).toEqual([
    { carrier: 'nhn', status: 'handed_over', handed_over_to: 'simulator' },
    { carrier: 'simulator', status: 'failing', handed_over_to: null },
  ]);
});

describe('handovers on the timeline', () => {
  const at = (s: number) => new Date(Date.parse('2026-03-02T00:00:00Z') + s * 1000);
  const attempt = (
    seq: number,
    channel: AttemptRow['channel'],
    status: AttemptRow['status'],
    s: number,
  ): AttemptRow => ({
    seq,
    channel,
    status,
    provider_message_id: null,
    result_code: null,
    note: null,
    at: at(s),
  });
  const handover = (s: number): CarrierAttemptRow => ({
    idempotency_key: 'msg_x:sms',
    message_id: 'msg_x',
    carrier: 'nhn',
    status: 'handed_over',
    provider_message_id: null,
    failure: 'sms unavailable: NHN -9999: System error',
    failing_since: at(s),
    handed_over_to: 'simulator',
    updated_at: at(s),
  });

  it('sits just before the send it led to', () => {
    const timeline = withHandovers(
      [
        attempt(1, 'alimtalk', 'sent', 0),
        attempt(2, 'alimtalk', 'failed', 1),
        attempt(3, 'sms', 'sent', 5),
        attempt(4, 'sms', 'delivered', 6),
      ],
      [handover(4)],
    );
    expect(timeline.map((a) => `${a.channel}:${a.status}`)).toEqual([
      'alimtalk:sent',
      'alimtalk:failed',
      'sms:carrier_handed_over',
      'sms:sent',
      'sms:delivered',
    ]);
    expect(timeline[2].note).toBe('nhn failed (sms unavailable: NHN -9999: System error): handed to simulator');
  });

  it('comes last while the next carrier has not sent yet', () => {
    expect(withHandovers([attempt(1, 'alimtalk', 'sent', 0)], [handover(4)]).map((a) => a.status)).toEqual([
      'sent',
      'carrier_handed_over',
    ]);
  });
});
