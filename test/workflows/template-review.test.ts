/**
 * TemplateReviewWorkflow on the time-skipping server (SPEC §2, §7): Kakao's review of each template
 * version (a fake that the test decides), the version messages are sent from, and the merchant's
 * signed `template.approved` / `template.rejected` webhook.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { TemplateReviews, TemplateReviewStatus } from '../../activities/providers/types';
import type { Actor } from '../../domain/actor';
import { decide, newContract } from '../../domain/contract';
import type { TemplateButton } from '../../domain/template';
import { verify } from '../../platform/signature';
import { saveContractSnapshot } from '../../store/contracts';
import { findTemplate, insertTemplate } from '../../store/messages';
import { reviseTemplate, sendableTemplate } from '../../store/templates';
import { bundleWorkflows } from '../../workers/worker';
import { templateReviewWorkflowId } from '../../workflows/ids';
import { TASK_QUEUES } from '../../workflows/task-queues';
import { TemplateReviewWorkflow } from '../../workflows/template-review';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { FakeProviders, startWorkersWithProviders } from '../support/fake-providers';
import { FEES, seedApplication, seedMerchant } from '../support/fixtures';
import { timeSkippingEnv } from '../support/temporal';

const OPERATOR: Actor = { type: 'operator', id: 'operator' };
const BUTTON: TemplateButton = { type: 'WL', name: '주문 조회', urlMobile: 'https://shop.example.com/orders' };

let bundle: WorkflowBundleWithSourceMap;
let t: TestDatabase;
let env: TestWorkflowEnvironment;
let workers: { stop(): Promise<void> };
let hook: Server;
let hookUrl: string;
const webhooks: { body: string; signature: string }[] = [];
/** What Kakao answers for each code and the submissions it got. */
const decisions = new Map<string, { status: TemplateReviewStatus; reason: string | null }>();
const submitted: Parameters<TemplateReviews['submit']>[0][] = [];
const reviews: TemplateReviews = {
  submit: async (s) => {
    submitted.push(s);
    return { status: 'requested', reason: null };
  },
  status: async (_senderKey, code) => decisions.get(code) ?? { status: 'requested', reason: null },
};

beforeAll(async () => {
  [bundle, t] = await Promise.all([bundleWorkflows(), createTestDatabase()]);
  hook = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      webhooks.push({ body, signature: String(req.headers['bizmsg-signature']) });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/events`;
  env = await timeSkippingEnv();
  workers = await startWorkersWithProviders(env, bundle, t.db, new FakeProviders(), reviews);
});

afterAll(async () => {
  await workers?.stop();
  await env?.teardown();
  hook?.closeAllConnections();
  await new Promise((resolve) => hook?.close(resolve));
  await t?.drop();
});

/** A merchant with a webhook and a contract whose Kakao search ID is its sender profile; one template, version 1. */
async function merchantWithTemplate(code: string) {
  const now = await env.currentTimeMs();
  const { merchant, webhookSecret } = await seedMerchant(t.db);
  await t.db('merchants').where({ id: merchant.id }).update({ webhook_url: hookUrl });
  const app = await seedApplication(t.db, merchant.id, undefined, new Date(now));
  const approved = decide(newContract(app), { type: 'approve', fees: FEES }, OPERATOR, now);
  if (!approved.ok) throw new Error(approved.violation.message);
  await saveContractSnapshot(t.db, approved.state, []);
  const template = { merchantId: merchant.id, code, variables: ['name'] };
  await insertTemplate(t.db, { ...template, text: '#{name}님, 주문이 접수되었습니다.', buttons: [BUTTON] });
  const review = (version: number) =>
    env.client.workflow.start(TemplateReviewWorkflow, {
      workflowId: `${templateReviewWorkflowId(merchant.id, code)}-v${version}`,
      taskQueue: TASK_QUEUES.messages,
      args: [{ merchantId: merchant.id, code, version }],
    });
  return {
    merchantId: merchant.id,
    webhookSecret,
    review,
    edit: (text: string) => reviseTemplate(t.db, { ...template, text, buttons: [] }),
    row: async () => (await findTemplate(t.db, merchant.id, code))!,
  };
}

const eventsFor = (code: string) =>
  webhooks.map((w) => ({ ...w, event: JSON.parse(w.body) })).filter((w) => w.event.data.code === code);

describe('TemplateReviewWorkflow', () => {
  it('submits text and buttons under the contract’s sender profile; a rejection reaches the merchant with its reason', async () => {
    const m = await merchantWithTemplate('REJECT_ME');
    decisions.set('REJECT_ME', { status: 'rejected', reason: '변수 사용이 과도합니다' });
    expect(await (await m.review(1)).result()).toBe('rejected');

    expect(submitted.find((s) => s.code === 'REJECT_ME')).toEqual({
      senderKey: '@barun',
      code: 'REJECT_ME',
      text: '#{name}님, 주문이 접수되었습니다.',
      buttons: [BUTTON],
    });
    expect(await m.row()).toMatchObject({ status: 'rejected', rejection_reason: '변수 사용이 과도합니다' });
    expect(sendableTemplate(await m.row()).approved).toBeNull();
    const [w] = eventsFor('REJECT_ME');
    expect(w.event).toMatchObject({
      id: `whk_tpl_${m.merchantId}_REJECT_ME_v1_rejected`,
      type: 'template.rejected',
      data: { code: 'REJECT_ME', version: 1, status: 'rejected', rejectionReason: '변수 사용이 과도합니다' },
    });
    expect(verify(m.webhookSecret, w.body, w.signature)).toEqual({ ok: true });
  });

  it('keeps sending the approved version while an edit is under review, and the edit once Kakao approves it', async () => {
    const m = await merchantWithTemplate('EDITED');
    decisions.set('EDITED', { status: 'approved', reason: null });
    expect(await (await m.review(1)).result()).toBe('approved');
    expect(sendableTemplate(await m.row()).approved).toEqual({
      text: '#{name}님, 주문이 접수되었습니다.',
      buttons: [BUTTON],
    });

    decisions.set('EDITED', { status: 'requested', reason: null });
    await m.edit('#{name}님, 주문하신 상품을 준비하고 있습니다.');
    const v2 = await m.review(2);
    await env.sleep(3_600_000);
    expect(await m.row()).toMatchObject({ version: 2, status: 'requested', approved_version: 1 });
    expect(sendableTemplate(await m.row()).approved?.text).toBe('#{name}님, 주문이 접수되었습니다.');

    decisions.set('EDITED', { status: 'approved', reason: null });
    expect(await v2.result()).toBe('approved');
    expect(sendableTemplate(await m.row()).approved).toEqual({
      text: '#{name}님, 주문하신 상품을 준비하고 있습니다.',
      buttons: [],
    });
    expect(eventsFor('EDITED').map((w) => [w.event.type, w.event.data.version])).toEqual([
      ['template.approved', 1],
      ['template.approved', 2],
    ]);
  });

  it('a decision on a version edited since changes nothing and tells nobody', async () => {
    const m = await merchantWithTemplate('STALE');
    decisions.set('STALE', { status: 'requested', reason: null });
    const v1 = await m.review(1);
    await env.sleep(60_000);
    await m.edit('#{name}님, 새 문구입니다.');
    decisions.set('STALE', { status: 'rejected', reason: 'old text' });
    expect(await v1.result()).toBe('rejected');
    expect(await m.row()).toMatchObject({ version: 2, status: 'requested', rejection_reason: null });
    expect(eventsFor('STALE')).toEqual([]);
  });
});
