/**
 * MerchantChangeWorkflow on the time-skipping server: a noticed business-information change takes
 * effect 10 days later by itself (Art. 4.1.3), earlier when an operator applies it, never when a
 * later notice replaced it.
 */
import type { PendingChange } from '../../domain/merchant-change';
import { newId } from '../../platform/ids';
import { findMerchant, savePendingChange } from '../../store/merchants';
import { merchantChangeWorkflowId } from '../../workflows/ids';
import { applyNowUpdate, MerchantChangeWorkflow } from '../../workflows/merchant-change';
import { TASK_QUEUES } from '../../workflows/task-queues';
import { seedMerchant } from '../support/fixtures';
import { workflowTestFileWithServer } from '../support/workflow-tests';

const DAY = 86_400_000;

const t = workflowTestFileWithServer();

async function notice(fields: PendingChange['fields']) {
  const { merchant } = await seedMerchant(t.db);
  const now = await t.env.currentTimeMs();
  const change: PendingChange = {
    id: newId('chg'),
    fields,
    noticedAt: new Date(now).toISOString(),
    effectiveAt: new Date(now + 10 * DAY).toISOString(),
  };
  await savePendingChange(t.db, merchant.id, change);
  const handle = await t.env.client.workflow.start(MerchantChangeWorkflow, {
    workflowId: merchantChangeWorkflowId(change.id),
    taskQueue: TASK_QUEUES.contracts,
    args: [{ merchantId: merchant.id, changeId: change.id, effectiveAt: change.effectiveAt }],
  });
  return { merchantId: merchant.id, change, handle };
}

const audit = (merchantId: string) =>
  t
    .db('audit_log')
    .where({ merchant_id: merchantId, action: 'merchant.change_applied' })
    .select('actor_type', 'details');

describe('MerchantChangeWorkflow', () => {
  it('applies the change by itself 10 days after the notice, not before', async () => {
    const c = await notice({ address: '서울특별시 종로구 세종대로 1', representative: '김철수' });
    await t.env.sleep(9 * DAY);
    expect(await findMerchant(t.db, c.merchantId)).toMatchObject({ representative: '홍길동', pendingChange: c.change });
    await t.env.sleep(DAY + 60_000);
    expect(await c.handle.result()).toBe('applied');
    expect(await findMerchant(t.db, c.merchantId)).toMatchObject({
      address: '서울특별시 종로구 세종대로 1',
      representative: '김철수',
      pendingChange: null,
    });
    expect(await audit(c.merchantId)).toEqual([
      {
        actor_type: 'system',
        details: expect.objectContaining({ fields: ['address', 'representative'], early: false }),
      },
    ]);
  });

  it('applies it at once when an operator asks, audited as the operator', async () => {
    const c = await notice({ name: '바른상사' });
    const outcome = await c.handle.executeUpdate(applyNowUpdate, {
      args: [{ actor: { type: 'operator', id: 'operator' } }],
    });
    expect(outcome).toBe('applied');
    expect((await findMerchant(t.db, c.merchantId))?.name).toBe('바른상사');
    expect(await audit(c.merchantId)).toEqual([
      { actor_type: 'operator', details: expect.objectContaining({ fields: ['name'], early: true }) },
    ]);
  });

  it('leaves a change alone that a later notice replaced', async () => {
    const c = await notice({ name: '바른상사' });
    await savePendingChange(t.db, c.merchantId, { ...c.change, id: newId('chg'), fields: { name: '바른마트' } });
    await t.env.sleep(10 * DAY + 60_000);
    expect(await c.handle.result()).toBe('superseded');
    expect((await findMerchant(t.db, c.merchantId))?.name).toBe('바른상점');
    expect(await audit(c.merchantId)).toEqual([]);
  });
});
