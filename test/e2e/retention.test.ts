/**
 * Retention (Art. 5.6): the `retention-daily` Temporal Schedule runs a RetentionWorkflow every night
 * that destroys the contents and recipients of messages final for longer than MESSAGE_RETENTION;
 * usage records, invoices and message metadata stay. On a real dev server (Schedules), with the real
 * workers and PostgreSQL.
 */
import type { ScheduleHandle } from '@temporalio/client';
import { newId } from '../../platform/ids';
import { ensureRetentionSchedule, RETENTION_SCHEDULE_ID } from '../../platform/retention-schedule';
import { insertMessages } from '../../store/messages';
import { RetentionWorkflow } from '../../workflows/retention';
import { TASK_QUEUES } from '../../workflows/task-queues';
import { seedApplication, seedMerchant } from '../support/fixtures';
import { eventually } from '../support/wait';
import { workflowTestFileWithServer } from '../support/workflow-tests';

const DAY = 86_400_000;
const RETENTION = { messageRetentionMs: 180 * DAY, proofDocumentRetentionMs: 365 * DAY };

let schedule: ScheduleHandle;
const t = workflowTestFileWithServer({
  devServer: true,
  beforeTeardown: async () => schedule?.delete().catch(() => undefined),
});

/** A delivered SMS, final `daysAgo` days ago, with its usage record. */
async function deliveredMessage(merchantId: string, contractId: string, daysAgo: number, text: string) {
  const id = newId('msg');
  const at = new Date(Date.now() - daysAgo * DAY).toISOString();
  await insertMessages(t.db, [
    {
      id,
      merchantId,
      contractId,
      type: 'sms',
      recipient: '01012345678',
      recipientMasked: '010-****-5678',
      senderNumber: '0223456789',
      text,
      subject: null,
      templateCode: null,
      variables: null,
      imageId: null,
      fallback: { channel: 'sms', text },
      reference: 'order-1',
      paymentNoticeId: null,
      idempotencyKey: `key-${id}`,
      requestHash: 'f'.repeat(64),
      notBefore: null,
      createdAt: at,
    },
  ]);
  await t.db('messages').where({ id }).update({ status: 'delivered', delivered_via: 'sms', finalized_at: at });
  await t.db('usage_records').insert({
    message_id: id,
    merchant_id: merchantId,
    contract_id: contractId,
    usage_type: 'sms',
    channel: 'sms',
    period: at.slice(0, 7),
    delivered_at: at,
  });
  return id;
}

const messageRow = (id: string) =>
  t.db('messages').where({ id }).first('recipient', 'text', 'fallback', 'reference', 'status', 'recipient_masked');

describe('the retention-daily schedule', () => {
  it('is created at 03:30 every day, Asia/Seoul, with the retention periods, and updated in place after', async () => {
    expect(await ensureRetentionSchedule(t.env.client, RETENTION)).toBe('created');
    schedule = t.env.client.schedule.getHandle(RETENTION_SCHEDULE_ID);
    const d = await schedule.describe();
    expect(d.spec.timezone).toBe('Asia/Seoul');
    expect(d.spec.calendars![0]).toMatchObject({
      hour: [{ start: 3, end: 3, step: 1 }],
      minute: [{ start: 30, end: 30, step: 1 }],
    });
    expect(d.action).toMatchObject({ type: 'startWorkflow', workflowType: 'RetentionWorkflow', args: [RETENTION] });
    expect(new Date(d.info.nextActionTimes[0].getTime() + 9 * 3_600_000).toISOString().slice(11, 16)).toBe('03:30');
    expect(await ensureRetentionSchedule(t.env.client, RETENTION)).toBe('updated');
  });

  it('triggered, destroys the contents and recipients of messages final for more than 180 days; usage and metadata stay', async () => {
    const { merchant } = await seedMerchant(t.db);
    const app = await seedApplication(t.db, merchant.id);
    const old = await deliveredMessage(merchant.id, app.id, 181, '작년 가을 배송 안내');
    const recent = await deliveredMessage(merchant.id, app.id, 179, '지난 봄 배송 안내');

    await schedule.trigger();
    const workflowId = await eventually(
      async () => (await schedule.describe()).info.recentActions[0]?.action.workflow.workflowId,
      15_000,
      'the triggered run',
    );
    const report = await t.env.client.workflow.getHandle(workflowId).result();
    expect(report).toMatchObject({ messages: 1, proofDocuments: 0 });

    expect(await messageRow(old)).toEqual({
      recipient: null,
      text: null,
      fallback: null,
      reference: null,
      status: 'delivered',
      recipient_masked: '010-****-5678',
    });
    expect(await messageRow(recent)).toMatchObject({ recipient: '01012345678', text: '지난 봄 배송 안내' });
    expect(await t.db('usage_records').whereIn('message_id', [old, recent]).count('* as n')).toEqual([{ n: 2 }]);
    const audit = await t
      .db('audit_log')
      .where({ action: 'personal_data.retention_expired' })
      .orderBy('id', 'desc')
      .first();
    expect(audit.details).toMatchObject({ messages: 1, messageRetentionMs: RETENTION.messageRetentionMs });
  });

  it('keeps everything with MESSAGE_RETENTION=0', async () => {
    const { merchant } = await seedMerchant(t.db);
    const app = await seedApplication(t.db, merchant.id);
    const ancient = await deliveredMessage(merchant.id, app.id, 3_000, '아주 오래된 안내');
    const report = await t.env.client.workflow.execute(RetentionWorkflow, {
      workflowId: `retention-keep-${Date.now()}`,
      taskQueue: TASK_QUEUES.contracts,
      args: [{ messageRetentionMs: 0, proofDocumentRetentionMs: 0 }],
    });
    expect(report).toEqual({ messages: 0, paymentEvents: 0, proofDocuments: 0 });
    expect(await messageRow(ancient)).toMatchObject({ text: '아주 오래된 안내' });
  });
});
