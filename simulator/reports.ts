/**
 * Results and their reports (SPEC §8): after the delay its test number calls for, a send's result is
 * decided and POSTed to the platform's `/v1/provider-reports/<provider>`, signed with the shared
 * secret; network errors and 5xx answers are retried, a 4xx is final.
 */
import { randomInt } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { Logger } from '../platform/logger';
import { SIGNATURE_HEADER, sign } from '../platform/signature';
import type { ReportTiming } from './outcomes';
import type { SendRecord, SendResult } from './send-store';

/** "Kakao fails at once" (9001, 9003, 9004). */
const PROMPT_REPORT_DELAY_MS: [number, number] = [50, 200];
const DEFAULT_NORMAL_REPORT_DELAY_MS: [number, number] = [200, 800];
/** Waits between report attempts after a network error or a 5xx: 6 tries in all, then give up. */
const REPORT_RETRY_DELAYS_MS = [500, 1_000, 2_000, 4_000, 8_000];
const REPORT_REQUEST_TIMEOUT_MS = 5_000;

export interface ReporterOptions {
  reportBaseUrl: string;
  reportSecret: string;
  lateKakaoReportDelayMs: number;
  normalReportDelayMs?: [number, number];
  logger: Logger;
  /** Asked when a result is decided, since POST /_sim/config may change it meanwhile. */
  dropReports: () => boolean;
}

/** Settles a send: decides its result after its delay and reports it, until `signal` cancels that. */
export type Settle = (record: SendRecord, signal: AbortSignal) => Promise<void>;

const between = ([min, max]: [number, number]) => randomInt(min, max + 1);

export function createReporter(options: ReporterOptions): Settle {
  const { logger } = options;
  const reportDelays: Record<ReportTiming, () => number> = {
    prompt: () => between(PROMPT_REPORT_DELAY_MS),
    normal: () => between(options.normalReportDelayMs ?? DEFAULT_NORMAL_REPORT_DELAY_MS),
    late: () => options.lateKakaoReportDelayMs,
  };

  async function deliverReport(record: SendRecord, result: SendResult, signal: AbortSignal): Promise<void> {
    const url = `${options.reportBaseUrl.replace(/\/+$/, '')}/v1/provider-reports/${record.provider}`;
    const body = JSON.stringify({
      providerMessageId: record.providerMessageId,
      idempotencyKey: record.idempotencyKey,
      ...result,
    });
    const log = logger.child({
      provider: record.provider,
      providerMessageId: record.providerMessageId,
      status: result.status,
    });
    for (let attempt = 1; ; attempt++) {
      let problem: string;
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: sign(options.reportSecret, body) },
          body,
          signal: AbortSignal.any([signal, AbortSignal.timeout(REPORT_REQUEST_TIMEOUT_MS)]),
        });
        await res.arrayBuffer();
        // A 4xx is the platform refusing this report (e.g. a bad signature): retrying cannot help.
        if (res.status < 500) {
          record.reportStatus = res.ok ? 'sent' : 'failed';
          if (res.ok) log.info({ attempt }, 'report delivered');
          else log.error({ attempt, httpStatus: res.status }, 'report refused by the platform');
          return;
        }
        problem = `HTTP ${res.status}`;
      } catch (err) {
        if (signal.aborted) throw err;
        // fetch hides the network error (ECONNREFUSED, …) in its cause.
        const { message, cause } = err as Error & { cause?: { code?: string } };
        problem = cause?.code ?? message;
      }
      const wait = REPORT_RETRY_DELAYS_MS[attempt - 1];
      if (wait === undefined) {
        record.reportStatus = 'failed';
        log.error({ attempts: attempt, problem }, 'report not delivered; giving up');
        return;
      }
      log.warn({ attempt, problem, retryInMs: wait }, 'report not delivered; retrying');
      await delay(wait, undefined, { signal });
    }
  }

  return async (record, signal) => {
    const decided = record.outcome.result;
    if (!decided) return;
    await delay(reportDelays[decided.timing](), undefined, { signal });
    const result = { status: decided.status, resultCode: decided.resultCode, reportedAt: new Date().toISOString() };
    record.result = result;
    if (options.dropReports()) {
      record.reportStatus = 'never';
      return;
    }
    await deliverReport(record, result, signal);
  };
}
