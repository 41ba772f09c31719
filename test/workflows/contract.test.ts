/**
 * ContractWorkflow on the time-skipping server: years of terms, three-month clocks and one-month
 * notices pass in seconds, against a real PostgreSQL projection.
 */
import { WorkflowNotFoundError } from '@temporalio/common';
import type { Actor } from '../../domain/actor';
import type { ContractState } from '../../domain/contract';
import {
  ContractWorkflow,
  contractStateQuery,
  contractUpdate,
  type ContractAction,
  type ContractRequest,
} from '../../workflows/contract';
import { TASK_QUEUES } from '../../workflows/task-queues';
import { FEES, seedApplication, seedMerchant } from '../support/fixtures';
import { historyText } from '../support/temporal';
import { eventually } from '../support/wait';
import { workflowTestFileWithServer } from '../support/workflow-tests';

const DAY = 86_400_000;
const OPERATOR: Actor = { type: 'operator', id: 'operator' };

const t = workflowTestFileWithServer();

async function startContract() {
  const merchant = await seedMerchant(t.db);
  const app = await seedApplication(t.db, merchant.merchant.id, undefined, new Date(await t.env.currentTimeMs()));
  const handle = await t.env.client.workflow.start(ContractWorkflow, {
    workflowId: `contract-${app.id}`,
    taskQueue: TASK_QUEUES.contracts,
    args: [{ application: app }],
  });
  const act = <T extends ContractAction>(action: T, command: ContractRequest<T>['command'], actor: Actor = OPERATOR) =>
    handle.executeUpdate(contractUpdate(action), { args: [{ actor, command } as ContractRequest<T>] });
  /** The same action taken by the merchant itself. */
  const merchantActs = <T extends ContractAction>(action: T, command: ContractRequest<T>['command']) =>
    act(action, command, { type: 'merchant', id: merchant.merchant.id });
  const state = () => handle.query(contractStateQuery);
  const row = () => t.db('contracts').where({ id: app.id }).first();
  return { app, handle, act, merchantActs, state, row };
}

const contractRow = (id: string) => t.db('contracts').where({ id }).first();

async function sleepUntil(at: string | number) {
  const ms = (typeof at === 'string' ? Date.parse(at) : at) - (await t.env.currentTimeMs());
  if (ms > 0) await t.env.sleep(ms);
}

describe('ContractWorkflow', () => {
  it('renews automatically every year: three renewals, each ending on the anniversary', async () => {
    const c = await startContract();
    const approved = await c.act('approve', { type: 'approve', fees: FEES });
    expect(approved.status).toBe('active');
    const first = approved.term!;
    expect(Date.parse(first.end) - Date.parse(first.start)).toBeGreaterThanOrEqual(365 * DAY);

    await sleepUntil(Date.parse(first.end) + 3 * 366 * DAY - 10 * DAY);
    const s: ContractState = await c.state();
    expect(s.status).toBe('active');
    expect(s.term!.number).toBe(4);
    expect(s.term!.start.slice(5, 10)).toBe(first.start.slice(5, 10));
    const events = await t.db('contract_events').where({ contract_id: c.app.id, action: 'renewed' }).orderBy('seq');
    expect(events.map((e) => e.details.term)).toEqual([2, 3, 4]);
    expect((await c.row()).term_number).toBe(4);
  });

  it('expires at the end of the term when non-renewal is given 31 days before it', async () => {
    const c = await startContract();
    const { term } = await c.act('approve', { type: 'approve', fees: FEES });
    await sleepUntil(Date.parse(term!.end) - 31 * DAY);
    const noticed = await c.merchantActs('request_non_renewal', { type: 'request_non_renewal' });
    expect(noticed.nonRenewal!.termEnd).toBe(term!.end);

    await sleepUntil(Date.parse(term!.end) + DAY);
    expect(await c.handle.result()).toMatchObject({ status: 'expired', expiredAt: term!.end });
    expect((await c.row()).status).toBe('expired');
  });

  it('applies non-renewal given 29 days before the end to the following term', async () => {
    const c = await startContract();
    const { term } = await c.act('approve', { type: 'approve', fees: FEES });
    await sleepUntil(Date.parse(term!.end) - 29 * DAY);
    const noticed = await c.merchantActs('request_non_renewal', { type: 'request_non_renewal' });
    expect(Date.parse(noticed.nonRenewal!.termEnd)).toBeGreaterThan(Date.parse(term!.end) + 364 * DAY);
    const event = await t.db('contract_events').where({ contract_id: c.app.id, action: 'non_renewal_noticed' }).first();
    expect(event.details.appliesTo).toBe('following_term');

    await sleepUntil(Date.parse(term!.end) + DAY);
    expect(await c.state()).toMatchObject({ status: 'active', term: { number: 2 } });
    await sleepUntil(Date.parse(noticed.nonRenewal!.termEnd) + DAY);
    expect((await c.row()).status).toBe('expired');
  });

  it('terminates three months after a suspension notice without objection, and purges personal data', async () => {
    const c = await startContract();
    await c.act('approve', { type: 'approve', fees: FEES });
    const suspended = await c.act('suspend', { type: 'suspend', reason: 'policy' });
    expect(suspended.suspension!.terminationAt).not.toBeNull();

    await sleepUntil(Date.parse(suspended.suspension!.terminationAt!) - DAY);
    expect((await c.state()).status).toBe('suspended');
    await sleepUntil(Date.parse(suspended.suspension!.terminationAt!) + DAY);
    const final = await c.handle.result();
    expect(final).toMatchObject({ status: 'terminated', termination: { cause: 'no_objection_after_suspension' } });

    const row = await c.row();
    expect(row.receiver_numbers).toEqual([]);
    expect(row.personal_data_purged_at).not.toBeNull();
    const audit = await t.db('audit_log').where({ subject_id: c.app.id, action: 'personal_data.purged' }).first();
    expect(audit.details).toMatchObject({ reason: 'terminated', receiverNumbers: 2 });
  });

  it('stops the termination clock when the merchant objects, until an operator decides', async () => {
    const c = await startContract();
    await c.act('approve', { type: 'approve', fees: FEES });
    const suspended = await c.act('suspend', { type: 'suspend', reason: 'unpaid_fees' });
    await t.env.sleep(30 * DAY);
    const objected = await c.merchantActs('object', { type: 'object', text: '이미 입금했습니다' });
    expect(objected.suspension).toMatchObject({ terminationAt: null, objection: { text: '이미 입금했습니다' } });

    await sleepUntil(Date.parse(suspended.suspension!.terminationAt!) + 30 * DAY);
    expect((await c.state()).status).toBe('suspended');
    expect((await c.act('resume', { type: 'resume' })).status).toBe('active');
  });

  it('terminates for business reasons one month after notice (Art. 13.5)', async () => {
    const c = await startContract();
    await c.act('approve', { type: 'approve', fees: FEES });
    const noticed = await c.act('terminate', { type: 'terminate', cause: 'business_reasons' });
    expect(noticed.status).toBe('active');
    const effectiveAt = Date.parse(noticed.pendingTermination!.effectiveAt);
    expect(effectiveAt - (await t.env.currentTimeMs())).toBeGreaterThanOrEqual(28 * DAY);

    await sleepUntil(effectiveAt - DAY);
    expect((await c.state()).status).toBe('active');
    await sleepUntil(effectiveAt + DAY);
    expect(await c.handle.result()).toMatchObject({ status: 'terminated', termination: { cause: 'business_reasons' } });
  });

  it('refuses invalid transitions and records nothing', async () => {
    const c = await startContract();
    await expect(c.act('resume', { type: 'resume' })).rejects.toMatchObject({
      cause: {
        message: 'cannot resume a contract that is applied',
        // The code alone: the API answers it with 409 (api/rule-status.ts, test/e2e/contracts.test.ts).
        details: [{ code: 'invalid_transition' }],
      },
    });
    await c.act('reject', { type: 'reject', reason: 'missing_or_false_documents', note: '증명서 누락' });
    // A rejected contract's workflow has completed: nothing can reach it any more.
    await expect(c.act('approve', { type: 'approve', fees: FEES })).rejects.toThrow(WorkflowNotFoundError);
    const events = await t.db('contract_events').where({ contract_id: c.app.id }).orderBy('seq').pluck('action');
    expect(events).toEqual(['applied', 'rejected']);
    expect((await c.row()).review).toMatchObject({
      decision: 'rejected',
      reason: 'missing_or_false_documents',
      note: '증명서 누락',
    });
  });

  it('a run started by earlier code with phone numbers in its input continues as new with ids only (Art. 10.2)', async () => {
    const merchant = await seedMerchant(t.db);
    const app = await seedApplication(t.db, merchant.merchant.id, undefined, new Date(await t.env.currentTimeMs()));
    const legacy = {
      ...app,
      receiverNumbers: ['01011112222', '01033334444'],
      senderNumbers: app.senderNumbers.map((n) => ({ ...n, number: '0223456789' })),
    };
    const handle = await t.env.client.workflow.start(ContractWorkflow, {
      workflowId: `contract-${app.id}`,
      taskQueue: TASK_QUEUES.contracts,
      args: [{ application: legacy }],
    });
    const firstRun = handle.workflowId;
    const approved = await handle.executeUpdate(contractUpdate('approve'), {
      args: [{ actor: OPERATOR, command: { type: 'approve', fees: FEES } }],
    });
    expect(approved.status).toBe('active');
    // The first run continues as new once the Update is answered.
    const current = await eventually(async () => {
      const d = await t.env.client.workflow.getHandle(firstRun).describe();
      return d.runId !== handle.firstExecutionRunId && d.status.name === 'RUNNING' ? d : undefined;
    });
    const history = historyText(await t.env.client.workflow.getHandle(firstRun, current.runId).fetchHistory());
    expect(history).toContain(app.id);
    // The run of earlier code holds them (the search finds them there); the run it continued as does not.
    const earlier = historyText(
      await t.env.client.workflow.getHandle(firstRun, handle.firstExecutionRunId).fetchHistory(),
    );
    expect(earlier).toContain('01011112222');
    expect(history).not.toContain('01011112222');
    expect(history).not.toContain('0223456789');
    expect(await handle.query(contractStateQuery)).toMatchObject({ status: 'active' });
    expect((await contractRow(app.id)).receiver_numbers).toEqual(['01011112222', '01033334444']);
  });
});
