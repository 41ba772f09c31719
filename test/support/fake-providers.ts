/**
 * In-process fake Kakao and SMS/LMS providers for workflow tests, and workers that use them.
 *
 * They behave like the real providers (and the simulator) where the workflow can tell:
 * - every send carries an idempotency key; the same key again returns the same providerMessageId
 *   and is not a new send (it only counts as one more attempt);
 * - a test can make the first attempt of a key fail with ProviderUnavailable (HTTP 503, test
 *   number 9006), or every attempt (an outage, 9007/9008), which is not a send, or make a send fail
 *   with ProviderRejected (a 4xx refusal);
 * - `status(providerMessageId)` — the polling backstop — answers what the test set (null: pending).
 *
 * Results are never reported by themselves: a test signals them to the workflow at the (skipped)
 * time it chooses.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { Providers } from '../../activities/messages';
import { ProviderRejected, ProviderUnavailable } from '../../activities/providers/types';
import type { KakaoSend, Provider, ProviderResult, SmsSend, TemplateReviews } from '../../activities/providers/types';
import type { ProviderName } from '../../domain/delivery';
import type { Db } from '../../platform/db';
import { createLogger } from '../../platform/logger';
import { createWorkers } from '../../workers/worker';
import { testConfig } from './worker';

export interface FakeSend {
  provider: ProviderName;
  providerMessageId: string;
  idempotencyKey: string;
  message: KakaoSend | SmsSend;
  /** POSTs with this key: a refused (503) first attempt, the accepted one and every idempotent repeat. */
  attempts: number;
}

/** What a behaviour rule sees of a send attempt. */
export interface SendAttempt {
  provider: ProviderName;
  idempotencyKey: string;
  message: KakaoSend | SmsSend;
}

export type SendMatch = (a: SendAttempt) => boolean;

interface Rejection {
  match: SendMatch;
  status: number;
  code: string;
  message: string;
}

export class FakeProviders implements Providers {
  /** Accepted sends, one per provider and idempotency key, in acceptance order. */
  readonly sends: FakeSend[] = [];
  /** Sends the provider refused (ProviderRejected): not sends, but the test may want to see them. */
  readonly rejections: (SendAttempt & { code: string })[] = [];
  /** Attempts answered as unavailable (503), by provider and idempotency key. */
  readonly unavailableAttempts: SendAttempt[] = [];
  /** Every call of the polling backstop, in order. */
  readonly statusCalls: { provider: ProviderName; providerMessageId: string }[] = [];

  readonly kakao: Provider<KakaoSend>;
  readonly sms: Provider<SmsSend>;

  private readonly byKey = new Map<string, FakeSend>();
  private readonly refusedAttempts = new Map<string, number>();
  private readonly unavailableOnceRules: SendMatch[] = [];
  private readonly unavailableRules: SendMatch[] = [];
  private readonly rejectionRules: Rejection[] = [];
  private readonly results = new Map<string, ProviderResult | null>();
  private statusHold: Promise<void> | undefined;
  private seq = 0;

  constructor() {
    this.kakao = this.provider<KakaoSend>('kakao');
    this.sms = this.provider<SmsSend>('sms');
  }

  /** The first attempt of every matching key throws ProviderUnavailable (like HTTP 503); the retry is accepted. */
  unavailableOnce(match: SendMatch): this {
    this.unavailableOnceRules.push(match);
    return this;
  }

  /** Every attempt of a matching send throws ProviderUnavailable (an outage: test numbers 9007, 9008). */
  unavailable(match: SendMatch): this {
    this.unavailableRules.push(match);
    return this;
  }

  /** Matching sends throw ProviderRejected (a 4xx refusal: retrying cannot help). */
  reject(
    match: SendMatch,
    code = 'invalid_recipient',
    message = 'the provider refused the recipient',
    status = 400,
  ): this {
    this.rejectionRules.push({ match, status, code, message });
    return this;
  }

  /** What `status(providerMessageId)` answers from now on; null: no result yet. */
  setStatus(providerMessageId: string, result: ProviderResult | null): this {
    this.results.set(providerMessageId, result);
    return this;
  }

  /** Status polls wait from now until the returned release is called (to hold a workflow inside an activity). */
  holdStatusCalls(): () => void {
    let release!: () => void;
    this.statusHold = new Promise((resolve) => (release = resolve));
    return () => {
      this.statusHold = undefined;
      release();
    };
  }

  /** Polls (real time, every 50 ms) until a matching send exists. */
  async waitForSend(predicate: (s: FakeSend) => boolean, timeoutMs = 15_000): Promise<FakeSend> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.sends.find(predicate);
      if (found) return found;
      if (Date.now() > deadline) {
        throw new Error(
          `no matching send within ${timeoutMs} ms; sends so far: ${JSON.stringify(this.sends.map((s) => ({ provider: s.provider, key: s.idempotencyKey })))}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  sendsOf(provider: ProviderName): FakeSend[] {
    return this.sends.filter((s) => s.provider === provider);
  }

  private provider<S extends KakaoSend | SmsSend>(name: ProviderName): Provider<S> {
    return {
      name,
      send: async (message, idempotencyKey) => this.send(name, message, idempotencyKey),
      status: async (providerMessageId) => {
        this.statusCalls.push({ provider: name, providerMessageId });
        await this.statusHold;
        return this.results.get(providerMessageId) ?? null;
      },
    };
  }

  private send(
    provider: ProviderName,
    message: KakaoSend | SmsSend,
    idempotencyKey: string,
  ): { providerMessageId: string } {
    const key = `${provider}:${idempotencyKey}`;
    const existing = this.byKey.get(key);
    if (existing) {
      // An idempotent repeat: the same send, not a new one.
      existing.attempts++;
      return { providerMessageId: existing.providerMessageId };
    }
    const attempt: SendAttempt = { provider, idempotencyKey, message };
    const rejection = this.rejectionRules.find((r) => r.match(attempt));
    if (rejection) {
      this.rejections.push({ ...attempt, code: rejection.code });
      throw new ProviderRejected(provider, rejection.status, rejection.code, rejection.message);
    }
    if (this.unavailableRules.some((match) => match(attempt))) {
      this.unavailableAttempts.push(attempt);
      throw new ProviderUnavailable(provider, 'HTTP 503');
    }
    const refused = this.refusedAttempts.get(key) ?? 0;
    if (refused === 0 && this.unavailableOnceRules.some((match) => match(attempt))) {
      this.refusedAttempts.set(key, 1);
      throw new ProviderUnavailable(provider, 'HTTP 503');
    }
    const send: FakeSend = {
      provider,
      providerMessageId: `${provider === 'kakao' ? 'kko' : 'sms'}_fake_${++this.seq}`,
      idempotencyKey,
      message: structuredClone(message),
      attempts: refused + 1,
    };
    this.byKey.set(key, send);
    this.sends.push(send);
    return { providerMessageId: send.providerMessageId };
  }
}

/** Runs the real workers (all task queues, real activities) with these providers instead of HTTP adapters. */
export async function startWorkersWithProviders(
  env: TestWorkflowEnvironment,
  bundle: WorkflowBundleWithSourceMap,
  db: Db,
  providers: Providers,
  templateReviews?: TemplateReviews,
) {
  const workers = await createWorkers({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    bundle,
    deps: { db, config: testConfig(), logger: createLogger('test-worker', 'silent'), providers, templateReviews },
  });
  const running = workers.run();
  return {
    stop: async () => {
      workers.shutdown();
      await running;
    },
  };
}
