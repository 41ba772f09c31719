/**
 * The set-up the workflow test files share, as jest hooks: the workflow bundle and a database of
 * the file's own, Temporal servers with the real workers, and messages accepted as the API does.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { TemplateReviews } from '../../activities/providers/types';
import type { Channel } from '../../domain/message';
import type { SendKind } from '../../domain/sending-gate';
import type { Db } from '../../platform/db';
import { newId } from '../../platform/ids';
import { insertMessages } from '../../store/messages';
import { bundleWorkflows } from '../../workers/worker';
import { messageWorkflowId } from '../../workflows/ids';
import { MessageWorkflow, type MessageWorkflowInput } from '../../workflows/message';
import { TASK_QUEUES } from '../../workflows/task-queues';
import { createTestDatabase, type TestDatabase } from './db';
import { FakeProviders, startWorkersWithProviders } from './fake-providers';
import { messageRow } from './fixtures';
import { devServerEnv, timeSkippingEnv } from './temporal';
import { startWorkers } from './worker';

export interface WorkflowTestFile {
  bundle: WorkflowBundleWithSourceMap;
  db: Db;
}

/** Bundles the workflows and creates the file's database before its tests; drops it after them. */
export function workflowTestFile(): WorkflowTestFile {
  const file = {} as WorkflowTestFile;
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    [file.bundle, database] = await Promise.all([bundleWorkflows(), createTestDatabase()]);
    file.db = database.db;
  });
  afterAll(async () => {
    await database?.drop();
  });
  return file;
}

export interface TestServer {
  env: TestWorkflowEnvironment;
  fake: FakeProviders;
}

type Workers = { stop(): Promise<void> };

/** A time-skipping server (its clock at the wall clock) and the real workers with `fake` providers. */
async function startServer(
  file: WorkflowTestFile,
  fake: FakeProviders,
  templateReviews?: TemplateReviews,
): Promise<{ env: TestWorkflowEnvironment; workers: Workers }> {
  const env = await timeSkippingEnv();
  return { env, workers: await startWorkersWithProviders(env, file.bundle, file.db, fake, templateReviews) };
}

/**
 * `workflowTestFile` with one Temporal server and the real workers for all of the file's tests:
 * the time-skipping server, or with `devServer` a real dev server (Schedules). `beforeTeardown`
 * runs while the server is still up; the database is dropped last.
 */
export function workflowTestFileWithServer(
  opts: { devServer?: boolean; beforeTeardown?: () => Promise<unknown> } = {},
): WorkflowTestFile & Pick<TestServer, 'env'> {
  const file = {} as WorkflowTestFile & Pick<TestServer, 'env'>;
  let database: TestDatabase | undefined;
  let workers: Workers | undefined;
  beforeAll(async () => {
    [file.bundle, database, file.env] = await Promise.all([
      bundleWorkflows(),
      createTestDatabase(),
      opts.devServer ? devServerEnv() : timeSkippingEnv(),
    ]);
    file.db = database.db;
    workers = await startWorkers(file.env, file.bundle, file.db);
  }, 120_000);
  afterAll(async () => {
    await opts.beforeTeardown?.();
    await workers?.stop();
    await file.env?.teardown();
    await database?.drop();
  }, 60_000);
  return file;
}

/**
 * A fresh time-skipping server and workers with fake providers for each test, so that time one
 * test skips cannot shorten the windows of the next.
 */
export function serverPerTest(file: WorkflowTestFile): TestServer {
  const server = {} as TestServer;
  let workers: Workers | undefined;
  beforeEach(async () => {
    server.fake = new FakeProviders();
    ({ env: server.env, workers } = await startServer(file, server.fake));
  });
  afterEach(async () => {
    await workers?.stop();
    workers = undefined;
    await server.env?.teardown();
  });
  return server;
}

/**
 * Runs `fn` against its own time-skipping server and workers with fake providers, torn down after
 * it, for a test that needs more than one server.
 */
export async function withServer<T>(
  file: WorkflowTestFile,
  fn: (server: TestServer) => Promise<T>,
  templateReviews?: TemplateReviews,
): Promise<T> {
  const fake = new FakeProviders();
  const { env, workers } = await startServer(file, fake, templateReviews);
  try {
    return await fn({ env, fake });
  } finally {
    await workers.stop();
    await env.teardown();
  }
}

type MessageFields = Omit<Parameters<typeof messageRow>[0], 'id' | 'type' | 'createdAt'> & {
  /** A payment notice goes out as an AlimTalk (with its SMS/LMS fallback) and is billed as a notice. */
  type: Extract<SendKind, Channel> | 'payment_notice';
  /** Unset: the server's now. */
  createdAt?: string;
};

/**
 * A message as the API accepts it: its row (`messageRow`) and its MessageWorkflow started, on its
 * own type's channel, with no fallback and the production timing (Kakao result timeout 30 s,
 * result window 48 h) unless `input` says otherwise.
 */
export async function seedAcceptedMessage(
  env: TestWorkflowEnvironment,
  db: Db,
  fields: MessageFields,
  input: Partial<Omit<MessageWorkflowInput, 'messageId' | 'merchantId' | 'kind'>> = {},
) {
  const id = newId('msg');
  const createdAt = fields.createdAt ?? new Date(await env.currentTimeMs()).toISOString();
  await insertMessages(db, [messageRow({ ...fields, id, createdAt })]);
  const handle = await env.client.workflow.start(MessageWorkflow, {
    workflowId: messageWorkflowId(id),
    taskQueue: TASK_QUEUES.messages,
    args: [
      {
        messageId: id,
        merchantId: fields.merchantId,
        kind: fields.type === 'payment_notice' ? 'payment_notice' : 'message',
        channel: fields.type === 'payment_notice' ? 'alimtalk' : fields.type,
        fallback: null,
        notBefore: null,
        ...(fields.scheduledAt ? { scheduledAt: fields.scheduledAt } : {}),
        kakaoResultTimeoutMs: 30_000,
        resultWindowMs: 48 * 3_600_000,
        ...input,
      },
    ],
  });
  return { id, handle };
}
