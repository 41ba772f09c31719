/**
 * A contract test double of NHN Cloud Notification (tests only): a real HTTP server on port 0 that
 * checks requests against NHN's documented shapes and headers and answers with the documented
 * responses and error codes. The documents (TOAST-DOCS on GitHub) are cited next to each shape:
 *   [AT]  Alimtalk en/alimtalk-api-guide.md (AlimTalk API v2.3)
 *   [BM]  Alimtalk en/friendtalkupgrade-api-guide.md (Brand Message API v1.0)
 *   [SND] Alimtalk en/sender-api-guide-v2.3.md;  [KE] Alimtalk en/error-code.md
 *   [WH]  Alimtalk ko/webhook-api-guide.md;  [SMS] SMS en/api-guide.md (v3.0);  [SE] SMS en/error-code.md
 *
 * Outcomes follow the recipient's last 4 digits like the simulator (SPEC §8): Kakao …9001 fails
 * with 3019 "Not a KakaoTalk user", …9002 never reports; SMS …9003 fails (3001 "No subscriber"),
 * …9004 never reports; everything else delivers (Kakao 1000, SMS msgStatus 3 / 1000). Kakao results
 * go out as the MESSAGE_RESULT_UPDATE webhook [WH] unless `loseWebhooks` is set; NHN's SMS has no
 * result webhook, so SMS results are only there to be queried. `outage` makes sends fail like a
 * down carrier. Everything received is in `requests`.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import { eucKrLength } from '../../domain/euckr';

export interface NhnDoubleOptions {
  kakao: { appKey: string; secretKey: string };
  sms: { appKey: string; secretKey: string };
  /** Sent back in X-Toast-Webhook-Signature [WH]. */
  webhookSignature: string;
  /** Delay before a send's result exists (and its webhook goes out). */
  resultDelayMs?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | undefined>;
  body: any;
}

type Api = 'alimtalk' | 'brand' | 'sms' | 'mms';

interface StoredMessage {
  api: Api;
  requestId: string;
  recipientSeq: number;
  recipientNo: string;
  recipientGroupingKey: string | null;
  senderGroupingKey: string | null;
  templateCode: string | null;
  content: string;
  requestDate: string;
  /** Kakao: messageStatus / resultCode; SMS: msgStatus / resultCode. */
  status: string;
  resultCode: string | null;
  resultDate: string | null;
}

interface StoredTemplate {
  senderKey: string;
  templateCode: string;
  templateContent: string;
  buttons: unknown[];
  status: 'TSC01' | 'TSC02' | 'TSC03' | 'TSC04';
  comments: { id: number; content: string; userName: string; createdAt: string; status: string }[];
}

export type Outage = 'http_503' | 'system_error';

export interface RunningNhnDouble {
  url: string;
  requests: RecordedRequest[];
  /** Webhook posts made, with the answer they got (0: could not be delivered). */
  webhooks: { body: any; status: number }[];
  /** Where result webhooks go; unset: nowhere. */
  webhookUrl: string | null;
  /** Result webhooks are not sent (the result stays queryable): the polling backstop must find it. */
  loseWebhooks: boolean;
  /** Sends to this API family fail as if NHN were down. */
  outage: { kakao: Outage | null; sms: Outage | null };
  /** How template reviews end (default: approved at once). */
  templateReview: (code: string) => { status: 'TSC01' | 'TSC03' | 'TSC04'; comment?: string };
  /** Accepted sends (one per recipient), oldest first. */
  sends(api?: Api): StoredMessage[];
  templates(): StoredTemplate[];
  close(): Promise<void>;
}

// ── documented answers ─────────────────────────────────────────────────────────

/** [AT]/[SMS] every answer: header {isSuccessful, resultCode, resultMessage}. */
const header = (resultCode = 0, resultMessage = 'SUCCESS') => ({
  header: { isSuccessful: resultCode === 0, resultCode, resultMessage },
});

/** [KE] "API Response Code" entries the double answers with. */
const KE = {
  parameter: 4, // Parameter verification failed (refer to the resultMessage)
  invalidAppKey: -1000,
  invalidSecretKey: -1001,
  duplicateIdempotencyKey: -1005, // The same 'X-NC-API-IDEMPOTENCY-KEY' was used within the last 10 minute.
  templateExists: -3001,
  templateMissing: -3003,
  templateParameter: -3004,
  templateStatus: -3005,
  contentMismatch: -3010,
  searchRange: -4103, // RequestId or startRequestDate/endRequestDate is invalid.
  imageNotFound: -8002,
  imageType: -8011,
  contentType: -9996,
  systemError: -9999,
} as const;

/** [SE] "API Response Codes" entries the double answers with. */
const SE = {
  parameter: 4,
  invalidAppKey: -1000,
  dateFormat: -2000,
  queryParameters: -2011, // Required query parameters are missing (requestId or startRequestDate, endRequestdate)
  detailQuery: -2012,
  emoji: -2023,
  contentType: -9996,
  systemError: -9999,
} as const;

// ── documented request shapes ─────────────────────────────────────────────────────

const resendParameter = z
  .object({
    isResend: z.boolean().optional(),
    resendType: z.enum(['SMS', 'LMS']).optional(),
    resendTitle: z.string().optional(),
    resendContent: z.string().optional(),
    resendSendNo: z.string().optional(),
    resendUnsubscribeNo: z.string().optional(),
  })
  .strict();

const requestDate = z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);

// [AT] "Send Replacement Message Request" — request body table.
const AlimtalkReplacement = z
  .object({
    senderKey: z.string().length(40),
    templateCode: z.string().min(1).max(20),
    requestDate: requestDate.optional(),
    senderGroupingKey: z.string().max(100).optional(),
    createUser: z.string().optional(),
    recipientList: z
      .array(
        z
          .object({
            recipientNo: z.string().min(1).max(15),
            templateParameter: z.record(z.string(), z.string()).optional(),
            resendParameter: resendParameter.optional(),
            buttons: z.array(z.object({ ordering: z.number().int() }).loose()).optional(),
            quickReplies: z.array(z.object({ ordering: z.number().int() }).loose()).optional(),
            recipientGroupingKey: z.string().max(100).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(1000),
    messageOption: z.object({}).loose().optional(),
    statsId: z.string().max(8).optional(),
  })
  .strict();

// [AT] "Send Full Message Request" — request body table (the parts bizmsg can send).
const AlimtalkFull = AlimtalkReplacement.extend({
  recipientList: z
    .array(
      z
        .object({
          recipientNo: z.string().min(1).max(15),
          content: z.string().min(1).max(1300),
          templateTitle: z.string().max(50).optional(),
          buttons: z
            .array(z.object({ ordering: z.number().int(), type: z.string(), name: z.string() }).loose())
            .max(5)
            .optional(),
          resendParameter: resendParameter.optional(),
          recipientGroupingKey: z.string().max(100).optional(),
        })
        .strict(),
    )
    .min(1)
    .max(1000),
}).strict();

// [BM] "Request to Send a Free-Form Message" — Send Text Type / Send Image Type request bodies.
const BrandFreestyle = z
  .object({
    senderKey: z.string().length(40),
    chatBubbleType: z.enum([
      'TEXT',
      'IMAGE',
      'WIDE',
      'WIDE_ITEM_LIST',
      'PREMIUM_VIDEO',
      'COMMERCE',
      'CAROUSEL_FEED',
      'CAROUSEL_COMMERCE',
    ]),
    pushAlarm: z.boolean().optional(),
    requestDate: requestDate.optional(),
    unsubscribeNo: z.string().optional(),
    unsubscribeAuthNo: z.string().max(10).optional(),
    adult: z.boolean().optional(),
    content: z.string().min(1).max(1300),
    image: z
      .object({ imageUrl: z.string().min(1), imageLink: z.string().max(1000).optional() })
      .strict()
      .optional(),
    buttons: z
      .array(z.object({ name: z.string(), type: z.string() }).loose())
      .max(5)
      .optional(),
    coupon: z.object({}).loose().optional(),
    recipientList: z
      .array(
        z
          .object({
            recipientNo: z.string().min(1),
            resendParameter: resendParameter.optional(),
            targeting: z.enum(['M', 'N', 'I']).optional(),
            unsubscribeNo: z.string().optional(),
            unsubscribeAuthNo: z.string().optional(),
            recipientGroupingKey: z.string().max(100).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(1000),
    senderGroupingKey: z.string().max(100).optional(),
    resellerCode: z.string().optional(),
    createUser: z.string().optional(),
    statsId: z.string().max(8).optional(),
  })
  .strict();

// [AT] "Register Templates" — request body table (the fields bizmsg sends are checked strictly).
const TemplateRegistration = z
  .object({
    templateCode: z.string().min(1).max(20),
    templateName: z.string().min(1).max(150),
    templateContent: z.string().min(1).max(1300),
    templateMessageType: z.enum(['BA', 'EX', 'AD', 'MI']).optional(),
    templateEmphasizeType: z.enum(['NONE', 'TEXT', 'IMAGE', 'ITEM_LIST']).optional(),
    categoryCode: z.string().optional(),
    securityFlag: z.boolean().optional(),
    buttons: z
      .array(
        z
          .object({
            ordering: z.number().int().min(1).max(5),
            type: z.enum(['WL', 'AL', 'DS', 'BK', 'MD', 'BC', 'BT', 'AC', 'BF', 'P1', 'P2', 'P3', 'TN']),
            name: z.string().min(1).max(14),
            linkMo: z.string().max(500).optional(),
            linkPc: z.string().max(500).optional(),
            schemeIos: z.string().max(500).optional(),
            schemeAndroid: z.string().max(500).optional(),
          })
          .strict(),
      )
      .max(5)
      .optional(),
  })
  .strict();

// [SMS] "Send Short SMS" / "Send Long MMS (attached file excluded)" — request body tables.
const smsRecipient = z
  .object({
    recipientNo: z.string().min(1).max(20),
    countryCode: z.string().max(8).optional(),
    internationalRecipientNo: z.string().max(20).optional(),
    templateParameter: z.record(z.string(), z.string()).optional(),
    recipientGroupingKey: z.string().max(100).optional(),
  })
  .strict();
const SmsSendBody = z
  .object({
    templateId: z.string().max(50).optional(),
    body: z.string().min(1).max(255),
    sendNo: z.string().min(1).max(13),
    requestDate: requestDate.optional(),
    senderGroupingKey: z.string().max(100).optional(),
    recipientList: z.array(smsRecipient).min(1).max(1000),
    userId: z.string().max(100).optional(),
    statsId: z.string().max(10).optional(),
    originCode: z.string().max(10).optional(),
  })
  .strict();
const MmsSendBody = SmsSendBody.extend({
  title: z.string().min(1).max(120),
  body: z.string().min(1).max(4000),
  attachFileIdList: z.array(z.number()).optional(),
}).strict();

// ── helpers ─────────────────────────────────────────────────────────────────────

const KST_MS = 9 * 3_600_000;
const kst = (at: number, seconds = true) => {
  const s = new Date(at + KST_MS).toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, seconds ? 19 : 16)}`;
};
const parseKst = (text: string) => Date.parse(`${text.replace(' ', 'T')}${text.length === 16 ? ':00' : ''}+09:00`);

/** [SMS] "requestId": "20180810100630ReZQ6KZzAH0" — KST time + 11 characters. */
const requestIdAt = (at: number) =>
  kst(at).replace(/\D/g, '') +
  randomBytes(11)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, 'x')
    .slice(0, 11);

/**
 * A send request taken now, as each of its messages keeps it. Kakao's requestDate is
 * "yyyy-MM-dd HH:mm"; [SMS] has seconds too.
 */
const sendRequest = (api: Api, senderGroupingKey: string | undefined, templateCode: string | null) => {
  const now = Date.now();
  const kakao = api === 'alimtalk' || api === 'brand';
  return { api, requestId: requestIdAt(now), senderGroupingKey, templateCode, requestDate: kst(now, !kakao) };
};

const last4 = (n: string) => n.replace(/\D/g, '').slice(-4);
const issues = (e: z.ZodError) => e.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
const EUC_KR_BYTES = (t: string) => {
  const r = eucKrLength(t);
  return r.ok ? r.bytes : null;
};

export async function startNhnDouble(opts: NhnDoubleOptions): Promise<RunningNhnDouble> {
  const resultDelayMs = opts.resultDelayMs ?? 50;
  const requests: RecordedRequest[] = [];
  const webhooks: { body: any; status: number }[] = [];
  const messages: StoredMessage[] = [];
  const templates = new Map<string, StoredTemplate>();
  const images = new Map<string, { seq: number; bytes: number }>();
  const idempotencyKeys = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  let url = '';

  const double: RunningNhnDouble = {
    url: '',
    requests,
    webhooks,
    webhookUrl: null,
    loseWebhooks: false,
    outage: { kakao: null, sms: null },
    templateReview: () => ({ status: 'TSC03' }),
    sends: (api) => messages.filter((m) => !api || m.api === api),
    templates: () => [...templates.values()],
    close: async () => {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };

  const later = (ms: number, fn: () => void | Promise<void>) => {
    const t = setTimeout(() => {
      timers.delete(t);
      void fn();
    }, ms);
    timers.add(t);
  };

  /** [SND]: every Kakao channel (plusFriendId) is registered, with a sender key derived from its id. */
  const senderKeyOf = (plusFriendId: string) => createHash('sha1').update(plusFriendId).digest('hex');

  const app = express();
  app.disable('x-powered-by');
  app.use('/brand-message/v1.0/appkeys/:appKey/images', express.raw({ type: 'multipart/form-data', limit: '6mb' }));
  app.use(express.json({ type: () => true, limit: '2mb' }));
  app.use((req, _res, next) => {
    requests.push({
      method: req.method,
      path: req.path,
      query: { ...(req.query as Record<string, string>) },
      headers: { ...req.headers } as Record<string, string | undefined>,
      body: Buffer.isBuffer(req.body) ? `<${req.body.length} bytes>` : req.body,
    });
    next();
  });

  const answer = (res: Response, code: number, message: string, extra: object = {}) =>
    res.json({ ...header(code, message), ...extra });

  /** X-Secret-Key and the app key in the path ([AT]/[SMS] "[Header]"); JSON bodies for POSTs. */
  const authorized = (req: Request, res: Response, family: 'kakao' | 'sms') => {
    const keys = family === 'kakao' ? opts.kakao : opts.sms;
    if (req.params.appKey !== keys.appKey) {
      answer(res, family === 'kakao' ? KE.invalidAppKey : SE.invalidAppKey, 'Invalid appKey.');
      return false;
    }
    // The SMS error table has no code for a wrong secret key; the Kakao one's (-1001) is used for both.
    if (req.header('x-secret-key') !== keys.secretKey) {
      answer(res, KE.invalidSecretKey, 'Invalid secretKey.');
      return false;
    }
    if (req.method === 'POST' && !req.is('multipart/form-data') && !req.is('application/json')) {
      answer(
        res,
        family === 'kakao' ? KE.contentType : SE.contentType,
        'Only application/json Content-type is supported.',
      );
      return false;
    }
    return true;
  };

  /** A send refused as if NHN were down: HTTP 503, or its system-error code ([KE]/[SE] -9999). */
  const down = (res: Response, family: 'kakao' | 'sms') => {
    const outage = double.outage[family];
    if (!outage) return false;
    if (outage === 'http_503') res.status(503).send('Service Unavailable');
    else answer(res, KE.systemError, 'System error. Please inquire at support@toast.com.');
    return true;
  };

  const sendWebhook = async (m: StoredMessage) => {
    if (!double.webhookUrl || double.loseWebhooks) return;
    // [WH] "웹훅 발송" body and "메시지 발송 결과 코드 업데이트" hooks.
    const body = {
      hooksId: `${kst(Date.now()).replace(/\D/g, '')}${randomBytes(6).toString('hex')}`,
      webhookConfigId: 'double-webhook',
      productName: 'KakaoTalk Bizmessage',
      appKey: opts.kakao.appKey,
      event: 'MESSAGE_RESULT_UPDATE',
      hooks: [
        {
          kakaoMessageType: m.api === 'alimtalk' ? 'ALIMTALK_NORMAL' : 'BRAND_MESSAGE_NORMAL',
          requestId: m.requestId,
          recipientSeq: m.recipientSeq,
          requestDate: m.requestDate,
          createDate: m.requestDate,
          receiveDate: m.resultDate,
          recipientNo: m.recipientNo,
          resultCode: m.resultCode,
          senderGroupingKey: m.senderGroupingKey,
          recipientGroupingKey: m.recipientGroupingKey,
          isAddedChannel: m.api === 'brand' ? true : null,
          _links: {
            self: {
              href: `${url}/${m.api === 'alimtalk' ? 'alimtalk/v2.3' : 'brand-message/v1.0'}/appkeys/${opts.kakao.appKey}/messages/${m.requestId}/${m.recipientSeq}`,
            },
          },
          hookId: randomBytes(12).toString('hex'),
        },
      ],
    };
    let status = 0;
    try {
      const res = await fetch(double.webhookUrl, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json;charset=UTF-8',
          'X-Toast-Webhook-Signature': opts.webhookSignature,
        },
        body: JSON.stringify(body),
      });
      status = res.status;
    } catch {
      // the platform is not listening (any more): the result stays queryable
    }
    webhooks.push({ body, status });
  };

  /** Keeps the i-th recipient of a send request as a message NHN took, and plans its result. */
  const accept = (
    send: Pick<StoredMessage, 'api' | 'requestId' | 'templateCode' | 'requestDate'> & { senderGroupingKey?: string },
    r: { recipientNo: string; recipientGroupingKey?: string },
    i: number,
    content: string,
  ): StoredMessage => {
    const m = {
      ...send,
      recipientSeq: i + 1,
      recipientNo: r.recipientNo,
      recipientGroupingKey: r.recipientGroupingKey ?? null,
      senderGroupingKey: send.senderGroupingKey ?? null,
      content,
    };
    const kakao = m.api === 'alimtalk' || m.api === 'brand';
    const stored: StoredMessage = { ...m, status: kakao ? 'SENDREADY' : '2', resultCode: null, resultDate: null };
    messages.push(stored);
    const digits = last4(m.recipientNo);
    const silent = kakao ? digits === '9002' : digits === '9004';
    if (!silent)
      later(resultDelayMs, async () => {
        stored.resultDate = kst(Date.now());
        if (kakao) {
          // [KE] "Delivery Result Code": 1000 Success, 3019 "Unable to send message — Not a KakaoTalk user".
          const fails = digits === '9001';
          stored.status = fails ? 'FAILED' : 'COMPLETED';
          stored.resultCode = fails ? '3019' : '1000';
          await sendWebhook(stored);
        } else {
          // [SE] EMMA v3: 1000 successful, 3001 "No subscriber available"; [SMS] msgStatus 3 successful, 0 failed.
          const fails = digits === '9003';
          stored.status = fails ? '0' : '3';
          stored.resultCode = fails ? '3001' : '1000';
        }
      });
    return stored;
  };

  // ── Kakao: senders and templates ───────────────────────────────────────────────

  // [SND] "List Sender": GET /alimtalk/v2.3/appkeys/{appkey}/senders?plusFriendId= → senders[]
  app.get('/alimtalk/v2.3/appkeys/:appKey/senders', (req, res) => {
    if (!authorized(req, res, 'kakao')) return;
    const id = String(req.query.plusFriendId ?? '');
    const senders = id
      ? [{ plusFriendId: id, senderKey: senderKeyOf(id), status: 'YSC03', statusName: 'Normally registered' }]
      : [];
    res.json({ ...header(), senders, totalCount: senders.length });
  });

  // [AT] "Register Templates": POST /alimtalk/v2.3/appkeys/{appkey}/senders/{senderKey}/templates
  app.post('/alimtalk/v2.3/appkeys/:appKey/senders/:senderKey/templates', (req, res) => {
    if (!authorized(req, res, 'kakao')) return;
    const parsed = TemplateRegistration.safeParse(req.body);
    if (!parsed.success) return answer(res, KE.parameter, issues(parsed.error));
    const key = `${req.params.senderKey}/${parsed.data.templateCode}`;
    if (templates.has(key)) return answer(res, KE.templateExists, 'Already exist templateCode or templateName.');
    const review = double.templateReview(parsed.data.templateCode);
    templates.set(key, {
      senderKey: req.params.senderKey,
      templateCode: parsed.data.templateCode,
      templateContent: parsed.data.templateContent,
      buttons: parsed.data.buttons ?? [],
      status: review.status,
      comments: review.comment
        ? [{ id: 1, content: review.comment, userName: 'Kakao', createdAt: kst(Date.now()), status: 'REJ' }]
        : [],
    });
    answer(res, 0, 'SUCCESS');
  });

  // [AT] "Get Template": GET …/senders/{senderKey}/templates/{templateCode} → templates {…, status, comments}
  app.get('/alimtalk/v2.3/appkeys/:appKey/senders/:senderKey/templates/:templateCode', (req, res) => {
    if (!authorized(req, res, 'kakao')) return;
    const t = templates.get(`${req.params.senderKey}/${req.params.templateCode}`);
    if (!t) return answer(res, KE.templateMissing, 'Template does not exist.');
    const statusName = { TSC01: 'Requested', TSC02: 'Reviewing', TSC03: 'Approved', TSC04: 'Rejected' }[t.status];
    res.json({ ...header(), templates: { ...t, plusFriendType: 'NORMAL', statusName, createDate: kst(Date.now()) } });
  });

  // ── Kakao: AlimTalk ─────────────────────────────────────────────────────────────

  /** [AT] header X-NC-API-IDEMPOTENCY-KEY: "If a request is made with the same key for 10 minutes, the request will be failed." */
  const repeatedIdempotencyKey = (req: Request) => {
    const key = req.header('x-nc-api-idempotency-key');
    if (!key) return false;
    const seen = idempotencyKeys.get(key);
    if (seen !== undefined && Date.now() - seen < 10 * 60_000) return true;
    idempotencyKeys.set(key, Date.now());
    return false;
  };

  /** The list queries' filters ([AT] "List Messages", [SMS] "List Delivery of …"): request id, request dates, grouping key. */
  const listed = (api: StoredMessage['api'], q: Record<string, string | undefined>) =>
    messages.filter(
      (m) =>
        m.api === api &&
        (!q.requestId || m.requestId === q.requestId) &&
        (!q.startRequestDate ||
          !q.endRequestDate ||
          (parseKst(m.requestDate) >= parseKst(q.startRequestDate) &&
            parseKst(m.requestDate) <= parseKst(q.endRequestDate))) &&
        (!q.recipientGroupingKey || m.recipientGroupingKey === q.recipientGroupingKey),
    );

  const variablesOf = (content: string) => [...content.matchAll(/#\{([^}]+)\}/g)].map((m) => m[1]);
  const matchesTemplate = (template: string, content: string) => {
    const pattern = template
      .split(/#\{[^}]+\}/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[\\s\\S]*');
    return new RegExp(`^${pattern}$`).test(content);
  };

  for (const kind of ['messages', 'raw-messages'] as const) {
    // [AT] "Send Replacement Message Request" (messages) / "Send Full Message Request" (raw-messages)
    app.post(`/alimtalk/v2.3/appkeys/:appKey/${kind}`, (req, res) => {
      if (!authorized(req, res, 'kakao') || down(res, 'kakao')) return;
      const parsed = (kind === 'messages' ? AlimtalkReplacement : AlimtalkFull).safeParse(req.body);
      if (!parsed.success) return answer(res, KE.parameter, issues(parsed.error));
      if (repeatedIdempotencyKey(req))
        return answer(
          res,
          KE.duplicateIdempotencyKey,
          "The same 'X-NC-API-IDEMPOTENCY-KEY' was used within the last 10 minute.",
        );
      const body = parsed.data;
      const template = templates.get(`${body.senderKey}/${body.templateCode}`);
      if (!template) return answer(res, KE.templateMissing, 'Template does not exist.');
      if (template.status !== 'TSC03') return answer(res, KE.templateStatus, 'Please check template status.');
      const send = sendRequest('alimtalk', body.senderGroupingKey, body.templateCode);
      const sendResults = body.recipientList.map((r, i) => {
        const recipient = r as {
          recipientNo: string;
          templateParameter?: Record<string, string>;
          content?: string;
          recipientGroupingKey?: string;
        };
        let content = recipient.content ?? template.templateContent;
        if (kind === 'messages') {
          const params = recipient.templateParameter ?? {};
          if (variablesOf(template.templateContent).some((v) => params[v] === undefined))
            return {
              recipientSeq: i + 1,
              recipientNo: r.recipientNo,
              resultCode: KE.templateParameter,
              resultMessage: 'Please check template parameter.',
              recipientGroupingKey: recipient.recipientGroupingKey,
            };
          content = template.templateContent.replace(/#\{([^}]+)\}/g, (_m, v: string) => params[v]);
        } else if (!matchesTemplate(template.templateContent, content))
          return {
            recipientSeq: i + 1,
            recipientNo: r.recipientNo,
            resultCode: KE.contentMismatch,
            resultMessage: 'The contents do not match the template.',
            recipientGroupingKey: recipient.recipientGroupingKey,
          };
        accept(send, recipient, i, content);
        return {
          recipientSeq: i + 1,
          recipientNo: r.recipientNo,
          resultCode: 0,
          resultMessage: 'SUCCESS',
          recipientGroupingKey: recipient.recipientGroupingKey,
        };
      });
      // [AT] "Response": message {requestId, senderGroupingKey, sendResults[]}
      res.json({
        ...header(),
        message: { requestId: send.requestId, senderGroupingKey: body.senderGroupingKey, sendResults },
      });
    });
  }

  // ── Kakao: Brand Message (FriendTalk) ─────────────────────────────────────────────

  // [BM] "Upload Image": multipart image + imageType → image {imageSeq, imageUrl, imageName}
  app.post('/brand-message/v1.0/appkeys/:appKey/images', async (req, res) => {
    if (!authorized(req, res, 'kakao')) return;
    let form: FormData;
    try {
      form = await new globalThis.Request('http://double/', {
        method: 'POST',
        headers: { 'content-type': req.header('content-type') ?? '' },
        body: req.body as Buffer,
      }).formData();
    } catch {
      return answer(res, -9993, 'Required request part is not present.');
    }
    const image = form.get('image');
    const imageType = form.get('imageType');
    if (!(image instanceof Blob)) return answer(res, -9993, 'Required request part is not present.');
    if (imageType !== 'IMAGE' && imageType !== 'WIDE_IMAGE')
      return answer(res, KE.imageType, 'The image type is invalid.');
    const bytes = new Uint8Array(await image.arrayBuffer());
    const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
    const png = bytes[0] === 0x89 && bytes[1] === 0x50;
    if (!jpeg && !png) return answer(res, -8001, 'The image you upload is invalid.');
    const seq = images.size + 1;
    const imageUrl = `${url}/images/${seq}.${png ? 'png' : 'jpg'}`;
    images.set(imageUrl, { seq, bytes: bytes.length });
    res.json({ ...header(), image: { imageSeq: seq, imageUrl, imageName: (image as File).name ?? 'image' } });
  });

  // [BM] "Request to Send a Free-Form Message": POST …/freestyle-messages → message {requestId, sendResults[]}
  app.post('/brand-message/v1.0/appkeys/:appKey/freestyle-messages', (req, res) => {
    if (!authorized(req, res, 'kakao') || down(res, 'kakao')) return;
    const parsed = BrandFreestyle.safeParse(req.body);
    if (!parsed.success) return answer(res, KE.parameter, issues(parsed.error));
    const body = parsed.data;
    if (body.chatBubbleType === 'IMAGE' && !(body.image && images.has(body.image.imageUrl)))
      return answer(res, KE.imageNotFound, 'It is not found any images.');
    if (body.chatBubbleType !== 'TEXT' && body.chatBubbleType !== 'IMAGE')
      return answer(res, -3305, `The chatBubbleType ${body.chatBubbleType} is not allowed here.`);
    const send = sendRequest('brand', body.senderGroupingKey, null);
    const sendResults = body.recipientList.map((r, i) => {
      accept(send, r, i, body.content);
      return { recipientSeq: i + 1, recipientNo: r.recipientNo, resultCode: 0, resultMessage: 'success' };
    });
    res.json({ ...header(0, 'success'), message: { requestId: send.requestId, sendResults } });
  });

  // ── Kakao: results ─────────────────────────────────────────────────────────────

  const kakaoView = (m: StoredMessage) => ({
    requestId: m.requestId,
    recipientSeq: m.recipientSeq,
    templateCode: m.templateCode,
    recipientNo: m.recipientNo,
    content: m.content,
    requestDate: m.requestDate,
    createDate: m.requestDate,
    receiveDate: m.resultDate,
    resendStatus: 'RSC01', // "Not a target of resending": NHN's own resend is off
    messageStatus: m.status,
    resultCode: m.resultCode,
    senderGroupingKey: m.senderGroupingKey,
    recipientGroupingKey: m.recipientGroupingKey,
  });

  for (const [base, api] of [
    ['/alimtalk/v2.3', 'alimtalk'],
    ['/brand-message/v1.0', 'brand'],
  ] as const) {
    // [AT] "List Messages" / [BM] "List Deliveries": requestId, or startRequestDate + endRequestDate (yyyy-MM-dd HH:mm)
    app.get(`${base}/appkeys/:appKey/messages`, (req, res) => {
      if (!authorized(req, res, 'kakao')) return;
      const q = req.query as Record<string, string | undefined>;
      const ranged = q.startRequestDate && q.endRequestDate;
      if (!q.requestId && !ranged)
        return answer(res, KE.searchRange, 'RequestId or startRequestDate/endRequestDate is invalid.');
      if (
        ranged &&
        (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(q.startRequestDate!) ||
          !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(q.endRequestDate!))
      )
        return answer(res, KE.searchRange, 'RequestId or startRequestDate/endRequestDate is invalid.');
      const found = listed(api, q);
      res.json({
        ...header(),
        messageSearchResultResponse: { messages: found.map(kakaoView), totalCount: found.length },
      });
    });

    // [AT] "Get Message" / [BM] "Get Deliveries": …/messages/{requestId}/{recipientSeq} → message {…}
    app.get(`${base}/appkeys/:appKey/messages/:requestId/:recipientSeq`, (req, res) => {
      if (!authorized(req, res, 'kakao')) return;
      const m = messages.find(
        (x) =>
          x.api === api && x.requestId === req.params.requestId && x.recipientSeq === Number(req.params.recipientSeq),
      );
      res.json({ ...header(), message: m ? kakaoView(m) : null });
    });
  }

  // ── SMS v3.0 ─────────────────────────────────────────────────────────────────────

  for (const api of ['sms', 'mms'] as const) {
    // [SMS] "Send Short SMS" / "Send Long MMS": POST /sms/v3.0/appKeys/{appKey}/sender/{sms|mms}
    app.post(`/sms/v3.0/appKeys/:appKey/sender/${api}`, (req, res) => {
      if (!authorized(req, res, 'sms') || down(res, 'sms')) return;
      const parsed = (api === 'sms' ? SmsSendBody : MmsSendBody).safeParse(req.body);
      if (!parsed.success) return answer(res, SE.parameter, issues(parsed.error));
      const body = parsed.data as z.infer<typeof MmsSendBody>;
      const texts = api === 'mms' ? [body.title, body.body] : [body.body];
      if (texts.some((t) => EUC_KR_BYTES(t) === null))
        return answer(res, SE.emoji, 'Title or body includes characters that are not allowed (e.g. emojis)');
      // [SMS] "[Caution]": SMS body 90 bytes, MMS title 40 bytes and body 2,000 bytes (EUC-KR) are the standard.
      const limits = api === 'sms' ? [90] : [40, 2000];
      if (texts.some((t, i) => EUC_KR_BYTES(t)! > limits[i]))
        return answer(res, SE.parameter, `over the standard size (${limits.join('/')} bytes, EUC-KR)`);
      const send = sendRequest(api, body.senderGroupingKey, null);
      const sendResultList = body.recipientList.map((r, i) => {
        accept(send, r, i, body.body);
        return {
          recipientNo: r.recipientNo,
          resultCode: 0,
          resultMessage: 'SUCCESS',
          recipientSeq: i + 1,
          recipientGroupingKey: r.recipientGroupingKey,
        };
      });
      // [SMS] "Response": body.data {requestId, statusCode "2" request completed, senderGroupingKey, sendResultList[]}
      res.json({
        ...header(),
        body: {
          data: {
            requestId: send.requestId,
            statusCode: '2',
            senderGroupingKey: body.senderGroupingKey,
            sendResultList,
          },
        },
      });
    });

    const smsView = (m: StoredMessage) => ({
      requestId: m.requestId,
      requestDate: `${m.requestDate}.0`,
      resultDate: m.resultDate ? `${m.resultDate}.0` : null,
      body: m.content,
      recipientNo: m.recipientNo,
      msgStatus: m.status,
      resultCode: m.resultCode,
      recipientSeq: m.recipientSeq,
      sendType: api === 'sms' ? '0' : '1',
      messageType: api === 'sms' ? 'SMS' : 'LMS',
      senderGroupingKey: m.senderGroupingKey,
      recipientGroupingKey: m.recipientGroupingKey,
    });

    // [SMS] "List Delivery of …": requestId or startRequestDate + endRequestDate (yyyy-MM-dd HH:mm:ss)
    app.get(`/sms/v3.0/appKeys/:appKey/sender/${api}`, (req, res) => {
      if (!authorized(req, res, 'sms')) return;
      const q = req.query as Record<string, string | undefined>;
      const ranged = q.startRequestDate && q.endRequestDate;
      if (!q.requestId && !ranged)
        return answer(
          res,
          SE.queryParameters,
          'Required query parameters are missing (requestId or startRequestDate, endRequestdate)',
        );
      const stamp = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
      if (ranged && (!stamp.test(q.startRequestDate!) || !stamp.test(q.endRequestDate!)))
        return answer(res, SE.dateFormat, 'Invalid date format');
      const found = listed(api, q);
      res.json({ ...header(), body: { pageNum: 1, pageSize: 15, totalCount: found.length, data: found.map(smsView) } });
    });

    // [SMS] "Query Delivery of Short SMS" / "Query Single Delivery of Long MMS": …/{requestId}?recipientSeq=
    app.get(`/sms/v3.0/appKeys/:appKey/sender/${api}/:requestId`, (req, res) => {
      if (!authorized(req, res, 'sms')) return;
      const seq = Number(req.query.recipientSeq);
      if (!Number.isInteger(seq))
        return answer(res, SE.detailQuery, 'When detailed query parameter is invalid (requestId or mtPr)');
      const m = messages.find((x) => x.api === api && x.requestId === req.params.requestId && x.recipientSeq === seq);
      if (!m) return answer(res, SE.detailQuery, 'When detailed query parameter is invalid (requestId or mtPr)');
      res.json({ ...header(), body: { data: smsView(m) } });
    });
  }

  app.use((req, res) => answer(res.status(404), -9998, 'Not exist API'));

  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  double.url = url;
  return double;
}
