/**
 * The `billing-monthly` Temporal Schedule (SPEC §5, §7): at 00:10 Asia/Seoul on the 1st of every
 * month it starts a BillingRunWorkflow for the month before. On a real dev server — the
 * time-skipping server has no Schedules — with the real workers and PostgreSQL.
 */
import type { ScheduleHandle } from '@temporalio/client';
import { kstDate } from '../../domain/calendar-kst';
import { previousPeriod } from '../../domain/invoice';
import { BILLING_SCHEDULE_ID, ensureBillingSchedule } from '../../platform/billing-schedule';
import { newId } from '../../platform/ids';
import { insertMessages } from '../../store/messages';
import { InvoicePeriod } from '../../workflows/search-attributes';
import { TASK_QUEUES } from '../../workflows/task-queues';
import { messageRow, seedApplication, seedMerchant } from '../support/fixtures';
import { workflowTestFileWithServer } from '../support/workflow-tests';

let schedule: ScheduleHandle;
const t = workflowTestFileWithServer({
  devServer: true,
  beforeTeardown: async () => schedule?.delete().catch(() => undefined),
});

/** The month before the current one in Korea: what a run on the 1st (KST) bills. */
function lastMonthKst(): string {
  const [y, m] = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 7).split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

describe('the billing-monthly schedule', () => {
  it('is created at 00:10 on the 1st of every month, Asia/Seoul, starting a BillingRunWorkflow on the billing task queue', async () => {
    expect(await ensureBillingSchedule(t.env.client)).toBe('created');
    schedule = t.env.client.schedule.getHandle(BILLING_SCHEDULE_ID);
    const d = await schedule.describe();
    expect(d.spec.timezone).toBe('Asia/Seoul');
    expect(d.spec.calendars).toHaveLength(1);
    expect(d.spec.calendars![0]).toMatchObject({
      dayOfMonth: [{ start: 1, end: 1, step: 1 }],
      hour: [{ start: 0, end: 0, step: 1 }],
      minute: [{ start: 10, end: 10, step: 1 }],
      second: [{ start: 0, end: 0, step: 1 }],
    });
    expect(d.action).toMatchObject({
      type: 'startWorkflow',
      workflowType: 'BillingRunWorkflow',
      taskQueue: TASK_QUEUES.billing,
      args: [{}],
    });
    // No period in the arguments: each run bills the month before the one it runs in.
    expect((d.action as { args: unknown[] }).args[0]).not.toHaveProperty('period');
    expect(d.state.paused).toBe(false);
    // The next run is on a 1st at 00:10 KST.
    const next = d.info.nextActionTimes[0];
    expect(new Date(next.getTime() + 9 * 3_600_000).toISOString().slice(8, 16)).toBe('01T00:10');
  });

  it('ensuring it again updates it in place rather than failing (every worker start does this)', async () => {
    expect(await ensureBillingSchedule(t.env.client)).toBe('updated');
    const d = await schedule.describe();
    expect(d.action).toMatchObject({ workflowType: 'BillingRunWorkflow', args: [{}] });
    expect(d.spec.calendars).toHaveLength(1);
    expect(d.spec.timezone).toBe('Asia/Seoul');
  });

  it('triggered now, it runs a BillingRunWorkflow that bills last month (KST) and starts that month’s invoices', async () => {
    // A contract with a delivered message last month, so the run has something to start.
    const period = lastMonthKst();
    expect(period).toBe(previousPeriod(kstDate(new Date())));
    const merchant = await seedMerchant(t.db);
    const app = await seedApplication(t.db, merchant.merchant.id);
    const messageId = newId('msg');
    const at = `${period}-15T12:00:00+09:00`;
    await insertMessages(t.db, [
      messageRow({
        id: messageId,
        merchantId: merchant.merchant.id,
        contractId: app.id,
        type: 'sms',
        recipient: '01012345678',
        senderNumber: '0223456789',
        text: '배송 안내',
        createdAt: at,
      }),
    ]);
    await t.db('usage_records').insert({
      message_id: messageId,
      merchant_id: merchant.merchant.id,
      contract_id: app.id,
      usage_type: 'sms',
      channel: 'sms',
      period,
      delivered_at: at,
    });

    await schedule.trigger();
    const workflowId = await poll(
      async () => (await schedule.describe()).info.recentActions[0]?.action.workflow.workflowId,
      'the triggered run',
    );
    expect(workflowId).toMatch(/^billing-run-monthly/);
    const handle = t.env.client.workflow.getHandle(workflowId);
    expect((await handle.describe()).type).toBe('BillingRunWorkflow');
    const result = await handle.result();
    expect(result).toEqual({ period, started: [app.id], alreadyInvoiced: [] });

    // The invoice it started is tagged so operators can filter invoices by month in the Web UI.
    const invoice = await t.env.client.workflow.getHandle(`invoice-${app.id}-${period}`).describe();
    expect(invoice.type).toBe('InvoiceWorkflow');
    expect(invoice.typedSearchAttributes.get(InvoicePeriod)).toBe(period);
  });
});

async function poll<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
