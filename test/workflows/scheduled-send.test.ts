/**
 * Scheduled sends (예약발송, SPEC §4) on the time-skipping server: real PostgreSQL, real activities,
 * fake providers. A message scheduled a year ahead waits on a durable timer that a cancel or a
 * reschedule interrupts; the sending gate is checked again when its time comes.
 */
import type { WorkflowHandle } from '@temporalio/client';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { idempotencyKeyFor } from '../../domain/provider-keys';
import { MessageWorkflow, providerReportSignal } from '../../workflows/message';
import { cancelScheduledUpdate, rescheduleUpdate } from '../../workflows/scheduled-send';
import { seedActiveContract } from '../support/fixtures';
import { eventuallyPasses } from '../support/wait';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhooks';
import { seedAcceptedMessage, serverPerTest, workflowTestFile } from '../support/workflow-tests';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const t = workflowTestFile();
const server = serverPerTest(t);
let webhooks: WebhookReceiver<{ type: string; data: { id: string; status: string } }>;

beforeAll(async () => {
  webhooks = await startWebhookReceiver();
});

afterAll(async () => {
  await webhooks?.close();
});

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
  const now = await server.env.currentTimeMs();
  const { merchant, app, suspend } = await seedActiveContract(t.db, now, { verifySenderNumber: true });
  await t.db('merchants').where({ id: merchant.id }).update({ webhook_url: webhooks.url });

  const scheduledAt = new Date(now + inMs).toISOString();
  const { id, handle } = await seedAcceptedMessage(
    server.env,
    t.db,
    {
      merchantId: merchant.id,
      contractId: app.id,
      senderNumber: '0223456789',
      type: 'sms',
      recipient: '01012345678',
      text: '[바른상점] 예약 안내',
      createdAt: new Date(now).toISOString(),
      scheduledAt,
    },
    { merchantHasWebhook: true },
  );
  return {
    id,
    handle,
    row: () => t.db('messages').where({ id }).first('status', 'failure_reason', 'scheduled_at', 'finalized_at'),
    usage: () => t.db('usage_records').where({ message_id: id }),
    suspendContract: async () => suspend('unpaid_fees', await server.env.currentTimeMs()),
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

    await server.env.sleep(364 * DAY);
    expect(server.fake.sends).toEqual([]);
    expect(await m.row()).toMatchObject({ status: 'scheduled', finalized_at: null });

    expect(await m.handle.executeUpdate(cancelScheduledUpdate)).toEqual({ status: 'cancelled' });
    // Recorded before the cancel is answered.
    expect(await m.row()).toMatchObject({ status: 'cancelled', failure_reason: null, finalized_at: expect.any(Date) });
    expect(await m.handle.result()).toEqual({ status: 'cancelled', deliveredVia: null, failureReason: null });

    await server.env.sleep(2 * DAY);
    expect(server.fake.sends).toEqual([]);
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
    await server.env.sleep(10 * DAY);
    const newTime = new Date((await server.env.currentTimeMs()) + HOUR).toISOString();
    expect(
      await m.handle.executeUpdate(rescheduleUpdate, {
        args: [{ scheduledAt: newTime, heldUntil: null, startsAt: newTime }],
      }),
    ).toEqual({ status: 'scheduled' });
    expect((await m.row()).scheduled_at?.toISOString()).toBe(newTime);

    await server.env.sleep(59 * MINUTE);
    expect(server.fake.sends).toEqual([]);
    await server.env.sleep(2 * MINUTE);
    const sms = await server.fake.waitForSend((s) => s.idempotencyKey === idempotencyKeyFor(m.id, 'sms'));
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
    await server.env.sleep(DAY);
    await m.suspendContract();

    expect(await m.handle.result()).toEqual({
      status: 'failed',
      deliveredVia: null,
      failureReason: 'contract_suspended',
    });
    expect(server.fake.sends).toEqual([]);
    expect(await m.row()).toMatchObject({ status: 'failed', failure_reason: 'contract_suspended' });
    expect(await m.usage()).toEqual([]);
    // It failed at its time, not when the contract was suspended.
    const { finalized_at } = await m.row();
    expect(+finalized_at! - +(await m.row()).scheduled_at!).toBeGreaterThanOrEqual(0);
  });
});
