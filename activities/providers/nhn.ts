/**
 * NHN Cloud Notification adapters (KAKAO_PROVIDER=nhn, SMS carrier `nhn`; docs/providers.md), written
 * against NHN's public documents in the TOAST-DOCS repositories on GitHub:
 *   [AT]  Alimtalk en/alimtalk-api-guide.md — "AlimTalk API v2.3 Guide"
 *   [BM]  Alimtalk en/friendtalkupgrade-api-guide.md — "Brand Message API v1.0 Guide" (FriendTalk's successor)
 *   [SND] Alimtalk en/sender-api-guide-v2.3.md — "Sender API v2.3 Guide"
 *   [KE]  Alimtalk en/error-code.md — KakaoTalk Bizmessage error codes
 *   [SMS] SMS en/api-guide.md — "SMS API v3.0 Guide"; [SE] SMS en/error-code.md
 *
 * Every request authenticates with the console's secret key in `X-Secret-Key`; answers carry
 * `header {isSuccessful, resultCode, resultMessage}`. Our idempotency key travels as the
 * recipient grouping key (`recipientGroupingKey`, up to 100 characters: [AT], [BM], [SMS]), so a
 * send can be found again and webhooks name the message; AlimTalk also takes it as
 * `X-NC-API-IDEMPOTENCY-KEY`. NHN's own SMS resend is off for every recipient
 * (`resendParameter.isResend: false`): bizmsg runs the fallback itself, so nothing goes out twice.
 * Secrets and recipients never appear in an error message (they end up in logs and Temporal).
 */
import type { ProviderName } from '../../domain/delivery';
import {
  isNhnOutage,
  kakaoResultOf,
  NHN_DUPLICATE_IDEMPOTENCY_KEY,
  nhnKstStamp,
  nhnMessageId,
  parseNhnKstStamp,
  parseNhnMessageId,
  smsResultOf,
  templateReviewOf,
  type NhnApi,
  type NhnResult,
} from '../../domain/nhn';
import { maskPhonesInText } from '../../domain/phone';
import { channelOfKey } from '../../domain/provider-keys';
import type { TemplateButton } from '../../domain/template';
import {
  ProviderRejected,
  ProviderUnavailable,
  type KakaoSend,
  type ProviderImage,
  type Provider,
  type ProviderResult,
  type SmsSend,
  type TemplateReviews,
} from './types';

export interface NhnEndpoint {
  url: string;
  appKey: string;
  secretKey: string;
}

interface NhnHeader {
  isSuccessful: boolean;
  resultCode: number;
  resultMessage: string;
}

const REQUEST_TIMEOUT_MS = 10_000;
/** How far back a lost send is looked for: list queries take at most 30 days ([AT] "List Messages"). */
const FIND_WINDOW_MS = 24 * 3_600_000;

interface CallOptions {
  method?: 'GET' | 'POST' | 'PUT';
  query?: Record<string, string>;
  json?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
}

/** One NHN call: network failures and 5xx are ProviderUnavailable; a refusal in `header` is ProviderRejected. */
async function nhnCall<T>(provider: ProviderName, ep: NhnEndpoint, path: string, opts: CallOptions = {}): Promise<T> {
  const url = new URL(ep.url.replace(/\/$/, '') + path);
  for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.set(k, v);
  let res: Response;
  try {
    res = await fetch(url, {
      method: opts.method ?? 'GET',
      headers: {
        'X-Secret-Key': ep.secretKey,
        ...(opts.json !== undefined ? { 'Content-Type': 'application/json;charset=UTF-8' } : {}),
        ...opts.headers,
      },
      body: opts.form ?? (opts.json !== undefined ? JSON.stringify(opts.json) : undefined),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (err) {
    const timedOut = (err as Error).name === 'TimeoutError';
    throw new ProviderUnavailable(provider, timedOut ? 'NHN did not answer in time' : 'NHN could not be reached');
  }
  if (res.status >= 500 || res.status === 429)
    throw new ProviderUnavailable(provider, `NHN answered HTTP ${res.status}`, res.status === 503);
  let body: { header?: NhnHeader } & T;
  try {
    body = (await res.json()) as typeof body;
  } catch {
    throw new ProviderRejected(provider, res.status, `http_${res.status}`, 'NHN answered without JSON');
  }
  const header = body.header;
  if (!header || typeof header.resultCode !== 'number')
    throw new ProviderRejected(provider, res.status, `http_${res.status}`, 'NHN answered without a result header');
  if (!header.isSuccessful) {
    const message = maskPhonesInText(String(header.resultMessage ?? '')).slice(0, 300);
    if (isNhnOutage(header.resultCode))
      throw new ProviderUnavailable(provider, `NHN ${header.resultCode}: ${message}`, true);
    throw new ProviderRejected(provider, res.status, String(header.resultCode), message);
  }
  return body;
}

/** Per-recipient result of a send request ([AT] "Response": sendResults; [SMS]: sendResultList; 0 = accepted). */
interface RecipientResult {
  recipientSeq: number;
  resultCode: number;
  resultMessage?: string;
}

function acceptedRecipient(provider: ProviderName, requestId: string | undefined, r: RecipientResult | undefined) {
  if (!requestId || !r) throw new ProviderRejected(provider, 200, 'no_request_id', 'NHN accepted nothing');
  if (r.resultCode !== 0)
    throw new ProviderRejected(
      provider,
      200,
      String(r.resultCode),
      maskPhonesInText(String(r.resultMessage ?? '')).slice(0, 300),
    );
  return r.recipientSeq;
}

const toResult = (r: NhnResult, at: string | null | undefined): ProviderResult | null =>
  r && { status: r.status, resultCode: r.resultCode, reportedAt: parseNhnKstStamp(at) };

/** The date range a list query needs ([AT] "List Messages": startRequestDate/endRequestDate; [SMS] likewise). */
function findRange(withSeconds: boolean) {
  const now = Date.now();
  return {
    startRequestDate: nhnKstStamp(now - FIND_WINDOW_MS, withSeconds),
    endRequestDate: nhnKstStamp(now + 60_000, withSeconds),
  };
}

/** A 40-character sender key as issued by NHN ([AT] "senderKey: Sender key (40 characters)"). */
const SENDER_KEY = /^[0-9a-f]{40}$/i;

/**
 * bizmsg keeps each merchant's Kakao search ID (@id); NHN sends by the sender key issued for that
 * channel. [SND] "List Sender": GET /alimtalk/v2.3/appkeys/{appkey}/senders?plusFriendId= →
 * senders[].senderKey. Looked up once per channel.
 */
function senderKeys(ep: NhnEndpoint) {
  const known = new Map<string, string>();
  return async (searchId: string): Promise<string> => {
    if (SENDER_KEY.test(searchId)) return searchId;
    const cached = known.get(searchId);
    if (cached) return cached;
    const body = await nhnCall<{ senders?: { plusFriendId: string; senderKey: string }[] }>(
      'kakao',
      ep,
      `/alimtalk/v2.3/appkeys/${ep.appKey}/senders`,
      { query: { plusFriendId: searchId } },
    );
    const found = body.senders?.find((s) => s.plusFriendId === searchId)?.senderKey;
    if (!found)
      throw new ProviderRejected('kakao', 200, 'nhn_sender_not_found', `no NHN sender profile for ${searchId}`);
    known.set(searchId, found);
    return found;
  };
}

type FindingProvider<S> = Provider<S> & Required<Pick<Provider<S>, 'find'>>;

/**
 * A send that may have gone out already (a retried activity, a lost answer) is looked up first, so
 * NHN does not send it twice: SMS v3.0 documents no idempotency header, and AlimTalk's holds a key
 * for only 10 minutes.
 */
function lookingUpFirst<S>(provider: FindingProvider<S>): Provider<S> {
  return {
    ...provider,
    async send(m, key, options) {
      const found = options?.mayHaveSent ? await provider.find(key) : null;
      return found ?? provider.send(m, key, options);
    },
  };
}

/** Kakao BizMessage through NHN: AlimTalk v2.3 and Brand Message v1.0 (FriendTalk text and image). */
export function nhnKakaoProvider(ep: NhnEndpoint): Provider<KakaoSend> {
  const senderKeyOf = senderKeys(ep);
  /** Uploaded images by their SHA-256: a campaign's image is uploaded once. */
  const uploaded = new Map<string, Promise<string>>();

  // [BM] "Upload Image": POST /brand-message/v1.0/appkeys/{appKey}/images, multipart `image` + `imageType`
  // (IMAGE: jpg/png, width ≥ 500 px, 0.5 ≤ height ÷ width ≤ 1.333) → image.imageUrl. The bytes are the
  // merchant's upload (POST /v1/images), read by the activity: nothing is fetched from a URL (SPEC §2).
  const uploadImage = (image: ProviderImage) => {
    let url = uploaded.get(image.sha256);
    if (!url) {
      url = (async () => {
        const form = new FormData();
        form.set(
          'image',
          new Blob([new Uint8Array(image.content)], { type: image.format === 'png' ? 'image/png' : 'image/jpeg' }),
          image.fileName,
        );
        form.set('imageType', 'IMAGE');
        const body = await nhnCall<{ image?: { imageUrl: string } }>(
          'kakao',
          ep,
          `/brand-message/v1.0/appkeys/${ep.appKey}/images`,
          { method: 'POST', form },
        );
        if (!body.image?.imageUrl) throw new ProviderRejected('kakao', 200, 'no_image_url', 'NHN stored no image');
        return body.image.imageUrl;
      })();
      uploaded.set(image.sha256, url);
      url.catch(() => uploaded.delete(image.sha256));
    }
    return url;
  };

  type Sent = { message?: { requestId?: string; sendResults?: RecipientResult[] } };

  async function sendAlimtalk(m: KakaoSend, senderKey: string, key: string): Promise<string> {
    const recipient = {
      recipientNo: m.to,
      resendParameter: { isResend: false },
      recipientGroupingKey: key,
    };
    // [AT] "Send Replacement Message Request": POST /alimtalk/v2.3/appkeys/{appkey}/messages with
    // templateParameter (#{key} → value); Kakao fills the template's body and buttons, whose links
    // may hold variables too. Texts we rendered ourselves (payment notices) go as [AT] "Send Full
    // Message Request": POST …/raw-messages with the content, which Kakao matches to the template.
    const raw = m.variables === undefined;
    const body = await nhnCall<Sent>(
      'kakao',
      ep,
      `/alimtalk/v2.3/appkeys/${ep.appKey}/${raw ? 'raw-messages' : 'messages'}`,
      {
        method: 'POST',
        // [AT] header X-NC-API-IDEMPOTENCY-KEY: the same key within 10 minutes fails (-1005) instead of sending again.
        headers: { 'X-NC-API-IDEMPOTENCY-KEY': key },
        json: {
          senderKey,
          templateCode: m.templateCode,
          recipientList: [raw ? { ...recipient, content: m.text } : { ...recipient, templateParameter: m.variables }],
        },
      },
    );
    const seq = acceptedRecipient('kakao', body.message?.requestId, body.message?.sendResults?.[0]);
    return nhnMessageId('alimtalk', body.message!.requestId!, seq);
  }

  async function sendBrandMessage(m: KakaoSend, senderKey: string, key: string): Promise<string> {
    const imageUrl = m.type === 'friendtalk_image' && m.image ? await uploadImage(m.image) : undefined;
    // [BM] "Request to Send a Free-Form Message": POST /brand-message/v1.0/appkeys/{appkey}/freestyle-messages,
    // chatBubbleType TEXT (content ≤ 1,300) or IMAGE (content + image.imageUrl of an uploaded image).
    // targeting I = channel friends only, as FriendTalk was (SPEC §2). No idempotency header is documented here.
    const body = await nhnCall<Sent>('kakao', ep, `/brand-message/v1.0/appkeys/${ep.appKey}/freestyle-messages`, {
      method: 'POST',
      json: {
        senderKey,
        chatBubbleType: imageUrl ? 'IMAGE' : 'TEXT',
        content: m.text,
        ...(imageUrl ? { image: { imageUrl } } : {}),
        recipientList: [
          { recipientNo: m.to, targeting: 'I', resendParameter: { isResend: false }, recipientGroupingKey: key },
        ],
      },
    });
    const seq = acceptedRecipient('kakao', body.message?.requestId, body.message?.sendResults?.[0]);
    return nhnMessageId('brand', body.message!.requestId!, seq);
  }

  const apiOfKey = (key: string): NhnApi => (channelOfKey(key) === 'alimtalk' ? 'alimtalk' : 'brand');

  const provider: FindingProvider<KakaoSend> = {
    name: 'kakao',

    async send(m, key) {
      const senderKey = await senderKeyOf(m.senderKey);
      try {
        const providerMessageId =
          m.type === 'alimtalk' ? await sendAlimtalk(m, senderKey, key) : await sendBrandMessage(m, senderKey, key);
        return { providerMessageId };
      } catch (err) {
        // A repeat within 10 minutes of a send whose answer we lost: the first one is the send.
        if (err instanceof ProviderRejected && err.code === String(NHN_DUPLICATE_IDEMPOTENCY_KEY)) {
          const found = await provider.find(key);
          if (found) return found;
          throw new ProviderUnavailable('kakao', 'NHN holds this send but does not list it yet');
        }
        throw err;
      }
    },

    // [AT] "List Messages": GET /alimtalk/v2.3/appkeys/{appkey}/messages?recipientGroupingKey= (with a
    // request date range) → messageSearchResultResponse.messages[]; [BM] "List Deliveries" likewise.
    async find(key) {
      const api = apiOfKey(key);
      const path =
        api === 'alimtalk'
          ? `/alimtalk/v2.3/appkeys/${ep.appKey}/messages`
          : `/brand-message/v1.0/appkeys/${ep.appKey}/messages`;
      const body = await nhnCall<{
        messageSearchResultResponse?: { messages?: { requestId: string; recipientSeq: number }[] };
      }>('kakao', ep, path, { query: { ...findRange(false), recipientGroupingKey: key } });
      const hit = body.messageSearchResultResponse?.messages?.[0];
      return hit ? { providerMessageId: nhnMessageId(api, hit.requestId, hit.recipientSeq) } : null;
    },

    // [AT] "Get Message": GET /alimtalk/v2.3/appkeys/{appkey}/messages/{requestId}/{recipientSeq} →
    // message.{messageStatus, resultCode, receiveDate}; [BM] "Get Deliveries": /brand-message/v1.0/… likewise.
    async status(providerMessageId) {
      const id = parseNhnMessageId(providerMessageId);
      if (!id || (id.api !== 'alimtalk' && id.api !== 'brand')) return null;
      const base = id.api === 'alimtalk' ? '/alimtalk/v2.3' : '/brand-message/v1.0';
      const body = await nhnCall<{
        message?: { messageStatus?: string; resultCode?: string | null; receiveDate?: string | null };
      }>('kakao', ep, `${base}/appkeys/${ep.appKey}/messages/${id.requestId}/${id.recipientSeq}`);
      return body.message ? toResult(kakaoResultOf(body.message), body.message.receiveDate) : null;
    },
  };
  return lookingUpFirst(provider);
}

/** SMS (≤ 90 bytes) and LMS through NHN SMS API v3.0. */
export function nhnSmsProvider(ep: NhnEndpoint): Provider<SmsSend> {
  const apiOfKey = (key: string): NhnApi => (channelOfKey(key) === 'lms' ? 'mms' : 'sms');

  const provider: FindingProvider<SmsSend> = {
    name: 'sms',

    async send(m, key) {
      const recipientList = [{ recipientNo: m.to, recipientGroupingKey: key }];
      // [SMS] "Send Short SMS": POST /sms/v3.0/appKeys/{appKey}/sender/sms {body, sendNo, recipientList};
      // "Send Long MMS (attached file excluded)": POST …/sender/mms {title (required, ≤ 40 bytes), body, …}.
      // sendNo must be a sender number registered in NHN's console.
      const api: NhnApi = m.type === 'lms' ? 'mms' : 'sms';
      const json =
        api === 'mms'
          ? { title: m.subject ?? lmsTitleOf(m.text), body: m.text, sendNo: m.from, recipientList }
          : { body: m.text, sendNo: m.from, recipientList };
      const body = await nhnCall<{
        body?: { data?: { requestId?: string; sendResultList?: RecipientResult[] } };
      }>('sms', ep, `/sms/v3.0/appKeys/${ep.appKey}/sender/${api}`, { method: 'POST', json });
      const data = body.body?.data;
      const seq = acceptedRecipient('sms', data?.requestId, data?.sendResultList?.[0]);
      return { providerMessageId: nhnMessageId(api, data!.requestId!, seq) };
    },

    // [SMS] "List Delivery of Short SMS" / "…Long MMS": GET /sms/v3.0/appKeys/{appKey}/sender/{sms|mms}
    // ?startRequestDate&endRequestDate (yyyy-MM-dd HH:mm:ss)&recipientGroupingKey → body.data[].
    async find(key) {
      const api = apiOfKey(key);
      const body = await nhnCall<{ body?: { data?: { requestId: string; recipientSeq: number }[] } }>(
        'sms',
        ep,
        `/sms/v3.0/appKeys/${ep.appKey}/sender/${api}`,
        { query: { ...findRange(true), recipientGroupingKey: key } },
      );
      const hit = body.body?.data?.[0];
      return hit ? { providerMessageId: nhnMessageId(api, hit.requestId, hit.recipientSeq) } : null;
    },

    // [SMS] "Query Delivery of Short SMS": GET /sms/v3.0/appKeys/{appKey}/sender/sms/{requestId}?recipientSeq=
    // → body.data.{msgStatus, resultCode, resultDate}; "Query Single Delivery of Long MMS": …/sender/mms/….
    async status(providerMessageId) {
      const id = parseNhnMessageId(providerMessageId);
      if (!id || (id.api !== 'sms' && id.api !== 'mms')) return null;
      const body = await nhnCall<{
        body?: { data?: { msgStatus?: string; resultCode?: string | null; resultDate?: string | null } };
      }>('sms', ep, `/sms/v3.0/appKeys/${ep.appKey}/sender/${id.api}/${id.requestId}`, {
        query: { recipientSeq: String(id.recipientSeq) },
      });
      const data = body.body?.data;
      return data ? toResult(smsResultOf(data), data.resultDate) : null;
    },
  };
  return lookingUpFirst(provider);
}

/** [SMS] LMS needs a title; without a subject, the text's first line, cut to 40 EUC-KR bytes (Hangul = 2). */
export function lmsTitleOf(text: string): string {
  let title = '';
  let bytes = 0;
  for (const ch of text.split('\n')[0].trim()) {
    const size = ch.charCodeAt(0) < 0x80 ? 1 : 2;
    if (bytes + size > 40) break;
    title += ch;
    bytes += size;
  }
  return title || '-';
}

/** Our template buttons as [AT] "Register Templates" buttons (ordering 1–5, links: linkMo/linkPc, app schemes). */
function templateButtons(buttons: TemplateButton[] = []) {
  return buttons.map((b, i) => ({
    ordering: i + 1,
    type: b.type,
    name: b.name,
    ...(b.urlMobile ? { linkMo: b.urlMobile } : {}),
    ...(b.urlPc ? { linkPc: b.urlPc } : {}),
    ...(b.schemeAndroid ? { schemeAndroid: b.schemeAndroid } : {}),
    ...(b.schemeIos ? { schemeIos: b.schemeIos } : {}),
  }));
}

/** [KE] -1000 invalid appKey, -1001 invalid secretKey: our configuration, not the template. */
const CREDENTIAL_ERRORS = new Set(['-1000', '-1001']);

/** AlimTalk template registration and Kakao's review through NHN ([AT] "Templates"). */
export function nhnTemplateReviews(ep: NhnEndpoint): TemplateReviews {
  const senderKeyOf = senderKeys(ep);
  // [AT] "Get Template": GET …/senders/{senderKey}/templates/{templateCode} → templates.status (TSC01–04)
  // and comments[] (the reviewer's notes; status REJ on a rejection). The field is documented as an
  // Object named "templates"; a one-element list is read too.
  async function status(searchId: string, code: string) {
    const senderKey = await senderKeyOf(searchId);
    type T = { status: string; comments?: { content?: string; status?: string }[] };
    const body = await nhnCall<{ templates?: T | T[] }>(
      'kakao',
      ep,
      `/alimtalk/v2.3/appkeys/${ep.appKey}/senders/${senderKey}/templates/${encodeURIComponent(code)}`,
    );
    const t = Array.isArray(body.templates) ? body.templates[0] : body.templates;
    if (!t) throw new ProviderRejected('kakao', 200, 'nhn_template_not_found', `NHN has no template ${code}`);
    const review = templateReviewOf(t.status);
    const note = [...(t.comments ?? [])].reverse().find((c) => c.status === 'REJ' && c.content)?.content;
    return { status: review, reason: review === 'rejected' ? (note ?? 'rejected by Kakao') : null };
  }
  return {
    // [AT] "Register Templates": POST /alimtalk/v2.3/appkeys/{appkey}/senders/{senderKey}/templates
    // {templateCode ≤ 20, templateName ≤ 150, templateContent ≤ 1,300, templateMessageType BA, buttons};
    // a registered template is in review (TSC01). -3001 (code exists: a retried registration) reads its status;
    // any other refusal rejects the template with NHN's reason.
    async submit(t) {
      const senderKey = await senderKeyOf(t.senderKey);
      try {
        await nhnCall('kakao', ep, `/alimtalk/v2.3/appkeys/${ep.appKey}/senders/${senderKey}/templates`, {
          method: 'POST',
          json: {
            templateCode: t.code,
            templateName: t.code,
            templateContent: t.text,
            templateMessageType: 'BA',
            templateEmphasizeType: 'NONE',
            buttons: templateButtons(t.buttons),
          },
        });
      } catch (err) {
        if (!(err instanceof ProviderRejected) || CREDENTIAL_ERRORS.has(err.code)) throw err;
        // A template NHN will not even register cannot be approved: the merchant sees why.
        if (err.code !== '-3001')
          return { status: 'rejected', reason: `NHN refused the template (${err.code}): ${err.detail}` };
      }
      return status(t.senderKey, t.code);
    },
    status,
  };
}
