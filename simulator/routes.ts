/**
 * The simulator's HTTP routes (SPEC §8). Errors answer in the platform's own error shape (SPEC §7),
 * so the simulator uses the API's error type and input parsing.
 *
 *   POST /kakao/v1/images        {senderKey, fileName, contentBase64} → {imageUrl}: Kakao's image upload
 *   GET  /kakao/v1/images/:id    the uploaded image
 *   POST /kakao/v1/messages      {type: alimtalk|brand_message, senderKey, to, text, templateCode?, buttons?, imageUrl?}
 *                                (imageUrl: only one this simulator's upload answered)
 *   POST /sms/v1/messages        {type: sms|lms, from, to, text, subject?}
 *   GET  /{kakao,sms}/v1/messages/:providerMessageId
 *   POST /kakao/v1/templates     {senderKey, code, text, buttons?} → AlimTalk template review (approved at once)
 *   GET  /kakao/v1/templates/:senderKey/:code
 *   POST /_sim/opt-out {to080, from} → a call to a merchant's 080 opt-out number, reported to the platform
 *   /_sim/sends, /_sim/config, /_sim/reset: introspection for tests and operators; GET /health.
 */
import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import express, { type ErrorRequestHandler, type Express, type Request, type RequestHandler } from 'express';
import type { z } from 'zod';
import { ApiError, parseInput, unknownRoute } from '../api/errors';
import { checkFriendTalkImage } from '../domain/image';
import { maskPhone, normalizePhone } from '../domain/phone';
import type { Logger } from '../platform/logger';
import { OptOutCall } from './opt-out';
import { outcomeFor, type Provider } from './outcomes';
import {
  ImageUpload,
  KakaoSend,
  SimConfig,
  SmsSend,
  TemplateReview,
  type SendRequest,
  type SimSettings,
} from './requests';
import { fingerprint, type SendRecord, type SendStore } from './send-store';

export interface SimulatorState {
  store: SendStore;
  settings: SimSettings;
  /** Aborted when the simulator closes: a slow answer still waiting is dropped. */
  lifetime: AbortSignal;
  /** Starts deciding a new send's result and reporting it. */
  settle(record: SendRecord): void;
  /** Cancels every pending result and report (POST /_sim/reset). */
  cancelPending(): void;
  /** Reports a call to a merchant's 080 opt-out number (POST /_sim/opt-out); the platform's answer. */
  reportOptOut(call: z.output<typeof OptOutCall>): Promise<{ status: number; body: unknown }>;
}

const MAX_IMAGES = 1_000;

const DEFAULT_SETTINGS: SimSettings = { dropReports: false, responseDelayMs: 0 };

export const initialSettings = (): SimSettings => ({ ...DEFAULT_SETTINGS });

function idempotencyKeyOf(req: Request): string {
  const key = req.get('Idempotency-Key');
  if (!key) throw new ApiError(400, 'missing_idempotency_key', 'the Idempotency-Key header is required');
  if (key.length > 255)
    throw new ApiError(400, 'invalid_idempotency_key', 'the Idempotency-Key header is longer than 255 characters');
  return key;
}

export function simulatorApp(state: SimulatorState, logger: Logger): Express {
  const { store, settings } = state;

  /** Records a new send and starts deciding its result; undefined when test number 9006, 9007 or 9008 refuses this attempt. */
  function accept(
    provider: Provider,
    idempotencyKey: string,
    request: SendRequest,
    print: string,
  ): SendRecord | undefined {
    const now = Date.now();
    const outcome = outcomeFor(provider, request.to);
    if (outcome.unavailableAlways) {
      logger.info({ provider, to: maskPhone(request.to) }, 'send refused with 503 (outage)');
      return undefined;
    }
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
    state.settle(record);
    return record;
  }

  // Kakao's image API: an image is uploaded first; a Brand Message carries only the URL it answered.
  const images = new Map<string, { content: Buffer; format: string }>();
  const uploadedImageId = (url: string) => /\/kakao\/v1\/images\/(img_[0-9a-f]{24})$/.exec(url)?.[1];

  function acceptSend(provider: Provider, schema: z.ZodType<SendRequest>): RequestHandler {
    return async (req, res) => {
      const idempotencyKey = idempotencyKeyOf(req);
      const request = parseInput(schema, req.body);
      if ('imageUrl' in request && request.imageUrl && !images.has(uploadedImageId(request.imageUrl) ?? ''))
        throw new ApiError(400, 'image_not_uploaded', 'imageUrl must be a URL POST /kakao/v1/images answered');
      const print = fingerprint(request);
      let record = store.findByKey(provider, idempotencyKey);
      if (record) {
        if (record.fingerprint !== print)
          throw new ApiError(422, 'idempotency_key_reused', 'this Idempotency-Key was used with a different request');
        record.attempts += 1;
      } else {
        record = accept(provider, idempotencyKey, request, print);
      }
      // The send is recorded before this delay, like a provider that got it but answers slowly: a worker
      // killed meanwhile retries with the same key and gets the same answer.
      if (settings.responseDelayMs) await delay(settings.responseDelayMs, undefined, { signal: state.lifetime });
      if (record) {
        res.status(202).json({ providerMessageId: record.providerMessageId, status: 'accepted' });
        return;
      }
      // Test numbers 9006 (once), 9007 and 9008 (always): the provider is unavailable and nothing was sent (SPEC §8).
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
      if (!record) throw new ApiError(404, 'not_found', `message ${id} not found`);
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
  // Room for one 500 KB image, base64-encoded.
  app.use(express.json({ limit: '1mb' }));
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.post('/kakao/v1/images', (req, res) => {
    const upload = parseInput(ImageUpload, req.body);
    const content = Buffer.from(upload.contentBase64, 'base64');
    const checked = checkFriendTalkImage(content);
    if (!checked.ok)
      throw new ApiError(400, checked.violations[0].code, checked.violations[0].message, {
        violations: checked.violations,
      });
    const id = `img_${randomBytes(12).toString('hex')}`;
    if (images.size >= MAX_IMAGES) images.delete(images.keys().next().value!);
    images.set(id, { content, format: checked.image.format });
    res.status(201).json({ imageUrl: `${req.protocol}://${req.get('host')}/kakao/v1/images/${id}` });
  });
  app.get('/kakao/v1/images/:id', (req, res) => {
    const image = images.get(String(req.params.id));
    if (!image) throw new ApiError(404, 'not_found', 'no such image');
    res.type(image.format === 'png' ? 'image/png' : 'image/jpeg').send(image.content);
  });
  app.post('/kakao/v1/messages', acceptSend('kakao', KakaoSend));
  app.get('/kakao/v1/messages/:providerMessageId', messageStatus('kakao'));
  // AlimTalk template review (SPEC §7: Kakao reviews every template; the simulator approves at once).
  const templates = new Map<string, { status: 'approved'; reviewedAt: string }>();
  app.post('/kakao/v1/templates', (req, res) => {
    const t = parseInput(TemplateReview, req.body);
    const review = { status: 'approved' as const, reviewedAt: new Date().toISOString() };
    templates.set(`${t.senderKey}/${t.code}`, review);
    res.status(201).json({ senderKey: t.senderKey, code: t.code, ...review });
  });
  app.get('/kakao/v1/templates/:senderKey/:code', (req, res) => {
    const review = templates.get(`${String(req.params.senderKey)}/${String(req.params.code)}`);
    if (!review) throw new ApiError(404, 'not_found', 'no such template');
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
    Object.assign(settings, parseInput(SimConfig, req.body ?? {}));
    logger.info(settings, 'simulator settings changed');
    res.json(settings);
  });
  app.post('/_sim/opt-out', async (req, res) => {
    const answer = await state.reportOptOut(parseInput(OptOutCall, req.body ?? {}));
    res.status(answer.status === 200 ? 200 : 502).json({ reported: answer.status === 200, platform: answer.body });
  });
  app.post('/_sim/reset', (_req, res) => {
    state.cancelPending();
    store.clear();
    Object.assign(settings, DEFAULT_SETTINGS);
    res.json({ status: 'reset' });
  });

  app.use(unknownRoute);
  app.use(errorHandler(state.lifetime, logger));
  return app;
}

function errorHandler(lifetime: AbortSignal, logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    let error: ApiError;
    if (err instanceof ApiError) error = err;
    else if ((err as { type?: string }).type === 'entity.parse.failed')
      error = new ApiError(400, 'malformed_json', 'request body is not valid JSON');
    else if (lifetime.aborted) return;
    else {
      logger.error({ err, method: req.method, path: req.path }, 'unhandled error');
      error = new ApiError(500, 'internal_error', 'internal error');
    }
    res.status(error.status).json({
      error: {
        code: error.code,
        message: error.message,
        ...(error.details === undefined ? {} : { details: error.details }),
      },
    });
  };
}
