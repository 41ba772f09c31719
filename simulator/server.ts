/**
 * The carrier simulator (SPEC §8): one HTTP server that plays a Kakao BizMessage provider and an
 * SMS/LMS carrier. It accepts sends like a provider (202 + providerMessageId, idempotent per
 * Idempotency-Key), decides each result from the recipient's test number (outcomes.ts), and reports
 * it to the platform asynchronously with a signed webhook; GET …/messages/:id is the polling backstop.
 *
 *   POST /kakao/v1/messages      {type: alimtalk|brand_message, senderKey, to, text, templateCode?, imageUrl?}
 *   POST /sms/v1/messages        {type: sms|lms, from, to, text, subject?}
 *   GET  /{kakao,sms}/v1/messages/:providerMessageId
 *   POST /kakao/v1/templates     {senderKey, code, text} → AlimTalk template review (approved at once)
 *   GET  /kakao/v1/templates/:senderKey/:code
 *   → reports: POST <reportBaseUrl>/v1/provider-reports/{kakao,sms}, header bizmsg-signature
 *   /_sim/sends, /_sim/config, /_sim/reset: introspection for tests and operators; GET /health.
 *
 * State is in memory and bounded (MAX_RECORDS, MAX_RECORD_AGE_MS).
 */
import { randomBytes, randomInt } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import express, { type ErrorRequestHandler, type Request, type RequestHandler } from 'express';
import { z } from 'zod';
import { maskPhone, normalizePhone, parseRecipient, parseSenderNumber } from '../domain/phone';
import { createLogger, type Logger } from '../platform/logger';
import { SIGNATURE_HEADER, sign } from '../platform/signature';
import { outcomeFor, type Outcome, type Provider, type ReportTiming } from './outcomes';

export interface SimulatorOptions {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /** The platform's base URL; reports go to `<reportBaseUrl>/v1/provider-reports/<provider>`. */
  reportBaseUrl: string;
  /** Shared secret the reports are signed with (platform/signature.ts). */
  reportSecret: string;
  /** Delay of the late Kakao success (test number 9005); set past the platform's Kakao result timeout. */
  lateKakaoReportDelayMs: number;
  /** [min, max] delay of an ordinary report; SPEC §8 says results arrive within about a second. */
  normalReportDelayMs?: [number, number];
  logger?: Logger;
}

export interface RunningSimulator {
  url: string;
  port: number;
  /** Stops listening, drops open connections and cancels every pending result and report. */
  close(): Promise<void>;
}

/** "Kakao fails at once" (9001, 9003, 9004). */
const PROMPT_REPORT_DELAY_MS: [number, number] = [50, 200];
const DEFAULT_NORMAL_REPORT_DELAY_MS: [number, number] = [200, 800];
/** Waits between report attempts after a network error or a 5xx: 6 tries in all, then give up. */
const REPORT_RETRY_DELAYS_MS = [500, 1_000, 2_000, 4_000, 8_000];
const REPORT_REQUEST_TIMEOUT_MS = 5_000;
const MAX_RECORDS = 100_000;
const MAX_RECORD_AGE_MS = 6 * 3_600_000;

class SimError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

const recipient = z.string().transform((value, ctx) => {
  const phone = parseRecipient(value);
  if (phone) return phone.digits;
  ctx.addIssue({ code: 'custom', message: 'not a Korean mobile number' });
  return z.NEVER;
});

const characters = (text: string) => [...text].length;

const TemplateReview = z
  .object({ senderKey: z.string().min(1).max(100), code: z.string().min(1).max(20), text: z.string().min(1).max(1000) })
  .strict();

// Kakao's own limits (SPEC §2; Brand Message carries FriendTalk: 1,300 characters, 400 with an image).
const KakaoSend = z
  .object({
    type: z.enum(['alimtalk', 'brand_message']),
    senderKey: z.string().min(1).max(100),
    to: recipient,
    text: z.string().min(1),
    templateCode: z.string().min(1).max(20).optional(),
    imageUrl: z.url().optional(),
  })
  .superRefine((body, ctx) => {
    const limit = body.type === 'alimtalk' ? 1_000 : body.imageUrl ? 400 : 1_300;
    if (characters(body.text) > limit)
      ctx.addIssue({ code: 'custom', path: ['text'], message: `text exceeds ${limit} characters` });
  });

// The carrier bounds sizes in bytes; the platform checks the EUC-KR byte limits (SPEC §2) before sending,
// so the simulator only bounds lengths and refuses a subject on an SMS.
const SmsSend = z
  .object({
    type: z.enum(['sms', 'lms']),
    from: z
      .string()
      .regex(/^\d+$/, 'digits only')
      .refine((value) => parseSenderNumber(value) !== undefined, 'not a valid Korean sender number'),
    to: recipient,
    text: z.string().min(1).max(2_000),
    subject: z.string().min(1).max(40).optional(),
  })
  .refine((body) => body.type === 'lms' || body.subject === undefined, {
    path: ['subject'],
    message: 'an SMS has no subject',
  });

type SendRequest = z.output<typeof KakaoSend> | z.output<typeof SmsSend>;

const SimConfig = z.object({
  dropReports: z.boolean().optional(),
  responseDelayMs: z.number().int().min(0).max(600_000).optional(),
});

type ReportStatus = 'pending' | 'sent' | 'failed' | 'never';

interface SendRecord {
  provider: Provider;
  providerMessageId: string;
  idempotencyKey: string;
  /** The normalized request, to tell an idempotent repeat from a reused key. */
  fingerprint: string;
  request: SendRequest;
  /** POSTs with this key: the refused 503, the accepted one and every idempotent repeat. */
  attempts: number;
  acceptedAt: number;
  outcome: Outcome;
  /** Set once the provider has decided; visible to polling even when the report is dropped or lost. */
  result: { status: 'delivered' | 'failed'; resultCode: string; reportedAt: string } | null;
  reportStatus: ReportStatus;
}

/** Sends by provider message id (in acceptance order) and by idempotency key, plus 9006's refused keys. */
class SendStore {
  private readonly byId = new Map<string, SendRecord>();
  private readonly byKey = new Map<string, string>();
  /** Keys whose first attempt was answered 503, with the time of that answer. */
  private readonly refused = new Map<string, number>();

  private static key(provider: Provider, idempotencyKey: string) {
    return `${provider}:${idempotencyKey}`;
  }

  get(provider: Provider, providerMessageId: string): SendRecord | undefined {
    const record = this.byId.get(providerMessageId);
    return record?.provider === provider ? record : undefined;
  }

  findByKey(provider: Provider, idempotencyKey: string): SendRecord | undefined {
    const id = this.byKey.get(SendStore.key(provider, idempotencyKey));
    return id === undefined ? undefined : this.byId.get(id);
  }

  /** Notes a 503 answer; true when this key was already refused once (so this attempt goes through). */
  refuseOnce(provider: Provider, idempotencyKey: string, now: number): boolean {
    const key = SendStore.key(provider, idempotencyKey);
    if (this.refused.has(key)) return true;
    this.refused.set(key, now);
    this.prune(now);
    return false;
  }

  add(record: Omit<SendRecord, 'attempts'>): SendRecord {
    const key = SendStore.key(record.provider, record.idempotencyKey);
    const stored: SendRecord = { ...record, attempts: this.refused.has(key) ? 2 : 1 };
    this.refused.delete(key);
    this.byId.set(stored.providerMessageId, stored);
    this.byKey.set(key, stored.providerMessageId);
    this.prune(stored.acceptedAt);
    return stored;
  }

  list(to?: string): SendRecord[] {
    return [...this.byId.values()].filter((r) => to === undefined || r.request.to === to);
  }

  clear(): void {
    this.byId.clear();
    this.byKey.clear();
    this.refused.clear();
  }

  // Maps iterate in insertion order, which is acceptance order: the oldest entries come first.
  private prune(now: number): void {
    for (const [id, record] of this.byId) {
      if (this.byId.size <= MAX_RECORDS && now - record.acceptedAt <= MAX_RECORD_AGE_MS) break;
      this.byId.delete(id);
      this.byKey.delete(SendStore.key(record.provider, record.idempotencyKey));
    }
    for (const [key, at] of this.refused) {
      if (this.refused.size <= MAX_RECORDS && now - at <= MAX_RECORD_AGE_MS) break;
      this.refused.delete(key);
    }
  }
}

function fingerprint(request: SendRequest): string {
  const fields = Object.entries(request).filter(([, v]) => v !== undefined);
  return JSON.stringify(fields.sort(([a], [b]) => (a < b ? -1 : 1)));
}

function idempotencyKeyOf(req: Request): string {
  const key = req.get('Idempotency-Key');
  if (!key) throw new SimError(400, 'missing_idempotency_key', 'the Idempotency-Key header is required');
  if (key.length > 255)
    throw new SimError(400, 'invalid_idempotency_key', 'the Idempotency-Key header is longer than 255 characters');
  return key;
}

function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const [first] = parsed.error.issues;
  const at = first.path.length ? ` at ${first.path.join('.')}` : '';
  throw new SimError(400, 'invalid_request', `invalid request body${at}: ${first.message}`, {
    issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code, message: i.message })),
  });
}

const between = ([min, max]: [number, number]) => randomInt(min, max + 1);

export async function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const logger = options.logger ?? createLogger('simulator');
  const host = options.host ?? '127.0.0.1';
  const reportDelays: Record<ReportTiming, () => number> = {
    prompt: () => between(PROMPT_REPORT_DELAY_MS),
    normal: () => between(options.normalReportDelayMs ?? DEFAULT_NORMAL_REPORT_DELAY_MS),
    late: () => options.lateKakaoReportDelayMs,
  };
  const store = new SendStore();
  const settings = { dropReports: false, responseDelayMs: 0 };
  // Aborted by close(); `reports` also by /_sim/reset, which cancels every pending result and report.
  const lifetime = new AbortController();
  let reports = new AbortController();

  async function deliverReport(
    record: SendRecord,
    result: NonNullable<SendRecord['result']>,
    signal: AbortSignal,
  ): Promise<void> {
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

  async function settle(record: SendRecord, signal: AbortSignal): Promise<void> {
    const decided = record.outcome.result;
    if (!decided) return;
    await delay(reportDelays[decided.timing](), undefined, { signal });
    const result = { status: decided.status, resultCode: decided.resultCode, reportedAt: new Date().toISOString() };
    record.result = result;
    if (settings.dropReports) {
      record.reportStatus = 'never';
      return;
    }
    await deliverReport(record, result, signal);
  }

  /** Records a new send and starts deciding its result; undefined when test number 9006 refuses this attempt. */
  function accept(
    provider: Provider,
    idempotencyKey: string,
    request: SendRequest,
    print: string,
  ): SendRecord | undefined {
    const now = Date.now();
    const outcome = outcomeFor(provider, request.to);
    if (outcome.unavailableFirstAttempt && !store.refuseOnce(provider, idempotencyKey, now)) {
      logger.info({ provider, to: maskPhone(request.to) }, 'send refused once with 503');
      return undefined;
    }
    const providerMessageId = `${provider === 'kakao' ? 'kko' : 'sms'}_${randomBytes(12).toString('hex')}`;
    const record = store.add({
      provider,
      providerMessageId,
      idempotencyKey,
      fingerprint: print,
      request,
      acceptedAt: now,
      outcome,
      result: null,
      reportStatus: outcome.result ? 'pending' : 'never',
    });
    logger.info(
      { provider, providerMessageId, type: request.type, to: maskPhone(request.to), outcome: outcome.behaviour },
      'send accepted',
    );
    const { signal } = reports;
    settle(record, signal).catch((err: unknown) => {
      if (!signal.aborted) logger.error({ err, providerMessageId }, 'result not settled');
    });
    return record;
  }

  function acceptSend(provider: Provider, schema: z.ZodType<SendRequest>): RequestHandler {
    return async (req, res) => {
      const idempotencyKey = idempotencyKeyOf(req);
      const request = parseBody(schema, req.body);
      const print = fingerprint(request);
      let record = store.findByKey(provider, idempotencyKey);
      if (record) {
        if (record.fingerprint !== print)
          throw new SimError(422, 'idempotency_key_reused', 'this Idempotency-Key was used with a different request');
        record.attempts += 1;
      } else {
        record = accept(provider, idempotencyKey, request, print);
      }
      // The send is recorded before this delay, like a provider that got it but answers slowly: a worker
      // killed meanwhile retries with the same key and gets the same answer.
      if (settings.responseDelayMs) await delay(settings.responseDelayMs, undefined, { signal: lifetime.signal });
      if (record) {
        res.status(202).json({ providerMessageId: record.providerMessageId, status: 'accepted' });
        return;
      }
      // Test number 9006: the provider is briefly unavailable and nothing was sent (SPEC §8).
      res.setHeader('Retry-After', '1');
      res.status(503).json({
        error: {
          code: 'provider_unavailable',
          message: 'provider temporarily unavailable; retry with the same Idempotency-Key',
        },
      });
    };
  }

  function messageStatus(provider: Provider): RequestHandler {
    return (req, res) => {
      const id = String(req.params.providerMessageId);
      const record = store.get(provider, id);
      if (!record) throw new SimError(404, 'not_found', `message ${id} not found`);
      res.json({
        providerMessageId: record.providerMessageId,
        status: record.result?.status ?? 'pending',
        resultCode: record.result?.resultCode ?? null,
        reportedAt: record.result?.reportedAt ?? null,
      });
    };
  }

  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '256kb' }));
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.post('/kakao/v1/messages', acceptSend('kakao', KakaoSend));
  app.get('/kakao/v1/messages/:providerMessageId', messageStatus('kakao'));
  // AlimTalk template review (SPEC §7: Kakao reviews every template; the simulator approves at once).
  const templates = new Map<string, { status: 'approved'; reviewedAt: string }>();
  app.post('/kakao/v1/templates', (req, res) => {
    const t = parseBody(TemplateReview, req.body);
    const review = { status: 'approved' as const, reviewedAt: new Date().toISOString() };
    templates.set(`${t.senderKey}/${t.code}`, review);
    res.status(201).json({ senderKey: t.senderKey, code: t.code, ...review });
  });
  app.get('/kakao/v1/templates/:senderKey/:code', (req, res) => {
    const review = templates.get(`${String(req.params.senderKey)}/${String(req.params.code)}`);
    if (!review) throw new SimError(404, 'not_found', 'no such template');
    res.json({ senderKey: req.params.senderKey, code: req.params.code, ...review });
  });
  app.post('/sms/v1/messages', acceptSend('sms', SmsSend));
  app.get('/sms/v1/messages/:providerMessageId', messageStatus('sms'));

  app.get('/_sim/sends', (req, res) => {
    const to = typeof req.query.to === 'string' ? (normalizePhone(req.query.to) ?? req.query.to) : undefined;
    const data = store
      .list(to)
      .map(
        ({
          provider,
          providerMessageId,
          idempotencyKey,
          request,
          attempts,
          acceptedAt,
          outcome,
          result,
          reportStatus,
        }) => ({
          provider,
          providerMessageId,
          idempotencyKey,
          ...request,
          attempts,
          acceptedAt: new Date(acceptedAt).toISOString(),
          outcome: outcome.behaviour,
          status: result?.status ?? 'pending',
          resultCode: result?.resultCode ?? null,
          reportStatus,
        }),
      );
    res.json({ data });
  });
  app.post('/_sim/config', (req, res) => {
    Object.assign(settings, parseBody(SimConfig, req.body ?? {}));
    logger.info(settings, 'simulator settings changed');
    res.json(settings);
  });
  app.post('/_sim/reset', (_req, res) => {
    reports.abort();
    reports = new AbortController();
    store.clear();
    Object.assign(settings, { dropReports: false, responseDelayMs: 0 });
    res.json({ status: 'reset' });
  });

  app.use((req) => {
    throw new SimError(404, 'route_not_found', `no route for ${req.method} ${req.path}`);
  });
  const errorHandler: ErrorRequestHandler = (err: unknown, req, res, _next) => {
    let error: SimError;
    if (err instanceof SimError) error = err;
    else if ((err as { type?: string }).type === 'entity.parse.failed')
      error = new SimError(400, 'malformed_json', 'request body is not valid JSON');
    else if (lifetime.signal.aborted) return;
    else {
      logger.error({ err, method: req.method, path: req.path }, 'unhandled error');
      error = new SimError(500, 'internal_error', 'internal error');
    }
    res.status(error.status).json({
      error: {
        code: error.code,
        message: error.message,
        ...(error.details === undefined ? {} : { details: error.details }),
      },
    });
  };
  app.use(errorHandler);

  const server = app.listen(options.port, host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}`,
    port,
    close: async () => {
      lifetime.abort();
      reports.abort();
      const closed = new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
      server.closeAllConnections();
      await closed;
    },
  };
}
