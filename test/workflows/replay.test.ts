/**
 * Determinism: workflow histories replayed against the current workflow code.
 *
 * 1. Fresh histories: MessageWorkflows (9001: Kakao fails, SMS delivers; 9005: Kakao silent past
 *    the timeout, SMS delivers, Kakao succeeds late; issue 10's paths: no fallback and a late Kakao,
 *    a Kakao outage (9007), the gate refusing the fallback), a template review of an edit, a
 *    ContractWorkflow (apply → approve → suspend → resume) and an InvoiceWorkflow (issued at the
 *    month's end → paid in full → disputed → won → refunded → closed when the next month is over)
 *    run on the time-skipping server and
 *    replay without error.
 * 2. Committed fixtures (test/workflows/histories/*.json): histories recorded from earlier code,
 *    standing for workflows already running in production. A change to the workflows that such
 *    a run could not replay fails here — version it with `patched()` instead. `*-round1-*` were
 *    recorded from round-1 code: an invoice that waited RESULT_WINDOW and computed its dates in
 *    workflow code, and a contract resumed while an invoice was overdue (which then cleared it).
 *
 * Regenerate the fixtures only on purpose (it blesses the current code as the reference):
 *   UPDATE_HISTORY_FIXTURES=1 npx jest --runInBand test/workflows/replay.test.ts
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import type { History } from '@temporalio/common/lib/proto-utils';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import * as proto from '@temporalio/proto';
import { patchProtobufRoot } from '@temporalio/proto/lib/patch-protobuf-root';
import { Worker, type ReplayResult } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import type { TemplateReviews } from '../../activities/providers/types';
import type { ContractState } from '../../domain/contract';
import type { MessageOutcome } from '../../domain/delivery';
import type { Channel } from '../../domain/message';
import { idempotencyKeyFor } from '../../domain/provider-keys';
import { newId } from '../../platform/ids';
import { insertCampaign } from '../../store/campaigns';
import { finalizeMessage, insertMessages, insertTemplate } from '../../store/messages';
import { reviseTemplate } from '../../store/templates';
import { ContractWorkflow, contractUpdate, type ContractAction, type ContractRequest } from '../../workflows/contract';
import { CampaignWorkflow, campaignUpdate } from '../../workflows/campaign';
import {
  campaignWorkflowId,
  contractWorkflowId,
  invoiceWorkflowId,
  templateReviewWorkflowId,
} from '../../workflows/ids';
import { InvoiceWorkflow, invoiceQuery, invoiceUpdate } from '../../workflows/invoice';
import { providerReportSignal } from '../../workflows/message';
import { cancelScheduledUpdate, rescheduleUpdate } from '../../workflows/scheduled-send';
import { TASK_QUEUES } from '../../workflows/task-queues';
import { TemplateReviewWorkflow } from '../../workflows/template-review';
import type { FakeSend } from '../support/fake-providers';
import { FEES, messageRow, OPERATOR, seedActiveContract, seedApplication, seedMerchant } from '../support/fixtures';
import { eventuallyPasses } from '../support/wait';
import { seedAcceptedMessage, withServer, workflowTestFile, type TestServer } from '../support/workflow-tests';

const HISTORIES_DIR = path.join(__dirname, 'histories');

interface RecordedHistory {
  workflowId: string;
  history: History;
}

/**
 * Histories as proto JSON, the format of `temporal workflow show --output json` and of the SDK's
 * historyToJSON/historyFromJSON. Those two helpers fail in this install ("type must be a Type"):
 * @temporalio/common and @temporalio/proto each carry their own nested protobufjs copy (the top
 * level holds protobufjs 7), so common's protojson does not recognise proto's types. This does the
 * same conversion with the protobufjs copy @temporalio/proto was built with.
 */
interface ProtoJson {
  toJson(type: unknown, message: unknown): unknown;
  fromJson(type: unknown, json: unknown, options?: { ignoreUnknownFields?: boolean }): unknown;
}
const protojson = createRequire(require.resolve('@temporalio/proto'))('protobufjs/ext/protojson') as ProtoJson;
const historyType = (patchProtobufRoot(proto) as unknown as { lookupType(name: string): unknown }).lookupType(
  'temporal.api.history.v1.History',
);
const historyToJson = (history: History): string =>
  JSON.stringify(protojson.toJson(historyType, proto.temporal.api.history.v1.History.fromObject(history)), null, 2);
const historyFromJson = (json: unknown): History =>
  protojson.fromJson(historyType, json, { ignoreUnknownFields: true }) as History;

const SECOND = 1_000;

const t = workflowTestFile();

/** Kakao approves every template at once, as the simulator does. */
const APPROVING_REVIEWS: TemplateReviews = {
  submit: async () => ({ status: 'approved', reason: null }),
  status: async () => ({ status: 'approved', reason: null }),
};

/**
 * Runs `fn` against its own time-skipping server and workers (fake providers). Each run gets a
 * server whose clock starts at the wall clock, so one run's skipped time cannot change another's path.
 */
const withEnv = <T>(fn: (server: TestServer) => Promise<T>) => withServer(t, fn, APPROVING_REVIEWS);

/** An active contract in the projection and an accepted AlimTalk (SMS fallback unless `fallback: false`) to `0101234<last4>`; its workflow started. */
async function startMessage({ env, fake }: TestServer, last4: string, opts: { fallback?: boolean } = {}) {
  const withFallback = opts.fallback !== false;
  const now = await env.currentTimeMs();
  const { merchant, app, suspend } = await seedActiveContract(t.db, now, { verifySenderNumber: true });

  const { id, handle } = await seedAcceptedMessage(
    env,
    t.db,
    {
      merchantId: merchant.id,
      contractId: app.id,
      type: 'alimtalk',
      recipient: `0101234${last4}`,
      senderNumber: '0223456789',
      text: '[바른상점] 주문이 접수되었습니다.',
      templateCode: 'ORDER_ACCEPTED',
      fallback: withFallback ? { channel: 'sms', text: '[바른상점] 주문 접수' } : null,
      createdAt: new Date(now).toISOString(),
    },
    {
      fallback: withFallback ? 'sms' : null,
      sendDeadlines: { kakaoMs: 2 * 60 * SECOND, smsMs: 10 * 60 * SECOND },
    },
  );
  return {
    id,
    handle,
    suspendContract: () => suspend('spoofing', now),
    sent: (channel: Channel) => fake.waitForSend((s) => s.idempotencyKey === idempotencyKeyFor(id, channel)),
    report: (s: FakeSend, status: 'delivered' | 'failed') =>
      handle.signal(providerReportSignal, {
        provider: s.provider,
        providerMessageId: s.providerMessageId,
        idempotencyKey: s.idempotencyKey,
        status,
        resultCode: null,
        reportedAt: null,
      }),
    status: async () => (await t.db('messages').where({ id }).first('status')).status as string,
  };
}

async function historyOf(handle: WorkflowHandle): Promise<RecordedHistory> {
  return { workflowId: handle.workflowId, history: await handle.fetchHistory() };
}

type Message = Awaited<ReturnType<typeof startMessage>>;

/**
 * A recording: the history of a message to `0101234<last4>` (see startMessage) taken through
 * `steps`, once its workflow has ended with `outcome`; with `kakaoUnavailable`, Kakao answers 503
 * to every attempt.
 */
const messageRecorder =
  (
    last4: string,
    steps: (m: Message, env: TestWorkflowEnvironment) => Promise<void>,
    outcome: Partial<MessageOutcome>,
    opts: { fallback?: boolean; kakaoUnavailable?: boolean } = {},
  ) =>
  () =>
    withEnv(async (server) => {
      if (opts.kakaoUnavailable) server.fake.unavailable((a) => a.provider === 'kakao');
      const m = await startMessage(server, last4, opts);
      await steps(m, server.env);
      expect(await m.handle.result()).toMatchObject(outcome);
      return historyOf(m.handle);
    });

/** 9001: Kakao fails at once, the fallback SMS delivers. */
const recordMessage9001 = messageRecorder(
  '9001',
  async (m) => {
    await m.report(await m.sent('alimtalk'), 'failed');
    await m.report(await m.sent('sms'), 'delivered');
  },
  { status: 'delivered', deliveredVia: 'sms' },
);

/** 9005: Kakao silent past the 30 s timeout (polled), the fallback SMS delivers, then Kakao's late success. */
const recordMessage9005 = messageRecorder(
  '9005',
  async (m, env) => {
    const kakao = await m.sent('alimtalk');
    await env.sleep(31 * SECOND);
    await m.report(await m.sent('sms'), 'delivered');
    await eventuallyPasses(async () => expect(await m.status()).toBe('delivered'));
    await env.sleep(60 * SECOND);
    await m.report(kakao, 'delivered');
  },
  { status: 'delivered', deliveredVia: 'sms' },
);

/** A contract applied, approved, suspended and resumed through Updates (still running: a year-long term). */
const recordContract = () =>
  withEnv(async ({ env }) => {
    const { merchant } = await seedMerchant(t.db);
    const app = await seedApplication(t.db, merchant.id, undefined, new Date(await env.currentTimeMs()));
    const handle = await env.client.workflow.start(ContractWorkflow, {
      workflowId: contractWorkflowId(app.id),
      taskQueue: TASK_QUEUES.contracts,
      args: [{ application: app }],
    });
    const act = <T extends ContractAction>(action: T, command: ContractRequest<T>['command']): Promise<ContractState> =>
      handle.executeUpdate(contractUpdate(action), { args: [{ actor: OPERATOR, command } as ContractRequest<T>] });
    expect((await act('approve', { type: 'approve', fees: FEES })).status).toBe('active');
    expect(
      (await act('verify_sender_number', { type: 'verify_sender_number', id: app.senderNumbers[0].id }))
        .senderNumbers[0].status,
    ).toBe('verified');
    expect((await act('suspend', { type: 'suspend', reason: 'maintenance' })).status).toBe('suspended');
    await env.sleep(2 * 86_400 * SECOND);
    expect((await act('resume', { type: 'resume' })).status).toBe('active');
    return historyOf(handle);
  });

/** This month's invoice of a contract with 4 delivered LMS (4 × 25 = 100, VAT 10: 110 won), paid, disputed, refunded. */
const recordInvoice = () =>
  withEnv(async ({ env }) => {
    const now = await env.currentTimeMs();
    const { merchant, app } = await seedActiveContract(t.db, now);
    const ids = Array.from({ length: 4 }, () => newId('msg'));
    const at = new Date(now).toISOString();
    await insertMessages(
      t.db,
      ids.map((id) =>
        messageRow({
          id,
          merchantId: merchant.id,
          contractId: app.id,
          type: 'lms',
          recipient: '01012345678',
          senderNumber: '0223456789',
          text: '[바른상점] 출고 안내',
          subject: '출고',
          createdAt: at,
        }),
      ),
    );
    for (const messageId of ids)
      await finalizeMessage(t.db, {
        messageId,
        status: 'delivered',
        deliveredVia: 'lms',
        failureReason: null,
        finalizedAt: at,
        usage: { kind: 'message', usageType: 'lms' },
      });
    const period = new Date(now + 9 * 3_600 * SECOND).toISOString().slice(0, 7);
    const handle = await env.client.workflow.start(InvoiceWorkflow, {
      workflowId: invoiceWorkflowId(app.id, period),
      taskQueue: TASK_QUEUES.billing,
      args: [{ contractId: app.id, period }],
    });
    await env.sleep(Date.parse(`${period}-01T00:00:00+09:00`) + 32 * 86_400 * SECOND - (await env.currentTimeMs()));
    await eventuallyPasses(async () => expect(await handle.query(invoiceQuery)).not.toBeNull());
    const nowIso = async () => new Date(await env.currentTimeMs()).toISOString();
    await handle.executeUpdate(invoiceUpdate('record_payment'), {
      args: [{ type: 'record_payment', id: newId('pay'), amount: 110, paidAt: await nowIso() }],
    });
    const disputed = await handle.executeUpdate(invoiceUpdate('open_dispute'), {
      args: [{ type: 'open_dispute', id: newId('dsp'), amount: 30, reason: '중복 발송', openedAt: await nowIso() }],
    });
    const resolved = await handle.executeUpdate(invoiceUpdate('resolve_dispute'), {
      args: [
        {
          type: 'resolve_dispute',
          disputeId: disputed.ledger.disputes[0].id,
          acceptedAmount: 0,
          resolvedAt: await nowIso(),
        },
      ],
    });
    expect(resolved.summary).toMatchObject({ paidAmount: 110, refundedAmount: 30, creditedAmount: 30 });
    expect(await handle.result()).toMatchObject({ status: 'settled' });
    return historyOf(handle);
  });

/** A scheduled SMS (issue 15): moved once, then cancelled before its time. */
const recordScheduledCancelled = () =>
  withEnv(async ({ env }) => {
    const now = await env.currentTimeMs();
    const { merchant } = await seedMerchant(t.db);
    const app = await seedApplication(t.db, merchant.id, undefined, new Date(now));
    const { handle } = await seedAcceptedMessage(env, t.db, {
      merchantId: merchant.id,
      contractId: app.id,
      type: 'sms',
      recipient: '01012345678',
      text: '[바른상점] 예약 안내',
      createdAt: new Date(now).toISOString(),
      scheduledAt: new Date(now + 86_400 * SECOND).toISOString(),
    });
    await env.sleep(3_600 * SECOND);
    const later = new Date(now + 2 * 86_400 * SECOND).toISOString();
    await handle.executeUpdate(rescheduleUpdate, { args: [{ scheduledAt: later, heldUntil: null, startsAt: later }] });
    await env.sleep(3_600 * SECOND);
    await handle.executeUpdate(cancelScheduledUpdate);
    expect(await handle.result()).toMatchObject({ status: 'cancelled' });
    return historyOf(handle);
  });

/** A campaign of 5 at 60 a minute (issue 15): a few steps, paused, resumed, then cancelled. */
const recordCampaign = () =>
  withEnv(async ({ env }) => {
    const now = await env.currentTimeMs();
    const { merchant } = await seedActiveContract(t.db, now);
    const id = `cmp_replay_${newId('msg').slice(4)}`;
    await t.db.transaction((trx) =>
      insertCampaign(
        trx,
        {
          id,
          merchantId: merchant.id,
          name: 'replay',
          status: 'running',
          message: { type: 'alimtalk', templateCode: 'NONE' },
          scheduledAt: null,
          ratePerMinute: 60,
          createdAt: new Date(now).toISOString(),
        },
        Array.from({ length: 5 }, (_, i) => ({ to: `0101234000${i}` })),
      ),
    );
    const handle = await env.client.workflow.start(CampaignWorkflow, {
      workflowId: campaignWorkflowId(id),
      taskQueue: TASK_QUEUES.messages,
      args: [{ campaignId: id, merchantId: merchant.id, total: 5, ratePerMinute: 60, scheduledAt: null }],
    });
    await env.sleep(1_500);
    expect(await handle.executeUpdate(campaignUpdate('pause'))).toEqual({ status: 'paused' });
    expect(await handle.executeUpdate(campaignUpdate('resume'))).toEqual({ status: 'running' });
    expect(await handle.executeUpdate(campaignUpdate('cancel'))).toEqual({ status: 'cancelled' });
    expect(await handle.result()).toBeNull();
    return historyOf(handle);
  });

/** Issue 10: an AlimTalk without fallback, Kakao silent past its timeout, delivered an hour later (Art. 5.3). */
const recordNoFallbackLateKakao = messageRecorder(
  '9005',
  async (m, env) => {
    const kakao = await m.sent('alimtalk');
    await env.sleep(3_600 * SECOND);
    await m.report(kakao, 'delivered');
  },
  { status: 'delivered', deliveredVia: 'alimtalk' },
  { fallback: false },
);

/** Issue 10, test number 9007: Kakao answers 503 until its send deadline, the SMS fallback delivers. */
const recordKakaoOutage = messageRecorder(
  '9007',
  async (m, env) => {
    await env.sleep(125 * SECOND);
    await m.report(await m.sent('sms'), 'delivered');
  },
  { status: 'delivered', deliveredVia: 'sms' },
  { kakaoUnavailable: true },
);

/** Issue 10: Kakao fails, the contract was suspended for spoofing meanwhile, the gate refuses the fallback. */
const recordFallbackGateRefused = messageRecorder(
  '9001',
  async (m) => {
    const kakao = await m.sent('alimtalk');
    await m.suspendContract();
    await m.report(kakao, 'failed');
  },
  { status: 'failed', failureReason: 'contract_suspended' },
);

/** Issue 10: the review of a template's second version (an edit), approved, with the merchant's webhook. */
const recordTemplateEditReview = () =>
  withEnv(async ({ env }) => {
    const { merchant } = await seedActiveContract(t.db, await env.currentTimeMs());
    const template = { merchantId: merchant.id, code: 'ORDER', buttons: [], variables: ['name'] };
    await insertTemplate(t.db, { ...template, text: '#{name}님 주문 접수' });
    await reviseTemplate(t.db, { ...template, text: '#{name}님, 주문이 접수되었습니다' });
    const handle = await env.client.workflow.start(TemplateReviewWorkflow, {
      workflowId: templateReviewWorkflowId(merchant.id, 'ORDER'),
      taskQueue: TASK_QUEUES.messages,
      args: [{ merchantId: merchant.id, code: 'ORDER', version: 2 }],
    });
    expect(await handle.result()).toBe('approved');
    return historyOf(handle);
  });

async function replayAll(histories: RecordedHistory[]): Promise<ReplayResult[]> {
  const results: ReplayResult[] = [];
  for await (const r of Worker.runReplayHistories({ workflowBundle: t.bundle, replayName: 'replay-test' }, histories))
    results.push(r);
  return results;
}

const fixtureFiles = () =>
  readdirSync(HISTORIES_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();

const readFixtureJson = (file: string) => JSON.parse(readFileSync(path.join(HISTORIES_DIR, file), 'utf8'));
const readFixture = (file: string): RecordedHistory => ({
  workflowId: path.basename(file, '.json'),
  history: historyFromJson(readFixtureJson(file)),
});

/**
 * Replays freshly recorded histories, which must replay without error; with
 * UPDATE_HISTORY_FIXTURES=1 they become the committed fixtures of their names.
 */
async function replayFresh(recorded: Record<string, RecordedHistory>): Promise<void> {
  const histories = Object.values(recorded);
  // Real histories, not trivial ones: the timers, sends and results are all in them.
  expect(histories.every((h) => (h.history.events?.length ?? 0) > 10)).toBe(true);
  const results = await replayAll(histories);
  expect(results.map((r) => ({ workflowId: r.workflowId, error: r.error }))).toEqual(
    histories.map((h) => ({ workflowId: h.workflowId, error: undefined })),
  );
  if (process.env.UPDATE_HISTORY_FIXTURES === '1') {
    for (const [name, h] of Object.entries(recorded))
      writeFileSync(path.join(HISTORIES_DIR, `${name}.json`), `${historyToJson(h.history)}\n`);
  }
}

/** The fresh recordings, by fixture name, in the groups the tests record and replay them in. */
const FRESH: [title: string, recorders: Record<string, () => Promise<RecordedHistory>>][] = [
  [
    'replays fresh MessageWorkflow (9001, 9005), ContractWorkflow and InvoiceWorkflow histories without a nondeterminism error',
    {
      'message-9001-fallback': recordMessage9001,
      'message-9005-late-kakao': recordMessage9005,
      'contract-approve-suspend-resume': recordContract,
      'invoice-paid-disputed-refunded': recordInvoice,
    },
  ],
  [
    'replays fresh scheduled-send and CampaignWorkflow histories (issue 15) without a nondeterminism error',
    {
      'message-scheduled-rescheduled-cancelled': recordScheduledCancelled,
      'campaign-paused-resumed-cancelled': recordCampaign,
    },
  ],
  [
    'replays fresh histories of the issue 10 paths (Art. 5.3 without fallback, 9007, the fallback gate, template edits)',
    {
      'message-no-fallback-late-kakao': recordNoFallbackLateKakao,
      'message-9007-kakao-outage': recordKakaoOutage,
      'message-fallback-gate-refused': recordFallbackGateRefused,
      'template-review-edit-approved': recordTemplateEditReview,
    },
  ],
];

describe('Workflow determinism (replay)', () => {
  it.each(FRESH)('%s', async (_title, recorders) => {
    const recorded: Record<string, RecordedHistory> = {};
    // One after the other: each recording runs its own server.
    for (const [name, record] of Object.entries(recorders)) recorded[name] = await record();
    await replayFresh(recorded);
  });

  it('replays the committed history fixtures: the current code can carry on workflows started by earlier code', async () => {
    const files = fixtureFiles();
    expect(files).toEqual(
      expect.arrayContaining([
        'contract-approve-suspend-resume.json',
        'contract-round1-resume-while-overdue.json',
        'invoice-paid-disputed-refunded.json',
        'invoice-round1-dispute-settled.json',
        'message-9001-fallback.json',
        'message-9005-late-kakao.json',
        'message-scheduled-rescheduled-cancelled.json',
        'campaign-paused-resumed-cancelled.json',
        // Recorded from the code before issue 10: runs that must carry on the old way.
        'message-no-fallback-kakao-timeout.json',
        'message-fallback-refused-kakao-silent.json',
        'message-sms-result-timeout.json',
        'template-review-approved.json',
        // Recorded from issue 10's code.
        'message-no-fallback-late-kakao.json',
        'message-9007-kakao-outage.json',
        'message-fallback-gate-refused.json',
        'template-review-edit-approved.json',
      ]),
    );
    const histories = files.map(readFixture);
    const results = await replayAll(histories);
    expect(results.map((r) => ({ workflowId: r.workflowId, error: r.error?.message }))).toEqual(
      histories.map((h) => ({ workflowId: h.workflowId, error: undefined })),
    );
  });

  it('would catch a nondeterministic change: a fixture whose commands no longer match the code fails to replay', async () => {
    // Stands for a code change that schedules different activities than the recorded run did.
    const json = readFixtureJson('message-9005-late-kakao.json') as {
      events: { activityTaskScheduledEventAttributes?: { activityType: { name: string } } }[];
    };
    const scheduled = json.events.find(
      (e) => e.activityTaskScheduledEventAttributes?.activityType.name === 'sendOnChannel',
    )!;
    scheduled.activityTaskScheduledEventAttributes!.activityType.name = 'pollResult';

    await expect(
      Worker.runReplayHistory(
        { workflowBundle: t.bundle, replayName: 'replay-test-broken' },
        historyFromJson(json),
        'message-9005-late-kakao',
      ),
    ).rejects.toThrow(DeterminismViolationError);
  });
});
