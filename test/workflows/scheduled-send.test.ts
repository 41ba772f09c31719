/**
 * Scheduled sends (예약발송, SPEC §4) on the time-skipping server: real PostgreSQL, real activities,
 * fake providers. A message scheduled a year ahead waits on a durable timer that a cancel or a
 * reschedule interrupts; the sending gate is checked again when its time comes.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WorkflowHandle } from '@temporalio/client';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { Actor } from '../../domain/actor';
import { decide, newContract, type ContractCommand, type ContractState } from '../../domain/contract';
import { idempotencyKeyFor } from '../../domain/provider-keys';
import { newId } from '../../platform/ids';
import { saveContractSnapshot } from '../../store/contracts';
import { insertMessages } from '../../store/messages';
import { bundleWorkflows } from '../../workers/worker';
import { messageWorkflowId } from '../../workflows/ids';
import { MessageWorkflow, providerReportSignal, type MessageWorkflowInput } from '../../workflows/message';
import { cancelScheduledUpdate, rescheduleUpdate } from '../../workflows/scheduled-send';
import { TASK_QUEUES } from '../../workflows/task-queues';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { FakeProviders, startWorkersWithProviders } from '../support/fake-providers';
import { FEES, messageRow, seedApplication, seedMerchant } from '../support/fixtures';
import { timeSkippingEnv } from '../support/temporal';
import { eventuallyPasses } from '../support/wait';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const OPERATOR: Actor = { type: 'operator', id: 'operator' };

let bundle: WorkflowBundleWithSourceMap;
let t: TestDatabase;
let env: TestWorkflowEnvironment;
let fake: FakeProviders;
let workers: { stop(): Promise<void> } | undefined;
let webhooks: { server: http.Server; url: string; events: { type: string; data: { id: string; status: string } }[] };

beforeAll(async () => {
  [bundle, t] = await Promise.all([bundleWorkflows(), createTestDatabase()]);
  const events: (typeof webhooks)['events'] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      events.push(JSON.parse(body));
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  webhooks = { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, events };
});

afterAll(async () => {
  await new Promise((resolve) => webhooks?.server.close(resolve));
  await t?.drop();
});

beforeEach(async () => {
  env = await timeSkippingEnv();
  fake = new FakeProviders();
  workers = await startWorkersWithProviders(env, bundle, t.db, fake);
});

afterEach(async () => {
  await workers?.stop();
  workers = undefined;
  await env?.teardown();
});

function apply(state: ContractState, command: ContractCommand, now: number): ContractState {
  const d = decide(state, command, OPERATOR, now);
  if (!d.ok) throw new Error(`${command.type}: ${d.violation.message}`);
  return d.state;
}

interface Scheduled {
  id: string;
  handle: WorkflowHandle<typeof MessageWorkflow>;
  row(): Promise<{
    status: string;
    failure_reason: string | null;
    scheduled_at: Date | null;
    finalized_at: Date | null;
  }>;
  usage(): Promise<unknown[]>;
  suspendContract(): Promise<void>;
}

/** An SMS accepted now for `inMs` ahead under an active contract, as the API stores and starts it. */
async function scheduleSms(inMs: number): Promise<Scheduled> {
  const now = await env.currentTimeMs();
  const { merchant } = await seedMerchant(t.db);
  await t.db('merchants').where({ id: merchant.id }).update({ webhook_url: webhooks.url });
  const app = await seedApplication(t.db, merchant.id, undefined, new Date(now));
  let state = apply(newContract(app), { type: 'approve', fees: FEES }, now);
  state = apply(state, { type: 'verify_sender_number', id: app.senderNumbers[0].id }, now);
  await saveContractSnapshot(t.db, state, []);

  const id = newId('msg');
  const scheduledAt = new Date(now + inMs).toISOString();
  await insertMessages(t.db, [
    messageRow({
      id,
      merchantId: merchant.id,
      contractId: app.id,
      type: 'sms',
      recipient: '01012345678',
      text: '[바른상점] 예약 안내',
      senderNumber: '0223456789',
      createdAt: new Date(now).toISOString(),
      scheduledAt,
    }),
  ]);
  const input: MessageWorkflowInput = {
    messageId: id,
    merchantId: merchant.id,
    kind: 'message',
    channel: 'sms',
    fallback: null,
    notBefore: null,
    scheduledAt,
    kakaoResultTimeoutMs: 30_000,
    resultWindowMs: 48 * HOUR,
    merchantHasWebhook: true,
  };
  const handle = await env.client.workflow.start(MessageWorkflow, {
    workflowId: messageWorkflowId(id),
    taskQueue: TASK_QUEUES.messages,
    args: [input],
  });
  return {
    id,
    handle,
    row: () => t.db('messages').where({ id }).first('status', 'failure_reason', 'scheduled_at', 'finalized_at'),
    usage: () => t.db('usage_records').where({ message_id: id }),
    suspendContract: async () => {
      state = apply(state, { type: 'suspend', reason: 'unpaid_fees' }, await env.currentTimeMs());
      await saveContractSnapshot(t.db, state, []);
    },
  };
}

const refusal = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
  return ((err as WorkflowUpdateFailedError).cause as { details?: { code: string }[] }).details?.[0]?.code;
};

describe('scheduled sends (SPEC §4)', () => {
  it('keeps a message scheduled a year ahead waiting; cancelled at day 364 it is never sent nor billed, and the merchant hears message.cancelled', async () => {
    const m = await scheduleSms(365 * DAY);
    expect((await m.row()).status).toBe('scheduled');

    await env.sleep(364 * DAY);
    expect(fake.sends).toEqual([]);
    expect(await m.row()).toMatchObject({ status: 'scheduled', finalized_at: null });

    expect(await m.handle.executeUpdate(cancelScheduledUpdate)).toEqual({ status: 'cancelled' });
    // Recorded before the cancel is answered.
    expect(await m.row()).toMatchObject({ status: 'cancelled', failure_reason: null, finalized_at: expect.any(Date) });
    expect(await m.handle.result()).toEqual({ status: 'cancelled', deliveredVia: null, failureReason: null });

    await env.sleep(2 * DAY);
    expect(fake.sends).toEqual([]);
    expect(await m.usage()).toEqual([]);
    await eventuallyPasses(async () =>
      expect(webhooks.events).toContainEqual(
        expect.objectContaining({ type: 'message.cancelled', data: expect.objectContaining({ id: m.id }) }),
      ),
    );
    // Cancelled is final: neither a second cancel nor a reschedule changes it.
    await expect(m.handle.executeUpdate(cancelScheduledUpdate)).rejects.toThrow();
  });

  it('moves a message scheduled a year ahead to an hour from day 10: it goes out then, not before, and can no longer be moved', async () => {
    const m = await scheduleSms(365 * DAY);
    await env.sleep(10 * DAY);
    const newTime = new Date((await env.currentTimeMs()) + HOUR).toISOString();
    expect(
      await m.handle.executeUpdate(rescheduleUpdate, {
        args: [{ scheduledAt: newTime, heldUntil: null, startsAt: newTime }],
      }),
    ).toEqual({ status: 'scheduled' });
    expect((await m.row()).scheduled_at?.toISOString()).toBe(newTime);

    await env.sleep(59 * MINUTE);
    expect(fake.sends).toEqual([]);
    await env.sleep(2 * MINUTE);
    const sms = await fake.waitForSend((s) => s.idempotencyKey === idempotencyKeyFor(m.id, 'sms'));
    expect(sms.message).toMatchObject({ type: 'sms', to: '01012345678', text: '[바른상점] 예약 안내' });

    // It has started: moving or cancelling it is refused.
    expect(
      await refusal(
        m.handle.executeUpdate(rescheduleUpdate, {
          args: [{ scheduledAt: newTime, heldUntil: null, startsAt: newTime }],
        }),
      ),
    ).toBe('message_not_scheduled');
    expect(await refusal(m.handle.executeUpdate(cancelScheduledUpdate))).toBe('message_not_scheduled');

    await m.handle.signal(providerReportSignal, {
      provider: sms.provider,
      providerMessageId: sms.providerMessageId,
      idempotencyKey: sms.idempotencyKey,
      status: 'delivered',
      resultCode: null,
      reportedAt: null,
    });
    expect(await m.handle.result()).toEqual({ status: 'delivered', deliveredVia: 'sms', failureReason: null });
    expect(await m.usage()).toHaveLength(1);
  });

  it('fails a scheduled message with the gate’s reason when its contract was suspended in the meantime', async () => {
    const m = await scheduleSms(30 * DAY);
    await env.sleep(DAY);
    await m.suspendContract();

    expect(await m.handle.result()).toEqual({
      status: 'failed',
      deliveredVia: null,
      failureReason: 'contract_suspended',
    });
    expect(fake.sends).toEqual([]);
    expect(await m.row()).toMatchObject({ status: 'failed', failure_reason: 'contract_suspended' });
    expect(await m.usage()).toEqual([]);
    // It failed at its time, not when the contract was suspended.
    const { finalized_at } = await m.row();
    expect(+finalized_at! - +(await m.row()).scheduled_at!).toBeGreaterThanOrEqual(0);
  });
});
